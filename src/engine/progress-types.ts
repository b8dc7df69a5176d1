// The learner's progress on one course: the shape every stage agrees on. Pure types; the reducers
// and the merge live in progress.ts, the stored form and its migrations in src/storage/.
// Every map is keyed by stable ids from the build (course, lesson, block, prompt, question), so a
// rebuilt course keeps what the learner did on whatever did not change.

/** How a learner judged their own answer against a model answer. */
export type SelfAssessment = 'got' | 'partly' | 'missed';

export interface LessonProgress {
  /** Epoch ms of the first and last visit. */
  firstVisit: number;
  lastVisit: number;
  /** Set once the learner reached the end of the lesson. */
  reachedEnd?: number;
  /** Set once the lesson counts as done (end reached and required interactions done). Only grows. */
  completedAt?: number;
  /** Time spent on the lesson, ms. */
  timeSpentMs: number;
}

/** Interactions with one block, keyed `${lessonId}/${blockId}`. */
export interface BlockProgress {
  /** A question's answer, an example's worked solution or a case-study answer was revealed. */
  revealedAt?: number;
  /** A challenge was marked done (cleared by `doneAt: null` when un-marked). */
  doneAt?: number | null;
  /** Updated whenever doneAt changes, for last-writer-wins merging of the toggle. */
  changedAt?: number;
}

/** One text of a note, as one tab or device wrote it. */
export interface NoteVersion {
  text: string;
  updatedAt: number;
  /** The tab that wrote it (absent on texts written before writers were recorded). */
  by?: string;
  /**
   * What the writer had seen when it wrote this text: the latest time of each writer's versions
   * (see note-versions.ts). A version it had seen is one this text grew from, not a rival.
   */
  seen?: Record<string, number>;
}

/**
 * A reflection or a case-study answer the learner wrote, keyed `${lessonId}/${blockId}/${promptId}`.
 * The note's own text is the newest version; `versions` holds texts written elsewhere at the same
 * time (another tab, an imported file) that it did not grow from, kept for the learner to restore.
 */
export interface Note extends NoteVersion {
  /** Rival texts the learner has not yet dismissed, oldest first. */
  versions?: NoteVersion[];
  /** Case-study questions: the learner's judgement after comparing with the model answer. */
  assessment?: SelfAssessment;
  assessedAt?: number;
}

export interface Rating {
  value: string;
  at: number;
}

/** One learner's answer to one question, as the quiz UI records it (see src/engine/grading.ts). */
export type Answer =
  | { type: 'single'; optionId: string | null }
  | { type: 'multiple'; optionIds: string[] }
  | { type: 'truefalse'; value: boolean | null }
  | { type: 'short'; text: string }
  | { type: 'numeric'; text: string }
  /** values[i] answers the blank whose id is blankIds[i]; without blankIds (stored before ids were stable) values are in source order. */
  | { type: 'blanks'; values: string[]; blankIds?: string[] }
  | { type: 'matching'; chosen: Record<string, string> }
  | { type: 'ordering'; order: string[] }
  | { type: 'essay'; text: string; assessment?: SelfAssessment }
  | { type: 'description' };

export interface QuestionResult {
  questionId: string;
  answer: Answer;
  score: number;
  max: number;
}

/** Every attempt is kept, not just the best. */
export interface QuizAttempt {
  /** Random id; attempts from two tabs merge as a union by id. */
  id: string;
  quizId: string;
  startedAt: number;
  finishedAt: number;
  /** Question ids drawn for this attempt, in the order shown. */
  questionIds: string[];
  results: QuestionResult[];
  score: number;
  maxScore: number;
  /** 0..100, rounded to 2 decimals. */
  percent: number;
  passMark: number;
  passed: boolean;
}

/**
 * What the course home and lessons need of one quiz's attempts, kept in the summary record so that
 * they never read the attempt log (see quiz-figures.ts).
 */
export interface QuizFigures {
  /** Finished attempts (since the last reset). */
  attempts: number;
  /** Best percent. */
  best: number;
  /** Percent and finishing time of the latest attempt. */
  lastPercent: number;
  lastAt: number;
  passed: boolean;
  /** When the quiz was first passed. */
  firstPassedAt?: number;
}

export interface Position {
  lessonId: string;
  at: number;
}

export interface CourseProgress {
  courseId: string;
  lessons: Record<string, LessonProgress>;
  blocks: Record<string, BlockProgress>;
  notes: Record<string, Note>;
  ratings: Record<string, Rating>;
  /**
   * Finished attempts held in memory: all of them in a record from a file or an older version, only
   * the newest in the player (the rest are in the attempt log, read page by page).
   */
  attempts: QuizAttempt[];
  /** Per-quiz figures over every attempt, the log's included (absent: computed from `attempts`). */
  quizzes?: Record<string, QuizFigures>;
  position: Position | null;
  /** Last change, epoch ms. */
  updatedAt: number;
  /**
   * Study per local day, [lesson visits, active seconds] (study-days.ts): the dashboard's time over
   * days and streak. Absent until the learner studies with a build that records it.
   */
  days?: Record<string, [visits: number, seconds: number]>;
  /**
   * When the learner last started the course again (Settings). A tab holding a copy from before
   * that moment follows the reset instead of merging its old copy back in.
   */
  resetAt?: number;
}

export const blockKey = (lessonId: string, blockId: string): string => `${lessonId}/${blockId}`;
export const noteKey = (lessonId: string, blockId: string, promptId: string): string =>
  `${lessonId}/${blockId}/${promptId}`;
