// Merges two copies of one learner's progress (two tabs, an import, a restored record) without
// losing work from either. The merge is a join: commutative, associative and idempotent, so copies
// converge whatever order they meet in. Every "newer wins" choice breaks ties by a canonical
// comparison of the values, which is what keeps it associative.
import { canonicalJson } from './canonical.ts';
import { emptyIdMap } from './id-map.ts';
import { noteFromVersions, noteVersions } from './note-versions.ts';
import { compareAttempts } from './progress.ts';
import type { StudyDays } from './study-days.ts';
import type { BlockProgress, CourseProgress, LessonProgress, Note, QuizAttempt } from './progress-types.ts';
import { mergeQuizMaps } from './quiz-figures.ts';

export { canonicalJson } from './canonical.ts';

type Json = Record<string, unknown>;

/** Deep equality over plain data (what a progress record is made of). */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameData(item, other[index]));
  }
  const aKeys = Object.keys(a).filter((key) => (a as Json)[key] !== undefined);
  const bKeys = Object.keys(b).filter((key) => (b as Json)[key] !== undefined);
  return aKeys.length === bKeys.length && aKeys.every((key) => Object.hasOwn(b, key) && sameData((a as Json)[key], (b as Json)[key]));
}

function compareCanonical(a: unknown, b: unknown): number {
  const x = canonicalJson(a);
  const y = canonicalJson(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The greater of two values by `rank` (compared element-wise), ties broken canonically. */
function later<T>(a: T, b: T, rank: (value: T) => number[]): T {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) {
    const d = (ra[i] ?? 0) - (rb[i] ?? 0);
    if (d !== 0) return d > 0 ? a : b;
  }
  return compareCanonical(a, b) >= 0 ? a : b;
}

function setKey(target: Json, key: string, value: unknown): void {
  if (value === undefined) return;
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Union of keys; for keys on both sides `both` decides (or, for unknown keys, a canonical pick). */
function mergeRecords<T>(a: Record<string, T>, b: Record<string, T>, both: (x: T, y: T) => T): Record<string, T> {
  const out = emptyIdMap<T>();
  for (const key of Object.keys(a)) {
    setKey(out, key, Object.hasOwn(b, key) ? both(a[key] as T, b[key] as T) : a[key]);
  }
  for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) setKey(out, key, b[key]);
  return out;
}

const pickCanonical = (x: unknown, y: unknown): unknown => (compareCanonical(x, y) >= 0 ? x : y);

/** Copies the keys not in `known` from both sides (fields written by a newer build). */
function unknownKeys(a: object, b: object, known: ReadonlySet<string>): Json {
  const pick = (source: object): Json => {
    const out: Json = {};
    for (const key of Object.keys(source)) if (!known.has(key)) setKey(out, key, (source as Json)[key]);
    return out;
  };
  return mergeRecords(pick(a), pick(b), pickCanonical);
}

function minDefined(x: number | undefined, y: number | undefined): number | undefined {
  return x === undefined ? y : y === undefined ? x : Math.min(x, y);
}

const LESSON_KEYS = new Set(['firstVisit', 'lastVisit', 'reachedEnd', 'completedAt', 'timeSpentMs']);
function mergeLesson(a: LessonProgress, b: LessonProgress): LessonProgress {
  const out = unknownKeys(a, b, LESSON_KEYS) as unknown as LessonProgress;
  out.firstVisit = Math.min(a.firstVisit, b.firstVisit);
  out.lastVisit = Math.max(a.lastVisit, b.lastVisit);
  setKey(out as unknown as Json, 'reachedEnd', minDefined(a.reachedEnd, b.reachedEnd));
  setKey(out as unknown as Json, 'completedAt', minDefined(a.completedAt, b.completedAt));
  out.timeSpentMs = Math.max(a.timeSpentMs, b.timeSpentMs);
  return out;
}

const BLOCK_KEYS = new Set(['revealedAt', 'doneAt', 'changedAt']);
type Toggle = Pick<BlockProgress, 'doneAt' | 'changedAt'>;
function toggleRank(toggle: Toggle): number[] {
  if (toggle.doneAt === undefined && toggle.changedAt === undefined) return [0];
  // Ties on time: marked done beats un-marked (the learner's work is the safer side to keep).
  return [1, toggle.changedAt ?? toggle.doneAt ?? 0, toggle.doneAt === null ? 0 : 1];
}
function mergeBlock(a: BlockProgress, b: BlockProgress): BlockProgress {
  const out = unknownKeys(a, b, BLOCK_KEYS);
  setKey(out, 'revealedAt', minDefined(a.revealedAt, b.revealedAt));
  const toggle = later<Toggle>({ doneAt: a.doneAt, changedAt: a.changedAt }, { doneAt: b.doneAt, changedAt: b.changedAt }, toggleRank);
  setKey(out, 'doneAt', toggle.doneAt);
  setKey(out, 'changedAt', toggle.changedAt);
  return out as BlockProgress;
}

const NOTE_KEYS = new Set(['text', 'updatedAt', 'by', 'seen', 'versions', 'assessment', 'assessedAt']);
type Judgement = Pick<Note, 'assessment' | 'assessedAt'>;
function mergeNote(a: Note, b: Note): Note {
  const out = unknownKeys(a, b, NOTE_KEYS);
  // Both sides' texts survive unless one was written from the other (note-versions.ts).
  const texts = noteFromVersions([...noteVersions(a), ...noteVersions(b)]);
  for (const key of ['text', 'updatedAt', 'by', 'seen', 'versions'] as const) setKey(out, key, texts[key]);
  const judgement = later<Judgement>(
    { assessment: a.assessment, assessedAt: a.assessedAt },
    { assessment: b.assessment, assessedAt: b.assessedAt },
    (j) => (j.assessment === undefined && j.assessedAt === undefined ? [0] : [1, j.assessedAt ?? 0]),
  );
  setKey(out, 'assessment', judgement.assessment);
  setKey(out, 'assessedAt', judgement.assessedAt);
  return out as unknown as Note;
}

function mergeAttempts(a: QuizAttempt[], b: QuizAttempt[]): QuizAttempt[] {
  // A summary meets a whole history on every save: nothing to merge, and the list is kept as it is.
  if (a.length === 0 && isCanonical(b)) return b;
  if (b.length === 0 && isCanonical(a)) return a;
  const byId = new Map<string, QuizAttempt>();
  for (const attempt of [...a, ...b]) {
    const seen = byId.get(attempt.id);
    byId.set(attempt.id, seen ? later(seen, attempt, (x) => [x.finishedAt]) : attempt);
  }
  return [...byId.values()].sort(compareAttempts);
}

function isCanonical(attempts: QuizAttempt[]): boolean {
  for (let i = 1; i < attempts.length; i++) if (compareAttempts(attempts[i - 1] as QuizAttempt, attempts[i] as QuizAttempt) >= 0) return false;
  return true;
}

/**
 * Two copies' days (two tabs, an import): every day of either, and on a day both know, the larger of
 * each figure. Max, not sum: both copies grew from the last copy they shared (tabs merge before every
 * save), so a sum would count that shared part twice, and max keeps the merge a join (merging a copy
 * again changes nothing; see study-days.ts). Undefined when neither has days. The union may hold more than
 * MAX_STUDY_DAYS days until the next recording trims it (trimming here too would cost the first load
 * bytes for a few days' difference).
 */
export function mergeStudyDays(a: StudyDays | undefined, b: StudyDays | undefined): StudyDays | undefined {
  return a && b ? mergeRecords(a, b, (x, y) => [Math.max(x[0], y[0]), Math.max(x[1], y[1])]) : (a ?? b);
}

const PROGRESS_KEYS = new Set([
  'courseId',
  'lessons',
  'blocks',
  'notes',
  'ratings',
  'attempts',
  'quizzes',
  'position',
  'updatedAt',
  'resetAt',
]);

/**
 * The one rule for a course started again (Settings): a copy reset after the other was made
 * replaces it instead of being merged with it, or merging would bring back what the learner removed.
 */
export function followsReset(theirs: CourseProgress, mine: CourseProgress): boolean {
  return (theirs.resetAt ?? -1) > (mine.resetAt ?? -1);
}

/**
 * Everything either copy knows: lesson completion only grows (earliest completion, earliest first
 * visit, latest last visit, longest time), reveals keep the earliest, the done toggle, judgements,
 * ratings and the position go to the later writer, study days are a union (each figure the larger,
 * study-days.ts), a note keeps the other side's text as a rival
 * version unless one was written from the other, attempts are a union by id, and keys this build
 * does not know are kept.
 */
export function mergeProgress(a: CourseProgress, b: CourseProgress): CourseProgress {
  if (a.courseId !== b.courseId) {
    throw new Error(`Cannot merge progress of two courses ("${a.courseId}" and "${b.courseId}").`);
  }
  if (a === b) return a;
  const out = unknownKeys(a, b, PROGRESS_KEYS) as unknown as CourseProgress;
  out.courseId = a.courseId;
  out.lessons = mergeRecords(a.lessons, b.lessons, mergeLesson);
  out.blocks = mergeRecords(a.blocks, b.blocks, mergeBlock);
  out.notes = mergeRecords(a.notes, b.notes, mergeNote);
  out.ratings = mergeRecords(a.ratings, b.ratings, (x, y) => later(x, y, (rating) => [rating.at]));
  out.attempts = mergeAttempts(a.attempts, b.attempts);
  const quizzes = mergeQuizMaps(a.quizzes, b.quizzes);
  if (quizzes) out.quizzes = quizzes;
  out.position =
    a.position && b.position ? later(a.position, b.position, (position) => [position.at]) : (a.position ?? b.position);
  out.updatedAt = Math.max(a.updatedAt, b.updatedAt);
  // `days` is not in PROGRESS_KEYS (a few bytes of the first load): the copy unknownKeys made is replaced here.
  setKey(out as unknown as Json, 'days', mergeStudyDays(a.days, b.days));
  const resetAt = a.resetAt === undefined ? b.resetAt : b.resetAt === undefined ? a.resetAt : Math.max(a.resetAt, b.resetAt);
  if (resetAt !== undefined) out.resetAt = resetAt;
  return out;
}
