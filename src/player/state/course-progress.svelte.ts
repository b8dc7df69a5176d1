// The learner's progress on one course as reactive state for the player: every action updates it at
// once, saves follow (debounced, flushed when the page is hidden), other tabs' saves are merged in,
// and a storage that is missing, full or damaged only ever produces a calm notice. The storage work
// is progress-persistence.ts's, the timing save-schedule.ts's, the other tabs tab-sync.ts's; the
// merge rules are the engine's (progress-merge.ts).
import type { CourseManifest } from '../../content/schema/manifest.ts';
import type { ProgressApi, StorageStatus } from '../../engine/progress-api.ts';
import * as reduce from '../../engine/progress.ts';
import { followsReset, mergeProgress, sameData } from '../../engine/progress-merge.ts';
import type { CourseProgress, QuizAttempt, SelfAssessment } from '../../engine/progress-types.ts';
import { restore } from '../../storage/records.ts';
import { isAttempt, toSummaryRecord } from '../../storage/record-check.ts';
import { createStore, type ProgressStore, type StoreFailure } from '../../storage/store.ts';
import { ProgressPersistence, type HistoryPage } from './progress-persistence.ts';
import { SaveSchedule } from './save-schedule.ts';
import { StudyTime } from './study-time.ts';
import { TabSync, type SavedMessage } from './tab-sync.ts';

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

export interface CourseProgressOptions {
  /** Where progress is kept (progress-registry.ts hands in the shared store); defaults to a store of its own. */
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

/** The progress without its attempts: what the summary record holds and what saves compare. */
const summaryOf = (progress: CourseProgress): CourseProgress => ({ ...progress, attempts: [] });

/** Whether `next` holds anything `current` lacks (attempts only ever grow, so their count tells). */
const differs = (next: CourseProgress, current: CourseProgress): boolean =>
  next.attempts.length !== current.attempts.length || !sameData(summaryOf(next), summaryOf(current));

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

  readonly #now: () => number;
  readonly #tabId = randomId();
  readonly #persistence: ProgressPersistence;
  readonly #schedule: SaveSchedule;
  readonly #study = new StudyTime();
  #course: CourseManifest | undefined;
  #tabs: TabSync | null = null;
  #dirty = false;
  #disposers: (() => void)[] = [];

