// The fast path must never vouch for a record the full schema would reject: for arbitrary records
// and arbitrary damage, isSoundRecord(x) implies ProgressRecordSchema accepts x.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSoundRecord, progressOfSoundRecord, toRecord } from './record-check.ts';
import { restoreProgress } from './restore.ts';
import { ProgressRecordSchema } from './schema.ts';

const time = fc.nat({ max: 2_000_000_000_000 });
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const answer = fc.oneof(
  fc.record({ type: fc.constant('single'), optionId: fc.option(id, { nil: null }) }),
  fc.record({ type: fc.constant('multiple'), optionIds: fc.array(id) }),
  fc.record({ type: fc.constant('truefalse'), value: fc.option(fc.boolean(), { nil: null }) }),
  fc.record({ type: fc.constant('short'), text: fc.string() }),
  fc.record({ type: fc.constant('matching'), chosen: fc.dictionary(id, id) }),
  fc.record({ type: fc.constant('essay'), text: fc.string(), assessment: fc.constantFrom('got', 'partly', 'missed') }),
);
const attempt = fc.record({
  id,
  quizId: id,
  startedAt: time,
  finishedAt: time,
  questionIds: fc.array(id),
  results: fc.array(fc.record({ questionId: id, answer, score: fc.double({ noNaN: true, noDefaultInfinity: true }), max: fc.double({ noNaN: true, noDefaultInfinity: true }) })),
  score: fc.double({ noNaN: true, noDefaultInfinity: true }),
  maxScore: fc.double({ noNaN: true, noDefaultInfinity: true }),
  percent: fc.double({ noNaN: true, noDefaultInfinity: true }),
  passMark: fc.nat(100),
  passed: fc.boolean(),
});
const record = fc.record({
  version: fc.constant(3),
  courseId: fc.constant('course'),
  lessons: fc.dictionary(id, fc.record({ firstVisit: time, lastVisit: time, timeSpentMs: time }, { requiredKeys: ['firstVisit', 'lastVisit', 'timeSpentMs'] })),
  blocks: fc.dictionary(id, fc.record({ revealedAt: time, doneAt: fc.option(time, { nil: null }) }, { requiredKeys: [] })),
  notes: fc.dictionary(id, fc.record({ text: fc.string(), updatedAt: time })),
  ratings: fc.dictionary(id, fc.record({ value: fc.string(), at: time })),
  attempts: fc.array(attempt, { maxLength: 4 }),
  position: fc.option(fc.record({ lessonId: id, at: time }), { nil: null }),
  updatedAt: time,
  // Study days (src/engine/study-days.ts), absent from records written before them.
  days: fc.option(fc.dictionary(fc.stringMatching(/^\d{4}-\d\d-\d\d$/), fc.tuple(time, time)), { nil: undefined }),
});

/** Replaces one value somewhere in the record with something of another kind. */
function damage(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[key] = damage(child, path.slice(1), replacement);
  return copy;
}

describe('the fast record check', () => {
  it('accepts sound records, as the full schema does', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(isSoundRecord(r, 'course')).toBe(true);
        expect(ProgressRecordSchema.safeParse(r).success).toBe(true);
      }),
    );
  });

  it('never accepts what the full schema rejects', () => {
    const junk = fc.oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.double(), fc.constant(-1), fc.boolean(), fc.constant([]), fc.constant({}), fc.constant(Number.NaN));
    fc.assert(
      fc.property(record, fc.array(fc.nat(20), { minLength: 1, maxLength: 6 }), junk, (r, path, replacement) => {
        const damaged = damage(r, path, replacement);
        if (isSoundRecord(damaged, 'course')) expect(ProgressRecordSchema.safeParse(damaged).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('restores a sound record to the same progress as the full restore', () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(progressOfSoundRecord(r as never)).toEqual(restoreProgress(r, 'course', 0).progress);
      }),
    );
  });

  it('rejects another course and an older version, and takes ids that are JavaScript names', () => {
    const sound = toRecord({ courseId: 'course', lessons: {}, blocks: {}, notes: {}, ratings: {}, attempts: [], position: null, updatedAt: 1 });
    expect(isSoundRecord(sound, 'course')).toBe(true);
    expect(isSoundRecord(sound, 'other')).toBe(false);
    expect(isSoundRecord({ ...sound, version: 1 }, 'course')).toBe(false);
    expect(isSoundRecord(JSON.parse('{"version":3,"courseId":"course","lessons":{"__proto__":{"firstVisit":1,"lastVisit":1,"timeSpentMs":0}},"blocks":{},"notes":{},"ratings":{},"attempts":[],"position":null,"updatedAt":1}'), 'course')).toBe(true);
  });
});
