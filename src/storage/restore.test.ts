import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { CourseProgress, QuizAttempt } from '../engine/progress-types.ts';
import { restoreProgress, type Restored } from './restore.ts';
import { ProblemLog, salvage } from './salvage.ts';
import { CourseProgressSchema } from './schema.ts';

const brokenDir = fileURLToPath(new URL('../../tests/fixtures/storage/broken/', import.meta.url));
const readBroken = (name: string): unknown => JSON.parse(readFileSync(`${brokenDir}${name}`, 'utf8'));

const COURSE = 'external-customers';
const NOW = 1_800_000_000_000;

interface BrokenCase {
  /** Every problem line must match one of these, and each of these some line. */
  problems: RegExp[];
  /** What must have been recovered. */
  check: (restored: Restored) => void;
}

const v2Attempts = (p: CourseProgress): string[] => p.attempts.map((a) => a.id);

const BROKEN: Record<string, BrokenCase> = {
  'bad-attempt.json': {
    problems: [/^attempts\.1\.score: expected number$/],
    check: ({ progress }) => {
      expect(v2Attempts(progress)).toEqual(['att-1', 'att-2']);
      expect(Object.keys(progress.lessons)).toHaveLength(2);
    },
  },
  'bad-answer.json': {
    problems: [/^attempts\.0\.results\.1\.answer\.type: not a known kind$/],
    check: ({ progress }) => {
      expect(v2Attempts(progress)).toEqual(['att-1', 'att-2']);
      expect(progress.attempts[0]?.results.map((r) => r.questionId)).toEqual(['q1', 'q3']);
    },
  },
  'wrong-types.json': {
    problems: [
      /^lessons: expected record$/,
      /^notes\.reflections\/face-to-face\/p1\.text: expected string$/,
      /^position: expected object$/,
      /^updatedAt: expected number$/,
    ],
    check: ({ progress }) => {
      expect(progress.lessons).toEqual({});
      expect(Object.keys(progress.notes)).toEqual(['john-lewis/case-study-john-lewis/q1']);
      expect(progress.position).toBeNull();
      expect(progress.updatedAt).toBe(NOW);
      expect(progress.attempts).toHaveLength(2);
    },
  },
  'v1-damaged.json': {
    problems: [/^completed\.2: expected string$/, /^visited\.inputs-and-outputs: expected number$/, /^attempts\.0\.score: expected number$/],
    check: ({ progress, migratedFrom }) => {
      expect(migratedFrom).toBe(1);
      expect(Object.keys(progress.lessons).sort()).toEqual(['customer-or-consumer', 'introduction']);
      expect(progress.attempts.map((a) => a.score)).toEqual([9]);
      expect(progress.notes['reflections/reflection-face-to-face/p1']?.text).toBe('Buying a train ticket at the station.');
    },
  },
  'future-version.json': {
    problems: [/newer version of Coursemark \(record version 4\)/],
    check: ({ progress }) => {
      expect(v2Attempts(progress)).toEqual(['att-1', 'att-2']);
      expect(progress).toHaveProperty('goals', [{ id: 'g1', text: 'Finish by Friday' }]);
    },
  },
  'not-an-object.json': {
    problems: [/^the record is a list, not an object$/],
    check: ({ progress }) => expect(progress.attempts).toEqual([]),
  },
  'text-record.json': {
    problems: [/stored as text/],
    check: ({ progress }) => expect(v2Attempts(progress)).toEqual(['att-1', 'att-2']),
  },
  'text-garbage.json': {
    problems: [/^the record is text, and it is not valid JSON$/],
    check: ({ progress }) => expect(progress.lessons).toEqual({}),
  },
  'no-version.json': {
    problems: [/^version: expected a record version, found nothing$/],
    check: ({ progress }) => expect(v2Attempts(progress)).toEqual(['att-1', 'att-2']),
  },
  'wrong-course.json': {
    problems: [/^courseId: the record belongs to "another-course", expected "external-customers"$/],
    check: ({ progress }) => {
      expect(progress.courseId).toBe(COURSE);
      expect(v2Attempts(progress)).toEqual(['att-1', 'att-2']);
    },
  },
  'js-name-ids.json': {
    // Ids that are JavaScript's own names are ids like any other; only the damaged entry is lost.
    problems: [/^notes\.__proto__\.updatedAt: expected number$/],
    check: ({ progress }) => {
      expect(Object.keys(progress.notes).sort()).toEqual([
        'constructor/reflection/toString',
        'hasOwnProperty',
        'john-lewis/case-study-john-lewis/q1',
      ]);
      expect(Object.keys(progress.lessons)).toEqual(['prototype', 'constructor', 'introduction', 'customer-or-consumer']);
      expect(progress.lessons.prototype?.completedAt).toBe(1700000000000);
      expect(Object.getPrototypeOf(progress.notes)).toBeNull();
      expect(Object.getPrototypeOf(progress.lessons)).toBeNull();
      expect(({} as Record<string, unknown>).text).toBeUndefined();
    },
  },
};

