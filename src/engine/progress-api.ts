// What the player's components may ask of a course's progress. Implemented by the reactive state
// class in src/player/state/course-progress.svelte.ts over src/storage/; components depend on this
// interface only, so tests can hand them the real class with an in-memory store.
import type { CourseProgress, QuizAttempt, SelfAssessment } from './progress-types.ts';

export type StorageStatus =
  /** Loaded from and saving to IndexedDB/localStorage. */
  | 'saved'
  /** Storage is unavailable (private mode, blocked): working in memory, export offered. */
  | 'memory'
  /** The quota is exceeded: working in memory since the last good save, export offered. */
  | 'full';

export interface ProgressApi {
  readonly courseId: string;
  /** Reactive snapshot of the learner's progress. */
  readonly progress: CourseProgress;
  readonly status: StorageStatus;
  /** Calm messages for the learner (quarantined data, storage problems). */
  readonly notices: string[];
  /** Resolves once stored progress has been restored. */
  readonly ready: Promise<void>;
  visit(lessonId: string): void;
  /** The learner reached the end of the lesson; completion is recomputed. */
  reachEnd(lessonId: string): void;
  reveal(lessonId: string, blockId: string): void;
  setDone(lessonId: string, blockId: string, done: boolean): void;
  setNote(lessonId: string, blockId: string, promptId: string, text: string): void;
  assess(lessonId: string, blockId: string, promptId: string, assessment: SelfAssessment): void;
  /**
   * Settles a note that holds rival versions (see Note.versions): `text` is the note's own text
   * (the rivals are dismissed) or a rival's (restored). Optional so that test doubles may omit it.
   */
  resolveNote?(lessonId: string, blockId: string, promptId: string, text: string): void;
  rate(lessonId: string, blockId: string, value: string): void;
  /** Records a finished attempt and saves it at once (the one flush a finished attempt needs). */
  addAttempt(attempt: QuizAttempt): void;
  /**
   * One page of a quiz's attempts, newest first; `after` is the `next` of the page before. The only
   * way pages read the attempt log (optional: test doubles hold every attempt in `progress`).
   */
  history?(quizId: string, options: { after?: string | null; limit: number }): Promise<{ attempts: QuizAttempt[]; next: string | null }>;
  /** Holds a quiz's newest attempts (up to `limit`) in `progress.attempts`, for pages that list them from there. */
  holdRecent?(quizId: string, limit: number): Promise<void>;
  /** Write pending changes now (called on pagehide / visibilitychange too). */
  flush(): Promise<void>;
}
