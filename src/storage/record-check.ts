// The fast path of restore: a hand-written check that a stored value is a sound, current record.
// Nearly every load finds one, and this check is a few hundred bytes and ~1 ms for 10,000
// attempts, where the zod/mini schemas (schema.ts) cost ~8 KB of the first load and far more time.
// Anything it does not vouch for goes through the full restore (restore.ts, loaded on demand),
// which validates with zod, migrates and salvages. A test keeps the two in agreement: whatever
// this check accepts, ProgressRecordSchema accepts too.
import { compareAttempts, withIdMaps } from '../engine/progress.ts';
import type { CourseProgress, QuizAttempt } from '../engine/progress-types.ts';

/**
 * 3: the summary layout. The record under progressKey() holds everything but finished attempts,
 * which live under attemptKey() one each (attempt-log.ts). A record with attempts inline (version
 * 1 or 2, or 3 written by a test) is moved into that layout when it is loaded or saved over.
 */
export const CURRENT_RECORD_VERSION = 3;

export type ProgressRecord = CourseProgress & {
  version: typeof CURRENT_RECORD_VERSION;
  /** Who wrote this copy (see saveProgress in records.ts): lets a writer skip re-reading its own write. */
  writeId?: string;
};

/**
 * Keys that reach Object.prototype through a plain object. Ids may be any of them (a lesson called
 * `constructor`): maps of progress by id are null-prototype objects (src/engine/id-map.ts) and are
 * always written with defineProperty. Only the fixed fields of a record or a file refuse them.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function toRecord(progress: CourseProgress): ProgressRecord {
  return { ...progress, version: CURRENT_RECORD_VERSION };
}

/** What is stored under progressKey(): the record without its attempts (they are stored one each). */
export function toSummaryRecord(progress: CourseProgress): Omit<ProgressRecord, 'attempts'> {
  const { attempts: _attempts, ...summary } = progress;
  return { ...summary, version: CURRENT_RECORD_VERSION };
}

type Check = (value: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isTime: Check = (value) => isNumber(value) && value >= 0;
const isId: Check = (value) => typeof value === 'string' && value.length > 0;
const isText: Check = (value) => typeof value === 'string';
const optional = (check: Check): Check => (value) => value === undefined || check(value);
const nullable = (check: Check): Check => (value) => value === null || check(value);
const list = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const shape =
  (fields: Record<string, Check>): Check =>
  (value) => {
    if (!isObject(value)) return false;
    for (const key in fields) if (!fields[key]!(value[key])) return false;
    return true;
  };
const map =
  (check: Check): Check =>
  (value) => {
    if (!isObject(value)) return false;
    for (const key of Object.keys(value)) if (key === '' || !check(value[key])) return false;
    return true;
  };
const isAssessment: Check = (value) => value === 'got' || value === 'partly' || value === 'missed';

const ANSWERS: Record<string, Check> = {
  single: shape({ optionId: nullable(isId) }),
  multiple: shape({ optionIds: list(isId) }),
  truefalse: shape({ value: nullable((v) => typeof v === 'boolean') }),
  short: shape({ text: isText }),
  numeric: shape({ text: isText }),
  blanks: shape({ values: list(isText) }),
  matching: shape({ chosen: map(isId) }),
  ordering: shape({ order: list(isId) }),
  essay: shape({ text: isText, assessment: optional(isAssessment) }),
  description: isObject,
};
/** A stored answer of any question type (also what a quiz draft holds, quiz-draft.ts). */
export const isAnswer: Check = (value) => isObject(value) && typeof value.type === 'string' && Object.hasOwn(ANSWERS, value.type) && ANSWERS[value.type]!(value);

export const isAttempt = shape({
  id: isId,
  quizId: isId,
  startedAt: isTime,
  finishedAt: isTime,
  questionIds: list(isId),
  results: list(shape({ questionId: isId, answer: isAnswer, score: isNumber, max: isNumber })),
  score: isNumber,
  maxScore: isNumber,
  percent: isNumber,
  passMark: isNumber,
  passed: (v) => typeof v === 'boolean',
});

const isRecordShape = shape({
  version: (v) => v === CURRENT_RECORD_VERSION,
  courseId: isId,
  lessons: map(
    shape({
      firstVisit: isTime,
      lastVisit: isTime,
      reachedEnd: optional(isTime),
      completedAt: optional(isTime),
      // The full schema fills a missing time with 0; a record without it takes the full path.
      timeSpentMs: (v) => isNumber(v) && v >= 0,
    }),
  ),
  blocks: map(shape({ revealedAt: optional(isTime), doneAt: optional(nullable(isTime)), changedAt: optional(isTime) })),
  notes: map(
    shape({
      text: isText,
      updatedAt: isTime,
      by: optional(isId),
      seen: optional(map(isTime)),
      versions: optional(list(shape({ text: isText, updatedAt: isTime, by: optional(isId), seen: optional(map(isTime)) }))),
      assessment: optional(isAssessment),
      assessedAt: optional(isTime),
    }),
  ),
  ratings: map(shape({ value: isText, at: isTime })),
  // Absent in a summary record; inline in older ones (moved out on load).
  attempts: optional(list(isAttempt)),
  // Absent in a record written before the figures: they are then computed from the log once.
  quizzes: optional(
    map(shape({ attempts: (v) => isNumber(v) && v >= 0 && Number.isInteger(v), best: isNumber, lastPercent: isNumber, lastAt: isTime, passed: (v) => typeof v === 'boolean', firstPassedAt: optional(isTime) })),
  ),
  position: nullable(shape({ lessonId: isId, at: isTime })),
  updatedAt: isTime,
  resetAt: optional(isTime),
  // Study days (src/engine/study-days.ts): day → [visits, seconds].
  days: optional(map((v) => list(isTime)(v) && (v as unknown[]).length === 2)),
});

/** True when the value is a current record of this course that needs no repair and no migration. */
export function isSoundRecord(value: unknown, courseId: string): value is ProgressRecord {
  return isRecordShape(value) && (value as { courseId: unknown }).courseId === courseId;
}

/** Attempts in canonical order, one per id (what the merge produces). */
export function canonicalAttempts(attempts: QuizAttempt[]): QuizAttempt[] {
  const ids = new Set<string>();
  let ordered = true;
  for (let i = 0; i < attempts.length; i++) {
    const attempt = attempts[i] as QuizAttempt;
    ids.add(attempt.id);
    if (i > 0 && compareAttempts(attempts[i - 1] as QuizAttempt, attempt) >= 0) ordered = false;
  }
  if (ordered && ids.size === attempts.length) return attempts;
  const byId = new Map(attempts.map((attempt) => [attempt.id, attempt]));
  return [...byId.values()].sort(compareAttempts);
}

/** The learner's progress held by a sound record (without the stored copy's version and write id). */
export function progressOfSoundRecord(record: ProgressRecord): CourseProgress {
  const { version: _version, writeId: _writeId, ...progress } = record;
  return withIdMaps({ ...progress, attempts: canonicalAttempts(progress.attempts ?? []) });
}
