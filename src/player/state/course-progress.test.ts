import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CourseManifest } from '../../content/schema/manifest.ts';
import { emptyProgress } from '../../engine/progress.ts';
import type { CourseProgress, QuizAttempt } from '../../engine/progress-types.ts';
import { IMPORT_LIMITS, parseImport } from '../../storage/export.ts';
import { attemptPrefix, isQuarantineKey, progressKey } from '../../storage/keys.ts';
import { createMemoryBackend, createStore, type ProgressStore, type StorageBackend } from '../../storage/store.ts';
import { CourseProgressState, NOTICES, type CourseProgressOptions } from './course-progress.svelte.ts';
import { exportAllProgress, importProgress, resetCourseProgress } from './progress-files.ts';
import { disposeCourseProgress, getCourseProgress } from './progress-registry.ts';

const COURSE = 'external-customers';
const KEY = progressKey(COURSE);
// jsdom replaces URL, so fixtures are found from the project root rather than import.meta.url.
const fixture = (name: string): string => readFileSync(resolve(process.cwd(), 'tests/fixtures/storage', name), 'utf8');

const course: CourseManifest = {
  id: COURSE,
  title: 'External customers',
  description: 'A module.',
  language: 'en-GB',
  estimatedMinutes: 360,
  outcomes: ['Tell customers from consumers'],
  passMark: 80,
  version: '1',
  lessons: [
    {
      id: 'map',
      title: 'Map a journey',
      minutes: 10,
      blocks: [{ id: 'challenge', kind: 'challenge', required: true }],
    },
    { id: 'quiz', title: 'Quiz', minutes: 10, blocks: [{ id: 'final', kind: 'quiz', required: true }] },
  ],
  quizzes: [{ id: 'final', title: 'Quiz', lessonId: 'quiz', questionCount: 10, passMark: 80 }],
};

function attempt(id: string, finishedAt: number): QuizAttempt {
  return {
    id,
    quizId: 'final',
    startedAt: finishedAt - 1000,
    finishedAt,
    questionIds: ['q1'],
    results: [{ questionId: 'q1', answer: { type: 'short', text: 'the mother' }, score: 1, max: 1 }],
    score: 1,
    maxScore: 1,
    percent: 100,
    passMark: 80,
    passed: true,
  };
}

let clock = 1_700_000_000_000;
const now = () => clock;
const created: CourseProgressState[] = [];

function makeState(store: ProgressStore, options: CourseProgressOptions = {}): CourseProgressState {
  const state = new CourseProgressState(COURSE, { store, now, broadcast: false, ...options });
  created.push(state);
  return state;
}

/** What storage holds for the course: the summary record with the attempts stored beside it. */
const stored = (backend: { data: Map<string, unknown> }): CourseProgress | undefined => {
  const summary = backend.data.get(KEY) as CourseProgress | undefined;
  if (!summary) return undefined;
  const logged = [...backend.data.keys()].filter((key) => key.startsWith(attemptPrefix(COURSE))).sort();
  return { ...summary, attempts: [...(summary.attempts ?? []), ...logged.map((key) => backend.data.get(key) as QuizAttempt)] };
};
const attemptIds = (progress: CourseProgress | undefined) => progress?.attempts.map((a) => a.id) ?? [];
const noteTexts = (progress: CourseProgress | undefined) =>
  Object.fromEntries(Object.entries(progress?.notes ?? {}).map(([key, note]) => [key, note.text]));

beforeEach(() => {
  clock = 1_700_000_000_000;
});

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(created.splice(0).map((state) => state.dispose()));
  await disposeCourseProgress();
  // A state that could not save keeps its safety copy (journal.ts): it must not reach the next test.
  localStorage.clear();
  Reflect.deleteProperty(document, 'visibilityState');
});

