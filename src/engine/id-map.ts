// Maps keyed by ids that come from tutors and from storage. An id may be any string, including
// JavaScript's own names (`constructor`, `prototype`, `__proto__`, `toString`), so every map of
// progress is a null-prototype object: a plain `map[id]` read finds only what was stored, and a
// write can only ever create an own property.

/** A record of progress entries by id, with no prototype behind it. */
export type IdMap<T> = Record<string, T>;

export function emptyIdMap<T>(): IdMap<T> {
  return Object.create(null) as IdMap<T>;
}

/** The entry stored under `id`, never an inherited property. */
export function getOwn<T>(map: IdMap<T>, id: string): T | undefined {
  return Object.hasOwn(map, id) ? map[id] : undefined;
}

/** Sets an own property whatever the key (defineProperty never runs the `__proto__` setter). */
export function setOwn<T>(map: IdMap<T>, id: string, value: T): void {
  Object.defineProperty(map, id, { value, enumerable: true, writable: true, configurable: true });
}

/** A null-prototype copy of a map's own entries. */
export function toIdMap<T>(source: Readonly<Record<string, T>>): IdMap<T> {
  const map = emptyIdMap<T>();
  for (const id of Object.keys(source)) setOwn(map, id, source[id] as T);
  return map;
}

/** A copy of `map` with `map[id] = value`. */
export function withEntry<T>(map: IdMap<T>, id: string, value: T): IdMap<T> {
  const copy = toIdMap(map);
  setOwn(copy, id, value);
  return copy;
}
