// Every shape a progress record has had, and how each turns into the next. To change the record:
// add version N+1 to RecordByVersion and RECORD_FORMATS, write the N -> N+1 step in MIGRATIONS, and
// add a stored blob of version N to tests/fixtures/storage/.
import * as z from 'zod/mini';
import { emptyIdMap, getOwn, setOwn } from '../engine/id-map.ts';
import { emptyProgress } from '../engine/progress.ts';
import type { BlockProgress, LessonProgress, QuizAttempt } from '../engine/progress-types.ts';
import {
  CURRENT_RECORD_VERSION,
  Id,
  Key,
  PROGRESS_FIELDS,
  Timestamp,
  type ProgressRecord,
} from './schema.ts';

/**
 * Version 1, the first release: flat lists of what was done, no timestamps per interaction and
 * attempts without ids (so two tabs could not tell their attempts apart).
 */
export const V1_FIELDS = {
  version: z.literal(1),
  courseId: Id,
  /** Lesson ids the learner completed. */
  completed: z.array(Id),
  /** Last visit per lesson id, epoch ms. */
  visited: z.record(Key, Timestamp),
  /** The lesson open when the record was saved. */
  lastLesson: z.nullable(Id),
  /** `${lessonId}/${blockId}` of questions and examples whose answer was shown. */
  revealed: z.array(Key),
  /** `${lessonId}/${blockId}` of challenges marked done. */
  done: z.array(Key),
  /** Reflection and case-study texts by `${lessonId}/${blockId}/${promptId}`. */
  reflections: z.record(Key, z.string()),
  /** Chosen rating by `${lessonId}/${blockId}`. */
  ratings: z.record(Key, z.string()),
  /** Finished quiz attempts, oldest first. */
  attempts: z.array(
    z.looseObject({
      quizId: Id,
      finishedAt: Timestamp,
      score: z.number(),
      maxScore: z.number(),
      passMark: z.number(),
      passed: z.boolean(),
    }),
  ),
  /** When the record was written; stands in for the missing per-interaction times. */
  savedAt: Timestamp,
} as const;
export const ProgressRecordV1Schema = z.looseObject(V1_FIELDS);
export type ProgressRecordV1 = z.infer<typeof ProgressRecordV1Schema>;

/** Version 2: the whole CourseProgress, attempts inline, in one record. */
export type ProgressRecordV2 = Omit<ProgressRecord, 'version'> & { version: 2 };

export interface RecordByVersion {
  1: ProgressRecordV1;
  2: ProgressRecordV2;
  3: ProgressRecord;
}
export type RecordVersion = keyof RecordByVersion;
type NextVersion = { 1: 2; 2: 3 };

/** The fields of a version, one schema each (restore salvages field by field), and what a missing field defaults to. */
export interface RecordFormat {
  fields: Record<string, z.ZodMiniType>;
  defaults(courseId: string, now: number): Record<string, unknown>;
}

export const RECORD_FORMATS: { [V in RecordVersion]: RecordFormat } = {
  1: {
    fields: V1_FIELDS,
    defaults: (courseId, now) => ({
      version: 1,
      courseId,
      completed: [],
      visited: {},
      lastLesson: null,
      revealed: [],
      done: [],
      reflections: {},
      ratings: {},
      attempts: [],
      savedAt: now,
    }),
  },
  2: {
    fields: { version: z.literal(2), ...PROGRESS_FIELDS },
    defaults: (courseId, now) => ({ version: 2, ...emptyProgress(courseId, now) }),
  },
  3: {
    fields: { version: z.literal(3), ...PROGRESS_FIELDS },
    defaults: (courseId, now) => ({ version: 3, ...emptyProgress(courseId, now) }),
  },
};

function withoutKeys(record: Record<string, unknown>, known: object): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(known, key)) Object.defineProperty(rest, key, { value: record[key], enumerable: true, writable: true, configurable: true });
  }
  return rest;
}

function migrateV1toV2(v1: ProgressRecordV1): ProgressRecordV2 {
  const at = v1.savedAt;
  const record: ProgressRecordV2 = {
    // Fields a later 1.x build added are carried over untouched.
    ...withoutKeys(v1, V1_FIELDS),
    version: 2,
    courseId: v1.courseId,
    lessons: emptyIdMap(),
    blocks: emptyIdMap(),
    notes: emptyIdMap(),
    ratings: emptyIdMap(),
    attempts: [],
    position: null,
    updatedAt: at,
  };
  const completed = new Set(v1.completed);
  for (const lessonId of new Set([...Object.keys(v1.visited), ...v1.completed])) {
    const seen = getOwn(v1.visited, lessonId) ?? at;
    setOwn<LessonProgress>(
      record.lessons,
      lessonId,
      completed.has(lessonId)
        ? { firstVisit: seen, lastVisit: seen, reachedEnd: seen, completedAt: seen, timeSpentMs: 0 }
        : { firstVisit: seen, lastVisit: seen, timeSpentMs: 0 },
    );
  }
  for (const key of v1.revealed) setOwn<BlockProgress>(record.blocks, key, { revealedAt: at });
  for (const key of v1.done) setOwn<BlockProgress>(record.blocks, key, { ...getOwn(record.blocks, key), doneAt: at, changedAt: at });
  for (const [key, text] of Object.entries(v1.reflections)) setOwn(record.notes, key, { text, updatedAt: at });
  for (const [key, value] of Object.entries(v1.ratings)) setOwn(record.ratings, key, { value, at });
  record.attempts = v1.attempts.map((old, index): QuizAttempt => ({
    ...withoutKeys(old, { quizId: 0, finishedAt: 0, score: 0, maxScore: 0, passMark: 0, passed: 0 }),
    // Derived, not random: two tabs migrating the same record must produce the same ids.
    id: `v1-${index}-${old.quizId}-${old.finishedAt}`,
    quizId: old.quizId,
    startedAt: old.finishedAt,
    finishedAt: old.finishedAt,
    questionIds: [],
    results: [],
    score: old.score,
    maxScore: old.maxScore,
    percent: old.maxScore > 0 ? Math.round((old.score / old.maxScore) * 10_000) / 100 : 0,
    passMark: old.passMark,
    passed: old.passed,
  }));
  if (v1.lastLesson) record.position = { lessonId: v1.lastLesson, at: getOwn(v1.visited, v1.lastLesson) ?? at };
  return record;
}

/** One step per version: MIGRATIONS[n] turns a version n record into version n + 1. */
/**
 * The fields stay; what changes is where attempts are kept. The record still carries them here, and
 * loadProgress (records.ts) moves them to their own keys in two phases before it rewrites the record.
 */
function migrateV2toV3(v2: ProgressRecordV2): ProgressRecord {
  return { ...v2, version: 3 };
}

export const MIGRATIONS: { [V in keyof NextVersion]: (record: RecordByVersion[V]) => RecordByVersion[NextVersion[V]] } = {
  1: migrateV1toV2,
  2: migrateV2toV3,
};

export function isRecordVersion(version: unknown): version is RecordVersion {
  return typeof version === 'number' && Object.hasOwn(RECORD_FORMATS, version);
}

/** Runs every step from `version` up to the current one. */
export function migrateToCurrent(record: RecordByVersion[RecordVersion], version: RecordVersion): ProgressRecord {
  let current: unknown = record;
  for (let v: number = version; v < CURRENT_RECORD_VERSION; v++) {
    const step = MIGRATIONS[v as keyof NextVersion] as (record: unknown) => unknown;
    current = step(current);
  }
  return current as ProgressRecord;
}
