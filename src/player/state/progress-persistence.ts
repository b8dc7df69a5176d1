// One course's progress on this device: reading the summary, writing what changed (the summary,
// read-merge-written, and the attempts not yet stored), the synchronous safety copy, starting the
// course again, and the attempt history page by page. No reactivity and no timers of its own: the
// state (course-progress.svelte.ts) decides when, this module does the storage.
import { boundTimes, CLOCK_SKEW_MS, compareAttempts } from '../../engine/progress.ts';
import type { CourseProgress, QuizAttempt } from '../../engine/progress-types.ts';
import { clearJournal, readJournal, writeJournal } from '../../storage/journal.ts';
import { progressKey } from '../../storage/keys.ts';
import { toSummaryRecord } from '../../storage/record-check.ts';
import { loadSummary, saveProgress, type LoadedProgress, type SavedProgress } from '../../storage/records.ts';
import type { ProgressStore, StoreResult } from '../../storage/store.ts';

/** Longest wait between a change and its safety copy, however large the copy (journal.ts). */
const MAX_JOURNAL_GAP_MS = 250;

/** A page of one quiz's history, newest first. */
export interface HistoryPage {
  attempts: QuizAttempt[];
  /** Pass back for the next (older) page; null when there is none. */
  next: string | null;
}

export interface Loaded extends LoadedProgress {
  /** The safety copy a previous page left, its times bounded. */
  journal: CourseProgress | null;
}

export interface Written extends SavedProgress {
  /** The attempts this write stored. */
  attempts: QuizAttempt[];
}

export class ProgressPersistence {
  readonly #courseId: string;
  readonly #store: ProgressStore;
  readonly #now: () => number;
  readonly #tabId: string;
  #writes = 0;
  #lastWriteId: string | null = null;
  /** Finished attempts not yet stored under their own keys. */
  readonly #unsaved = new Map<string, QuizAttempt>();
  #journalPending = false;
  #journalTimer: ReturnType<typeof setTimeout> | undefined;
  #journalAt = 0;
  #journalGapMs = 0;

  constructor(courseId: string, store: ProgressStore, options: { now: () => number; tabId: string }) {
    this.#courseId = courseId;
    this.#store = store;
    this.#now = options.now;
    this.#tabId = options.tabId;
  }

  /** The summary (no attempt log unless a migration read it) and the safety copy. */
  async load(): Promise<StoreResult<Loaded>> {
    const now = this.#now();
    // Reading needs no storage library (store.ts reads IndexedDB itself); whether storage takes
    // writes is found out by the first save, so the first screen never waits for localforage.
    const loaded = await loadSummary(this.#store, this.#courseId, now);
    if (!loaded.ok) return loaded;
    this.#lastWriteId = loaded.value.writeId;
    const found = await readJournal(this.#courseId, now);
    const journal = found && boundTimes(found, now + CLOCK_SKEW_MS);
    return { ok: true, value: { ...loaded.value, journal } };
  }

  /** Attempts to store on the next write (new ones, or imported). */
  keep(attempts: readonly QuizAttempt[]): void {
    for (const attempt of attempts) this.#unsaved.set(attempt.id, attempt);
  }

  /** Writes the summary (merged with what another tab stored) and the new attempts. */
  async write(snapshot: CourseProgress): Promise<StoreResult<Written>> {
    const attempts = [...this.#unsaved.values()];
    const writeId = this.#nextWriteId();
    const saved = await saveProgress(this.#store, snapshot, { now: this.#now(), lastWriteId: this.#lastWriteId, writeId, newAttempts: attempts });
    if (!saved.ok) return saved;
    for (const attempt of attempts) this.#unsaved.delete(attempt.id);
    this.#lastWriteId = saved.value.followedReset ? saved.value.writeId || null : writeId;
    return { ok: true, value: { ...saved.value, attempts } };
  }

  /** Storage holds another tab's write, which this tab has taken in whole. */
  heard(writeId: string | null): void {
    this.#lastWriteId = writeId;
  }

  /** Replaces what is stored by `fresh` (a reset), then removes the course's attempts. */
  async reset(fresh: CourseProgress): Promise<StoreResult<string>> {
    const writeId = this.#nextWriteId();
    const written = await this.#store.set(progressKey(this.#courseId), { ...toSummaryRecord(fresh), writeId });
    // Attempts from before the reset no longer count even if some stay (see sinceReset in records.ts).
    if (written.ok) await (await import('../../storage/attempt-log.ts')).removeAttempts(this.#store, this.#courseId);
    this.#unsaved.clear();
    if (!written.ok) return written;
    this.#lastWriteId = writeId;
    return { ok: true, value: writeId };
  }

  /**
   * One page of a quiz's attempts, newest first: the stored log, with the attempts not yet stored
   * on the first page. `since` leaves out attempts from before a reset.
   */
  async history(quizId: string, options: { after?: string | null; limit: number; since?: number }): Promise<HistoryPage> {
    const { readAttemptPage } = await import('../../storage/attempt-log.ts');
    const page = await readAttemptPage(this.#store, this.#courseId, { quizId, after: options.after ?? undefined, limit: options.limit, newestFirst: true });
    const stored = page.ok ? page.value.attempts : [];
    const unsaved = options.after ? [] : [...this.#unsaved.values()].filter((attempt) => attempt.quizId === quizId);
    const known = new Set(stored.map((attempt) => attempt.id));
    const attempts = [...stored, ...unsaved.filter((attempt) => !known.has(attempt.id))]
      .filter((attempt) => options.since === undefined || attempt.finishedAt >= options.since)
      .sort((a, b) => compareAttempts(b, a));
    return { attempts, next: page.ok ? page.value.next : null };
  }

  /** IndexedDB now holds everything the safety copy had. */
  clearSafetyCopy(): void {
    clearJournal(this.#courseId);
  }

  /** Writes the safety copy at once (the page is going). */
  writeSafetyCopy(progress: CourseProgress): void {
    writeJournal(progress);
  }

  /**
   * Writes the safety copy soon after a change, so a crash loses nothing typed: once per task while
   * it is cheap, and spaced out in proportion to its cost when the copy is large. `current` is read
   * when the copy is written; null means nothing is waiting to be saved any more.
   */
  safetyCopySoon(current: () => CourseProgress | null): void {
    if (this.#journalPending) return;
    this.#journalPending = true;
    const run = () => {
      this.#journalPending = false;
      this.#journalTimer = undefined;
      const progress = current();
      if (!progress) return;
      const started = performance.now();
      writeJournal(progress);
      this.#journalAt = performance.now();
      this.#journalGapMs = Math.min(MAX_JOURNAL_GAP_MS, (this.#journalAt - started) * 20);
    };
    const wait = this.#journalAt + this.#journalGapMs - performance.now();
    if (wait <= 0) queueMicrotask(run);
    else this.#journalTimer = setTimeout(run, wait);
  }

  dispose(): void {
    clearTimeout(this.#journalTimer);
  }

  #nextWriteId(): string {
    return `${this.#tabId}:${++this.#writes}`;
  }
}
