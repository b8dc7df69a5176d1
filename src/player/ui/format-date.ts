// A day as the study pages word it ("1 December 2026"). Its own module, not format.ts: format.ts is in
// the first load, and a module there brings along every export any lazy page uses (and this
// formatter is built when the module runs), so the pages that name a day load it with themselves.
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

export function formatDate(epochMs: number): string {
  return dateOnly.format(epochMs);
}

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** A "YYYY-MM-DD" study day (study-days.ts) as a short date, "1 Dec". */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return shortDay.format(new Date(year, month - 1, date, 12));
}
