// Reading and writing one course's progress record: restore on load, keep a damaged original aside
// before anything replaces it, and read-merge-write on save so that another tab's work is never
// overwritten.
import { mergeProgress } from '../engine/progress-merge.ts';
import type { CourseProgress } from '../engine/progress-types.ts';
import { canonicalJson } from '../engine/canonical.ts';
import { hasCycle, withoutCycles } from './cycles.ts';
import { progressKey, quarantineKey, quarantinePrefix } from './keys.ts';
import { CLOCK_SKEW_MS, boundTimes, emptyProgress } from '../engine/progress.ts';
import { isSoundRecord, progressOfSoundRecord, toRecord } from './record-check.ts';
import type { Restored } from './restore.ts';
import type { ProgressStore, StoreResult } from './store.ts';

/** A damaged record kept aside under quarantineKey(). */
export interface QuarantineRecord {
  version: 1;
  kind: 'coursemark-quarantine';
  courseId: string;
  keptAt: number;
  /** What could not be read, one line each. */
  problems: string[];
  /** The stored value exactly as it was found. */
  record: unknown;
}

export interface LoadedProgress {
  /** Everything that could be recovered (empty progress when nothing was stored). */
  progress: CourseProgress;
  /** What could not be read; empty when the record was sound. */
  problems: string[];
  /** Where the damaged original was kept, when there was one. */
  quarantinedAs: string | null;
  /**
   * Set when the damaged original could not be kept aside: the stored record must not be written
   * over this session, or it would be lost.
   */
  keepAsideFailed: Extract<StoreResult<void>, { ok: false }> | null;
  migratedFrom: number | null;
  /** The write id found in storage (see saveProgress). */
  writeId: string | null;
}

export interface SavedProgress {
  /** What is now stored: the progress given, merged with what another tab had stored. */
  progress: CourseProgress;
  writeId: string;
  /**
   * The stored record was reset (Settings) after this writer's copy began: nothing was written,
   * and `progress` is the stored, reset record, which the writer should adopt.
   */
  followedReset?: boolean;
}

/**
 * Restore, fast: a sound current record is used as it is; only an absent, older or damaged one loads
 * the full restore (zod validation, migrations, salvage), which then stays out of the first load.
 */
export async function restore(value: unknown, courseId: string, now: number): Promise<Restored> {
  if (value === null || value === undefined) return { progress: emptyProgress(courseId, now), problems: [], migratedFrom: null };
  if (isSoundRecord(value, courseId) && !hasCycle(value)) return { progress: progressOfSoundRecord(value), problems: [], migratedFrom: null };
  const { restoreProgress } = await import('./restore.ts');
  return restoreProgress(value, courseId, now);
}

function storedWriteId(value: unknown): string | null {
  const id = value && typeof value === 'object' ? (value as { writeId?: unknown }).writeId : undefined;
  return typeof id === 'string' ? id : null;
}

/** Quarantine copies kept per course: the newest few are what support or a later build can use. */
export const MAX_QUARANTINE_COPIES = 5;

/** Comparable text of a stored value, whatever it holds (a cycle included). */
function fingerprint(value: unknown): string {
  return canonicalJson(withoutCycles(value, { add: () => undefined }));
}

/** The quarantine keys of a course, oldest first (keys end in the time they were kept). */
async function quarantineKeys(store: ProgressStore, courseId: string): Promise<StoreResult<string[]>> {
  const all = await store.keys();
  if (!all.ok) return all;
  const prefix = quarantinePrefix(courseId);
  const timeOf = (key: string): number => Number.parseInt(key.slice(prefix.length), 10) || 0;
  const keys = all.value.filter((key) => key.startsWith(prefix)).sort((a, b) => timeOf(a) - timeOf(b) || (a < b ? -1 : 1));
  return { ok: true, value: keys };
}

/**
 * Keeps a damaged record aside, once: a copy identical to one already kept is not added again, and
 * only the newest MAX_QUARANTINE_COPIES copies of a course stay, so storage cannot grow without end.
 */
