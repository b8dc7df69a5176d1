import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAttempt, compareAttempts, emptyProgress, setDone, setNote, visit } from './progress.ts';
import { canonicalJson, mergeProgress, sameData } from './progress-merge.ts';
import type { CourseProgress, QuizAttempt } from './progress-types.ts';

const COURSE = 'external-customers';
// Small pools of ids and times, so that generated copies overlap and tie often.
const time = fc.integer({ min: 0, max: 50 });
const lessonId = fc.constantFrom('intro', 'journey', 'quiz');
const extra = fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 3 }), fc.boolean());

const lessonArb = fc.record(
  { firstVisit: time, lastVisit: time, reachedEnd: time, completedAt: time, timeSpentMs: fc.nat(5000), bookmark: extra },
  { requiredKeys: ['firstVisit', 'lastVisit', 'timeSpentMs'] },
);
const blockArb = fc.record(
  { revealedAt: time, doneAt: fc.option(time, { nil: null }), changedAt: time, futureFlag: extra },
  { requiredKeys: [] },
);
const noteArb = fc
  .record({
    text: fc.string({ maxLength: 4 }),
    updatedAt: time,
    judgement: fc.option(
      fc.record({ assessment: fc.constantFrom('got' as const, 'partly' as const, 'missed' as const), assessedAt: time }),
      { nil: undefined },
    ),
    mood: fc.option(extra, { nil: undefined }),
  })
  .map(({ judgement, mood, ...note }) => ({ ...note, ...judgement, ...(mood === undefined ? {} : { mood }) }));
const ratingArb = fc.record({ value: fc.constantFrom('Excellent', 'Good', 'Poor'), at: time });
const attemptArb: fc.Arbitrary<QuizAttempt> = fc.record({
  id: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5'),
  quizId: fc.constantFrom('final', 'check'),
  startedAt: time,
  finishedAt: time,
  questionIds: fc.constant(['q1']),
  results: fc.constant([]),
  score: fc.integer({ min: 0, max: 10 }),
  maxScore: fc.constant(10),
  percent: fc.integer({ min: 0, max: 100 }),
  passMark: fc.constant(80),
  passed: fc.boolean(),
});

/** A copy of the learner's progress in the canonical form the player keeps (attempts ordered, one per id). */
const progressArb: fc.Arbitrary<CourseProgress> = fc
  .record({
    lessons: fc.dictionary(lessonId, lessonArb, { maxKeys: 3 }),
    blocks: fc.dictionary(fc.constantFrom('intro/q', 'intro/c', 'journey/c'), blockArb, { maxKeys: 3 }),
    notes: fc.dictionary(fc.constantFrom('intro/r/p1', 'intro/r/p2', 'journey/case/q1'), noteArb, { maxKeys: 3 }),
    ratings: fc.dictionary(fc.constantFrom('intro/rate', 'journey/rate'), ratingArb, { maxKeys: 2 }),
    attempts: fc.uniqueArray(attemptArb, { selector: (attempt) => attempt.id, maxLength: 5 }),
    position: fc.option(fc.record({ lessonId, at: time }), { nil: null }),
    updatedAt: time,
    extras: fc.option(fc.record({ theme: extra }), { nil: undefined }),
    resetAt: fc.option(time, { nil: undefined }),
  })
  .map(({ extras, attempts, resetAt, ...rest }) => ({
    courseId: COURSE,
    ...rest,
    attempts: [...attempts].sort(compareAttempts),
    ...(extras ? { fromNewerBuild: extras } : {}),
    ...(resetAt === undefined ? {} : { resetAt }),
  }));

const clone = <T>(value: T): T => structuredClone(value);

describe('mergeProgress laws', () => {
  it('is commutative', () => {
    fc.assert(fc.property(progressArb, progressArb, (a, b) => {
      expect(mergeProgress(a, b)).toEqual(mergeProgress(b, a));
    }));
  });

  it('is associative', () => {
    fc.assert(fc.property(progressArb, progressArb, progressArb, (a, b, c) => {
      expect(mergeProgress(mergeProgress(a, b), c)).toEqual(mergeProgress(a, mergeProgress(b, c)));
    }));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(progressArb, progressArb, (a, b) => {
      expect(mergeProgress(a, clone(a))).toEqual(a);
      const ab = mergeProgress(a, b);
      expect(mergeProgress(ab, clone(ab))).toEqual(ab);
      expect(mergeProgress(ab, b)).toEqual(ab);
    }));
  });

  it('never loses an attempt or a note', () => {
    fc.assert(fc.property(progressArb, progressArb, (a, b) => {
      const merged = mergeProgress(a, b);
      const ids = new Set(merged.attempts.map((attempt) => attempt.id));
      for (const attempt of [...a.attempts, ...b.attempts]) expect(ids.has(attempt.id)).toBe(true);
      expect(merged.attempts.length).toBe(ids.size);
      for (const key of [...Object.keys(a.notes), ...Object.keys(b.notes)]) expect(merged.notes).toHaveProperty([key]);
    }));
  });

  it('never shrinks completion, reveals or visits', () => {
    fc.assert(fc.property(progressArb, progressArb, (a, b) => {
      const merged = mergeProgress(a, b);
      for (const side of [a, b]) {
        for (const [id, lesson] of Object.entries(side.lessons)) {
          const result = merged.lessons[id]!;
          if (lesson.completedAt !== undefined) expect(result.completedAt).toBeLessThanOrEqual(lesson.completedAt);
          if (lesson.reachedEnd !== undefined) expect(result.reachedEnd).toBeLessThanOrEqual(lesson.reachedEnd);
          expect(result.firstVisit).toBeLessThanOrEqual(lesson.firstVisit);
          expect(result.lastVisit).toBeGreaterThanOrEqual(lesson.lastVisit);
          expect(result.timeSpentMs).toBeGreaterThanOrEqual(lesson.timeSpentMs);
        }
        for (const [key, block] of Object.entries(side.blocks)) {
          if (block.revealedAt !== undefined) expect(merged.blocks[key]?.revealedAt).toBeLessThanOrEqual(block.revealedAt);
        }
      }
    }));
  });

  it('keeps the newest note text and, separately, the newest judgement', () => {
    fc.assert(fc.property(progressArb, progressArb, (a, b) => {
      const merged = mergeProgress(a, b);
      for (const [key, note] of Object.entries(merged.notes)) {
        const sides = [a.notes[key], b.notes[key]].filter((n) => n !== undefined);
        expect(note.updatedAt).toBe(Math.max(...sides.map((n) => n.updatedAt)));
        const judged = sides.filter((n) => n.assessment !== undefined);
        if (judged.length) expect(note.assessedAt).toBe(Math.max(...judged.map((n) => n.assessedAt ?? 0)));
      }
    }));
  });
});

