// Recovers what is still valid in a damaged record: entries of maps and items of lists are checked
// one by one, optional fields that fail are dropped, and every loss is reported as one line.
import type * as z from 'zod/mini';
import { emptyIdMap, setOwn as setEntry } from '../engine/id-map.ts';
import { describeIssues } from './schema.ts';

type Schema = z.ZodMiniType;
type Json = Record<string, unknown>;

interface SchemaDef {
  type: string;
  keyType?: Schema;
  valueType?: Schema;
  element?: Schema;
  shape?: Record<string, Schema>;
  innerType?: Schema;
}

const defOf = (schema: Schema): SchemaDef => schema._zod.def as unknown as SchemaDef;

export function isPlainObject(value: unknown): value is Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Collects problem lines, keeping the report short however much is broken. */
export class ProblemLog {
  static readonly LIMIT = 50;
  readonly lines: string[] = [];
  #more = 0;
  add(...lines: string[]): void {
    for (const line of lines) {
      if (this.lines.length < ProblemLog.LIMIT) this.lines.push(line);
      else this.#more++;
    }
  }
  absorb(other: ProblemLog): void {
    this.add(...other.lines);
    this.#more += other.#more;
  }
  get count(): number {
    return this.lines.length + this.#more;
  }
  report(): string[] {
    return this.#more ? [...this.lines, `... and ${this.#more} more`] : [...this.lines];
  }
}

function setOwn(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isOptional(schema: Schema): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default';
}

function salvageMap(value: Json, keyType: Schema, valueType: Schema, path: string, log: ProblemLog): Json {
  const out = emptyIdMap<unknown>();
  for (const key of Object.keys(value)) {
    const where = `${path}.${key}`;
    if (!keyType.safeParse(key).success) {
      log.add(`${where}: key not allowed`);
      continue;
    }
    const entry = salvage(value[key], valueType, where, log);
    if (entry !== undefined) setEntry(out, key, entry);
  }
  return out;
}

/**
 * The valid part of `value` under `schema`, or `undefined` when nothing usable is left. Problems are
 * logged with `path` (e.g. `attempts.3.results.0`).
 */
export function salvage(value: unknown, schema: Schema, path: string, log: ProblemLog): unknown {
  const def = defOf(schema);
  // Maps by id are read entry by entry even when whole: zod drops a `__proto__` key silently, and an
  // id may be any string.
  if (def.type === 'record' && def.valueType && def.keyType && isPlainObject(value)) {
    return salvageMap(value, def.keyType, def.valueType, path, log);
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;

  if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
    // The value is present and not null (or it would have parsed): salvage it as the inner type.
    return salvage(value, def.innerType, path, log);
  }

  if (def.type === 'array' && def.element && Array.isArray(value)) {
    const element = def.element;
    return value
      .map((item, index) => salvage(item, element, `${path}.${index}`, log))
      .filter((item) => item !== undefined);
  }

  if (def.type === 'object' && def.shape && isPlainObject(value)) {
    // Rebuild the object from what survives; its losses count only if the object as a whole does.
    const fieldLog = new ProblemLog();
    const rebuilt: Json = {};
    for (const key of Object.keys(value)) {
      // Only `__proto__` can harm a plain object; zod would drop it without a word.
      if (key === '__proto__') fieldLog.add(`${path}.${key}: key not allowed`);
      else setOwn(rebuilt, key, value[key]);
    }
    for (const [key, fieldSchema] of Object.entries(def.shape)) {
      if (value[key] === undefined) continue;
      const field = salvage(value[key], fieldSchema, `${path}.${key}`, fieldLog);
      if (field !== undefined) rebuilt[key] = field;
      else if (isOptional(fieldSchema)) delete rebuilt[key];
    }
    const retried = schema.safeParse(rebuilt);
    if (retried.success) {
      log.absorb(fieldLog);
      return retried.data;
    }
  }

  log.add(...describeIssues(parsed.error.issues, path));
  return undefined;
}
