// Pure reducers over a learner's CourseProgress. Each takes the current progress and returns a new
// one (or the same object when nothing changed, so callers can skip a save); time is passed in.
// Unknown keys on the record and its entries are carried along untouched (a newer build may have
// written them).
import type { CourseManifest, LessonEntry } from '../content/schema/manifest.ts';
import { isLessonComplete } from './completion.ts';
import { emptyIdMap, getOwn as own, setOwn, toIdMap, withEntry } from './id-map.ts';
import { foldAttempt, quizFigures } from './quiz-figures.ts';
import { noteFromVersions, noteVersions, seenThrough } from './note-versions.ts';
import { dayOf, MAX_STUDY_DAYS, type StudyDays } from './study-days.ts';
import {
  blockKey,
  noteKey,
  type BlockProgress,
  type CourseProgress,
  type LessonProgress,
  type Note,
  type NoteVersion,
  type QuizAttempt,
  type SelfAssessment,
} from './progress-types.ts';

export function emptyProgress(courseId: string, now: number): CourseProgress {
  return {
    courseId,
    lessons: emptyIdMap(),
    blocks: emptyIdMap(),
    notes: emptyIdMap(),
    ratings: emptyIdMap(),
    attempts: [],
    position: null,
    updatedAt: now,
  };
}

/**
 * The same progress with every map keyed by id made a null-prototype map (see id-map.ts): applied
 * to whatever comes from storage, another tab or a file before the player reads it.
 */
export function withIdMaps(progress: CourseProgress): CourseProgress {
  return {
    ...progress,
    lessons: toIdMap(progress.lessons),
    blocks: toIdMap(progress.blocks),
    notes: toIdMap(progress.notes),
    ratings: toIdMap(progress.ratings),
    ...(progress.quizzes ? { quizzes: toIdMap(progress.quizzes) } : {}),
  };
}

/**
 * The time of a change that replaces one stamped `seen`: now, or just after `seen` when this
 * device's clock is behind the one that wrote it, so the learner's latest action always wins the
 * "later writer" merges (times from elsewhere are bounded first: see boundTimes).
 */
function after(seen: number | undefined, now: number): number {
  return seen === undefined ? now : Math.max(now, seen + 1);
}

function touched(progress: CourseProgress, now: number): number {
  return Math.max(progress.updatedAt, now);
}

/** The learner opened a lesson: first/last visit and the saved position. */
/**
 * Study days (study-days.ts) with `visits` lesson visits and `ms` of study added on the day of `now`,
 * keeping the newest MAX_STUDY_DAYS days.
 */
export function addStudy(days: StudyDays | undefined, now: number, visits: number, ms: number): StudyDays {
  const key = dayOf(now);
  const [v, s] = days?.[key] ?? [0, 0];
  const next: StudyDays = { ...days, [key]: [v + visits, s + Math.round(ms / 1000)] };
  for (const old of Object.keys(next).sort().slice(0, -MAX_STUDY_DAYS)) delete next[old];
  return next;
}

export function visit(progress: CourseProgress, lessonId: string, now: number): CourseProgress {
  const lesson = own(progress.lessons, lessonId);
  const next: LessonProgress = lesson
    ? { ...lesson, firstVisit: Math.min(lesson.firstVisit, now), lastVisit: Math.max(lesson.lastVisit, now) }
    : { firstVisit: now, lastVisit: now, timeSpentMs: 0 };
  return {
    ...progress,
    lessons: withEntry(progress.lessons, lessonId, next),
    days: addStudy(progress.days, now, 1, 0),
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
    lessons: withEntry<LessonProgress>(progress.lessons, lessonId, { ...lesson, reachedEnd: now }),
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
    days: addStudy(progress.days, now, 0, ms),
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
    blocks: withEntry<BlockProgress>(progress.blocks, key, { ...block, doneAt: done ? now : null, changedAt: after(block?.changedAt, now) }),
    updatedAt: touched(progress, now),
  };
}

/**
 * The learner typed in a reflection prompt or a case-study answer. The new text is stamped as grown
 * from the one it replaces (see note-versions.ts), later than it even when this device's clock is
 * behind, and an existing self-assessment and any rival versions stay.
 */
export function setNote(
  progress: CourseProgress,
  lessonId: string,
  blockId: string,
  promptId: string,
  text: string,
  now: number,
  writer?: string,
): CourseProgress {
  const key = noteKey(lessonId, blockId, promptId);
  const note = own(progress.notes, key);
  if (note && note.text === text) return progress;
  // Written on top of the note's own text only: its rivals stay rivals until the learner settles them.
  const next: Note = note ? { ...note, text, updatedAt: after(note.updatedAt, now), seen: seenThrough([note]) } : { text, updatedAt: now };
  if (writer === undefined) delete next.by;
  else next.by = writer;
  return {
    ...progress,
    notes: withEntry<Note>(progress.notes, key, next),
    updatedAt: touched(progress, now),
  };
}

