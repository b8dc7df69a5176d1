// Reading and writing one course's progress: a small summary record (restored on load, a damaged
// original kept aside before anything replaces it, read-merge-written on save so that another tab's
// work is never overwritten) and the attempt log beside it (attempt-log.ts).
import { emptyIdMap, getOwn, setOwn, withEntry } from '../engine/id-map.ts';
import { followsReset, mergeProgress } from '../engine/progress-merge.ts';
import type { CourseProgress, QuizAttempt, QuizFigures } from '../engine/progress-types.ts';
import { figuresByQuiz, quizFigures } from '../engine/quiz-figures.ts';
import { canonicalJson } from '../engine/canonical.ts';
import { hasCycle, withoutCycles } from './cycles.ts';
import { progressKey, quarantineKey, quarantinePrefix } from './keys.ts';
import { CLOCK_SKEW_MS, boundTimes, emptyProgress } from '../engine/progress.ts';
import { isSoundRecord, progressOfSoundRecord, toSummaryRecord } from './record-check.ts';
import type { Restored } from './restore.ts';
import type { ProgressStore, StoreResult } from './store.ts';

/** The attempt log, loaded when a save or a migration first needs it: opening a course does not. */
const attemptLog = () => import('./attempt-log.ts');

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
  /** The attempt log was read (a migration): `progress.attempts` holds all of it. */
  logRead: boolean;
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

/**
 * Phase 1 of moving attempts out of a record that holds them inline: each is written under its own
 * key, then the course's whole log is read back. Only when every one of them is found there may the
 * record holding them be replaced (phase 2, by the caller). Writing is idempotent (keyed by id), so a
 * crash between the phases loses nothing and counts nothing twice.
 */
async function moveAttempts(store: ProgressStore, courseId: string, inline: readonly QuizAttempt[]): Promise<StoreResult<QuizAttempt[]>> {
  const { readAllAttempts, writeAttempts } = await attemptLog();
  const written = await writeAttempts(store, courseId, inline);
  if (!written.ok) return written;
  const log = await readAllAttempts(store, courseId);
  if (!log.ok) return log;
  const found = new Set(log.value.attempts.map((attempt) => attempt.id));
  const missing = inline.filter((attempt) => !found.has(attempt.id)).length;
  if (missing > 0) return { ok: false, reason: 'unknown', message: `${missing} attempt(s) could not be read back after writing` };
  return { ok: true, value: log.value.attempts };
}

/** Attempts from before the learner started the course again do not count. */
function sinceReset(attempts: QuizAttempt[], resetAt: number | undefined): QuizAttempt[] {
  return resetAt === undefined ? attempts : attempts.filter((attempt) => attempt.finishedAt >= resetAt);
}

/** A summary and the attempt log, one course's whole progress. */
async function withLog(
  store: ProgressStore,
  progress: CourseProgress,
  now: number,
): Promise<StoreResult<{ progress: CourseProgress; moved: boolean; problems: string[] }>> {
  const inline = progress.attempts;
  const log = inline.length > 0 ? await moveAttempts(store, progress.courseId, inline) : null;
  const read = log?.ok ? { ok: true as const, value: { attempts: log.value, damaged: [] } } : await (await attemptLog()).readAllAttempts(store, progress.courseId);
  if (!read.ok) return read;
  const problems = read.value.damaged.map((key) => `${key}: not a quiz attempt`);
  if (read.value.damaged.length > 0) {
    // Each damaged attempt is kept aside once, then its key is freed for nothing else to trip on.
    const damaged: Record<string, unknown> = {};
    for (const key of read.value.damaged) {
      const value = await store.get(key);
      if (value.ok) damaged[key] = value.value;
    }
    const kept = await keepAside(store, progress.courseId, { damagedAttempts: damaged }, problems, now);
    if (kept.ok) for (const key of read.value.damaged) await store.remove(key);
  }
  const attempts = mergeProgress({ ...progress, attempts: inline }, { ...progress, attempts: sinceReset(read.value.attempts, progress.resetAt) }).attempts;
  // The figures of the whole log, computed once: from now on they are kept up as attempts are added.
  return { ok: true, value: { progress: { ...progress, attempts, quizzes: figuresByQuiz(attempts) }, moved: log === null || log.ok, problems } };
}