describe('CourseProgressState', () => {
  it('restores stored progress, then applies every action at once', async () => {
    const backend = createMemoryBackend({ [KEY]: JSON.parse(fixture('record-v2.json')) });
    const state = makeState(createStore({ backend }));
    await state.ready;
    expect(attemptIds(state.progress)).toEqual(['att-1', 'att-2']);
    expect(state.status).toBe('saved');
    expect(state.notices).toEqual([]);

    state.visit('map');
    state.reveal('map', 'question');
    state.setNote('map', 'reflection', 'p1', 'A long queue at the bank.');
    state.rate('map', 'rating', 'Good');
    expect(state.progress.position).toEqual({ lessonId: 'map', at: clock });
    expect(state.progress.blocks['map/question']?.revealedAt).toBe(clock);
    expect(state.progress.notes['map/reflection/p1']?.text).toBe('A long queue at the bank.');
    expect(state.progress.ratings['map/rating']?.value).toBe('Good');
  });

  it('keeps what the learner did while storage was still loading', async () => {
    const backend = createMemoryBackend({ [KEY]: JSON.parse(fixture('record-v2.json')) });
    const state = makeState(createStore({ backend }));
    state.setNote('map', 'reflection', 'p1', 'typed before the load finished');
    await state.ready;
    await state.flush();
    expect(noteTexts(state.progress)).toMatchObject({
      'map/reflection/p1': 'typed before the load finished',
      'john-lewis/case-study-john-lewis/q1': 'Less sugar in cereal.',
    });
    expect(noteTexts(stored(backend))).toEqual(noteTexts(state.progress));
  });

  it('saves after a quiet moment, or at once on flush()', async () => {
    vi.useFakeTimers();
    const backend = createMemoryBackend();
    const state = makeState(createStore({ backend }), { debounceMs: 300 });
    await state.ready;
    state.setNote('map', 'reflection', 'p1', 'draft');
    await vi.advanceTimersByTimeAsync(299);
    expect(stored(backend)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(noteTexts(stored(backend))).toEqual({ 'map/reflection/p1': 'draft' });

    state.setNote('map', 'reflection', 'p1', 'final words');
    await state.flush();
    expect(noteTexts(stored(backend))).toEqual({ 'map/reflection/p1': 'final words' });
    expect(stored(backend)).toMatchObject({ version: 3 });
  });

  it('still saves while the learner types without pause', async () => {
    vi.useFakeTimers();
    const backend = createMemoryBackend();
    const state = makeState(createStore({ backend }), { debounceMs: 300 });
    await state.ready;
    for (let i = 0; i < 20; i++) {
      state.setNote('map', 'reflection', 'p1', `word ${i}`);
      clock += 100;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(stored(backend)?.notes['map/reflection/p1']?.text).toMatch(/^word \d+$/);
  });

  it('saves an attempt without waiting', async () => {
    const backend = createMemoryBackend();
    const state = makeState(createStore({ backend }), { debounceMs: 60_000 });
    await state.ready;
    state.addAttempt(attempt('a1', clock));
    await vi.waitFor(() => expect(attemptIds(stored(backend))).toEqual(['a1']));
  });

  it('saves when the page is hidden and on pagehide', async () => {
    const backend = createMemoryBackend();
    const state = makeState(createStore({ backend }), { debounceMs: 60_000 });
    await state.ready;
    state.setNote('map', 'reflection', 'p1', 'before switching apps');
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(noteTexts(stored(backend))).toEqual({ 'map/reflection/p1': 'before switching apps' }));

    state.setNote('map', 'reflection', 'p1', 'before closing the tab');
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(() => expect(noteTexts(stored(backend))).toEqual({ 'map/reflection/p1': 'before closing the tab' }));
  });

  it('counts study time per lesson, pausing while the page is hidden and capping idle stretches', async () => {
    const state = makeState(createStore({ backend: createMemoryBackend() }));
    await state.ready;
    state.visit('map');
    clock += 60_000;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    clock += 10 * 60_000; // away: not counted
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    clock += 5 * 60 * 60_000; // left open for hours: capped
    state.visit('quiz');
    expect(state.progress.lessons.map?.timeSpentMs).toBe(60_000 + 30 * 60_000);
  });

  it('stamps lesson completion as it happens, and never takes it back', async () => {
    const state = makeState(createStore({ backend: createMemoryBackend() }), { course });
    await state.ready;
    state.visit('map');
    state.reachEnd('map');
    expect(state.progress.lessons.map?.completedAt).toBeUndefined();
    clock += 1000;
    state.setDone('map', 'challenge', true);
    expect(state.progress.lessons.map?.completedAt).toBe(clock);
    state.setDone('map', 'challenge', false);
    expect(state.progress.lessons.map?.completedAt).toBe(clock);

    state.visit('quiz');
    state.reachEnd('quiz');
    expect(state.progress.lessons.quiz?.completedAt).toBeUndefined();
    state.addAttempt(attempt('a1', clock));
    expect(state.progress.lessons.quiz?.completedAt).toBe(clock);
  });
});

describe('when storage fails', () => {
  it('keeps working in memory when storage is unavailable, says so calmly, and can still export', async () => {
    const store = createStore({ backend: () => Promise.reject(new Error('No available storage method found.')) });
    const state = makeState(store);
    await state.ready;
    expect(state.status).toBe('memory');
    expect(state.notices).toEqual([NOTICES.memory]);
    state.setNote('map', 'reflection', 'p1', 'kept in memory');
    await state.flush();
    expect(state.progress.notes['map/reflection/p1']?.text).toBe('kept in memory');

    const file = await exportAllProgress({ store, now: Date.UTC(2024, 10, 20) });
    expect(file.fileName).toBe('coursemark-progress-2024-11-20.json');
    expect(file.warnings).toHaveLength(1);
    // The state was made directly, not through getCourseProgress, so it is not in the export...
    expect(file.courseCount).toBe(0);
    // ...while a state from getCourseProgress is.
    getCourseProgress(COURSE, { store, now }).setNote('map', 'reflection', 'p1', 'exported from memory');
    const withState = await exportAllProgress({ store });
    const parsed = parseImport(withState.json, [COURSE]);
    expect(parsed.ok && noteTexts(parsed.courses[COURSE])).toEqual({ 'map/reflection/p1': 'exported from memory' });
  });

  it('reports full storage, keeps the work in memory, and recovers once space is freed', async () => {
    const backend = createMemoryBackend();
    const setItem = backend.setItem;
    let full = true;
    backend.setItem = (key, value) =>
      full ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : setItem(key, value);
    const state = makeState(createStore({ backend }));
    await state.ready;
    // Loading only reads; the first save finds out that storage is full.
    expect(state.status).toBe('saved');

    state.setNote('map', 'reflection', 'p1', 'written while full');
    await state.flush();
    expect(state.status).toBe('full');
    expect(state.notices).toEqual([NOTICES.full]);
    expect(stored(backend)).toBeUndefined();

    full = false;
    state.rate('map', 'rating', 'Good');
    await state.flush();
    expect(state.status).toBe('saved');
    expect(state.notices).toEqual([]);
    expect(noteTexts(stored(backend))).toEqual({ 'map/reflection/p1': 'written while full' });
  });

  it('keeps a damaged record aside, restores what it can and tells the learner', async () => {
    const backend = createMemoryBackend({ [KEY]: JSON.parse(fixture('broken/bad-attempt.json')) });
    const state = makeState(createStore({ backend }));
    await state.ready;
    expect(state.status).toBe('saved');
    expect(state.notices).toEqual([NOTICES.quarantine]);
    expect(state.problems).toEqual(['attempts.1.score: expected number']);
    expect(attemptIds(state.progress)).toEqual(['att-1', 'att-2']);
    const kept = [...backend.data.keys()].filter(isQuarantineKey);
    expect(kept).toHaveLength(1);
    expect(backend.data.get(kept[0]!)).toMatchObject({ record: JSON.parse(fixture('broken/bad-attempt.json')) });
  });

  it('does not overwrite a damaged record it could not keep aside', async () => {
    const damaged = JSON.parse(fixture('broken/wrong-types.json'));
    const backend = createMemoryBackend({ [KEY]: damaged });
    const setItem = backend.setItem;
    backend.setItem = (key, value) =>
      isQuarantineKey(key) ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : setItem(key, value);
    const state = makeState(createStore({ backend }));
    await state.ready;
    expect(state.status).toBe('full');
    expect(state.notices).toEqual([NOTICES.unreadable, NOTICES.full]);
    state.setNote('map', 'reflection', 'p1', 'new work');
    await state.flush();
    expect(backend.data.get(KEY)).toEqual(damaged);
    expect(state.progress.notes['map/reflection/p1']?.text).toBe('new work');
  });
});

describe('two tabs on one course', () => {
  /** Two states over one storage, talking over BroadcastChannel like two tabs. */
  async function twoTabs(backend: StorageBackend) {
    const a = makeState(createStore({ backend }), { broadcast: true, debounceMs: 10 });
    const b = makeState(createStore({ backend }), { broadcast: true, debounceMs: 10 });
    await Promise.all([a.ready, b.ready]);
    return [a, b] as const;
  }

  it('BroadcastChannel exists here', () => {
    expect(typeof BroadcastChannel).toBe('function');
  });

  it('each tab takes in what the other saved', async () => {
    const backend = createMemoryBackend();
    const [a, b] = await twoTabs(backend);
    a.setNote('map', 'reflection', 'p1', 'from tab A');
    a.addAttempt(attempt('a1', clock));
    await a.flush();
    await vi.waitFor(() => expect(attemptIds(b.progress)).toEqual(['a1']));
    expect(noteTexts(b.progress)).toEqual({ 'map/reflection/p1': 'from tab A' });

    clock += 1000;
    b.setNote('map', 'reflection', 'p2', 'from tab B');
    await b.flush();
    await vi.waitFor(() => expect(noteTexts(a.progress)).toEqual({ 'map/reflection/p1': 'from tab A', 'map/reflection/p2': 'from tab B' }));
  });

  it('neither tab overwrites the other when both save at the same moment', async () => {
    const backend = createMemoryBackend();
    const [a, b] = await twoTabs(backend);
    a.setNote('map', 'reflection', 'p1', 'from tab A');
    a.addAttempt(attempt('a1', clock));
    b.setNote('map', 'reflection', 'p2', 'from tab B');
    b.addAttempt(attempt('b1', clock + 1));
    b.setDone('map', 'challenge', true);
    await Promise.all([a.flush(), b.flush()]);

    const everything = { 'map/reflection/p1': 'from tab A', 'map/reflection/p2': 'from tab B' };
    await vi.waitFor(() => {
      for (const progress of [a.progress, b.progress, stored(backend)]) {
        expect(attemptIds(progress)).toEqual(['a1', 'b1']);
        expect(noteTexts(progress)).toEqual(everything);
        expect(progress?.blocks['map/challenge']?.doneAt).toBe(clock);
      }
    });
    // Once both agree, they stop writing: no endless back and forth.
    let writes = 0;
    const setItem = backend.setItem;
    backend.setItem = (key, value) => {
      writes++;
      return setItem(key, value);
    };
    await new Promise((done) => setTimeout(done, 150));
    expect(writes).toBe(0);
  });

  it('tells the other tabs what a save changed, never the whole history', async () => {
    const backend = createMemoryBackend();
    const [a] = await twoTabs(backend);
    for (let i = 0; i < 50; i++) a.addAttempt(attempt(`old-${i}`, clock + i));
    await a.flush();
    const listener = new BroadcastChannel(`coursemark:progress:${COURSE}`);
    const messages: { record: Record<string, unknown>; attempts: QuizAttempt[] }[] = [];
    listener.onmessage = (event: MessageEvent) => messages.push(event.data);
    a.addAttempt(attempt('new', clock + 100));
    a.setNote('map', 'reflection', 'p1', 'and a note');
    await a.flush();
    await vi.waitFor(() => expect(messages.length).toBeGreaterThan(0));
    listener.close();
    const last = messages.at(-1)!;
    expect(last.record).not.toHaveProperty('attempts');
    expect(messages.flatMap((message) => message.attempts.map((one) => one.id))).toEqual(['new']);
  });

  it('a lesson finished across two tabs counts as done in both', async () => {
    const backend = createMemoryBackend();
    const a = makeState(createStore({ backend }), { broadcast: true, debounceMs: 10, course });
    const b = makeState(createStore({ backend }), { broadcast: true, debounceMs: 10, course });
    await Promise.all([a.ready, b.ready]);
    a.visit('map');
    a.reachEnd('map');
    await a.flush();
    await vi.waitFor(() => expect(b.progress.lessons.map?.reachedEnd).toBe(clock));
    clock += 1000;
    b.setDone('map', 'challenge', true);
    await b.flush();
    await vi.waitFor(() => expect(a.progress.lessons.map?.completedAt).toBe(clock));
    expect(b.progress.lessons.map?.completedAt).toBe(clock);
    await vi.waitFor(() => expect(stored(backend)?.lessons.map?.completedAt).toBe(clock));
  });

  it('the later note edit wins in both tabs', async () => {
    const backend = createMemoryBackend();
    const [a, b] = await twoTabs(backend);
    a.setNote('map', 'reflection', 'p1', 'first thought');
    await a.flush();
    await vi.waitFor(() => expect(noteTexts(b.progress)).toEqual({ 'map/reflection/p1': 'first thought' }));
    clock += 5000;
    b.setNote('map', 'reflection', 'p1', 'second thought');
    await b.flush();
    await vi.waitFor(() => expect(noteTexts(a.progress)).toEqual({ 'map/reflection/p1': 'second thought' }));
    expect(noteTexts(stored(backend))).toEqual({ 'map/reflection/p1': 'second thought' });
  });
});

describe('resetCourseProgress', () => {
  it('starts the course again, here and in other tabs, and no tab brings the old progress back', async () => {
    const backend = createMemoryBackend({ [KEY]: JSON.parse(fixture('record-v2.json')) });
    const other = makeState(createStore({ backend }), { broadcast: true, debounceMs: 10 });
    const store = createStore({ backend });
    const state = getCourseProgress(COURSE, { store, now, broadcast: true });
    await Promise.all([state.ready, other.ready]);
    other.setNote('map', 'reflection', 'p1', 'typed in the other tab before the reset');

    clock += 1000;
    expect(await resetCourseProgress(COURSE, { store })).toEqual({ ok: true, message: 'Your progress in this course has been reset.' });
    expect(state.progress).toEqual({ ...emptyProgress(COURSE, clock), resetAt: clock });
    expect(stored(backend)).toMatchObject({ attempts: [], notes: {}, lessons: {}, resetAt: clock });
    await vi.waitFor(() => expect(other.progress.resetAt).toBe(clock));
    expect(other.progress.attempts).toEqual([]);
    expect(other.progress.notes).toEqual({});

    clock += 1000;
    state.visit('map');
    await state.flush();
    await other.flush();
    expect(stored(backend)?.attempts).toEqual([]);
    expect(Object.keys(stored(backend)?.lessons ?? {})).toEqual(['map']);
  });

  it('a tab that missed the news follows the reset on its next save', async () => {
    const backend = createMemoryBackend({ [KEY]: JSON.parse(fixture('record-v2.json')) });
    const deaf = makeState(createStore({ backend }), { broadcast: false });
    const store = createStore({ backend });
    await Promise.all([deaf.ready, getCourseProgress(COURSE, { store, now, broadcast: false }).ready]);
    clock += 1000;
    await resetCourseProgress(COURSE, { store });
    deaf.setNote('map', 'reflection', 'p1', 'typed on the old copy');
    await deaf.flush();
    expect(stored(backend)).toMatchObject({ attempts: [], notes: {}, resetAt: clock });
    expect(deaf.progress.attempts).toEqual([]);
    expect(deaf.progress.resetAt).toBe(clock);
  });

  it('removes nothing when storage refuses', async () => {
    const backend = createMemoryBackend({ [KEY]: JSON.parse(fixture('record-v2.json')) });
    const setItem = backend.setItem;
    const store = createStore({ backend });
    const state = getCourseProgress(COURSE, { store, now });
    await state.ready;
    backend.setItem = (key, value) => (key === KEY ? Promise.reject(new TypeError('boom')) : setItem(key, value));
    const outcome = await resetCourseProgress(COURSE, { store });
    expect(outcome).toEqual({
      ok: false,
      message: 'Your progress could not be reset on this device (TypeError: boom). Nothing was removed.',
    });
    expect(attemptIds(state.progress)).toEqual(['att-1', 'att-2']);
    expect(attemptIds(stored(backend))).toEqual(['att-1', 'att-2']);
  });
});

describe('getCourseProgress', () => {
  it('gives one state per course and attaches a manifest given later', async () => {
    const store = createStore({ backend: createMemoryBackend() });
    const first = getCourseProgress(COURSE, { store, now });
    expect(getCourseProgress(COURSE)).toBe(first);
    expect(getCourseProgress('another-course', { store })).not.toBe(first);
    await first.ready;
    first.visit('map');
    first.reachEnd('map');
    first.setDone('map', 'challenge', true);
    expect(first.progress.lessons.map?.completedAt).toBeUndefined();
    getCourseProgress(COURSE, { course });
    expect(first.progress.lessons.map?.completedAt).toBe(clock);
  });
});

describe('exportAllProgress', () => {
  it('writes a compact file that imports again, and warns when it grew too large to import', async () => {
    const store = createStore({ backend: createMemoryBackend() });
    const state = getCourseProgress(COURSE, { store, now });
    await state.ready;
    state.addAttempt(attempt('a1', clock));
    const file = await exportAllProgress({ store });
    expect(file).toMatchObject({ courseCount: 1, warnings: [] });
    expect(file.json).not.toContain('\n');
    expect(parseImport(file.json, [COURSE]).ok).toBe(true);

    state.setNote('map', 'reflection', 'p1', 'x'.repeat(IMPORT_LIMITS.bytes));
    const huge = await exportAllProgress({ store });
    expect(huge.warnings).toEqual(['This file is larger than 50 MB, so it can be kept as a copy but not imported again.']);
  }, 30_000);
});

describe('importProgress', () => {
  it('merges an export into what the learner has, replacing nothing', async () => {
    clock = 1_800_000_000_000; // after the attempts in the file
    const backend = createMemoryBackend();
    const store = createStore({ backend });
    const state = getCourseProgress(COURSE, { store, now });
    await state.ready;
    state.setNote('map', 'reflection', 'p1', 'written on this device');
    state.addAttempt(attempt('here', clock));
    await state.flush();

    const outcome = await importProgress(fixture('export-v1.json'), [COURSE], { store });
    expect(outcome).toEqual({
      ok: true,
      courseIds: [COURSE],
      message: 'Progress for one course was imported and merged with what you had.',
    });
    expect(attemptIds(state.progress)).toEqual(['att-1', 'att-2', 'here']);
    expect(noteTexts(state.progress)).toMatchObject({
      'map/reflection/p1': 'written on this device',
      'john-lewis/case-study-john-lewis/q1': 'Less sugar in cereal.',
    });
    expect(attemptIds(stored(backend))).toEqual(['att-1', 'att-2', 'here']);
  });

  it('refuses a hostile file and changes nothing', async () => {
    const backend = createMemoryBackend();
    const store = createStore({ backend });
    const state = getCourseProgress(COURSE, { store, now });
    await state.ready;
    state.setNote('map', 'reflection', 'p1', 'mine');
    await state.flush();
    const before = structuredClone(Object.fromEntries(backend.data));
    const progressBefore = state.progress;

    for (const name of ['proto-top-level.json', 'unknown-course.json', 'wrong-types.json', 'not-json.json']) {
      const outcome = await importProgress(fixture(`hostile/${name}`), [COURSE], { store });
      expect(outcome.ok, name).toBe(false);
      expect(outcome.message).toMatch(/Nothing was changed\.$/);
    }
    expect(Object.fromEntries(backend.data)).toEqual(before);
    expect(state.progress).toBe(progressBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says when imported progress can only be kept in this session', async () => {
    const store = createStore({ backend: () => Promise.reject(new Error('No available storage method found.')) });
    const outcome = await importProgress(fixture('export-v1.json'), [COURSE], { store });
    expect(outcome).toMatchObject({ ok: true, message: expect.stringMatching(/imported into this session, but it can't be saved/) });
    expect(attemptIds(getCourseProgress(COURSE).progress)).toEqual(['att-1', 'att-2']);
  });
});
