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
   * Up to `limit` entries whose keys start with `prefix` and lie strictly between `after` and
   * `before`, in key order or newest (last) first: a long history is read page by page, each page
   * one small task.
   */
  range(prefix: string, options: RangeOptions): Promise<StoreResult<StoredEntry[]>>;
  /** How many keys start with `prefix` (after the key `after`): the log's size, without its values. */
  count(prefix: string, options?: { after?: string }): Promise<StoreResult<number>>;
}

export interface RangeOptions {
  after?: string;
  before?: string;
  limit: number;
  /** From the end of the range backwards. */
  newestFirst?: boolean;
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

/** What reading straight from IndexedDB found: the database, none yet (nothing stored), or no way in. */
type Opened = { db: IDBDatabase } | { absent: true } | null;

/**
 * The one way the store opens localforage's database itself, for reading without loading
 * localforage: never creates it (a database that does not exist yet holds nothing, and localforage
 * must be the one to create it) and never stands in the way of localforage upgrading it.
 */
function openExisting(database: string): Promise<Opened> {
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
      absent = true;
      request.transaction?.abort();
    };
    request.onblocked = () => resolve(null);
    request.onerror = () => resolve(absent ? { absent: true } : null);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve({ db });
    };
  });
}

/** A read-only request on the store, or null when it cannot be made (the caller uses localforage). */
function readFrom<T>(db: IDBDatabase, storeName: string, read: (store: IDBObjectStore, done: (value: T | null) => void) => void, empty: T): Promise<T | null> {
  return new Promise((resolve) => {
    try {
      if (!db.objectStoreNames.contains(storeName)) return resolve(empty);
      read(db.transaction(storeName, 'readonly').objectStore(storeName), resolve);
    } catch {
      resolve(null);
    }
  });
}

/** The key range of a prefix, between the keys `after` and `before` (both left out). */
function keyRange(prefix: string, after: string | undefined, before: string | undefined): IDBKeyRange {
  return IDBKeyRange.bound(after ?? prefix, before ?? prefix + RANGE_END, after !== undefined, before !== undefined);
}

/**
 * One page of a key range straight from localforage's IndexedDB store: localforage can only list
 * every key of the store and read values one transaction each, which for 10,000 attempts takes
 * seconds. Oldest first is one bounded getAll; newest first a cursor walked backwards, stopped at
 * the page's size.
 */
function rangeIndexedDb(db: IDBDatabase, storeName: string, prefix: string, options: RangeOptions): Promise<StoredEntry[] | null> {
  const range = keyRange(prefix, options.after, options.before);
  return readFrom<StoredEntry[]>(
    db,
    storeName,
    (store, done) => {
      if (!options.newestFirst) {
        const keys = store.getAllKeys(range, options.limit);
        const values = store.getAll(range, options.limit);
        values.onsuccess = () => done((keys.result as IDBValidKey[]).map((key, index) => ({ key: String(key), value: values.result[index] })));
        values.onerror = () => done(null);
        return;
      }
      const entries: StoredEntry[] = [];
      const cursor = store.openCursor(range, 'prev');
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || entries.length >= options.limit) return done(entries);
        entries.push({ key: String(at.key), value: at.value });
        if (entries.length >= options.limit) return done(entries);
        at.continue();
      };
      cursor.onerror = () => done(null);
    },
    [],
  );
}

/**
 * Reads one value straight from localforage's IndexedDB database, without loading localforage: the
 * first screen shows the learner's progress without waiting for the library, which is only needed
 * for writing. Resolves to `{ value }` (null when nothing is stored) or to null when this way of
 * reading does not apply (no IndexedDB, blocked, an error): the caller then uses localforage.
 */
function getIndexedDb(db: IDBDatabase, storeName: string, key: string): Promise<{ value: unknown } | null> {
  return readFrom<{ value: unknown }>(
    db,
    storeName,
    (store, done) => {
      const get = store.get(key);
      get.onsuccess = () => done({ value: get.result ?? null });
      get.onerror = () => done(null);
    },
    { value: null },
  );
}

/** One value read through a connection of its own, closed afterwards (see getIndexedDb). */
export async function peekIndexedDb(database: string, storeName: string, key: string): Promise<{ value: unknown } | null> {
  const opened = await openExisting(database);
  if (!opened) return null;
  if ('absent' in opened) return { value: null };
  try {
    return await getIndexedDb(opened.db, storeName, key);
  } finally {
    opened.db.close();
  }
}

function countIndexedDb(db: IDBDatabase, storeName: string, prefix: string, after: string | undefined): Promise<number | null> {
  return readFrom<number>(
    db,
    storeName,
    (store, done) => {
      const count = store.count(keyRange(prefix, after, undefined));
      count.onsuccess = () => done(count.result);
      count.onerror = () => done(null);
    },
    0,
  );
}

/** Keys with the prefix, strictly between `after` and `before`, in key order (the localforage way). */
function keysInRange(keys: string[], prefix: string, options: { after?: string; before?: string }): string[] {
  return keys
    .filter((key) => key.startsWith(prefix) && (options.after === undefined || key > options.after) && (options.before === undefined || key < options.before))
    .sort();
}

export function createStore(options: StoreOptions = {}): ProgressStore {
  const { backend, name = DATABASE_NAME, drivers = ['indexeddb', 'localstorage'], timeoutMs = 4000 } = options;
  let opening: Promise<StoreResult<StorageBackend>> | undefined;
  /** One connection kept for reads; a database found absent is looked for again next time. */
  let reader: Promise<Opened> | undefined;

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

  /** Reads straight from IndexedDB when that is how this store keeps data; null: use localforage. */
  async function direct<T>(read: (db: IDBDatabase) => Promise<T | null>, absent: T): Promise<T | null> {
    if (backend || drivers[0] !== 'indexeddb') return null;
    reader ??= openExisting(name);
    const opened = await reader;
    if (!opened || 'absent' in opened) reader = undefined;
    if (!opened) return null;
    return 'absent' in opened ? absent : read(opened.db);
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
      // Before localforage is loaded: once it is, reads go through it like the writes.
      const peeked = opening ? null : await direct((db) => getIndexedDb(db, STORE_NAME, key), { value: null });
      if (peeked) return { ok: true, value: peeked.value };
      return run(async (store) => (await store.getItem(key)) ?? null);
    },
    set: (key, value) => run(async (store) => void (await store.setItem(key, value))),
    remove: (key) => run((store) => store.removeItem(key)),
    keys: () => run((store) => store.keys()),
    async range(prefix, rangeOptions) {
      const page = await direct((db) => rangeIndexedDb(db, STORE_NAME, prefix, rangeOptions), []);
      if (page) return { ok: true, value: page };
      return run(async (store) => {
        const keys = keysInRange(await store.keys(), prefix, rangeOptions);
        const chosen = rangeOptions.newestFirst ? keys.reverse().slice(0, rangeOptions.limit) : keys.slice(0, rangeOptions.limit);
        const entries: StoredEntry[] = [];
        for (const key of chosen) entries.push({ key, value: (await store.getItem(key)) ?? null });
        return entries;
      });
    },
    async count(prefix, countOptions = {}) {
      const counted = await direct((db) => countIndexedDb(db, STORE_NAME, prefix, countOptions.after), 0);
      if (counted !== null) return { ok: true, value: counted };
      return run(async (store) => keysInRange(await store.keys(), prefix, countOptions).length);
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
