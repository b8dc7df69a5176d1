// JSON.parse for text that did not come from this code (an import file, a string found in storage):
// keys that could reach Object.prototype and oversized strings are refused while parsing, and the
// caller gets a result, never an exception.
import { FORBIDDEN_KEYS } from './record-check.ts';

export type JsonResult = { ok: true; value: unknown } | { ok: false; message: string };

export interface JsonLimits {
  /** Longest string value allowed anywhere in the document. */
  maxStringLength?: number;
  /** Keys refused wherever they appear (default: every key that reaches Object.prototype). */
  forbiddenKeys?: ReadonlySet<string>;
}

class Refused extends Error {}

export function parseJson(text: string, limits: JsonLimits = {}): JsonResult {
  const maxString = limits.maxStringLength ?? Infinity;
  const forbidden = limits.forbiddenKeys ?? FORBIDDEN_KEYS;
  // A byte-order mark is what some editors put at the start of a saved file; it is not content.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    const value: unknown = JSON.parse(source, (key, value: unknown) => {
      if (forbidden.has(key)) throw new Refused(`it contains the key "${key}", which is not allowed`);
      if (key.length > maxString) throw new Refused(`it contains a key of ${key.length.toLocaleString('en')} characters`);
      if (typeof value === 'string' && value.length > maxString) {
        const where = key === '' ? '' : ` (at "${key.length > 40 ? `${key.slice(0, 40)}...` : key}")`;
        throw new Refused(
          `it contains a text of ${value.length.toLocaleString('en')} characters${where}; the limit is ${maxString.toLocaleString('en')}`,
        );
      }
      return value;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, message: error.message };
    if (error instanceof RangeError) return { ok: false, message: 'it is nested too deeply to read' };
    return { ok: false, message: 'it is not valid JSON' };
  }
}
