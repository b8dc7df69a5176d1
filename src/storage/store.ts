// The one door to the browser's storage: localforage over IndexedDB, then localStorage. Every call
// resolves to a result and never throws, so a blocked, full or broken storage can only ever make the
// player warn and keep working in memory.
import { DATABASE_NAME, PROBE_KEY, STORE_NAME } from './keys.ts';

export type StoreFailure = 'unavailable' | 'quota' | 'corrupt' | 'unknown';
export type StoreResult<T> = { ok: true; value: T } | { ok: false; reason: StoreFailure; message: string };

/** The part of a localforage instance the store uses; tests hand in stubs that fail like the real one. */
export interface StorageBackend {
  /** Name of the driver in use ("asyncStorage" is IndexedDB, "localStorageWrapper", "memory"). */
  driver(): string;
  getItem(key: string): Promise<unknown>;
  setItem(key: string, value: unknown): Promise<unknown>;
  removeItem(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export type DriverName = 'indexeddb' | 'localstorage';

export interface StoreOptions {
  /** A ready backend, or a function that opens one (tests, or another storage). */
  backend?: StorageBackend | (() => Promise<StorageBackend>);
  /** Database name for localforage (tests use their own). */
  name?: string;
  /** Drivers to try, in order. */
  drivers?: DriverName[];
  /** How long to wait for storage to open before treating it as unavailable. */
  timeoutMs?: number;
}

export interface ProgressStore {
  /** Opens storage (once); the value names the driver in use. */
  open(): Promise<StoreResult<{ driver: string }>>;
  /** Writes and removes a throwaway key: tells a read-only or full storage apart from a usable one. */
  checkWritable(): Promise<StoreResult<void>>;
  /** The stored value, or null when there is none. */
  get(key: string): Promise<StoreResult<unknown>>;
  set(key: string, value: unknown): Promise<StoreResult<void>>;
  remove(key: string): Promise<StoreResult<void>>;
  keys(): Promise<StoreResult<string[]>>;
  /**
   * Up to `limit` entries whose keys start with `prefix`, in key order, after the key `after`: a
   * long history is read page by page, each page one small task.
   */
  range(prefix: string, options: { after?: string; limit: number }): Promise<StoreResult<StoredEntry[]>>;
}

export interface StoredEntry {
  key: string;
  value: unknown;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

function describe(error: unknown): string {
  if (error && typeof error === 'object') {
    const { name, message } = error as ErrorLike;
    const text = typeof message === 'string' && message ? message : String(error);
    return typeof name === 'string' && name && !text.startsWith(name) ? `${name}: ${text}` : text;
  }
  return String(error);
}

/** Sorts a storage error into what the player needs to know. */
export function classifyError(error: unknown): { reason: StoreFailure; message: string } {
  const message = describe(error);
  const { name, code } = (error && typeof error === 'object' ? error : {}) as ErrorLike;
  if (
    name === 'QuotaExceededError' ||
    name === 'NS_ERROR_DOM_QUOTA_REACHED' ||
    code === 22 ||
    code === 1014 ||
    /quota/i.test(message)
  ) {
    return { reason: 'quota', message };
  }
  if (
    name === 'SecurityError' ||
    name === 'InvalidStateError' ||
    name === 'NotAllowedError' ||
    /no available storage method|storage.*(unavailable|disabled|blocked)|did not respond/i.test(message)
  ) {
    return { reason: 'unavailable', message };
  }
  if (name === 'SyntaxError' || name === 'DataError' || name === 'DataCloneError') return { reason: 'corrupt', message };
  return { reason: 'unknown', message };
}

function failure<T>(error: unknown): StoreResult<T> {
  return { ok: false, ...classifyError(error) };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Storage did not respond within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function openLocalforage(name: string, drivers: DriverName[], timeoutMs: number): Promise<StorageBackend> {
  // Loaded on first use, so the first screen does not wait for it.
  const { default: localforage } = await import('./localforage-lib.ts');
  const driverIds = { indexeddb: localforage.INDEXEDDB, localstorage: localforage.LOCALSTORAGE };
  let lastError: unknown = new Error('No available storage method found.');
  // One driver at a time: a driver that is "supported" can still fail to open (private windows).
  for (const driver of drivers) {
    if (!localforage.supports(driverIds[driver])) continue;
    const instance = localforage.createInstance({ name, storeName: STORE_NAME, driver: driverIds[driver] });
    try {
      await withTimeout(instance.ready(), timeoutMs);
      return instance;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** The last character of a key range: every key with the prefix sorts before prefix + this. */
const RANGE_END = '\uffff';

/** Opens localforage's database for reading without creating it; null when that cannot be done. */
function openForReading(database: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) return resolve(null);
      request = indexedDB.open(database);
    } catch {
      return resolve(null);
    }
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onblocked = () => resolve(null);
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of localforage creating or upgrading its database.
      db.onversionchange = () => db.close();
      resolve(db);
    };
  });
}

/**
 * One page of a key range straight from localforage's IndexedDB store: localforage can only list
 * every key of the store and read values one transaction each, which for 10,000 attempts takes
 * seconds; a bounded getAll over a key range reads a page in one request. Null when IndexedDB
 * cannot be used this way (the caller falls back to localforage).
 */
function rangeIndexedDb(db: IDBDatabase, storeName: string, prefix: string, after: string | undefined, limit: number): Promise<StoredEntry[] | null> {
  return new Promise((resolve) => {
    try {
      if (!db.objectStoreNames.contains(storeName)) return resolve([]);
      const store = db.transaction(storeName, 'readonly').objectStore(storeName);
      const range = IDBKeyRange.bound(after ?? prefix, prefix + RANGE_END, after !== undefined, false);
      const keys = store.getAllKeys(range, limit);
      const values = store.getAll(range, limit);
      values.onsuccess = () => resolve((keys.result as IDBValidKey[]).map((key, index) => ({ key: String(key), value: values.result[index] })));
      values.onerror = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/**
 * Reads one value straight from localforage's IndexedDB database, without loading localforage: the
 * first screen shows the learner's progress without waiting for the library, which is only needed
 * for writing. Resolves to `{ value }` (null when nothing is stored) or to null when this way of
 * reading does not apply (no IndexedDB, blocked, an error): the caller then uses localforage.
 */
export function peekIndexedDb(database: string, storeName: string, key: string): Promise<{ value: unknown } | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) return resolve(null);
      request = indexedDB.open(database);
    } catch {
      return resolve(null);
    }
    let absent = false;
    request.onupgradeneeded = () => {
      // The database does not exist yet: nothing is stored. Abort so that localforage creates it.
      absent = true;
      request.transaction?.abort();
    };
    request.onblocked = () => resolve(null);
    request.onerror = () => resolve(absent ? { value: null } : null);
    request.onsuccess = () => {
      const db = request.result;
      try {
        if (!db.objectStoreNames.contains(storeName)) {
          db.close();
          return resolve({ value: null });
        }
        const get = db.transaction(storeName, 'readonly').objectStore(storeName).get(key);
        get.onsuccess = () => {
          db.close();
          resolve({ value: get.result ?? null });
        };
        get.onerror = () => {
          db.close();
          resolve(null);
        };
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}

export function createStore(options: StoreOptions = {}): ProgressStore {
  const { backend, name = DATABASE_NAME, drivers = ['indexeddb', 'localstorage'], timeoutMs = 4000 } = options;
  let opening: Promise<StoreResult<StorageBackend>> | undefined;
  let reader: Promise<IDBDatabase | null> | undefined;

  function connect(): Promise<StoreResult<StorageBackend>> {
    opening ??= (async (): Promise<StoreResult<StorageBackend>> => {
      try {
        const opened =
          typeof backend === 'function'
            ? await withTimeout(backend(), timeoutMs)
            : (backend ?? (await openLocalforage(name, drivers, timeoutMs)));
        return { ok: true, value: opened };
      } catch (error) {
        const { message } = classifyError(error);
        // Whatever stopped storage from opening, the learner's situation is the same: no storage.
        return { ok: false, reason: 'unavailable', message };
      }
    })();
    return opening;
  }

  async function run<T>(operation: (backend: StorageBackend) => Promise<T>): Promise<StoreResult<T>> {
    const connected = await connect();
    if (!connected.ok) return connected;
    try {
      return { ok: true, value: await operation(connected.value) };
    } catch (error) {
      return failure(error);
    }
  }

  return {
    async open() {
      const connected = await connect();
      if (!connected.ok) return connected;
      try {
        return { ok: true, value: { driver: connected.value.driver() } };
      } catch (error) {
        return failure(error);
      }
    },
    async checkWritable() {
      const written = await run((store) => store.setItem(PROBE_KEY, Date.now()));
      if (!written.ok) return written;
      return run((store) => store.removeItem(PROBE_KEY));
    },
    async get(key) {
      if (!backend && !opening && drivers[0] === 'indexeddb') {
        const peeked = await peekIndexedDb(name, STORE_NAME, key);
        if (peeked) return { ok: true, value: peeked.value };
      }
      return run(async (store) => (await store.getItem(key)) ?? null);
    },
    set: (key, value) => run(async (store) => void (await store.setItem(key, value))),
    remove: (key) => run((store) => store.removeItem(key)),
    keys: () => run((store) => store.keys()),
    async range(prefix, { after, limit }) {
      // Like get(): IndexedDB is read without loading localforage, over one connection kept for reads.
      if (!backend && drivers[0] === 'indexeddb') {
        reader ??= openForReading(name);
        const db = await reader;
        const page = db && (await rangeIndexedDb(db, STORE_NAME, prefix, after, limit));
        if (page) return { ok: true, value: page };
      }
      return run(async (store) => {
        const keys = (await store.keys())
          .filter((key) => key.startsWith(prefix) && (after === undefined || key > after))
          .sort()
          .slice(0, limit);
        const entries: StoredEntry[] = [];
        for (const key of keys) entries.push({ key, value: (await store.getItem(key)) ?? null });
        return entries;
      });
    },
  };
}

/**
 * Storage in a Map, cloning values in and out like IndexedDB does: for tests, and for components
 * that need a real CourseProgressState without a browser.
 */
export function createMemoryBackend(initial: Record<string, unknown> = {}): StorageBackend & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial).map(([key, value]) => [key, structuredClone(value)]));
  return {
    data,
    driver: () => 'memory',
    getItem: async (key) => (data.has(key) ? structuredClone(data.get(key)) : null),
    setItem: async (key, value) => {
      data.set(key, structuredClone(value));
      return value;
    },
    removeItem: async (key) => void data.delete(key),
    keys: async () => [...data.keys()],
  };
}

export function createMemoryStore(initial: Record<string, unknown> = {}): ProgressStore {
  return createStore({ backend: createMemoryBackend(initial) });
}