/**
 * Loads a course's summary: the record restored, migrated and, when damaged, kept aside and rewritten
 * clean. A current summary is all the course home needs, so the attempt log is read only to move
 * attempts still inline in an older record to their own keys (two phases: see moveAttempts), to
 * compute the per-quiz figures of a record written before them, or after damage; the attempts read
 * then are in `progress.attempts`, otherwise it is empty.
 */
export async function loadSummary(store: ProgressStore, courseId: string, now: number): Promise<StoreResult<LoadedProgress>> {
  const key = progressKey(courseId);
  const stored = await store.get(key);
  if (!stored.ok) return stored;
  const restored = await restore(stored.value, courseId, now);
  // Times from a clock that ran fast (an import from another device, a clock since corrected) are
  // capped and written back, so that no later edit here loses to them.
  const bounded = boundTimes(restored.progress, now + CLOCK_SKEW_MS);
  const loaded: LoadedProgress = {
    progress: bounded,
    problems: restored.problems,
    quarantinedAs: null,
    keepAsideFailed: null,
    migratedFrom: restored.migratedFrom,
    // A damaged record's write id must not vouch for it: what it holds was not all restored.
    writeId: restored.problems.length > 0 ? null : storedWriteId(stored.value),
    logRead: false,
  };
  if (restored.problems.length > 0) {
    const kept = await keepAside(store, courseId, stored.value, restored.problems, now);
    if (!kept.ok) loaded.keepAsideFailed = kept;
    else loaded.quarantinedAs = kept.value;
  }
  const noFigures = stored.value !== null && bounded.quizzes === undefined;
  const rewrite = restored.problems.length > 0 || restored.migratedFrom !== null || bounded !== restored.progress || bounded.attempts.length > 0 || noFigures;
  if (!rewrite) return { ok: true, value: loaded };
  const whole = await withLog(store, bounded, now);
  if (!whole.ok) return whole;
  loaded.progress = whole.value.progress;
  loaded.problems = [...loaded.problems, ...whole.value.problems];
  loaded.logRead = true;
  if (whole.value.moved && !loaded.keepAsideFailed) {
    // Phase 2: the summary replaces the old record, so the next start reads a clean, current one.
    // If this fails the next save retries.
    const writeId = `load:${now}`;
    const written = await store.set(key, { ...toSummaryRecord(whole.value.progress), writeId });
    if (written.ok) loaded.writeId = writeId;
  }
  return { ok: true, value: loaded };
}

/** A course's whole progress, its attempts included, read page by page (an export, the tests). */
export async function loadProgress(store: ProgressStore, courseId: string, now: number): Promise<StoreResult<LoadedProgress>> {
  const loaded = await loadSummary(store, courseId, now);
  if (!loaded.ok || loaded.value.logRead) return loaded;
  const whole = await withLog(store, loaded.value.progress, now);
  if (!whole.ok) return whole;
  const { progress, problems } = whole.value;
  return { ok: true, value: { ...loaded.value, progress, problems: [...loaded.value.problems, ...problems], logRead: true } };
}

/**
 * The summary's figures with the attempts held in memory folded in (an import merged before its
 * save, progress built from attempts alone): what the stored summary says of each quiz.
 */
function summaryOf(progress: CourseProgress): CourseProgress {
  if (progress.quizzes === undefined && progress.attempts.length === 0) return { ...progress, attempts: [] };
  const quizzes = emptyIdMap<QuizFigures>();
  const ids = new Set([...Object.keys(progress.quizzes ?? {}), ...progress.attempts.map((attempt) => attempt.quizId)]);
  for (const id of ids) setOwn(quizzes, id, quizFigures(progress, id)!);
  return { ...progress, attempts: [], quizzes };
}

