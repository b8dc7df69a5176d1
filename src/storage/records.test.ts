import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addAttempt, emptyProgress, setNote } from '../engine/progress.ts';
import type { QuizAttempt } from '../engine/progress-types.ts';
import { isQuarantineKey, progressKey } from './keys.ts';
import { exportAll } from './export.ts';
import { MAX_QUARANTINE_COPIES, loadProgress, saveProgress, type QuarantineRecord } from './records.ts';
import { toRecord } from './schema.ts';
import { toSummaryRecord } from './record-check.ts';
import { attemptPrefix } from './keys.ts';

/** Ids of the attempts stored one each for the course, in key order. */
const loggedIds = (backend: { data: Map<string, unknown> }): string[] =>
  [...backend.data.keys()]
    .filter((key) => key.startsWith(attemptPrefix(COURSE)))
    .sort()
    .map((key) => (backend.data.get(key) as QuizAttempt).id);
import { createMemoryBackend, createStore, type StorageBackend } from './store.ts';

const COURSE = 'external-customers';
const KEY = progressKey(COURSE);
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(`../../tests/fixtures/storage/${name}`, import.meta.url)), 'utf8'));

function attempt(id: string, finishedAt: number): QuizAttempt {
  return {
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
  };
}

/** Memory storage that refuses writes to quarantine keys with a quota error. */
function fullForQuarantine(initial: Record<string, unknown>): StorageBackend & { data: Map<string, unknown> } {
  const backend = createMemoryBackend(initial);
  const setItem = backend.setItem;
  backend.setItem = (key, value) =>
    isQuarantineKey(key) ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : setItem(key, value);
  return backend;
}

