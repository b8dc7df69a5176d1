// Issue 11: the course home never waits for the attempt log. The summary holds per-quiz figures,
// computed from the log once (a migration), kept up by saves, and exact after two tabs' saves;
// history pages read the log newest first, a page at a time.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addAttempt } from '../engine/progress.ts';
import type { QuizAttempt } from '../engine/progress-types.ts';
import { countAttempts, readAttemptPage, writeAttempts } from './attempt-log.ts';
import { attemptPrefix, progressKey } from './keys.ts';
import { loadSummary, saveProgress } from './records.ts';
import { createMemoryBackend, createStore, type ProgressStore } from './store.ts';

const COURSE = 'external-customers';
const KEY = progressKey(COURSE);
const v2 = JSON.parse(readFileSync(fileURLToPath(new URL('../../tests/fixtures/storage/record-v2.json', import.meta.url)), 'utf8'));
const T = 1_700_000_000_000;

/** `count` attempts of the v2 fixture's quiz, one a minute; every third passes. */
function attempts(count: number, from = 0): QuizAttempt[] {
  const model = v2.attempts[0] as QuizAttempt;
  return Array.from({ length: count }, (_, n) => {
    const i = from + n;
    const percent = i % 3 === 0 ? 100 : 50;
    return { ...model, id: `old-${i}`, startedAt: T + i * 60_000, finishedAt: T + i * 60_000 + 30_000, percent, passed: percent >= 80 };
  });
}

/** A store that counts how often the attempt log is read. */
function counting(store: ProgressStore) {
  const reads = { range: 0, count: 0 };
  const wrapped: ProgressStore = {
    ...store,
    range: (prefix, options) => {
      if (prefix.startsWith(attemptPrefix(COURSE))) reads.range++;
      return store.range(prefix, options);
    },
    count: (prefix, options) => {
      reads.count++;
      return store.count(prefix, options);
    },
  };
  return { store: wrapped, reads };
}

describe('per-quiz figures in the summary', () => {
  it('are computed once from a migrated record, after which a load reads no attempt', async () => {
    const backend = createMemoryBackend({ [KEY]: { ...v2, attempts: attempts(500) } });
    const migrated = await loadSummary(createStore({ backend }), COURSE, T + 10 ** 9);
    if (!migrated.ok) throw new Error(migrated.message);
    const expected = { attempts: 500, best: 100, lastPercent: 50, lastAt: T + 499 * 60_000 + 30_000, passed: true, firstPassedAt: T + 30_000 };
    expect(migrated.value.progress.quizzes?.final).toEqual(expected);
    expect((backend.data.get(KEY) as { quizzes: unknown }).quizzes).toEqual({ final: expected });

    const { store, reads } = counting(createStore({ backend }));
    const again = await loadSummary(store, COURSE, T + 10 ** 9);
    if (!again.ok) throw new Error(again.message);
    expect(reads).toEqual({ range: 0, count: 0 });
    expect(again.value.progress.attempts).toEqual([]);
    expect(again.value.progress.quizzes?.final).toEqual(expected);
  });

  it('are computed from the log for a summary written before them, once', async () => {
    const backend = createMemoryBackend({ [KEY]: { ...v2, version: 3, attempts: undefined, writeId: 'old:1' } });
    await writeAttempts(createStore({ backend }), COURSE, attempts(30));
    const first = await loadSummary(createStore({ backend }), COURSE, T + 10 ** 9);
    expect(first.ok && first.value.progress.quizzes?.final?.attempts).toBe(30);
    const { store, reads } = counting(createStore({ backend }));
    expect((await loadSummary(store, COURSE, T + 10 ** 9)).ok).toBe(true);
    expect(reads.range).toBe(0);
  });

  it('count nothing twice when the tab closed between the two phases of the migration', async () => {
    const backend = createMemoryBackend({ [KEY]: { ...v2, attempts: attempts(500) } });
    const failing = createStore({ backend: { ...backend, setItem: (key, value) => (key === KEY ? Promise.reject(new Error('closed')) : backend.setItem(key, value)) } });
    expect((await loadSummary(failing, COURSE, T + 10 ** 9)).ok).toBe(true);
    expect(backend.data.get(KEY)).toHaveProperty('attempts');
    const second = await loadSummary(createStore({ backend }), COURSE, T + 10 ** 9);
    expect(second.ok && second.value.progress.quizzes?.final?.attempts).toBe(500);
    expect((backend.data.get(KEY) as { quizzes: { final: { attempts: number } } }).quizzes.final.attempts).toBe(500);
  });

  it('hold both tabs\' attempts when each saves one from the same summary', async () => {
    const backend = createMemoryBackend({ [KEY]: { ...v2, attempts: attempts(10) } });
    const loaded = await loadSummary(createStore({ backend }), COURSE, T + 10 ** 9);
    if (!loaded.ok) throw new Error(loaded.message);
    const base = { ...loaded.value.progress, attempts: [] };
    const [mine, theirs] = attempts(2, 100);
    const a = addAttempt(base, mine!, T + 10 ** 9);
    const b = addAttempt(base, theirs!, T + 10 ** 9);
    expect(a.quizzes?.final?.attempts).toBe(11);
    const one = await saveProgress(createStore({ backend }), a, { now: T + 10 ** 9, lastWriteId: loaded.value.writeId, writeId: 'a:1', newAttempts: [mine!] });
    const two = await saveProgress(createStore({ backend }), b, { now: T + 10 ** 9, lastWriteId: loaded.value.writeId, writeId: 'b:1', newAttempts: [theirs!] });
    expect(one.ok && two.ok).toBe(true);
    expect((backend.data.get(KEY) as { quizzes: { final: { attempts: number } } }).quizzes.final.attempts).toBe(12);
  });
});

