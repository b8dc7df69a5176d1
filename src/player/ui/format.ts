// How the shell words durations, counts and dates, in one place so every page says it the same way.

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A course's estimated time: "About 45 minutes", "About 1 hour", "About 2.5 hours", "About 6 hours". */
export function aboutDuration(minutes: number): string {
  if (minutes < 55) return `About ${plural(Math.max(5, Math.round(minutes / 5) * 5), 'minute')}`;
  // Half hours are as precise as an estimate deserves.
  const hours = Math.round(minutes / 30) / 2;
  return `About ${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A lesson's length in the contents: "10 min". */
export function minutesShort(minutes: number): string {
  return `${Math.max(1, Math.round(minutes))} min`;
}

/** Time spent on a lesson: "–" (none), "Under a minute", "12 min", "1 h 5 min". */
export function timeSpent(ms: number): string {
  if (ms <= 0) return '–';
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'Under a minute';
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

/**
 * One decimal at most, rounded down so a score is never shown above what it is (79.96% must not
 * read "80%" beside a pass mark of 80): 8.86 → "8.8", 2 → "2", 0.333 → "0.3". The epsilon keeps
 * float error (0.3 stored as 0.29999...) from losing a tenth.
 */
function tenths(value: number): string {
  const floored = Math.floor(value * 10 + 1e-6) / 10;
  return String(floored === 0 ? 0 : floored);
}

/** A percentage, whole or with one decimal: 59.07 → "59%", 66.67 → "66.6%", 80 → "80%". */
export function percent(value: number): string {
  return `${tenths(value)}%`;
}

/** Points, whole or with one decimal: 8.86 → "8.8", 0.33 → "0.3", 15 → "15". */
export function points(value: number): string {
  return tenths(value);
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

