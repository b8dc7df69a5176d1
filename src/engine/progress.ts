// Pure reducers over a learner's CourseProgress. Each takes the current progress and returns a new
// one (or the same object when nothing changed, so callers can skip a save); time is passed in.
// Unknown keys on the record and its entries are carried along untouched (a newer build may have
// written them).
import type { CourseManifest, LessonEntry } from '../content/schema/manifest.ts';
import { isLessonComplete } from './completion.ts';
import {
  blockKey,
  noteKey,
  type BlockProgress,
  type CourseProgress,
  type LessonProgress,
  type Note,
  type QuizAttempt,
  type SelfAssessment,
} from './progress-types.ts';

export function emptyProgress(courseId: string, now: number): CourseProgress {
  return {
    courseId,
    lessons: {},
    blocks: {},
    notes: {},
    ratings: {},
    attempts: [],
    position: null,
    updatedAt: now,
  };
}

/** Sets `record[key] = value` on a copy, safe for any key (ids come from stored data). */
function withEntry<T>(record: Record<string, T>, key: string, value: T): Record<string, T> {
  const copy = { ...record };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function touched(progress: CourseProgress, now: number): number {
  return Math.max(progress.updatedAt, now);
}

/** The learner opened a lesson: first/last visit and the saved position. */
export function visit(progress: CourseProgress, lessonId: string, now: number): CourseProgress {
  const lesson = own(progress.lessons, lessonId);
  const next: LessonProgress = lesson
    ? { ...lesson, firstVisit: Math.min(lesson.firstVisit, now), lastVisit: Math.max(lesson.lastVisit, now) }
    : { firstVisit: now, lastVisit: now, timeSpentMs: 0 };
  return {
    ...progress,
    lessons: withEntry(progress.lessons, lessonId, next),
    position: { lessonId, at: now },
    updatedAt: touched(progress, now),
  };
}

function lessonOrNew(progress: CourseProgress, lessonId: string, now: number): LessonProgress {
  return own(progress.lessons, lessonId) ?? { firstVisit: now, lastVisit: now, timeSpentMs: 0 };
}

/** The learner reached the end of a lesson. The first time counts; later ones change nothing. */
export function reachEnd(progress: CourseProgress, lessonId: string, now: number): CourseProgress {
  const lesson = lessonOrNew(progress, lessonId, now);
  if (lesson.reachedEnd !== undefined) return progress;
  return {
    ...progress,
    lessons: withEntry(progress.lessons, lessonId, { ...lesson, reachedEnd: now }),
    updatedAt: touched(progress, now),
  };
}

/** Adds time the learner spent on a lesson (the caller caps idle stretches). */
export function addTime(progress: CourseProgress, lessonId: string, ms: number, now: number): CourseProgress {
  if (!(ms > 0) || !Number.isFinite(ms)) return progress;
  const lesson = lessonOrNew(progress, lessonId, now);
  return {
    ...progress,
    lessons: withEntry(progress.lessons, lessonId, { ...lesson, timeSpentMs: lesson.timeSpentMs + Math.round(ms) }),
    updatedAt: touched(progress, now),
  };
}

/** A question's answer, an example's solution or a case-study answer was shown. The earliest reveal is kept. */
export function reveal(progress: CourseProgress, lessonId: string, blockId: string, now: number): CourseProgress {
  const key = blockKey(lessonId, blockId);
  const block = own(progress.blocks, key);
  if (block?.revealedAt !== undefined) return progress;
  return {
    ...progress,
    blocks: withEntry<BlockProgress>(progress.blocks, key, { ...block, revealedAt: now }),
    updatedAt: touched(progress, now),
  };
}

/** A challenge was marked done or un-marked. `changedAt` lets two tabs agree on the last toggle. */
export function setDone(
  progress: CourseProgress,
  lessonId: string,
  blockId: string,
  done: boolean,
  now: number,
): CourseProgress {
  const key = blockKey(lessonId, blockId);
  const block = own(progress.blocks, key);
  const isDone = typeof block?.doneAt === 'number';
  if (isDone === done) return progress;
  return {
    ...progress,
    blocks: withEntry<BlockProgress>(progress.blocks, key, { ...block, doneAt: done ? now : null, changedAt: now }),
    updatedAt: touched(progress, now),
  };
}

/** The learner typed in a reflection prompt or a case-study answer. An existing self-assessment stays. */
export function setNote(
  progress: CourseProgress,
  lessonId: string,
  blockId: string,
  promptId: string,
  text: string,
  now: number,
): CourseProgress {
  const key = noteKey(lessonId, blockId, promptId);
  const note = own(progress.notes, key);
  if (note && note.text === text) return progress;
  return {
    ...progress,
    notes: withEntry<Note>(progress.notes, key, { ...note, text, updatedAt: now }),
    updatedAt: touched(progress, now),
  };
}

/** The learner judged their case-study answer against the model answer. */
export function assess(
  progress: CourseProgress,
  lessonId: string,
  blockId: string,
  promptId: string,
  assessment: SelfAssessment,
  now: number,
): CourseProgress {
  const key = noteKey(lessonId, blockId, promptId);
  // A judgement without a written answer gets an empty text stamped at 0, so that merging with a
  // tab where the learner did write something keeps their words.
  const note: Note = own(progress.notes, key) ?? { text: '', updatedAt: 0 };
  if (note.assessment === assessment) return progress;
  return {
    ...progress,
    notes: withEntry<Note>(progress.notes, key, { ...note, assessment, assessedAt: now }),
    updatedAt: touched(progress, now),
  };
}

export function rate(
  progress: CourseProgress,
  lessonId: string,
  blockId: string,
  value: string,
  now: number,
): CourseProgress {
  const key = blockKey(lessonId, blockId);
  if (own(progress.ratings, key)?.value === value) return progress;
  return {
    ...progress,
    ratings: withEntry(progress.ratings, key, { value, at: now }),
    updatedAt: touched(progress, now),
  };
}

/** Attempts are kept in one canonical order so that merged records compare equal. */
export function compareAttempts(a: QuizAttempt, b: QuizAttempt): number {
  return a.finishedAt - b.finishedAt || a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Records a finished quiz attempt. Every attempt is kept; adding the same attempt twice changes nothing. */
export function addAttempt(progress: CourseProgress, attempt: QuizAttempt, now: number): CourseProgress {
  if (progress.attempts.some((existing) => existing.id === attempt.id)) return progress;
  const attempts = [...progress.attempts, attempt];
  const last = progress.attempts[progress.attempts.length - 1];
  if (last && compareAttempts(last, attempt) > 0) attempts.sort(compareAttempts);
  return { ...progress, attempts, updatedAt: touched(progress, now) };
}

/**
 * Stamps `completedAt` on a lesson that has just become complete. Completion only grows: a lesson
 * once complete stays so, even if the tutor later adds a required block.
 */
export function settleLesson(progress: CourseProgress, lesson: LessonEntry, now: number): CourseProgress {
  const current = own(progress.lessons, lesson.id);
  if (!current || current.completedAt !== undefined || !isLessonComplete(lesson, progress)) return progress;
  return {
    ...progress,
    lessons: withEntry(progress.lessons, lesson.id, { ...current, completedAt: now }),
    updatedAt: touched(progress, now),
  };
}

/** settleLesson for every lesson of a course (after a restore, an import or a merge). */
export function settleCourse(progress: CourseProgress, course: CourseManifest, now: number): CourseProgress {
  return course.lessons.reduce((next, lesson) => settleLesson(next, lesson, now), progress);
}
