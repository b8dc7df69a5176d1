// Issue 11: progress that scales. A summary record per course and each finished attempt under its
// own key; saves write only what changed; two-phase migration of every older record.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emptyProgress, setNote } from '../engine/progress.ts';
import type { QuizAttempt } from '../engine/progress-types.ts';
import { readAttemptPage } from './attempt-log.ts';
import { exportAll, parseImport } from './export.ts';
import { attemptKey, attemptPrefix, isQuarantineKey, progressKey } from './keys.ts';
import { loadProgress, saveProgress } from './records.ts';
import { createMemoryBackend, createStore, type StorageBackend } from './store.ts';

const COURSE = 'external-customers';
const KEY = progressKey(COURSE);
const v2 = JSON.parse(readFileSync(fileURLToPath(new URL('../../tests/fixtures/storage/record-v2.json', import.meta.url)), 'utf8'));

/** A version 2 record as the player stored it, with `count` attempts inline (about 1 KB each). */
function oldRecord(count: number): Record<string, unknown> {
  const model = v2.attempts[0] as QuizAttempt;
  const attempts = Array.from({ length: count }, (_, i) => ({ ...model, id: `old-${i}`, startedAt: 1_700_000_000_000 + i * 60_000, finishedAt: 1_700_000_000_000 + i * 60_000 + 30_000 }));
  return { ...v2, attempts };
}

/** Memory storage that records what is written, and can fail writes to one key. */
function recording(initial: Record<string, unknown> = {}) {
  const backend = createMemoryBackend(initial);
  const writes: { key: string; bytes: number }[] = [];
  let failKey: string | null = null;
  const setItem = backend.setItem;
  backend.setItem = (key, value) => {
    if (key === failKey) return Promise.reject(new Error('the tab was closed'));
    writes.push({ key, bytes: JSON.stringify(value).length });
    return setItem(key, value);
  };
  return Object.assign(backend as StorageBackend & { data: Map<string, unknown> }, {
    writes,
    failWritesTo(key: string | null) {
      failKey = key;
    },
  });
}

const logged = (backend: { data: Map<string, unknown> }) => [...backend.data.keys()].filter((key) => key.startsWith(attemptPrefix(COURSE)));

describe('migrating a record that holds its attempts inline', () => {
  it('moves 500 attempts of a real version 2 record to their own keys, then writes the summary', async () => {
    const backend = recording({ [KEY]: oldRecord(500) });
    const loaded = await loadProgress(createStore({ backend }), COURSE, 1_800_000_000_000);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value).toMatchObject({ migratedFrom: 2, problems: [] });
    expect(loaded.value.progress.attempts).toHaveLength(500);
    expect(logged(backend)).toHaveLength(500);
    expect(backend.data.get(KEY)).not.toHaveProperty('attempts');
    expect(backend.data.get(KEY)).toMatchObject({ version: 3, studyPlan: { reminder: 'monday' } });
    // The summary was written last, after every attempt.
    expect(backend.writes.at(-1)?.key).toBe(KEY);
    const again = await loadProgress(createStore({ backend }), COURSE, 1_800_000_000_001);
    expect(again.ok && again.value.progress.attempts.map((a) => a.id)).toEqual(loaded.value.progress.attempts.map((a) => a.id));
  });

  it('loses nothing and counts nothing twice when the tab closes between the two phases', async () => {
    const original = oldRecord(500);
    const backend = recording({ [KEY]: original });
    backend.failWritesTo(KEY);
    const first = await loadProgress(createStore({ backend }), COURSE, 1_800_000_000_000);
    expect(first.ok && first.value.progress.attempts).toHaveLength(500);
    // Phase 1 done, phase 2 not: the old value is still there, whole.
    expect(backend.data.get(KEY)).toEqual(original);
    expect(logged(backend)).toHaveLength(500);
    backend.failWritesTo(null);
    const second = await loadProgress(createStore({ backend }), COURSE, 1_800_000_000_001);
    if (!second.ok) throw new Error(second.message);
    expect(second.value.progress.attempts).toHaveLength(500);
    expect(new Set(second.value.progress.attempts.map((a) => a.id)).size).toBe(500);
    expect(logged(backend)).toHaveLength(500);
    expect(backend.data.get(KEY)).not.toHaveProperty('attempts');
  });

  it('keeps a damaged old record aside and moves every attempt that can be read', async () => {
    const damaged = oldRecord(20);
    (damaged.attempts as Record<string, unknown>[])[3]!.score = 'three';
    const backend = recording({ [KEY]: damaged });
    const loaded = await loadProgress(createStore({ backend }), COURSE, 1_800_000_000_000);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.problems).toEqual(['attempts.3.score: expected number']);
    expect(backend.data.get(loaded.value.quarantinedAs!)).toMatchObject({ record: damaged });
    expect(logged(backend)).toHaveLength(19);
    expect([...backend.data.keys()].filter(isQuarantineKey)).toHaveLength(1);
  });

  it('keeps a damaged attempt aside and reads the rest', async () => {
    const backend = recording({ [KEY]: oldRecord(3) });
    await loadProgress(createStore({ backend }), COURSE, 1);
    const [first] = logged(backend).sort();
    backend.data.set(first!, { broken: true });
    const loaded = await loadProgress(createStore({ backend }), COURSE, 2);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.progress.attempts.map((a) => a.id)).toEqual(['old-1', 'old-2']);
    expect(loaded.value.problems).toEqual([`${first}: not a quiz attempt`]);
    expect(backend.data.has(first!)).toBe(false);
  });
});