describe('loadProgress', () => {
  it('gives empty progress when nothing is stored, and writes nothing', async () => {
    const backend = createMemoryBackend();
    const loaded = await loadProgress(createStore({ backend }), COURSE, 5);
    expect(loaded).toMatchObject({ ok: true, value: { progress: emptyProgress(COURSE, 5), problems: [], quarantinedAs: null } });
    expect(backend.data.size).toBe(0);
  });

  it('migrates an old record and writes it back current', async () => {
    const backend = createMemoryBackend({ [KEY]: fixture('record-v1.json') });
    const loaded = await loadProgress(createStore({ backend }), COURSE, 5);
    expect(loaded.ok && loaded.value.migratedFrom).toBe(1);
    expect(backend.data.get(KEY)).toMatchObject({ version: 3, theme: 'dark' });
    expect(backend.data.get(KEY)).not.toHaveProperty('attempts');
    expect(loggedIds(backend)).toEqual(['v1-0-final-1700002000000', 'v1-1-final-1700003000000']);
  });

  it('keeps a damaged record aside, exactly as found, and rewrites what could be recovered', async () => {
    const damaged = fixture('broken/bad-attempt.json');
    const backend = createMemoryBackend({ [KEY]: damaged });
    const loaded = await loadProgress(createStore({ backend }), COURSE, 1_800_000_000_000);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.quarantinedAs).toBe('coursemark:quarantine:external-customers:1800000000000');
    expect(loaded.value.progress.attempts.map((a) => a.id)).toEqual(['att-1', 'att-2']);
    const kept = backend.data.get(loaded.value.quarantinedAs!) as QuarantineRecord;
    expect(kept).toEqual({
      version: 1,
      kind: 'coursemark-quarantine',
      courseId: COURSE,
      keptAt: 1_800_000_000_000,
      problems: ['attempts.1.score: expected number'],
      record: damaged,
    });
    expect(backend.data.get(KEY)).toMatchObject({ version: 3 });
    expect(loggedIds(backend)).toEqual(['att-1', 'att-2']);
    // The clean record loads without another quarantine.
    const again = await loadProgress(createStore({ backend }), COURSE, 1_800_000_000_001);
    expect(again.ok && again.value.problems).toEqual([]);
    expect([...backend.data.keys()].filter(isQuarantineKey)).toHaveLength(1);
  });

  it('never reuses a quarantine key', async () => {
    const backend = createMemoryBackend({ [KEY]: [1], 'coursemark:quarantine:external-customers:7': 'older' });
    const loaded = await loadProgress(createStore({ backend }), COURSE, 7);
    expect(loaded.ok && loaded.value.quarantinedAs).toBe('coursemark:quarantine:external-customers:7-1');
    expect(backend.data.get('coursemark:quarantine:external-customers:7')).toBe('older');
  });

  it('never keeps the same damaged record twice, however often it is found', async () => {
    const damaged = fixture('broken/bad-attempt.json');
    // A record that stays damaged (the rewrite fails, or another build keeps writing it back).
    const backend = createMemoryBackend();
    for (let load = 0; load < 6; load++) {
      await backend.setItem(KEY, damaged);
      const loaded = await loadProgress(createStore({ backend }), COURSE, 1000 + load);
      expect(loaded.ok && loaded.value.quarantinedAs).toBe('coursemark:quarantine:external-customers:1000');
    }
    expect([...backend.data.keys()].filter(isQuarantineKey)).toEqual(['coursemark:quarantine:external-customers:1000']);
  });

  it(`keeps only the newest ${MAX_QUARANTINE_COPIES} damaged copies of a course`, async () => {
    const backend = createMemoryBackend({ 'coursemark:quarantine:other-course:1': 'another course' });
    for (let load = 0; load < 9; load++) {
      await backend.setItem(KEY, { version: 2, courseId: COURSE, lessons: `damage number ${load}` });
      await loadProgress(createStore({ backend }), COURSE, 2000 + load);
    }
    const kept = [...backend.data.keys()].filter(isQuarantineKey).sort();
    expect(kept).toEqual([
      'coursemark:quarantine:external-customers:2004',
      'coursemark:quarantine:external-customers:2005',
      'coursemark:quarantine:external-customers:2006',
      'coursemark:quarantine:external-customers:2007',
      'coursemark:quarantine:external-customers:2008',
      'coursemark:quarantine:other-course:1',
    ]);
    expect((backend.data.get(kept[4]!) as QuarantineRecord).record).toMatchObject({ lessons: 'damage number 8' });
  });

  it('keeps a record that contains itself aside, and the export still works', async () => {
    const stored = toRecord(setNote(emptyProgress(COURSE, 1), 'l', 'r', 'p', 'Kept', 2)) as unknown as Record<string, unknown>;
    const lessons = stored.lessons as Record<string, unknown>;
    lessons.intro = { firstVisit: 1, lastVisit: 2, timeSpentMs: 0 };
    (lessons.intro as Record<string, unknown>).self = stored;
    const backend = createMemoryBackend({ [KEY]: stored });
    const store = createStore({ backend });
    const loaded = await loadProgress(store, COURSE, 5);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.problems).toEqual(['lessons.intro.self: refers back to itself']);
    expect(loaded.value.quarantinedAs).toBe('coursemark:quarantine:external-customers:5');
    expect(loaded.value.progress.notes['l/r/p']?.text).toBe('Kept');
    expect(loaded.value.progress.lessons.intro).toEqual({ firstVisit: 1, lastVisit: 2, timeSpentMs: 0 });
    const { document } = await exportAll(store, 6);
    expect(JSON.parse(JSON.stringify(document)).courses[COURSE].notes['l/r/p'].text).toBe('Kept');
  });

  it('leaves the damaged original in place when it cannot be kept aside', async () => {
    const damaged = fixture('broken/wrong-types.json');
    const backend = fullForQuarantine({ [KEY]: damaged });
    const loaded = await loadProgress(createStore({ backend }), COURSE, 9);
    expect(loaded.ok && loaded.value.keepAsideFailed).toMatchObject({ ok: false, reason: 'quota' });
    expect(backend.data.get(KEY)).toEqual(damaged);
  });

  it('passes a storage failure on', async () => {
    const store = createStore({ backend: () => Promise.reject(new Error('No available storage method found.')) });
    expect(await loadProgress(store, COURSE, 1)).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('saveProgress (read-merge-write)', () => {
  it('merges with what another tab stored instead of overwriting it', async () => {
    const other = addAttempt(setNote(emptyProgress(COURSE, 0), 'l', 'r', 'p1', 'theirs', 10), attempt('theirs', 20), 20);
    const backend = createMemoryBackend({ [KEY]: { ...toRecord(other), writeId: 'other:1' } });
    const mine = addAttempt(setNote(emptyProgress(COURSE, 0), 'l', 'r', 'p2', 'mine', 30), attempt('mine', 40), 40);
    const saved = await saveProgress(createStore({ backend }), mine, { now: 50, lastWriteId: 'me:1', writeId: 'me:2', newAttempts: mine.attempts });
    if (!saved.ok) throw new Error(saved.message);
    // The other tab's attempt was inline (an older layout): it comes back, and is now in the log.
    expect(saved.value.progress.attempts.map((a) => a.id)).toEqual(['theirs']);
    expect(Object.keys(saved.value.progress.notes).sort()).toEqual(['l/r/p1', 'l/r/p2']);
    expect(backend.data.get(KEY)).toEqual({ ...toSummaryRecord(saved.value.progress), writeId: 'me:2' });
    expect(loggedIds(backend)).toEqual(['theirs', 'mine']);
  });

  it('skips the merge when storage still holds its own last write', async () => {
    const mine = setNote(emptyProgress(COURSE, 0), 'l', 'r', 'p', 'text', 5);
    const backend = createMemoryBackend({ [KEY]: { ...toRecord(emptyProgress(COURSE, 0)), writeId: 'me:1' } });
    const saved = await saveProgress(createStore({ backend }), mine, { now: 6, lastWriteId: 'me:1', writeId: 'me:2' });
    expect(saved.ok && saved.value.progress).toEqual({ ...mine, attempts: [] });
  });

  it('does not merge an older copy into a record the learner has since reset', async () => {
    const reset = { ...emptyProgress(COURSE, 100), resetAt: 100 };
    const backend = createMemoryBackend({ [KEY]: { ...toRecord(reset), writeId: 'other:2' } });
    const old = addAttempt(emptyProgress(COURSE, 0), attempt('before-reset', 50), 50);
    const saved = await saveProgress(createStore({ backend }), old, { now: 150, lastWriteId: 'me:1', writeId: 'me:2' });
    expect(saved).toEqual({ ok: true, value: { progress: reset, writeId: 'other:2', followedReset: true } });
    expect(backend.data.get(KEY)).toEqual({ ...toRecord(reset), writeId: 'other:2' });
  });

  it('keeps a damaged stored record aside before writing over it', async () => {
    const backend = createMemoryBackend({ [KEY]: 'not a record' });
    const saved = await saveProgress(createStore({ backend }), emptyProgress(COURSE, 1), { now: 2, writeId: 'me:1' });
    expect(saved.ok).toBe(true);
    const quarantined = [...backend.data.entries()].filter(([key]) => isQuarantineKey(key));
    expect(quarantined).toHaveLength(1);
    expect((quarantined[0]?.[1] as QuarantineRecord).record).toBe('not a record');
  });

  it('does not write over a damaged record that cannot be kept aside', async () => {
    const backend = fullForQuarantine({ [KEY]: [1, 2] });
    const saved = await saveProgress(createStore({ backend }), emptyProgress(COURSE, 1), { now: 2, writeId: 'me:1' });
    expect(saved).toMatchObject({ ok: false, reason: 'quota' });
    expect(backend.data.get(KEY)).toEqual([1, 2]);
  });

  it('reports a full storage', async () => {
    const backend = createMemoryBackend();
    backend.setItem = () => Promise.reject(new DOMException('full', 'QuotaExceededError'));
    const saved = await saveProgress(createStore({ backend }), emptyProgress(COURSE, 1), { now: 2, writeId: 'me:1' });
    expect(saved).toMatchObject({ ok: false, reason: 'quota' });
  });
});