/**
 * The learner settled a note that holds rival versions: `text` is either the note's own text (the
 * rivals are dismissed) or a rival's text (restored; the text it replaces stays as a rival).
 */
export function resolveNote(
  progress: CourseProgress,
  lessonId: string,
  blockId: string,
  promptId: string,
  text: string,
  now: number,
  writer?: string,
): CourseProgress {
  const key = noteKey(lessonId, blockId, promptId);
  const note = own(progress.notes, key);
  if (!note) return progress;
  const versions = noteVersions(note);
  const chosen = text === note.text ? undefined : versions.find((version) => version.text === text);
  if (text !== note.text && !chosen) return progress;
  // Keeping the own text supersedes every rival; restoring one supersedes it (and what it had seen)
  // while the text it replaces stays a rival.
  const written: NoteVersion = { text, updatedAt: after(note.updatedAt, now), seen: seenThrough(chosen ? [chosen] : versions) };
  if (writer !== undefined) written.by = writer;
  const { versions: _old, by: _by, seen: _seen, ...rest } = note;
  return {
    ...progress,
    notes: withEntry<Note>(progress.notes, key, { ...rest, ...noteFromVersions([written, ...versions]) }),
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
  const rating = own(progress.ratings, key);
  if (rating?.value === value) return progress;
  return {
    ...progress,
    ratings: withEntry(progress.ratings, key, { value, at: after(rating?.at, now) }),
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
  // The figures count it once: it is new to this copy, and its id is random.
  const figures = foldAttempt(quizFigures(progress, attempt.quizId), attempt);
  return { ...progress, attempts, quizzes: withEntry(progress.quizzes ?? emptyIdMap(), attempt.quizId, figures), updatedAt: touched(progress, now) };
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
    lessons: withEntry<LessonProgress>(progress.lessons, lesson.id, { ...current, completedAt: now }),
    updatedAt: touched(progress, now),
  };
}

/** settleLesson for every lesson of a course (after a restore, an import or a merge). */
export function settleCourse(progress: CourseProgress, course: CourseManifest, now: number): CourseProgress {
  return course.lessons.reduce((next, lesson) => settleLesson(next, lesson, now), progress);
}

/** How far ahead of this device's clock another copy's times may be before they count as wrong. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

function boundEntries<T>(map: Record<string, T>, bound: (entry: T) => T): Record<string, T> {
  let copy: Record<string, T> | null = null;
  for (const id of Object.keys(map)) {
    const entry = map[id] as T;
    const bounded = bound(entry);
    if (bounded !== entry) copy = withEntry(copy ?? map, id, bounded);
  }
  return copy ?? map;
}

/**
 * Caps the times that decide "the later writer wins" at `limit` (now plus a small skew): a copy
 * from a device whose clock runs a year fast must not win every later edit made here. Returns the
 * same object when nothing was in the future.
 */
export function boundTimes(progress: CourseProgress, limit: number): CourseProgress {
  const cap = (time: number): number => Math.min(time, limit);
  const future = (...times: (number | null | undefined)[]): boolean => times.some((time) => typeof time === 'number' && time > limit);
  const boundVersion = <V extends NoteVersion>(version: V): V => {
    const seen = Object.values(version.seen ?? {});
    if (!future(version.updatedAt, ...seen)) return version;
    const bounded: V = { ...version, updatedAt: cap(version.updatedAt) };
    if (version.seen) {
      bounded.seen = emptyIdMap<number>();
      for (const [writer, time] of Object.entries(version.seen)) setOwn(bounded.seen, writer, cap(time));
    }
    return bounded;
  };
  const notes = boundEntries(progress.notes, (note) => {
    const own = boundVersion(note);
    const versions = note.versions?.map(boundVersion);
    const changed = own !== note || future(note.assessedAt) || versions?.some((version, i) => version !== note.versions?.[i]);
    if (!changed) return note;
    const bounded: Note = { ...own };
    if (versions) bounded.versions = versions;
    if (note.assessedAt !== undefined) bounded.assessedAt = cap(note.assessedAt);
    return bounded;
  });
  const ratings = boundEntries(progress.ratings, (rating) => (future(rating.at) ? { ...rating, at: cap(rating.at) } : rating));
  const blocks = boundEntries(progress.blocks, (block) => {
    if (!future(block.changedAt, block.doneAt)) return block;
    const bounded: BlockProgress = { ...block };
    if (block.changedAt !== undefined) bounded.changedAt = cap(block.changedAt);
    if (typeof block.doneAt === 'number') bounded.doneAt = cap(block.doneAt);
    return bounded;
  });
  const position = progress.position && future(progress.position.at) ? { ...progress.position, at: cap(progress.position.at) } : progress.position;
  if (notes === progress.notes && ratings === progress.ratings && blocks === progress.blocks && position === progress.position && !future(progress.updatedAt)) {
    return progress;
  }
  return { ...progress, notes, ratings, blocks, position, updatedAt: cap(progress.updatedAt) };
}
