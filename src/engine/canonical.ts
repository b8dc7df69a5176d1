// One text per value, with object keys sorted: equal data gives equal strings, so merges can break
// ties the same way in every tab.
type Json = Record<string, unknown>;

/** JSON with object keys sorted: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Json)[key])}`).join(',')}}`;
}
