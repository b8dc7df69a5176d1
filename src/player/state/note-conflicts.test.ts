// Issue 9, item 8: nothing anyone typed in a note is lost. An import keeps both texts, a note
// written on a device whose clock ran a year fast does not lock the note, and two tabs typing in
// the same note both keep their words, the other's shown as a version to restore.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT } from '../../storage/export.ts';
import { progressKey } from '../../storage/keys.ts';
import { createMemoryBackend, createStore, type StorageBackend } from '../../storage/store.ts';
import type { CourseProgress, Note } from '../../engine/progress-types.ts';
import { CourseProgressState } from './course-progress.svelte.ts';
import { importProgress } from './progress-files.ts';
import { disposeCourseProgress, getCourseProgress } from './progress-registry.ts';

const COURSE = 'external-customers';
const NOTE = 'map/reflection/p1';
const YEAR = 365 * 24 * 60 * 60 * 1000;
let clock = 1_700_000_000_000;
const now = () => clock;
const created: CourseProgressState[] = [];

beforeEach(() => {
  clock = 1_700_000_000_000;
});
afterEach(async () => {
  await Promise.all(created.splice(0).map((state) => state.dispose()));
  await disposeCourseProgress();
});

async function twoTabs(backend: StorageBackend): Promise<[CourseProgressState, CourseProgressState]> {
  const tabs = [0, 1].map(() => new CourseProgressState(COURSE, { store: createStore({ backend }), now, broadcast: true, debounceMs: 10 }));
  created.push(...tabs);
  await Promise.all(tabs.map((tab) => tab.ready));
  return tabs as [CourseProgressState, CourseProgressState];
}

const noteIn = (progress: CourseProgress | undefined): Note | undefined => progress?.notes[NOTE];
const texts = (note: Note | undefined) => ({ text: note?.text, others: (note?.versions ?? []).map((version) => version.text) });

function exportFile(note: Note): string {
  const progress = { courseId: COURSE, lessons: {}, blocks: {}, notes: { [NOTE]: note }, ratings: {}, attempts: [], position: null, updatedAt: note.updatedAt };
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2024-01-01T00:00:00.000Z', courses: { [COURSE]: progress } });
}

describe('importing a file', () => {
  it('keeps the text here and the text in the file when they differ, whichever is newer', async () => {
    const backend = createMemoryBackend();
    const state = getCourseProgress(COURSE, { store: createStore({ backend }), now });
    await state.ready;
    state.setNote('map', 'reflection', 'p1', 'Written on this laptop');
    await state.flush();
    const outcome = await importProgress(exportFile({ text: 'Written on my phone', updatedAt: clock + 1000 }), [COURSE], { store: createStore({ backend }) });
    expect(outcome.ok).toBe(true);
    expect(texts(noteIn(state.progress))).toEqual({ text: 'Written on my phone', others: ['Written on this laptop'] });
    expect(texts(noteIn(backend.data.get(progressKey(COURSE)) as CourseProgress))).toEqual({
      text: 'Written on my phone',
      others: ['Written on this laptop'],
    });
    // The learner restores the laptop's text; the phone's stays available.
    state.resolveNote('map', 'reflection', 'p1', 'Written on this laptop');
    expect(texts(noteIn(state.progress))).toEqual({ text: 'Written on this laptop', others: ['Written on my phone'] });
    state.resolveNote('map', 'reflection', 'p1', 'Written on this laptop');
    expect(texts(noteIn(state.progress))).toEqual({ text: 'Written on this laptop', others: [] });
  });

  it('does not let a note from a clock a year fast win over later edits, in this tab or another', async () => {
    const backend = createMemoryBackend();
    const [a, b] = await twoTabs(backend);
    getCourseProgress(COURSE, { store: createStore({ backend }), now });
    const outcome = await importProgress(exportFile({ text: 'From the fast phone', updatedAt: clock + YEAR }), [COURSE], {
      store: createStore({ backend }),
    });
    expect(outcome.ok).toBe(true);
    await vi.waitFor(() => expect(noteIn(a.progress)?.text).toBe('From the fast phone'));
    await vi.waitFor(() => expect(noteIn(b.progress)?.text).toBe('From the fast phone'));
    expect(noteIn(a.progress)!.updatedAt).toBeLessThan(clock + YEAR);

    clock += 1000;
    b.setNote('map', 'reflection', 'p1', 'From the fast phone, and more');
    await b.flush();
    // Well after a second, every tab and storage hold the edit: nothing reverted it.
    clock += 5000;
    await new Promise((done) => setTimeout(done, 100));
    for (const progress of [a.progress, b.progress, backend.data.get(progressKey(COURSE)) as CourseProgress]) {
      expect(texts(noteIn(progress))).toEqual({ text: 'From the fast phone, and more', others: [] });
    }
  });

  it('caps future times already in storage when it loads them', async () => {
    const future = { courseId: COURSE, version: 2, lessons: {}, blocks: {}, ratings: {}, attempts: [], position: null, updatedAt: 1 };
    const backend = createMemoryBackend({
      [progressKey(COURSE)]: { ...future, notes: { [NOTE]: { text: 'Locked?', updatedAt: clock + YEAR } } },
    });
    const [a] = await twoTabs(backend);
    expect(noteIn(a.progress)!.updatedAt).toBeLessThanOrEqual(clock + 5 * 60 * 1000);
    a.setNote('map', 'reflection', 'p1', 'Not locked');
    await a.flush();
    expect(texts(noteIn(backend.data.get(progressKey(COURSE)) as CourseProgress))).toEqual({ text: 'Not locked', others: [] });
  });
});

describe('two tabs typing in the same note', () => {
  it('keeps both tabs’ words, the other shown as a version, never silently replaced', async () => {
    const backend = createMemoryBackend();
    const [a, b] = await twoTabs(backend);
    a.setNote('map', 'reflection', 'p1', 'We both');
    await a.flush();
    await vi.waitFor(() => expect(noteIn(b.progress)?.text).toBe('We both'));
    // Both tabs go on typing from the same text before either hears from the other.
    clock += 100;
    a.setNote('map', 'reflection', 'p1', 'We both typed: A');
    clock += 100;
    b.setNote('map', 'reflection', 'p1', 'We both typed: B');
    await Promise.all([a.flush(), b.flush()]);
    const expected = { text: 'We both typed: B', others: ['We both typed: A'] };
    await vi.waitFor(() => {
      for (const progress of [a.progress, b.progress, backend.data.get(progressKey(COURSE)) as CourseProgress]) {
        expect(texts(noteIn(progress))).toEqual(expected);
      }
    });
  });

  it('typing on from the other tab’s text is no conflict', async () => {
    const backend = createMemoryBackend();
    const [a, b] = await twoTabs(backend);
    a.setNote('map', 'reflection', 'p1', 'Start');
    await a.flush();
    await vi.waitFor(() => expect(noteIn(b.progress)?.text).toBe('Start'));
    clock += 100;
    b.setNote('map', 'reflection', 'p1', 'Start, continued in B');
    await b.flush();
    await vi.waitFor(() => expect(noteIn(a.progress)?.text).toBe('Start, continued in B'));
    clock += 100;
    a.setNote('map', 'reflection', 'p1', 'Start, continued in B, and in A');
    await a.flush();
    await vi.waitFor(() => expect(texts(noteIn(b.progress))).toEqual({ text: 'Start, continued in B, and in A', others: [] }));
    expect(noteIn(a.progress)?.versions).toBeUndefined();
  });
});
