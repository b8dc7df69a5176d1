import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addAttempt, emptyProgress, setNote } from '../engine/progress.ts';
import type { CourseProgress, QuizAttempt } from '../engine/progress-types.ts';
import { EXPORT_FORMAT, IMPORT_LIMITS, exportAll, parseImport } from './export.ts';
import { progressKey } from './keys.ts';
import { toRecord } from './schema.ts';
import { createMemoryBackend, createStore } from './store.ts';

const storageDir = fileURLToPath(new URL('../../tests/fixtures/storage/', import.meta.url));
const hostileDir = `${storageDir}hostile/`;
const KNOWN = ['external-customers', 'customer-needs'];

function attempt(id: string, finishedAt: number): QuizAttempt {
  return {
    id,
    quizId: 'final',
    startedAt: finishedAt - 1,
    finishedAt,
    questionIds: ['q1'],
    results: [{ questionId: 'q1', answer: { type: 'truefalse', value: true }, score: 1, max: 1 }],
    score: 1,
    maxScore: 1,
    percent: 100,
    passMark: 80,
    passed: true,
  };
}

const validDocument = (): Record<string, unknown> => JSON.parse(readFileSync(`${storageDir}export-v1.json`, 'utf8'));

afterEach(() => {
  // A hostile file must never reach Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
});

describe('exportAll', () => {
  it('exports every stored course, skips other keys, and merges in what open courses hold', async () => {
    const stored = setNote(emptyProgress('external-customers', 1), 'l', 'r', 'p', 'stored note', 2);
    const backend = createMemoryBackend({
      [progressKey('external-customers')]: { ...toRecord(stored), writeId: 'tab:1' },
      [progressKey('customer-needs')]: toRecord(addAttempt(emptyProgress('customer-needs', 1), attempt('a', 5), 5)),
      'coursemark:quarantine:external-customers:1': { record: 'whatever' },
      'coursemark:probe': 1,
    });
    const live = setNote(stored, 'l', 'r', 'p2', 'typed just now', 10);
    const { document, warnings } = await exportAll(createStore({ backend }), Date.UTC(2024, 10, 20), [live]);
    expect(warnings).toEqual([]);
    expect(document).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2024-11-20T00:00:00.000Z' });
    expect(Object.keys(document.courses).sort()).toEqual(['customer-needs', 'external-customers']);
    expect(Object.keys(document.courses['external-customers']!.notes).sort()).toEqual(['l/r/p', 'l/r/p2']);
    expect(document.courses['external-customers']).not.toHaveProperty('writeId');
    expect(document.courses['customer-needs']!.attempts).toHaveLength(1);
  });

  it('still exports the session’s progress when storage is unavailable, and says what is missing', async () => {
    const store = createStore({ backend: () => Promise.reject(new Error('No available storage method found.')) });
    const live = setNote(emptyProgress('external-customers', 1), 'l', 'r', 'p', 'only in memory', 2);
    const { document, warnings } = await exportAll(store, 0, [live]);
    expect(document.courses['external-customers']).toEqual(live);
    expect(warnings).toEqual([
      "Saved progress could not be read (Error: No available storage method found.); the export holds this session's progress.",
    ]);
  });

  it('round-trips through parseImport', async () => {
    const progress = addAttempt(setNote(emptyProgress('external-customers', 1), 'l', 'r', 'p', 'Hello', 2), attempt('x', 3), 3);
    const backend = createMemoryBackend({ [progressKey('external-customers')]: toRecord(progress) });
    const { document } = await exportAll(createStore({ backend }), 4);
    const parsed = parseImport(JSON.stringify(document, null, 2), KNOWN);
    expect(parsed).toEqual({ ok: true, courses: { 'external-customers': progress } });
  });
});

describe('parseImport', () => {
  it('accepts a valid export file, with or without a byte-order mark', () => {
    const text = readFileSync(`${storageDir}export-v1.json`, 'utf8');
    const parsed = parseImport(text, KNOWN);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.courses['external-customers']?.attempts.map((a) => a.id)).toEqual(['att-1', 'att-2']);
    expect(parseImport(`\uFEFF${text}`, KNOWN)).toEqual(parsed);
  });

  it('accepts a file with no courses', () => {
    expect(parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 1, courses: {} }), KNOWN)).toEqual({ ok: true, courses: {} });
  });

  it('pins the messages a learner reads', () => {
    expect(parseImport('hello', KNOWN)).toMatchInlineSnapshot(`
      {
        "message": "This file can't be imported: it is not valid JSON. Nothing was changed.",
        "ok": false,
      }
    `);
    const unknown = { ...validDocument(), courses: { 'hacking-101': {}, 'old-course': {} } };
    expect(parseImport(JSON.stringify(unknown), KNOWN)).toMatchInlineSnapshot(`
      {
        "message": "This file can't be imported: it holds progress for courses this site does not have ("hacking-101", "old-course"). Nothing was changed.",
        "ok": false,
      }
    `);
  });
});