async function keepAside(
  store: ProgressStore,
  courseId: string,
  value: unknown,
  problems: string[],
  now: number,
): Promise<StoreResult<string>> {
  const existing = await quarantineKeys(store, courseId);
  if (!existing.ok) return existing;
  const print = fingerprint(value);
  for (const key of existing.value) {
    const kept = await store.get(key);
    if (kept.ok && kept.value && typeof kept.value === 'object' && fingerprint((kept.value as QuarantineRecord).record) === print) {
      return { ok: true, value: key };
    }
  }
  let key = quarantineKey(courseId, now);
  // Two damaged records in one millisecond must not share a key.
  for (let n = 1; existing.value.includes(key); n++) key = `${quarantineKey(courseId, now)}-${n}`;
  const record: QuarantineRecord = { version: 1, kind: 'coursemark-quarantine', courseId, keptAt: now, problems, record: value };
  const kept = await store.set(key, record);
  if (!kept.ok) return kept;
  // Only once the new copy is safe are the oldest let go.
  const all = [...existing.value, key];
  for (const old of all.slice(0, Math.max(0, all.length - MAX_QUARANTINE_COPIES))) await store.remove(old);
  return { ok: true, value: key };
}

/** Loads a course's progress: restored, migrated and, when damaged, kept aside and rewritten clean. */
export async function loadProgress(store: ProgressStore, courseId: string, now: number): Promise<StoreResult<LoadedProgress>> {
  const key = progressKey(courseId);
  const stored = await store.get(key);
  if (!stored.ok) return stored;
  const restored = await restore(stored.value, courseId, now);
  // Times from a clock that ran fast (an import from another device, a clock since corrected) are
  // capped and written back, so that no later edit here loses to them.
  const progress = boundTimes(restored.progress, now + CLOCK_SKEW_MS);
  const loaded: LoadedProgress = {
    progress,
    problems: restored.problems,
    quarantinedAs: null,
    keepAsideFailed: null,
    migratedFrom: restored.migratedFrom,
    // A damaged record's write id must not vouch for it: what it holds was not all restored.
    writeId: restored.problems.length > 0 ? null : storedWriteId(stored.value),
  };
  if (restored.problems.length > 0) {
    const kept = await keepAside(store, courseId, stored.value, restored.problems, now);
    if (!kept.ok) return { ok: true, value: { ...loaded, keepAsideFailed: kept } };
    loaded.quarantinedAs = kept.value;
  }
  if (restored.problems.length > 0 || restored.migratedFrom !== null || progress !== restored.progress) {
    // Rewrite now, so the next start reads a clean, current record. If this fails the next save retries.
    const writeId = `load:${now}`;
    const written = await store.set(key, { ...toRecord(progress), writeId });
    if (written.ok) loaded.writeId = writeId;
  }
  return { ok: true, value: loaded };
}

export interface SaveOptions {
  now: number;
  /** The write id of this writer's last save: if storage still holds it, nobody else wrote since. */
  lastWriteId?: string | null;
  /** A fresh id for this write. */
  writeId: string;
}

/**
 * Read-merge-write: merges the progress with whatever is stored (another tab may have written),
 * writes the result and returns it. A damaged stored record is kept aside first.
 */
export async function saveProgress(
  store: ProgressStore,
  progress: CourseProgress,
  options: SaveOptions,
): Promise<StoreResult<SavedProgress>> {
  const key = progressKey(progress.courseId);
  const stored = await store.get(key);
  if (!stored.ok) return stored;
  let merged = progress;
  const untouched = options.lastWriteId != null && storedWriteId(stored.value) === options.lastWriteId;
  if (stored.value !== null && !untouched) {
    const restored = await restore(stored.value, progress.courseId, options.now);
    if (restored.problems.length > 0) {
      const kept = await keepAside(store, progress.courseId, stored.value, restored.problems, options.now);
      if (!kept.ok) return kept;
    }
    if ((restored.progress.resetAt ?? -1) > (progress.resetAt ?? -1)) {
      // Merging would bring back what the learner chose to remove.
      return { ok: true, value: { progress: restored.progress, writeId: storedWriteId(stored.value) ?? '', followedReset: true } };
    }
    merged = mergeProgress(boundTimes(restored.progress, options.now + CLOCK_SKEW_MS), progress);
  }
  const written = await store.set(key, { ...toRecord(merged), writeId: options.writeId });
  if (!written.ok) return written;
  return { ok: true, value: { progress: merged, writeId: options.writeId } };
}

/** Merges progress from elsewhere (an import) into what is stored, without a live player. */
export async function mergeIntoStore(
  store: ProgressStore,
  progress: CourseProgress,
  now: number,
): Promise<StoreResult<SavedProgress>> {
  return saveProgress(store, progress, { now, writeId: `import:${now}:${progress.courseId}` });
}
