// The learner's progress on one course as reactive state for the player: every action updates it at
// once, saves follow (debounced, flushed when the page is hidden), other tabs' saves are merged in,
// and a storage that is missing, full or damaged only ever produces a calm notice.
import type { CourseManifest } from '../../content/schema/manifest.ts';
import type { ProgressApi, StorageStatus } from '../../engine/progress-api.ts';
import * as reduce from '../../engine/progress.ts';
import { mergeProgress, sameData } from '../../engine/progress-merge.ts';
import type { CourseProgress, QuizAttempt, SelfAssessment } from '../../engine/progress-types.ts';
import { progressChannelName, progressKey } from '../../storage/keys.ts';
import { loadProgress, restore, saveProgress } from '../../storage/records.ts';
import { clearJournal, readJournal, writeJournal } from '../../storage/journal.ts';
import { removeAttempts } from '../../storage/attempt-log.ts';
import { isAttempt, toSummaryRecord } from '../../storage/record-check.ts';
import { createStore, type ProgressStore, type StoreFailure } from '../../storage/store.ts';

/** What the learner is told. Calm, and always with what to do next. */
export const NOTICES = {
  memory:
    "Your progress can't be saved on this device right now (private browsing?). Keep working: export your progress from Settings before you close this tab.",
  full: "This device's storage is full, so new progress can't be saved right now. Keep working: export your progress from Settings before you close this tab.",
  quarantine:
    'Some saved progress could not be read. It has been kept aside and everything that could be recovered is restored.',
  /** The damaged record could not even be copied aside: it is left as it is, and nothing overwrites it. */
  unreadable:
    'Some saved progress could not be read. It has been left untouched on this device, and everything that could be recovered is restored.',
} as const;

/** Longest wait between a change and its safety copy, however large the copy (journal.ts). */
const MAX_JOURNAL_GAP_MS = 250;

/** Longest stretch of one lesson counted as study time without the learner moving on (an idle tab). */
const MAX_STUDY_STRETCH_MS = 30 * 60 * 1000;

export interface CourseProgressOptions {
  /** Where progress is kept; defaults to the shared localforage store. */
  store?: ProgressStore;
  /** The course's manifest: lets lesson completion be stamped as it happens. */
  course?: CourseManifest;
  /** The clock (tests). */
  now?: () => number;
  /** Quiet time after a change before it is saved. */
  debounceMs?: number;
  /** Talk to other tabs showing this course (default: when BroadcastChannel exists). */
  broadcast?: boolean;
}

/**
 * What one tab tells the others on the course's channel: the summary it has just stored and the
 * attempts that save added (never the whole history).
 */
interface SavedMessage {
  type: 'saved';
  writeId: string;
  record: unknown;
  attempts?: unknown[];
}

/** The progress without its attempts: what the summary record holds and what saves compare. */
const summaryOf = (progress: CourseProgress): CourseProgress => ({ ...progress, attempts: [] });

/** Whether `next` holds anything `current` lacks (attempts only ever grow, so their count tells). */
const differs = (next: CourseProgress, current: CourseProgress): boolean =>
  next.attempts.length !== current.attempts.length || !sameData(summaryOf(next), summaryOf(current));

function isSavedMessage(data: unknown): data is SavedMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'saved' && typeof (data as { writeId?: unknown }).writeId === 'string';
}

const isNewerReset = (theirs: CourseProgress, mine: CourseProgress): boolean =>
  (theirs.resetAt ?? -1) > (mine.resetAt ?? -1);

