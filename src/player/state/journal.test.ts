// The safety copy: a change made just before the page goes survives even when the asynchronous
// IndexedDB write never happens.
import { afterEach, describe, expect, it } from 'vitest';
import { journalKey, progressKey } from '../../storage/keys.ts';
import { readJournal } from '../../storage/journal.ts';
import { createMemoryBackend, createStore } from '../../storage/store.ts';
import { CourseProgressState } from './course-progress.svelte.ts';

const COURSE = 'external-customers';

afterEach(() => localStorage.clear());

describe('the pagehide safety copy', () => {
  it('is written synchronously on pagehide and restored by the next page when the write was lost', async () => {
    // A store whose writes never complete, like a page torn down mid-write.
    const base = createMemoryBackend();
    const stalled = createStore({
      backend: { ...base, setItem: (key, value) => (key === progressKey(COURSE) ? new Promise(() => {}) : base.setItem(key, value)) },
    });
    const first = new CourseProgressState(COURSE, { store: stalled, broadcast: false, debounceMs: 10_000 });
    await first.ready;
    first.setDone('customer-or-consumer', 'challenge-customers', true);
    first.setNote('reflections', 'face-to-face', 'situation', 'Kept waiting for ten minutes');
    window.dispatchEvent(new Event('pagehide'));
    expect(localStorage.getItem(journalKey(COURSE))).not.toBeNull();

    const fresh = createStore({ backend: createMemoryBackend() });
    const second = new CourseProgressState(COURSE, { store: fresh, broadcast: false });
    await second.ready;
    expect(second.progress.blocks['customer-or-consumer/challenge-customers']?.doneAt).toBeTypeOf('number');
    expect(second.progress.notes['reflections/face-to-face/situation']?.text).toBe('Kept waiting for ten minutes');
    // Once IndexedDB holds it, the copy is removed.
    await second.flush();
    expect(localStorage.getItem(journalKey(COURSE))).toBeNull();
    await second.dispose();
  });

  it('ignores a copy that is not JSON, and salvages the valid parts of a damaged one', async () => {
    localStorage.setItem(journalKey(COURSE), '{"version": 2, "lessons": "nope"');
    expect(await readJournal(COURSE, 0)).toBeNull();
    localStorage.setItem(
      journalKey(COURSE),
      JSON.stringify({ version: 2, courseId: COURSE, lessons: 'nope', notes: { 'a/b/c': { text: 'kept', updatedAt: 5 } } }),
    );
    const salvaged = await readJournal(COURSE, 10);
    expect(salvaged?.notes['a/b/c']?.text).toBe('kept');
    expect(salvaged?.lessons).toEqual({});
  });
});