describe('restoring a damaged record', () => {
  it('has a case for every broken fixture (none skipped silently)', () => {
    expect(readdirSync(brokenDir).filter((name) => name.endsWith('.json')).sort()).toEqual(Object.keys(BROKEN).sort());
  });

  it.each(Object.entries(BROKEN))('%s: salvages the valid parts and reports the rest', (name, expected) => {
    const restored = restoreProgress(readBroken(name), COURSE, NOW);
    for (const line of restored.problems) expect(expected.problems.some((pattern) => pattern.test(line)), line).toBe(true);
    for (const pattern of expected.problems) expect(restored.problems.some((line) => pattern.test(line)), String(pattern)).toBe(true);
    expect(CourseProgressSchema.safeParse(restored.progress).success).toBe(true);
    expect(restored.progress).not.toHaveProperty('version');
    expect(restored.progress).not.toHaveProperty('writeId');
    expected.check(restored);
  });
});

describe('restoring', () => {
  it('gives empty progress, with no problems, when nothing was stored', () => {
    expect(restoreProgress(null, COURSE, NOW)).toEqual({
      progress: { courseId: COURSE, lessons: {}, blocks: {}, notes: {}, ratings: {}, attempts: [], position: null, updatedAt: NOW },
      problems: [],
      migratedFrom: null,
    });
  });

  it('fills defaults for missing fields without calling the record damaged', () => {
    const restored = restoreProgress(
      { version: 2, courseId: COURSE, lessons: { intro: { firstVisit: 1, lastVisit: 2 } }, updatedAt: 5 },
      COURSE,
      NOW,
    );
    expect(restored.problems).toEqual([]);
    expect(restored.progress).toEqual({
      courseId: COURSE,
      lessons: { intro: { firstVisit: 1, lastVisit: 2, timeSpentMs: 0 } },
      blocks: {},
      notes: {},
      ratings: {},
      attempts: [],
      position: null,
      updatedAt: 5,
    });
  });

  it('puts attempts in canonical order and drops exact duplicates', () => {
    const attempt = (id: string, finishedAt: number): QuizAttempt => ({
      id,
      quizId: 'final',
      startedAt: 0,
      finishedAt,
      questionIds: [],
      results: [],
      score: 0,
      maxScore: 1,
      percent: 0,
      passMark: 80,
      passed: false,
    });
    const restored = restoreProgress(
      { version: 2, courseId: COURSE, attempts: [attempt('b', 20), attempt('a', 10), attempt('b', 20)], updatedAt: 1 },
      COURSE,
      NOW,
    );
    expect(restored.progress.attempts.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('restores 10,000 attempts', () => {
    const attempts = Array.from({ length: 10_000 }, (_, i): QuizAttempt => ({
      id: `attempt-${i}`,
      quizId: i % 2 ? 'final' : 'check',
      startedAt: 1_700_000_000_000 + i * 1000,
      finishedAt: 1_700_000_000_000 + i * 1000 + 500,
      questionIds: ['q1', 'q2'],
      results: [
        { questionId: 'q1', answer: { type: 'single', optionId: 'a' }, score: 1, max: 1 },
        { questionId: 'q2', answer: { type: 'ordering', order: ['x', 'y', 'z'] }, score: 0, max: 1 },
      ],
      score: 1,
      maxScore: 2,
      percent: 50,
      passMark: 80,
      passed: false,
    }));
    // Through a structured clone, as IndexedDB hands it back.
    const stored = structuredClone({ version: 2, courseId: COURSE, lessons: {}, attempts, updatedAt: 1 });
    const restored = restoreProgress(stored, COURSE, NOW);
    expect(restored.problems).toEqual([]);
    expect(restored.progress.attempts).toHaveLength(10_000);
    expect(restored.progress.attempts[9_999]?.id).toBe('attempt-9999');
  });

  it('keeps the problem report short however much is broken', () => {
    const attempts = Array.from({ length: 500 }, (_, i) => ({ id: `a${i}` }));
    const restored = restoreProgress({ version: 2, courseId: COURSE, attempts, updatedAt: 1 }, COURSE, NOW);
    expect(restored.progress.attempts).toEqual([]);
    expect(restored.problems).toHaveLength(51);
    expect(restored.problems.at(-1)).toMatch(/^\.\.\. and \d+ more$/);
  });
});

describe('salvage inside optional fields', () => {
  it('keeps the valid entries of an optional map instead of dropping it whole', () => {
    const schema = z.optional(z.record(z.string(), z.number()));
    const log = new ProblemLog();
    expect(salvage({ a: 1, b: 'two', c: 3 }, schema, 'scores', log)).toEqual({ a: 1, c: 3 });
    expect(log.report()).toEqual(['scores.b: expected number']);
  });
});