/** The figures with each named quiz's count taken from the log, which holds the union of every tab's attempts. */
async function recount(store: ProgressStore, progress: CourseProgress, quizIds: Iterable<string>): Promise<CourseProgress> {
  if (!progress.quizzes) return progress;
  let quizzes = progress.quizzes;
  for (const quizId of quizIds) {
    const figures = getOwn(quizzes, quizId);
    const counted = figures ? await (await attemptLog()).countAttempts(store, progress.courseId, quizId, progress.resetAt) : null;
    if (figures && counted?.ok && counted.value > 0 && counted.value !== figures.attempts) {
      quizzes = withEntry(quizzes, quizId, { ...figures, attempts: counted.value });
    }
  }
  return quizzes === progress.quizzes ? progress : { ...progress, quizzes };
}

export interface SaveOptions {
  now: number;
  /** The write id of this writer's last save: if storage still holds it, nobody else wrote since. */
  lastWriteId?: string | null;
  /** A fresh id for this write. */
  writeId: string;
  /** Finished attempts not yet stored: the only attempts a save writes. */
  newAttempts?: readonly QuizAttempt[];
}

/**
 * Saves what changed: the new attempts under their own keys, then the summary, read-merged-written
 * with whatever another tab stored. Returns the stored summary (its `attempts` are only those found
 * inline in an older record, now moved to their keys). A damaged stored record is kept aside first.
 */
export async function saveProgress(
  store: ProgressStore,
  progress: CourseProgress,
  options: SaveOptions,
): Promise<StoreResult<SavedProgress>> {
  const courseId = progress.courseId;
  // Attempts first: the summary never speaks of an attempt the log does not hold.
  const appended = await (await attemptLog()).writeAttempts(store, courseId, options.newAttempts ?? []);
  if (!appended.ok) return appended;
  const key = progressKey(courseId);
  const stored = await store.get(key);
  if (!stored.ok) return stored;
  let merged = summaryOf(progress);
  // Counts that may miss another tab's attempts: those of quizzes with new attempts, and any the two copies disagree on.
  const recounted = new Set((options.newAttempts ?? []).map((attempt) => attempt.quizId));
  const untouched = options.lastWriteId != null && storedWriteId(stored.value) === options.lastWriteId;
  if (stored.value !== null && !untouched) {
    const restored = await restore(stored.value, courseId, options.now);
    if (restored.problems.length > 0) {
      const kept = await keepAside(store, courseId, stored.value, restored.problems, options.now);
      if (!kept.ok) return kept;
    }
    if (followsReset(restored.progress, progress)) {
      // Merging would bring back what the learner chose to remove.
      return { ok: true, value: { progress: restored.progress, writeId: storedWriteId(stored.value) ?? '', followedReset: true } };
    }
    const theirs = boundTimes(restored.progress, options.now + CLOCK_SKEW_MS);
    if (theirs.attempts.length > 0) {
      // An older writer kept attempts inline: they go to their own keys before the record is replaced.
      const moved = await moveAttempts(store, courseId, theirs.attempts);
      if (!moved.ok) return moved;
    }
    const their = { ...summaryOf(theirs), attempts: theirs.attempts };
    for (const id of Object.keys(their.quizzes ?? {})) if (getOwn(their.quizzes!, id)?.attempts !== getOwn(merged.quizzes ?? {}, id)?.attempts) recounted.add(id);
    merged = mergeProgress(their, merged);
  }
  merged = await recount(store, merged, recounted);
  const written = await store.set(key, { ...toSummaryRecord(merged), writeId: options.writeId });
  if (!written.ok) return written;
  return { ok: true, value: { progress: merged, writeId: options.writeId } };
}