describe('a save with 10,000 attempts stored', () => {
  it('writes the summary and the new attempt only: a few KB', async () => {
    const backend = recording({ [KEY]: oldRecord(10_000) });
    const store = createStore({ backend });
    const loaded = await loadProgress(store, COURSE, 1_800_000_000_000);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(loaded.value.progress.attempts).toHaveLength(10_000);
    backend.writes.length = 0;
    const fresh: QuizAttempt = { ...loaded.value.progress.attempts[0]!, id: 'new-one', finishedAt: 1_900_000_000_000 };
    const progress = setNote({ ...loaded.value.progress, attempts: [...loaded.value.progress.attempts, fresh] }, 'l', 'r', 'p', 'Saved', 5);
    const saved = await saveProgress(store, progress, { now: 6, lastWriteId: loaded.value.writeId, writeId: 'me:1', newAttempts: [fresh] });
    expect(saved.ok).toBe(true);
    expect(backend.writes.map((write) => write.key)).toEqual([attemptKey(COURSE, fresh), KEY]);
    const bytes = backend.writes.reduce((sum, write) => sum + write.bytes, 0);
    expect(bytes).toBeLessThanOrEqual(16 * 1024);
  }, 60_000);

  it('reads the history a page at a time, in key order', async () => {
    const backend = recording({ [KEY]: oldRecord(1_200) });
    const store = createStore({ backend });
    await loadProgress(store, COURSE, 1);
    const first = await readAttemptPage(store, COURSE, { limit: 500 });
    if (!first.ok) throw new Error(first.message);
    expect(first.value.attempts).toHaveLength(500);
    const second = await readAttemptPage(store, COURSE, { after: first.value.next!, limit: 500 });
    const third = second.ok ? await readAttemptPage(store, COURSE, { after: second.value.next!, limit: 500 }) : second;
    expect(third.ok && third.value).toMatchObject({ next: null });
    expect(third.ok && third.value.attempts).toHaveLength(200);
  });
});

describe('export and import of a heavy learner', () => {
  it('round-trips 10,000 attempts', async () => {
    const store = createStore({ backend: createMemoryBackend({ [KEY]: oldRecord(10_000) }) });
    const { document, warnings } = await exportAll(store, 1_800_000_000_000);
    expect(warnings).toEqual([]);
    const text = JSON.stringify(document);
    const parsed = parseImport(text, [COURSE]);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.courses[COURSE]!.attempts).toHaveLength(10_000);
    const target = createMemoryBackend();
    const saved = await saveProgress(createStore({ backend: target }), emptyProgress(COURSE, 1), {
      now: 2,
      writeId: 'import',
      newAttempts: parsed.courses[COURSE]!.attempts,
    });
    expect(saved.ok).toBe(true);
    expect(logged(target)).toHaveLength(10_000);
  }, 60_000);
});
