// Study days (src/engine/study-days.ts) through the real state class: two tabs of one course that
// both save keep each other's days and visits (the save is read-merge-write), and a reload finds them.
import { afterEach, describe, expect, it } from 'vitest';
import { CourseProgressState } from './course-progress.svelte.ts';
import { progressKey } from '../../storage/keys.ts';
import { createMemoryBackend, createStore } from '../../storage/store.ts';

const COURSE = 'customer-service';
const at = (day: number, hour: number) => new Date(2026, 10, day, hour).getTime();
const states: CourseProgressState[] = [];
afterEach(async () => {
  await Promise.all(states.splice(0).map((state) => state.dispose()));
});

function tab(backend: ReturnType<typeof createMemoryBackend>, clock: { now: number }): CourseProgressState {
  const state = new CourseProgressState(COURSE, { store: createStore({ backend }), now: () => clock.now, broadcast: false, debounceMs: 1 });
  states.push(state);
  return state;
}

describe('study days across tabs', () => {
  it('two tabs studying on the same and on different days keep every day', async () => {
    const backend = createMemoryBackend();
    const clock = { now: at(1, 9) };
    const a = tab(backend, clock);
    const b = tab(backend, clock);
    await Promise.all([a.ready, b.ready]);
    a.visit('welcome');
    clock.now = at(1, 9) + 10 * 60_000;
    a.visit('types-of-customers');
    await a.flush();
    clock.now = at(2, 20);
    b.visit('welcome');
    await b.flush();
    const stored = backend.data.get(progressKey(COURSE)) as { days: Record<string, [number, number]> };
    expect({ ...stored.days }).toEqual({ '2026-11-01': [2, 600], '2026-11-02': [1, 0] });

    const reloaded = tab(backend, clock);
    await reloaded.ready;
    expect({ ...reloaded.progress.days }).toEqual({ '2026-11-01': [2, 600], '2026-11-02': [1, 0] });
  });
});