describe('mergeProgress choices', () => {
  const base = emptyProgress(COURSE, 0);

  it('settles the done toggle by the later change, whichever tab made it', () => {
    const marked = setDone(base, 'l', 'c', true, 100);
    const unmarkedLater = setDone(marked, 'l', 'c', false, 200);
    expect(mergeProgress(marked, unmarkedLater).blocks['l/c']).toEqual({ doneAt: null, changedAt: 200 });
    const remarked = setDone(unmarkedLater, 'l', 'c', true, 300);
    expect(mergeProgress(unmarkedLater, remarked).blocks['l/c']).toEqual({ doneAt: 300, changedAt: 300 });
  });

  it('on a tie, keeps the challenge done', () => {
    const done = { ...base, blocks: { 'l/c': { doneAt: 100, changedAt: 100 } } };
    const undone = { ...base, blocks: { 'l/c': { doneAt: null, changedAt: 100 } } };
    expect(mergeProgress(undone, done).blocks['l/c']?.doneAt).toBe(100);
  });

  it('keeps the later position and the later rating', () => {
    const here = visit(base, 'intro', 100);
    const there = visit(base, 'journey', 200);
    expect(mergeProgress(there, here).position).toEqual({ lessonId: 'journey', at: 200 });
    const a = { ...base, ratings: { 'l/r': { value: 'Good', at: 5 } } };
    const b = { ...base, ratings: { 'l/r': { value: 'Poor', at: 9 } } };
    expect(mergeProgress(a, b).ratings['l/r']).toEqual({ value: 'Poor', at: 9 });
  });

  it('keeps the words of one tab when the other only judged the answer', () => {
    const written = setNote(base, 'l', 'case', 'q1', 'Sugar reduction', 500);
    const judged = { ...base, notes: { 'l/case/q1': { text: '', updatedAt: 0, assessment: 'got' as const, assessedAt: 600 } } };
    expect(mergeProgress(judged, written).notes['l/case/q1']).toEqual({
      text: 'Sugar reduction',
      updatedAt: 500,
      assessment: 'got',
      assessedAt: 600,
    });
  });

  it('unions attempts from two tabs into one ordered list', () => {
    const attempt = (id: string, finishedAt: number): QuizAttempt => ({
      id,
      quizId: 'final',
      startedAt: finishedAt - 1,
      finishedAt,
      questionIds: [],
      results: [],
      score: 1,
      maxScore: 1,
      percent: 100,
      passMark: 80,
      passed: true,
    });
    const tabA = addAttempt(addAttempt(base, attempt('x', 10), 10), attempt('z', 30), 30);
    const tabB = addAttempt(addAttempt(base, attempt('y', 20), 20), attempt('x', 10), 20);
    expect(mergeProgress(tabA, tabB).attempts.map((a) => a.id)).toEqual(['x', 'y', 'z']);
  });

  it('keeps keys it does not know, on the record and inside entries', () => {
    const a = { ...base, fromNewerBuild: 1, lessons: { l: { firstVisit: 1, lastVisit: 1, timeSpentMs: 0, bookmark: 'p2' } } };
    const b = { ...base, other: 'x' };
    const merged = mergeProgress(a as CourseProgress, b as CourseProgress) as unknown as Record<string, unknown>;
    expect(merged).toMatchObject({ fromNewerBuild: 1, other: 'x', lessons: { l: { bookmark: 'p2' } } });
  });

  it('keeps the latest reset time', () => {
    expect(mergeProgress({ ...base, resetAt: 5 }, { ...base, resetAt: 9 }).resetAt).toBe(9);
    expect(mergeProgress({ ...base, resetAt: 5 }, base).resetAt).toBe(5);
    expect(mergeProgress(base, base)).not.toHaveProperty('resetAt');
  });

  it('refuses to merge two different courses', () => {
    expect(() => mergeProgress(base, emptyProgress('another', 0))).toThrow(/two courses/);
  });

  it('does not let a "__proto__" id reach the prototype', () => {
    const a = { ...base, lessons: visit(base, '__proto__', 1).lessons };
    const merged = mergeProgress(a, visit(base, 'x', 2));
    expect(Object.hasOwn(merged.lessons, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(merged.lessons)).toBeNull();
  });
});

describe('canonicalJson and sameData', () => {
  it('ignore key order and see every difference', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe('{"a":[1,{"c":3,"d":2}],"b":1}');
    expect(sameData({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: { c: [1, 2] } }, { b: { c: [2, 1] }, a: 1 })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData([1], { 0: 1 })).toBe(false);
  });
});