export type ResetOutcome = { ok: boolean; message: string };

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class CourseProgressState implements ProgressApi {
  readonly courseId: string;
  readonly ready: Promise<void>;

  #progress = $state.raw<CourseProgress>(reduce.emptyProgress('', 0));
  #status = $state<StorageStatus>('saved');
  #notices = $state.raw<string[]>([]);
  #problems: string[] = [];

  readonly #store: ProgressStore;
  readonly #now: () => number;
  readonly #debounceMs: number;
  readonly #tabId = randomId();
  #course: CourseManifest | undefined;
  #channel: BroadcastChannel | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSince: number | null = null;
  #dirty = false;
  #writes = 0;
  #lastWriteId: string | null = null;
  #saving: Promise<void> = Promise.resolve();
  #activeLesson: string | null = null;
  #activeSince: number | null = null;
  #disposers: (() => void)[] = [];
  /** Finished attempts not yet stored under their own keys. */
  #unsavedAttempts = new Map<string, QuizAttempt>();
  #journalPending = false;
  #journalTimer: ReturnType<typeof setTimeout> | undefined;
  #journalAt = 0;
  #journalGapMs = 0;

  constructor(courseId: string, options: CourseProgressOptions = {}) {
    this.courseId = courseId;
    this.#store = options.store ?? sharedProgressStore();
    this.#now = options.now ?? Date.now;
    this.#debounceMs = options.debounceMs ?? 300;
    this.#course = options.course;
    this.#progress = reduce.emptyProgress(courseId, this.#now());
    this.#listen(options.broadcast ?? typeof BroadcastChannel === 'function');
    this.ready = this.#load();
  }

  get progress(): CourseProgress {
    return this.#progress;
  }
  get status(): StorageStatus {
    return this.#status;
  }
  get notices(): string[] {
    return this.#notices;
  }
  /** What could not be read from storage at load (for support; the learner sees a notice). */
  get problems(): readonly string[] {
    return this.#problems;
  }

  /** Gives the state the course's manifest (it may arrive after the state was created). */
  setCourse(course: CourseManifest): void {
    if (course.id !== this.courseId) return;
    this.#course = course;
    this.#apply(reduce.settleCourse(this.#progress, course, this.#now()));
  }

  visit(lessonId: string): void {
    const now = this.#now();
    this.#creditStudyTime(now);
    this.#apply(reduce.visit(this.#progress, lessonId, now));
    this.#activeLesson = lessonId;
    this.#activeSince = now;
  }
  reachEnd(lessonId: string): void {
    this.#change(lessonId, (progress, now) => reduce.reachEnd(progress, lessonId, now));
  }
  reveal(lessonId: string, blockId: string): void {
    this.#change(lessonId, (progress, now) => reduce.reveal(progress, lessonId, blockId, now));
  }
  setDone(lessonId: string, blockId: string, done: boolean): void {
    this.#change(lessonId, (progress, now) => reduce.setDone(progress, lessonId, blockId, done, now));
  }
  setNote(lessonId: string, blockId: string, promptId: string, text: string): void {
    this.#change(lessonId, (progress, now) => reduce.setNote(progress, lessonId, blockId, promptId, text, now, this.#tabId));
  }
  resolveNote(lessonId: string, blockId: string, promptId: string, text: string): void {
    this.#change(lessonId, (progress, now) => reduce.resolveNote(progress, lessonId, blockId, promptId, text, now, this.#tabId));
  }
  assess(lessonId: string, blockId: string, promptId: string, assessment: SelfAssessment): void {
    this.#change(lessonId, (progress, now) => reduce.assess(progress, lessonId, blockId, promptId, assessment, now));
  }
  rate(lessonId: string, blockId: string, value: string): void {
    this.#change(lessonId, (progress, now) => reduce.rate(progress, lessonId, blockId, value, now));
  }
  addAttempt(attempt: QuizAttempt): void {
    if (!this.#progress.attempts.some((known) => known.id === attempt.id)) this.#unsavedAttempts.set(attempt.id, attempt);
    const lessonId = this.#course?.quizzes.find((quiz) => quiz.id === attempt.quizId)?.lessonId ?? null;
    this.#change(lessonId, (progress, now) => reduce.addAttempt(progress, attempt, now));
    // An attempt is the learner's most valuable work: save it without waiting for quiet.
    void this.flush();
  }

  /** Merges progress from elsewhere (an import) into this course's progress. Nothing is replaced. */
  merge(progress: CourseProgress): void {
    if (progress.courseId !== this.courseId) return;
    const known = new Set(this.#progress.attempts.map((attempt) => attempt.id));
    for (const attempt of progress.attempts) if (!known.has(attempt.id)) this.#unsavedAttempts.set(attempt.id, attempt);
    const merged = mergeProgress(this.#progress, this.#bounded(progress));
    this.#apply(this.#course ? reduce.settleCourse(merged, this.#course, this.#now()) : merged);
  }

  /**
   * Starts the course again: the learner's explicit choice in Settings. What is stored becomes an
   * empty record stamped `resetAt`, so that other tabs (told at once, or finding it on their next
   * save) follow the reset instead of merging their old copy back in.
   */
  reset(): Promise<ResetOutcome> {
    const done = this.#saving.then(async (): Promise<ResetOutcome> => {
      await this.ready;
      const now = this.#now();
      const fresh: CourseProgress = { ...reduce.emptyProgress(this.courseId, now), resetAt: now };
      const writeId = `${this.#tabId}:${++this.#writes}`;
      const written = await this.#store.set(progressKey(this.courseId), { ...toSummaryRecord(fresh), writeId });
      // Attempts from before the reset no longer count even if some stay (see sinceReset in records.ts).
      if (written.ok) await removeAttempts(this.#store, this.courseId);
      this.#unsavedAttempts.clear();
      // Unavailable storage holds nothing to reset: the session's progress is all there is.
      if (!written.ok && written.reason !== 'unavailable') {
        return { ok: false, message: `Your progress could not be reset on this device (${written.message}). Nothing was removed.` };
      }
      this.#adopt(fresh, written.ok ? writeId : null);
      if (written.ok) this.#post({ type: 'saved', writeId, record: toSummaryRecord(fresh) });
      return { ok: true, message: 'Your progress in this course has been reset.' };
    });
    this.#saving = done.then(() => undefined);
    return done;
  }

  flush(): Promise<void> {
    this.#clearTimer();
    this.#saving = this.#saving.then(() => this.#save());
    return this.#saving;
  }

  /** Saves what is pending and stops listening (page teardown, tests). */
  async dispose(): Promise<void> {
    this.#creditStudyTime(this.#now());
    this.#activeSince = null;
    for (const dispose of this.#disposers.splice(0)) dispose();
    clearTimeout(this.#journalTimer);
    await this.flush();
    this.#clearTimer();
  }

  #change(lessonId: string | null, update: (progress: CourseProgress, now: number) => CourseProgress): void {
    const now = this.#now();
    let next = update(this.#progress, now);
    if (next === this.#progress) return;
    const lesson = lessonId === null ? undefined : this.#course?.lessons.find((entry) => entry.id === lessonId);
    if (lesson) next = reduce.settleLesson(next, lesson, now);
    this.#apply(next);
  }

  #apply(next: CourseProgress): void {
    if (next === this.#progress) return;
    this.#progress = next;
    this.#dirty = true;
    this.#scheduleSave();
    this.#journalSoon();
  }

  /** Another copy's times, capped near this device's clock (a fast clock elsewhere must not win every edit). */
  #bounded(progress: CourseProgress): CourseProgress {
    return reduce.boundTimes(progress, this.#now() + reduce.CLOCK_SKEW_MS);
  }

  /**
   * Writes the synchronous safety copy soon after a change, so a crash loses nothing typed: once
   * per task while it is cheap, and spaced out in proportion to its cost when the copy is large.
   */
  #journalSoon(): void {
    if (this.#journalPending) return;
    this.#journalPending = true;
    const run = () => {
      this.#journalPending = false;
      this.#journalTimer = undefined;
      if (!this.#dirty && this.#timer === undefined) return;
      const started = performance.now();
      writeJournal(this.#progress);
      this.#journalAt = performance.now();
      this.#journalGapMs = Math.min(MAX_JOURNAL_GAP_MS, (this.#journalAt - started) * 20);
    };
    const wait = this.#journalAt + this.#journalGapMs - performance.now();
    if (wait <= 0) queueMicrotask(run);
    else this.#journalTimer = setTimeout(run, wait);
  }

  #scheduleSave(): void {
    const now = this.#now();
    // Debounced, but a learner typing without pause still gets a save every few debounce periods.
    if (this.#timer !== undefined && this.#pendingSince !== null && now - this.#pendingSince >= this.#debounceMs * 4) return;
    clearTimeout(this.#timer);
    this.#pendingSince ??= now;
    this.#timer = setTimeout(() => void this.flush(), this.#debounceMs);
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pendingSince = null;
  }

  async #load(): Promise<void> {
    try {
      await this.#restore();
    } catch {
      // Only a bug gets here; the learner keeps working in memory rather than facing an error.
      this.#storageFailed('unknown');
    }
  }

  async #restore(): Promise<void> {
    const now = this.#now();
    // Reading needs no storage library (store.ts peeks into IndexedDB); whether storage takes writes
    // is found out by the first save, so the first screen never waits for localforage.
    const loaded = await loadProgress(this.#store, this.courseId, now);
    if (!loaded.ok) {
      this.#storageFailed(loaded.reason);
      return;
    }
    const { progress, problems, keepAsideFailed, writeId } = loaded.value;
    this.#problems = problems;
    if (problems.length > 0) this.#addNotice(keepAsideFailed ? NOTICES.unreadable : NOTICES.quarantine);
    if (keepAsideFailed) this.#storageFailed(keepAsideFailed.reason);
    this.#lastWriteId = writeId;
    // Anything the learner did while storage was loading is merged in, not replaced, and so is the
    // safety copy a previous page wrote as it closed (journal.ts).
    const found = await readJournal(this.courseId, now);
    const journal = found && this.#bounded(found);
    const recovered = journal ? mergeProgress(progress, journal) : progress;
    this.#takeIn(mergeProgress(recovered, this.#progress), progress);
    if (journal && sameData(recovered, progress)) clearJournal(this.courseId);
  }

  /**
   * Adopts progress merged with a stored copy. Settling may stamp completions the stored copy lacks,
   * and this tab may hold work it lacks: then the merged progress is saved.
   */
  #takeIn(merged: CourseProgress, stored: CourseProgress): void {
    const settled = this.#course ? reduce.settleCourse(merged, this.#course, this.#now()) : merged;
    if (differs(settled, this.#progress)) this.#progress = settled;
    // Attempts are saved by their own bookkeeping (#unsavedAttempts): only the summary is compared.
    if (!sameData(summaryOf(settled), summaryOf(stored))) {
      this.#dirty = true;
      this.#scheduleSave();
    }
  }

  async #save(): Promise<void> {
    await this.ready;
    if (!this.#dirty) return;
    try {
      await this.#write();
    } catch {
      this.#dirty = true;
      this.#storageFailed('unknown');
    }
  }

  async #write(): Promise<void> {
    const snapshot = this.#progress;
    const newAttempts = [...this.#unsavedAttempts.values()];
    this.#dirty = false;
    const writeId = `${this.#tabId}:${++this.#writes}`;
    const saved = await saveProgress(this.#store, snapshot, { now: this.#now(), lastWriteId: this.#lastWriteId, writeId, newAttempts });
    if (!saved.ok) {
      this.#dirty = true;
      this.#storageFailed(saved.reason);
      return;
    }
    this.#storageWorks();
    for (const attempt of newAttempts) this.#unsavedAttempts.delete(attempt.id);
    // IndexedDB now holds everything the safety copy had (the write merged it in).
    if (!this.#dirty) clearJournal(this.courseId);
    if (saved.value.followedReset) {
      // The learner reset the course in another tab after this tab's copy was made: follow it.
      this.#adopt(saved.value.progress, saved.value.writeId || null);
      return;
    }
    this.#lastWriteId = writeId;
    const stored = saved.value.progress;
    if (stored.attempts.length > 0 || !sameData(summaryOf(stored), summaryOf(snapshot))) {
      // Another tab's work came back with the read-merge-write; changes made meanwhile stay on top.
      this.#takeIn(mergeProgress(stored, this.#progress), stored);
    }
    this.#post({ type: 'saved', writeId, record: toSummaryRecord(stored), attempts: newAttempts });
  }

  /** Replaces this tab's progress with a reset record (its own or another tab's). */
  #adopt(reset: CourseProgress, writeId: string | null): void {
    this.#clearTimer();
    this.#dirty = false;
    this.#lastWriteId = writeId;
    this.#activeLesson = null;
    this.#activeSince = null;
    this.#progress = reset;
  }

  #post(message: SavedMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel or an uncloneable value must not break saving; the other tab re-reads on its next save.
    }
  }

  async #receive(message: SavedMessage): Promise<void> {
    const now = this.#now();
    const restored = await restore(message.record, this.courseId, now);
    if (restored.problems.length > 0) return;
    const attempts = (message.attempts ?? []).filter((attempt): attempt is QuizAttempt => isAttempt(attempt));
    const theirs = this.#bounded({ ...restored.progress, attempts: [...restored.progress.attempts, ...attempts].sort(reduce.compareAttempts) });
    if (isNewerReset(theirs, this.#progress)) {
      this.#adopt(theirs, message.writeId);
      return;
    }
    // Storage now holds their record, which this tab merges in full: a later save that still finds
    // it there need not read it again.
    this.#lastWriteId = message.writeId;
    this.#takeIn(mergeProgress(theirs, this.#progress), theirs);
  }

  #storageFailed(reason: StoreFailure): void {
    const status: StorageStatus = reason === 'quota' ? 'full' : 'memory';
    this.#status = status;
    const keep = this.#notices.filter((notice) => notice !== NOTICES.memory && notice !== NOTICES.full);
    this.#notices = [...keep, NOTICES[status]];
  }

  #storageWorks(): void {
    if (this.#status === 'saved') return;
    this.#status = 'saved';
    this.#notices = this.#notices.filter((notice) => notice !== NOTICES.memory && notice !== NOTICES.full);
  }

  #addNotice(notice: string): void {
    if (!this.#notices.includes(notice)) this.#notices = [...this.#notices, notice];
  }

  #creditStudyTime(now: number): void {
    if (this.#activeLesson === null || this.#activeSince === null) return;
    const spent = Math.min(Math.max(0, now - this.#activeSince), MAX_STUDY_STRETCH_MS);
    this.#activeSince = now;
    this.#apply(reduce.addTime(this.#progress, this.#activeLesson, spent, now));
  }

  #listen(broadcast: boolean): void {
    if (broadcast && typeof BroadcastChannel === 'function') {
      const channel = new BroadcastChannel(progressChannelName(this.courseId));
      channel.onmessage = (event: MessageEvent) => {
        if (isSavedMessage(event.data)) void this.#receive(event.data);
      };
      // Node's channel keeps the process alive; a page's does not need to.
      (channel as { unref?: () => void }).unref?.();
      this.#channel = channel;
      this.#disposers.push(() => {
        channel.close();
        this.#channel = null;
      });
    }
    if (typeof window === 'undefined' || typeof document === 'undefined') return;
    const onPageHide = () => {
      this.#creditStudyTime(this.#now());
      this.#activeSince = null;
      // The asynchronous write below may not finish before the page goes: keep a synchronous copy.
      if (this.#dirty || this.#timer !== undefined) writeJournal(this.#progress);
      void this.flush();
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') {
        onPageHide();
      } else if (this.#activeLesson !== null) {
        this.#activeSince = this.#now();
      }
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    this.#disposers.push(() => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    });
  }
}

let sharedStore: ProgressStore | undefined;
const instances = new Map<string, CourseProgressState>();

/** The store every course shares unless a test or page hands in another. */
export function sharedProgressStore(): ProgressStore {
  sharedStore ??= createStore();
  return sharedStore;
}

/**
 * The one CourseProgressState of a course (created on first use). Options apply when it is
 * created; a `course` given later is attached to the existing state.
 */
export function getCourseProgress(courseId: string, options: CourseProgressOptions = {}): CourseProgressState {
  let state = instances.get(courseId);
  if (!state) {
    state = new CourseProgressState(courseId, options);
    instances.set(courseId, state);
  } else if (options.course) {
    state.setCourse(options.course);
  }
  return state;
}

/** Saves and forgets every course's state, and the shared store (tests, or a full reset). */
export async function disposeCourseProgress(): Promise<void> {
  const states = [...instances.values()];
  instances.clear();
  sharedStore = undefined;
  await Promise.all(states.map((state) => state.dispose()));
}

export interface ProgressFile {
  /** The export document, as text for a download. */
  json: string;
  /** A suggested name for the download. */
  fileName: string;
  courseCount: number;
  /** What could not be included, for the settings page to show. */
  warnings: string[];
}

/** All progress as a JSON file: what is stored, plus what courses open right now hold in memory. */
export async function exportAllProgress(options: { store?: ProgressStore; now?: number } = {}): Promise<ProgressFile> {
  const states = [...instances.values()];
  await Promise.all(states.map((state) => state.flush()));
  const now = options.now ?? Date.now();
  const { exportAll, IMPORT_LIMITS } = await import('../../storage/export.ts');
  const { document, warnings } = await exportAll(
    options.store ?? sharedProgressStore(),
    now,
    states.map((state) => state.progress),
  );
  // Compact: the file must stay importable (IMPORT_LIMITS.bytes) for as long as possible.
  const json = JSON.stringify(document);
  if (new TextEncoder().encode(json).length > IMPORT_LIMITS.bytes) {
    warnings.push(
      `This file is larger than ${IMPORT_LIMITS.bytes / (1024 * 1024)} MB, so it can be kept as a copy but not imported again.`,
    );
  }
  return {
    json,
    fileName: `coursemark-progress-${new Date(now).toISOString().slice(0, 10)}.json`,
    courseCount: Object.keys(document.courses).length,
    warnings,
  };
}

/** Starts one course again (Settings). */
export async function resetCourseProgress(courseId: string, options: { store?: ProgressStore } = {}): Promise<ResetOutcome> {
  return getCourseProgress(courseId, { store: options.store }).reset();
}

export type ImportOutcome = { ok: true; courseIds: string[]; message: string } | { ok: false; message: string };

/**
 * Imports a progress file (its text): validated whole first, then merged into each course's
 * progress, so nothing the learner has here is replaced. A bad file changes nothing.
 */
export async function importProgress(
  text: string,
  knownCourseIds: readonly string[],
  options: { store?: ProgressStore } = {},
): Promise<ImportOutcome> {
  const { parseImport, importStudyTools } = await import('../../storage/export.ts');
  const parsed = parseImport(text, knownCourseIds);
  if (!parsed.ok) return parsed;
  const courseIds = Object.keys(parsed.courses);
  // Review questions, the name and study plans merge on their own (storage/study-export.ts).
  const study = await importStudyTools(options.store ?? sharedProgressStore(), parsed.study);
  if (courseIds.length === 0) return { ok: true, courseIds, message: study.trim() || 'The file holds no progress; nothing was changed.' };
  const states = courseIds.map((courseId) => getCourseProgress(courseId, { store: options.store }));
  await Promise.all(states.map((state) => state.ready));
  for (const state of states) state.merge(parsed.courses[state.courseId] as CourseProgress);
  await Promise.all(states.map((state) => state.flush()));
  const unsaved = states.some((state) => state.status !== 'saved');
  const what = courseIds.length === 1 ? 'one course' : `${courseIds.length} courses`;
  return {
    ok: true,
    courseIds,
    message: unsaved
      ? `Progress for ${what} was imported into this session, but it can't be saved on this device right now.`
      : `Progress for ${what} was imported and merged with what you had.${study}`,
  };
}