/** Every file in tests/fixtures/storage/hostile/ and what the refusal must say. */
const HOSTILE: Record<string, RegExp> = {
  'not-json.json': /it is not valid JSON/,
  'empty.json': /it is empty/,
  'truncated.json': /it is not valid JSON/,
  'array-root.json': /not a Coursemark progress export/,
  'null-root.json': /not a Coursemark progress export/,
  'wrong-format.json': /not a Coursemark progress export \(expected "format": "coursemark-progress"\)/,
  'no-format.json': /not a Coursemark progress export/,
  'future-version.json': /exported by a newer version of Coursemark \(format version 2\); update this site/,
  'version-as-text.json': /format version "1" is not one this site reads \(expected 1\)/,
  'courses-list.json': /"courses" should be an object of course progress by course id/,
  'proto-top-level.json': /contains the key "__proto__", which is not allowed/,
  'constructor-prototype.json': /contains the key "(prototype|constructor)", which is not allowed/,
  'proto-in-notes.json': /contains the key "__proto__", which is not allowed/,
  'wrong-types.json': /progress for "external-customers" is not valid: lessons: expected record; updatedAt: expected number/,
  'unknown-answer-type.json': /progress for "external-customers" is not valid: attempts\.0\.results\.0\.answer\.type: not a known kind/,
  'infinite-number.json': /progress for "external-customers" is not valid: updatedAt: expected number/,
  'course-id-mismatch.json': /filed under "external-customers" says it belongs to "another-course"/,
  'unknown-course.json': /progress for a course this site does not have \("hacking-101"\)/,
  'negative-time.json': /notes\.x\/y\/z\.updatedAt: must be at least 0\. Nothing/,
  // The study tools beside the courses (study-export.ts).
  'review-card-broken.json': /its review questions are not valid \(review queue: card "external-customers\/quiz\/final\/q1" is damaged\)/,
  'review-queue-version.json': /its review questions are not valid \(review queue: not a version 1 record\)/,
  'review-card-unknown-course.json': /review questions for courses this site does not have \("hacking-101"\)/,
  'review-card-constructor.json': /contains the key "(prototype|constructor)", which is not allowed/,
  'learner-name-object.json': /"learnerName" should be text/,
  'learner-name-long.json': /the learner's name is longer than 200 characters/,
  'study-plan-bad-time.json': /the study plan for "external-customers" is not valid/,
  'study-plan-bad-days.json': /the study plan for "external-customers" is not valid/,
  'study-plan-constructor.json': /study plans for courses this site does not have \("constructor"\)/,
  'study-plans-list.json': /"studyReminders" should be an object of study plans by course id/,
};

describe('hostile import files', () => {
  it('has a case for every file in the corpus (none skipped silently)', () => {
    expect(readdirSync(hostileDir).sort()).toEqual(Object.keys(HOSTILE).sort());
  });

  it.each(Object.entries(HOSTILE))('%s is refused with a clear message', (name, message) => {
    const result = parseImport(readFileSync(`${hostileDir}${name}`, 'utf8'), KNOWN);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/^This file can't be imported: /);
    expect(result.message).toMatch(message);
    expect(result.message).toMatch(/ Nothing was changed\.$/);
  });
});

describe('generated hostile files (too large to keep in the corpus)', () => {
  const withCourse = (course: object): string =>
    JSON.stringify({ ...validDocument(), courses: { 'external-customers': course } });
  const course = (): CourseProgress => (validDocument().courses as Record<string, CourseProgress>)['external-customers']!;

  it('refuses a file over 50 MB', () => {
    const text = withCourse({ ...course(), padding: 'x'.repeat(IMPORT_LIMITS.bytes) });
    expect(parseImport(text, KNOWN)).toEqual({
      ok: false,
      message: "This file can't be imported: it is 50.1 MB; a progress file can be at most 50 MB. Nothing was changed.",
    });
  });

  it('refuses a file of 60 MB before reading any of it', () => {
    const text = withCourse({ ...course(), padding: 'x'.repeat(60 * 1024 * 1024) });
    expect(parseImport(text, KNOWN)).toMatchObject({ ok: false, message: expect.stringMatching(/it is 60\.1 MB; a progress file can be at most 50 MB/) });
  });

  it('refuses a file of 200,000 attempts', () => {
    const text = withCourse({ ...course(), attempts: new Array(200_000).fill({ id: 'a' }) });
    expect(parseImport(text, KNOWN)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/it holds 200,000 quiz attempts; the limit is 100,000/),
    });
  });

  it('counts bytes, not characters, against the size limit', () => {
    // 18 million three-byte characters: 54 MB in UTF-8, though fewer than 50 million characters.
    const text = withCourse({ ...course(), padding: Array.from({ length: 180 }, () => '€'.repeat(99_999)) });
    expect(parseImport(text, KNOWN)).toMatchObject({ ok: false, message: expect.stringMatching(/it is 5[1-2]\.\d MB; a progress file can be at most 50 MB/) });
  });

  it('refuses a note of more than 100,000 characters', () => {
    const long = course();
    long.notes['john-lewis/case-study-john-lewis/q1']!.text = 'a'.repeat(IMPORT_LIMITS.stringLength + 1);
    expect(parseImport(withCourse(long), KNOWN)).toEqual({
      ok: false,
      message:
        "This file can't be imported: it contains a text of 100,001 characters (at \"text\"); the limit is 100,000. Nothing was changed.",
    });
  });

  it('accepts a note of exactly 100,000 characters', () => {
    const long = course();
    long.notes['john-lewis/case-study-john-lewis/q1']!.text = 'a'.repeat(IMPORT_LIMITS.stringLength);
    expect(parseImport(withCourse(long), KNOWN).ok).toBe(true);
  });

  it('refuses more than 100,000 attempts before validating any of them', () => {
    const text = withCourse({ ...course(), attempts: new Array(IMPORT_LIMITS.attempts + 1).fill(0) });
    expect(parseImport(text, KNOWN)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/it holds 100,001 quiz attempts; the limit is 100,000/),
    });
  });

  it('refuses deeply nested data without crashing', () => {
    const depth = 200_000;
    const text = `{"format":"coursemark-progress","version":1,"courses":{"external-customers":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    expect(parseImport(text, KNOWN).ok).toBe(false);
  });
});