describe('history pages', () => {
  it('read one quiz newest first, a bounded page at a time', async () => {
    const store = createStore({ backend: createMemoryBackend() });
    const other = attempts(5).map((attempt) => ({ ...attempt, id: `other-${attempt.id}`, quizId: 'other' }));
    await writeAttempts(store, COURSE, [...attempts(250), ...other]);
    const ids: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await readAttemptPage(store, COURSE, { quizId: 'final', after, limit: 100, newestFirst: true });
      if (!page.ok) throw new Error(page.message);
      expect(page.value.attempts.length).toBeLessThanOrEqual(100);
      ids.push(...page.value.attempts.map((attempt) => attempt.id));
      if (page.value.next === null) break;
      after = page.value.next;
    }
    expect(ids).toEqual(attempts(250).map((attempt) => attempt.id).reverse());
  });

  it('count a quiz\'s attempts since the last reset without reading them', async () => {
    const store = createStore({ backend: createMemoryBackend() });
    await writeAttempts(store, COURSE, attempts(40));
    expect(await countAttempts(store, COURSE, 'final', undefined)).toEqual({ ok: true, value: 40 });
    expect(await countAttempts(store, COURSE, 'final', T + 30 * 60_000 + 30_000)).toEqual({ ok: true, value: 10 });
    expect(await countAttempts(store, COURSE, 'other', undefined)).toEqual({ ok: true, value: 0 });
  });
});

describe('history pages straight from IndexedDB', () => {
  it('walk backwards with a bounded cursor and count a key range', async () => {
    const store = createStore({ name: `history-${Math.random()}`, drivers: ['indexeddb'] });
    await writeAttempts(store, COURSE, attempts(120));
    const first = await readAttemptPage(store, COURSE, { quizId: 'final', limit: 50, newestFirst: true });
    if (!first.ok) throw new Error(first.message);
    expect(first.value.attempts.map((attempt) => attempt.id)).toEqual(attempts(120).slice(70).map((attempt) => attempt.id).reverse());
    const second = await readAttemptPage(store, COURSE, { quizId: 'final', after: first.value.next!, limit: 100, newestFirst: true });
    expect(second.ok && second.value.attempts.map((attempt) => attempt.id)).toEqual(attempts(70).map((attempt) => attempt.id).reverse());
    expect(second.ok && second.value.next).toBeNull();
    expect(await countAttempts(store, COURSE, 'final', T + 100 * 60_000 + 30_000)).toEqual({ ok: true, value: 20 });
  });
});
