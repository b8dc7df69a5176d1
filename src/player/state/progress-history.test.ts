// Issue 11 in the player: a course opens on its summary alone (the attempt log is not read), history
// pages read it newest first a page at a time, and a finished attempt is written once.
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizAttempt } from '../../engine/progress-types.ts';
import { writeAttempts } from '../../storage/attempt-log.ts';
import { attemptKey, attemptPrefix, progressKey } from '../../storage/keys.ts';
import { createMemoryBackend, createStore, type ProgressStore } from '../../storage/store.ts';
import { CourseProgressState } from './course-progress.svelte.ts';

const COURSE = 'external-customers';
const T = 1_700_000_000_000;
const created: CourseProgressState[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((state) => state.dispose()));
  localStorage.clear();
});

const attempt = (i: number, quizId = 'final'): QuizAttempt => ({
  id: `${quizId}-${i}`,
  quizId,
  startedAt: T + i * 60_000,
  finishedAt: T + i * 60_000 + 30_000,
  questionIds: ['q1'],
  results: [{ questionId: 'q1', answer: { type: 'short', text: 'x' }, score: i % 2, max: 1 }],
  score: i % 2,
  maxScore: 1,
  percent: (i % 2) * 100,
  passMark: 80,
  passed: i % 2 === 1,
});

/** A learner with `count` attempts stored the current way (summary with figures, log beside it). */
async function heavyLearner(count: number) {
  const backend = createMemoryBackend();
  const seeding = new CourseProgressState(COURSE, { store: createStore({ backend }), broadcast: false, now: () => T });
  await seeding.ready;
  for (let i = 0; i < count; i++) seeding.addAttempt(attempt(i));
  await seeding.dispose();
  return backend;
}

function counting(store: ProgressStore) {
  const log = { reads: 0, writes: [] as string[] };
  return {
    log,
    store: {
      ...store,
      range: (prefix, options) => {
        if (prefix.startsWith(attemptPrefix(COURSE))) log.reads++;
        return store.range(prefix, options);
      },
      set: (key, value) => {
        log.writes.push(key);
        return store.set(key, value);
      },
    } satisfies ProgressStore,
  };
}

function open(store: ProgressStore): CourseProgressState {
  const state = new CourseProgressState(COURSE, { store, broadcast: false, now: () => T + 10 ** 9 });
  created.push(state);
  return state;
}

describe('a course with a long history', () => {
  it('is ready from its summary alone, with the figures of every attempt', async () => {
    const backend = await heavyLearner(300);
    const { store, log } = counting(createStore({ backend }));
    const state = open(store);
    await state.ready;
    expect(log.reads).toBe(0);
    expect(state.progress.attempts).toEqual([]);
    expect(state.progress.quizzes?.final).toMatchObject({ attempts: 300, best: 100, passed: true, lastPercent: 100 });
  });

  it('gives history pages newest first, with an attempt not yet stored on the first page', async () => {
    const backend = createMemoryBackend();
    await writeAttempts(createStore({ backend }), COURSE, Array.from({ length: 120 }, (_, i) => attempt(i)));
    const state = open(createStore({ backend }));
    await state.ready;
    const first = await state.history('final', { limit: 50 });
    expect(first.attempts.map((one) => one.id)).toEqual(Array.from({ length: 50 }, (_, i) => `final-${119 - i}`));
    const second = await state.history('final', { after: first.next, limit: 100 });
    expect(second.attempts.map((one) => one.id)).toEqual(Array.from({ length: 70 }, (_, i) => `final-${69 - i}`));
    expect(second.next).toBeNull();
  });

  it('writes a finished attempt once, with one summary write', async () => {
    const { store, log } = counting(createStore({ backend: createMemoryBackend() }));
    const state = open(store);
    await state.ready;
    const finished = attempt(500);
    state.addAttempt(finished);
    await state.flush();
    await new Promise((done) => setTimeout(done, 20));
    expect(log.writes.filter((key) => key === attemptKey(COURSE, finished))).toHaveLength(1);
    expect(log.writes.filter((key) => key === progressKey(COURSE))).toHaveLength(1);
  });
});
