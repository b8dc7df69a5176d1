// The stored form of a course's progress (record version 3 = CourseProgress plus `version`, its
// attempts stored apart: see record-check.ts), as
// zod/mini schemas for the browser. Objects are loose: fields written by a newer build survive a
// round trip through an older one. Older record versions live in migrations.ts.
import * as z from 'zod/mini';
import type { CourseProgress } from '../engine/progress-types.ts';

import { CURRENT_RECORD_VERSION, type ProgressRecord } from './record-check.ts';

export { CURRENT_RECORD_VERSION, FORBIDDEN_KEYS, toRecord, type ProgressRecord } from './record-check.ts';

// Sizes are not limited here: what the player stored must always restore. Import files get their
// own limits (export.ts) before they reach these schemas.
export const Timestamp = z.number().check(z.nonnegative());
export const Id = z.string().check(z.minLength(1));
/** A key of a map by id: any non-empty string, JavaScript's own names included (see id-map.ts). */
export const Key = z.string().check(z.minLength(1));
const Text = z.string();
const SelfAssessmentSchema = z.enum(['got', 'partly', 'missed']);

export const LessonProgressSchema = z.looseObject({
  firstVisit: Timestamp,
  lastVisit: Timestamp,
  reachedEnd: z.optional(Timestamp),
  completedAt: z.optional(Timestamp),
  timeSpentMs: z._default(z.number().check(z.nonnegative()), 0),
});

export const BlockProgressSchema = z.looseObject({
  revealedAt: z.optional(Timestamp),
  doneAt: z.optional(z.nullable(Timestamp)),
  changedAt: z.optional(Timestamp),
});

export const NoteVersionSchema = z.looseObject({
  text: Text,
  updatedAt: Timestamp,
  by: z.optional(Id),
  seen: z.optional(z.record(Key, Timestamp)),
});

export const NoteSchema = z.looseObject({
  text: Text,
  updatedAt: Timestamp,
  by: z.optional(Id),
  seen: z.optional(z.record(Key, Timestamp)),
  versions: z.optional(z.array(NoteVersionSchema)),
  assessment: z.optional(SelfAssessmentSchema),
  assessedAt: z.optional(Timestamp),
});

export const RatingSchema = z.looseObject({ value: Text, at: Timestamp });

const IdList = z.array(Id);
export const AnswerSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('single'), optionId: z.nullable(Id) }),
  z.looseObject({ type: z.literal('multiple'), optionIds: IdList }),
  z.looseObject({ type: z.literal('truefalse'), value: z.nullable(z.boolean()) }),
  z.looseObject({ type: z.literal('short'), text: Text }),
  z.looseObject({ type: z.literal('numeric'), text: Text }),
  z.looseObject({ type: z.literal('blanks'), values: z.array(Text) }),
  z.looseObject({ type: z.literal('matching'), chosen: z.record(Key, Id) }),
  z.looseObject({ type: z.literal('ordering'), order: IdList }),
  z.looseObject({ type: z.literal('essay'), text: Text, assessment: z.optional(SelfAssessmentSchema) }),
  z.looseObject({ type: z.literal('description') }),
]);

export const QuestionResultSchema = z.looseObject({
  questionId: Id,
  answer: AnswerSchema,
  score: z.number(),
  max: z.number(),
});

export const QuizAttemptSchema = z.looseObject({
  id: Id,
  quizId: Id,
  startedAt: Timestamp,
  finishedAt: Timestamp,
  questionIds: IdList,
  results: z.array(QuestionResultSchema),
  score: z.number(),
  maxScore: z.number(),
  percent: z.number(),
  passMark: z.number(),
  passed: z.boolean(),
});

/** Per-quiz figures in the summary (engine/quiz-figures.ts). */
export const QuizFiguresSchema = z.looseObject({
  attempts: z.number().check(z.int(), z.nonnegative()),
  best: z.number(),
  lastPercent: z.number(),
  lastAt: Timestamp,
  passed: z.boolean(),
  firstPassedAt: z.optional(Timestamp),
});

export const PositionSchema = z.looseObject({ lessonId: Id, at: Timestamp });

/** The fields of CourseProgress, one schema each: restore salvages a damaged record field by field. */
export const PROGRESS_FIELDS = {
  courseId: Id,
  lessons: z.record(Key, LessonProgressSchema),
  blocks: z.record(Key, BlockProgressSchema),
  notes: z.record(Key, NoteSchema),
  ratings: z.record(Key, RatingSchema),
  attempts: z.array(QuizAttemptSchema),
  quizzes: z.optional(z.record(Key, QuizFiguresSchema)),
  position: z.nullable(PositionSchema),
  updatedAt: Timestamp,
  resetAt: z.optional(Timestamp),
  /** Study per local day (src/engine/study-days.ts): [lesson visits, active seconds]. */
  days: z.optional(z.record(Key, z.tuple([Timestamp, Timestamp]))),
} as const;

/** CourseProgress as validated data (the in-memory shape, without the stored `version`). */
export const CourseProgressSchema = z.looseObject(PROGRESS_FIELDS);

/** What is stored under progressKey(courseId) (attempts absent from a summary record). */
export const ProgressRecordSchema = z.looseObject({
  version: z.literal(CURRENT_RECORD_VERSION),
  ...PROGRESS_FIELDS,
  attempts: z._default(z.array(QuizAttemptSchema), []),
});

// What the schema accepts must be a CourseProgress: a compile error here means the two drifted apart.
const parsedIsProgress = (value: z.infer<typeof CourseProgressSchema>): CourseProgress => value;
void parsedIsProgress;


function unitOf(origin: string): string {
  return origin === 'string' ? ' characters long' : origin === 'array' ? ' items long' : '';
}

/** One line per issue, e.g. `attempts.3.score: expected number`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix = ''): string[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(record)';
    switch (issue.code) {
      case 'invalid_type':
        return `${path}: expected ${issue.expected}`;
      case 'too_big':
        return `${path}: must be at most ${String(issue.maximum)}${unitOf(issue.origin)}`;
      case 'too_small':
        return `${path}: must be at least ${String(issue.minimum)}${unitOf(issue.origin)}`;
      case 'invalid_value':
        return `${path}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      case 'invalid_union':
        return `${path}: not a known kind`;
      case 'custom':
        return `${path}: not allowed`;
      default:
        return `${path}: invalid (${issue.code})`;
    }
  });
}
