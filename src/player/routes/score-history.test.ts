import { describe, expect, it } from 'vitest';
import type { QuizAttempt } from '../../engine/progress-types.ts';
import { writeAttempts } from '../../storage/attempt-log.ts';
import { createMemoryStore, type ProgressStore } from '../../storage/store.ts';
import { readScoreHistory } from './score-history.ts';

const attempt = (id: string, quizId: string, finishedAt: number, percent = 50): QuizAttempt => ({
  id, quizId, startedAt: finishedAt - 1, finishedAt, questionIds: [], results: [], score: 1, maxScore: 2, percent, passMark: 80, passed: false,
});

/** A store that counts the pages read and their sizes. */
function counting(store: ProgressStore): ProgressStore & { pages: number[] } {
  const pages: number[] = [];
  return Object.assign(Object.create(store) as ProgressStore, {
    pages,
    range: async (prefix: string, options: { after?: string; before?: string; limit: number; newestFirst?: boolean }) => {
      const result = await store.range(prefix, options);
      if (result.ok) pages.push(result.value.length);
      return result;
    },
  });
}

describe('readScoreHistory', () => {
  it('reads one quiz newest first, only as many attempts as it keeps, and counts the rest by key', async () => {
    const store = createMemoryStore();
    const final = Array.from({ length: 25 }, (_, i) => attempt(`f${i}`, 'final', 1000 + i, i * 4));
    await writeAttempts(store, 'course', [attempt('a1', 'a-quiz', 5), ...final, attempt('z1', 'z-quiz', 5)]);
    const spy = counting(store);
    const history = await readScoreHistory(spy, 'course', 'final', 5, [], 10);
    expect(history.total).toBe(25);
    expect(history.attempts.map((a) => a.id)).toEqual(['f20', 'f21', 'f22', 'f23', 'f24']);
    // One page of the five newest: nothing older, nothing of the other quizzes.
    expect(spy.pages).toEqual([5]);
  });

  it('reads page by page when it keeps more than a page', async () => {
    const store = createMemoryStore();
    const final = Array.from({ length: 25 }, (_, i) => attempt(`f${i}`, 'final', 1000 + i, i * 4));
    await writeAttempts(store, 'course', [attempt('a1', 'a-quiz', 5), ...final, attempt('z1', 'z-quiz', 5)]);
    const spy = counting(store);
    const history = await readScoreHistory(spy, 'course', 'final', 12, [], 5);
    expect(history.total).toBe(25);
    expect(history.attempts.map((a) => a.id)).toEqual(final.slice(-12).map((a) => a.id));
    expect(spy.pages).toEqual([5, 5, 2]);
  });

  it('counts an attempt this tab has not saved yet once', async () => {
    const store = createMemoryStore();
    await writeAttempts(store, 'course', [attempt('old', 'final', 5), attempt('saved', 'final', 10)]);
    const held = [attempt('old', 'final', 5), attempt('saved', 'final', 10), attempt('new', 'final', 20), attempt('other', 'x', 30)];
    const history = await readScoreHistory(store, 'course', 'final', 2, held);
    expect(history).toEqual({ total: 3, attempts: [attempt('saved', 'final', 10), attempt('new', 'final', 20)] });
  });

  it('is empty for a quiz never taken', async () => {
    expect(await readScoreHistory(createMemoryStore(), 'course', 'final', 12)).toEqual({ total: 0, attempts: [] });
  });
});