  constructor(courseId: string, options: CourseProgressOptions) {
    this.courseId = courseId;
    this.#now = options.now ?? Date.now;
    this.#course = options.course;
    this.#persistence = new ProgressPersistence(courseId, options.store ?? createStore(), { now: this.#now, tabId: this.#tabId });
    this.#schedule = new SaveSchedule(() => this.#save(), { debounceMs: options.debounceMs ?? 300, now: this.#now });
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
    this.#study.start(lessonId, now);
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

  /** Records a finished attempt and saves it at once: it is the learner's most valuable work. */
  addAttempt(attempt: QuizAttempt): void {
    if (!this.#progress.attempts.some((known) => known.id === attempt.id)) this.#persistence.keep([attempt]);
    const lessonId = this.#course?.quizzes.find((quiz) => quiz.id === attempt.quizId)?.lessonId ?? null;
    this.#change(lessonId, (progress, now) => reduce.addAttempt(progress, attempt, now));
    void this.flush();
  }

  /**
   * One page of a quiz's attempts, newest first (results, progress chart): `after` is the `next` of
   * the page before. Nothing else reads the attempt log.
   */
  async history(quizId: string, options: { after?: string | null; limit: number }): Promise<HistoryPage> {
    await this.ready;
    const page = await this.#persistence.history(quizId, { ...options, since: this.#progress.resetAt });
    if (options.after) return page;
    // Attempts this tab holds that the log may not have yet (storage unavailable, a write under way).
    const known = new Set(page.attempts.map((attempt) => attempt.id));
    const held = this.#progress.attempts.filter((attempt) => attempt.quizId === quizId && !known.has(attempt.id));
    if (held.length === 0) return page;
    const attempts = [...page.attempts, ...held].sort((a, b) => reduce.compareAttempts(b, a)).slice(0, Math.max(options.limit, page.attempts.length));
    return { attempts, next: page.next };
  }

  /**
   * Holds a quiz's newest attempts in memory (up to `limit`), for a page that lists them from
   * `progress.attempts` (the quiz player: its count of attempts left, its review of the best).
   */
  async holdRecent(quizId: string, limit: number): Promise<void> {
    const page = await this.history(quizId, { limit });
    const known = new Set(this.#progress.attempts.map((attempt) => attempt.id));
    const fresh = page.attempts.filter((attempt) => !known.has(attempt.id));
    if (fresh.length === 0) return;
    // Read from storage, so nothing to save: only what the page shows grows.
    this.#progress = { ...this.#progress, attempts: [...this.#progress.attempts, ...fresh].sort(reduce.compareAttempts) };
  }

  /** Merges progress from elsewhere (an import) into this course's progress. Nothing is replaced. */
  merge(progress: CourseProgress): void {
    if (progress.courseId !== this.courseId) return;
    const known = new Set(this.#progress.attempts.map((attempt) => attempt.id));
    this.#persistence.keep(progress.attempts.filter((attempt) => !known.has(attempt.id)));
    // A file's per-quiz figures are not taken on trust: its attempts count, and the save counts the log.
    const { quizzes: _figures, ...theirs } = progress;
    const merged = mergeProgress(this.#progress, this.#bounded(theirs));
    this.#apply(this.#course ? reduce.settleCourse(merged, this.#course, this.#now()) : merged);
  }

  /**
   * Starts the course again: the learner's explicit choice in Settings. What is stored becomes an
   * empty record stamped `resetAt`, so that other tabs (told at once, or finding it on their next
   * save) follow the reset instead of merging their old copy back in.
   */
  reset(): Promise<ResetOutcome> {
    return this.#schedule.after(async (): Promise<ResetOutcome> => {
      await this.ready;
      const now = this.#now();
      const fresh: CourseProgress = { ...reduce.emptyProgress(this.courseId, now), resetAt: now };
      const written = await this.#persistence.reset(fresh);
      // Unavailable storage holds nothing to reset: the session's progress is all there is.
      if (!written.ok && written.reason !== 'unavailable') {
        return { ok: false, message: `Your progress could not be reset on this device (${written.message}). Nothing was removed.` };
      }
      this.#adopt(fresh, written.ok ? written.value : null);
      if (written.ok) this.#tabs?.post({ type: 'saved', writeId: written.value, record: toSummaryRecord(fresh) });
      return { ok: true, message: 'Your progress in this course has been reset.' };
    });
  }

  flush(): Promise<void> {
    return this.#schedule.now();
  }

  /** Saves what is pending and stops listening (page teardown, tests). */
  async dispose(): Promise<void> {
    this.#creditStudyTime(this.#now());
    this.#study.pause();
    for (const dispose of this.#disposers.splice(0)) dispose();
    this.#persistence.dispose();
    await this.flush();
    this.#schedule.cancel();
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
    this.#markDirty();
    this.#persistence.safetyCopySoon(() => (this.#dirty || this.#schedule.pending ? this.#progress : null));
  }

  #markDirty(): void {
    this.#dirty = true;
    this.#schedule.soon();
  }

  /** Another copy's times, capped near this device's clock (a fast clock elsewhere must not win every edit). */
  #bounded(progress: CourseProgress): CourseProgress {
    return reduce.boundTimes(progress, this.#now() + reduce.CLOCK_SKEW_MS);
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
    const loaded = await this.#persistence.load();
    if (!loaded.ok) {
      this.#storageFailed(loaded.reason);
      return;
    }
    const { progress, problems, keepAsideFailed, journal } = loaded.value;
    this.#problems = problems;
    if (problems.length > 0) this.#addNotice(keepAsideFailed ? NOTICES.unreadable : NOTICES.quarantine);
    if (keepAsideFailed) this.#storageFailed(keepAsideFailed.reason);
    // Anything the learner did while storage was loading is merged in, not replaced, and so is the
    // safety copy a previous page wrote as it closed (journal.ts).
    const recovered = journal ? mergeProgress(progress, journal) : progress;
    this.#takeIn(mergeProgress(recovered, this.#progress), progress);
    if (journal && sameData(recovered, progress)) this.#persistence.clearSafetyCopy();
  }

  /**
   * Adopts progress merged with a stored copy. Settling may stamp completions the stored copy lacks,
   * and this tab may hold work it lacks: then the merged progress is saved.
   */
  #takeIn(merged: CourseProgress, stored: CourseProgress): void {
    const settled = this.#course ? reduce.settleCourse(merged, this.#course, this.#now()) : merged;
    if (differs(settled, this.#progress)) this.#progress = settled;
    // Attempts are saved by their own bookkeeping (persistence.keep): only the summary is compared.
    if (!sameData(summaryOf(settled), summaryOf(stored))) this.#markDirty();
  }

  async #save(): Promise<void> {
    await this.ready;
    if (!this.#dirty) return;
    const snapshot = this.#progress;
    this.#dirty = false;
    let saved;
    try {
      saved = await this.#persistence.write(snapshot);
    } catch {
      saved = { ok: false, reason: 'unknown' } as const;
    }
    if (!saved.ok) {
      this.#dirty = true;
      this.#storageFailed(saved.reason);
      return;
    }
    this.#storageWorks();
    if (!this.#dirty) this.#persistence.clearSafetyCopy();
    const { progress: stored, followedReset, writeId, attempts } = saved.value;
    if (followedReset) {
      // The learner reset the course in another tab after this tab's copy was made: follow it.
      this.#adopt(stored, writeId || null);
      return;
    }
    // Another tab's work (or a recounted figure) came back with the read-merge-write; changes made meanwhile stay on top.
    if (stored.attempts.length > 0 || !sameData(summaryOf(stored), summaryOf(snapshot))) this.#takeIn(mergeProgress(stored, this.#progress), stored);
    this.#tabs?.post({ type: 'saved', writeId, record: toSummaryRecord(stored), attempts });
  }

  /** Replaces this tab's progress with a reset record (its own or another tab's). */
  #adopt(reset: CourseProgress, writeId: string | null): void {
    this.#schedule.cancel();
    this.#dirty = false;
    this.#persistence.heard(writeId);
    this.#study.stop();
    this.#progress = reset;
  }

  async #receive(message: SavedMessage): Promise<void> {
    const restored = await restore(message.record, this.courseId, this.#now());
    if (restored.problems.length > 0) return;
    const attempts = (message.attempts ?? []).filter((attempt): attempt is QuizAttempt => isAttempt(attempt));
    const theirs = this.#bounded({ ...restored.progress, attempts: [...restored.progress.attempts, ...attempts].sort(reduce.compareAttempts) });
    if (followsReset(theirs, this.#progress)) {
      this.#adopt(theirs, message.writeId);
      return;
    }
    // Storage now holds their record, which this tab merges in full: a later save that still finds
    // it there need not read it again.
    this.#persistence.heard(message.writeId);
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
    const spent = this.#study.take(now);
    if (spent) this.#apply(reduce.addTime(this.#progress, spent.lessonId, spent.spentMs, now));
  }

  #listen(broadcast: boolean): void {
    if (broadcast) {
      const tabs = new TabSync(this.courseId, (message) => void this.#receive(message));
      this.#tabs = tabs;
      this.#disposers.push(() => {
        tabs.close();
        this.#tabs = null;
      });
    }
    if (typeof window === 'undefined' || typeof document === 'undefined') return;
    const onPageHide = () => {
      this.#creditStudyTime(this.#now());
      this.#study.pause();
      // The asynchronous write below may not finish before the page goes: keep a synchronous copy.
      if (this.#dirty || this.#schedule.pending) this.#persistence.writeSafetyCopy(this.#progress);
      void this.flush();
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === 'hidden') onPageHide();
      else this.#study.resume(this.#now());
    };
    window.addEventListener('pagehide', onPageHide);
    document.addEventListener('visibilitychange', onVisibilityChange);
    this.#disposers.push(() => {
      window.removeEventListener('pagehide', onPageHide);
      document.removeEventListener('visibilitychange', onVisibilityChange);
    });
  }
}
