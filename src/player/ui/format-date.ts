// A day as the study pages word it ("1 December 2026"). Its own module, not format.ts: format.ts is in
// the first load, and a module there brings along every export any lazy page uses (and this
// formatter is built when the module runs), so the pages that name a day load it with themselves.
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

export function formatDate(epochMs: number): string {
  return dateOnly.format(epochMs);
}
