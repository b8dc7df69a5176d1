import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { PROBE_KEY } from './keys.ts';
import { classifyError, createMemoryBackend, createStore, peekIndexedDb, type StorageBackend } from './store.ts';

let databases = 0;
const freshName = (): string => `coursemark-test-${++databases}`;

/** A backend whose every call fails the way a browser's storage fails. */
function failingBackend(error: () => unknown, only: Partial<Record<keyof StorageBackend, boolean>> = {}): StorageBackend {
  const memory = createMemoryBackend();
  const fail = (method: keyof StorageBackend) => only[method] ?? Object.keys(only).length === 0;
  return {
    driver: () => 'stub',
    getItem: (key) => (fail('getItem') ? Promise.reject(error()) : memory.getItem(key)),
    setItem: (key, value) => (fail('setItem') ? Promise.reject(error()) : memory.setItem(key, value)),
    removeItem: (key) => (fail('removeItem') ? Promise.reject(error()) : memory.removeItem(key)),
    keys: () => (fail('keys') ? Promise.reject(error()) : memory.keys()),
  };
}

describe('createStore over IndexedDB (localforage)', () => {
  it('opens IndexedDB first and round-trips values', async () => {
    const store = createStore({ name: freshName() });
    expect(await store.open()).toEqual({ ok: true, value: { driver: 'asyncStorage' } });
    expect(await store.get('missing')).toEqual({ ok: true, value: null });
    expect(await store.set('coursemark:v1:progress:c', { version: 2, attempts: [1, 2] })).toEqual({ ok: true, value: undefined });
    expect(await store.get('coursemark:v1:progress:c')).toEqual({ ok: true, value: { version: 2, attempts: [1, 2] } });
    expect(await store.checkWritable()).toEqual({ ok: true, value: undefined });
    expect(await store.keys()).toEqual({ ok: true, value: ['coursemark:v1:progress:c'] });
    expect(await store.remove('coursemark:v1:progress:c')).toEqual({ ok: true, value: undefined });
    expect(await store.keys()).toEqual({ ok: true, value: [] });
  });

  it('keeps stores with different names apart', async () => {
    const a = createStore({ name: freshName() });
    const b = createStore({ name: freshName() });
    await a.set('k', 1);
    expect(await b.get('k')).toEqual({ ok: true, value: null });
  });

  it('reports "unavailable" when no driver can be used (no localStorage in Node), and every call says so', async () => {
    const store = createStore({ name: freshName(), drivers: ['localstorage'] });
    const opened = await store.open();
    expect(opened).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await store.get('k')).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await store.set('k', 1)).toMatchObject({ ok: false, reason: 'unavailable' });
    expect(await store.checkWritable()).toMatchObject({ ok: false, reason: 'unavailable' });
  });
});

describe('createStore with a failing storage', () => {
  it('reports a full IndexedDB (QuotaExceededError on write) as "quota", and reads still work', async () => {
    const backend = failingBackend(() => new DOMException('The quota has been exceeded.', 'QuotaExceededError'), { setItem: true });
    const store = createStore({ backend });
    expect(await store.get('k')).toEqual({ ok: true, value: null });
    expect(await store.set('k', 'v')).toEqual({ ok: false, reason: 'quota', message: 'QuotaExceededError: The quota has been exceeded.' });
    expect(await store.checkWritable()).toMatchObject({ ok: false, reason: 'quota' });
  });

  it('reports a private window where storage cannot open as "unavailable"', async () => {
    const store = createStore({ backend: () => Promise.reject(new Error('No available storage method found.')) });
    expect(await store.open()).toEqual({ ok: false, reason: 'unavailable', message: 'Error: No available storage method found.' });
    expect(await store.keys()).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('treats storage that never answers as unavailable', async () => {
    const store = createStore({ backend: () => new Promise<never>(() => {}), timeoutMs: 20 });
    expect(await store.get('k')).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringMatching(/did not respond/) });
  });

  it('turns a synchronous throw inside the backend into a result', async () => {
    const backend = createMemoryBackend();
    backend.getItem = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const store = createStore({ backend });
    expect(await store.get('k')).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('leaves no probe key behind', async () => {
    const backend = createMemoryBackend();
    expect(await createStore({ backend }).checkWritable()).toEqual({ ok: true, value: undefined });
    expect(backend.data.has(PROBE_KEY)).toBe(false);
  });
});

describe('classifyError', () => {
  it.each([
    ['QuotaExceededError', new DOMException('full', 'QuotaExceededError'), 'quota'],
    ['Firefox quota', { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached' }, 'quota'],
    ['legacy code 22', { name: 'Error', code: 22, message: 'exceeded' }, 'quota'],
    ['legacy code 1014', { code: 1014, message: 'no space' }, 'quota'],
    ['SecurityError', new DOMException('denied', 'SecurityError'), 'unavailable'],
    ['InvalidStateError (Firefox private window)', new DOMException('A mutation operation was attempted', 'InvalidStateError'), 'unavailable'],
    ['localforage without a driver', new Error('No available storage method found.'), 'unavailable'],
    ['unreadable stored value', new SyntaxError('Unexpected token'), 'corrupt'],
    ['anything else', new TypeError('x is undefined'), 'unknown'],
    ['not an error at all', 'boom', 'unknown'],
  ])('%s', (_, error, reason) => {
    expect(classifyError(error).reason).toBe(reason);
  });
});

describe('createMemoryBackend', () => {
  it('clones in and out like IndexedDB, so callers cannot alter what is stored', async () => {
    const backend = createMemoryBackend();
    const value = { notes: { a: 'x' } };
    await backend.setItem('k', value);
    value.notes.a = 'changed';
    const read = (await backend.getItem('k')) as typeof value;
    expect(read.notes.a).toBe('x');
    read.notes.a = 'changed again';
    expect(((await backend.getItem('k')) as typeof value).notes.a).toBe('x');
  });
});

describe('peekIndexedDb: the first screen reads without localforage', () => {
  it('finds nothing in a database that does not exist, and does not create it', async () => {
    const name = `peek-absent-${Math.random()}`;
    expect(await peekIndexedDb(name, 'progress', 'k')).toEqual({ value: null });
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).not.toContain(name);
    // localforage can still create and use it afterwards.
    const store = createStore({ name, drivers: ['indexeddb'] });
    expect((await store.set('k', { a: 1 })).ok).toBe(true);
    expect(await peekIndexedDb(name, 'progress', 'k')).toEqual({ value: { a: 1 } });
  });

  it('reads what localforage wrote, and a fresh store reads it without opening localforage', async () => {
    const name = `peek-written-${Math.random()}`;
    const writer = createStore({ name, drivers: ['indexeddb'] });
    expect((await writer.set('coursemark:v1:progress:c', { version: 2, courseId: 'c' })).ok).toBe(true);
    const reader = createStore({ name, drivers: ['indexeddb'] });
    expect(await reader.get('coursemark:v1:progress:c')).toEqual({ ok: true, value: { version: 2, courseId: 'c' } });
    expect(await reader.get('missing')).toEqual({ ok: true, value: null });
  });

  it('steps aside where there is no IndexedDB', async () => {
    const saved = globalThis.indexedDB;
    try {
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true, writable: true });
      expect(await peekIndexedDb('x', 'progress', 'k')).toBeNull();
    } finally {
      Object.defineProperty(globalThis, 'indexedDB', { value: saved, configurable: true, writable: true });
    }
  });
});
