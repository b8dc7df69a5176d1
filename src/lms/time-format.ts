// Durations and timestamps in the formats each LMS standard requires: SCORM 1.2's CMITimespan
// (HHHH:MM:SS.SS), SCORM 2004's and xAPI's ISO 8601 durations (at most 2 decimals of seconds).

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** Whole hundredths of a second in `ms`, never negative. */
const hundredths = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? Math.round(ms / 10) : 0);

/**
 * SCORM 1.2 session time: `HHHH:MM:SS.SS` (hours at least 2 and at most 4 digits; a longer session
 * is capped at 9999:59:59.99 rather than written in a form the LMS rejects).
 */
export function scorm12Duration(ms: number): string {
  const total = Math.min(hundredths(ms), (9999 * 3600 + 59 * 60 + 59) * 100 + 99);
  const hours = Math.floor(total / 360000);
  const minutes = Math.floor((total % 360000) / 6000);
  const seconds = Math.floor((total % 6000) / 100);
  const cents = total % 100;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(cents, 2)}`;
}

/** ISO 8601 duration, e.g. `PT1H2M3.45S` (SCORM 2004 timeinterval, xAPI `result.duration`). */
export function isoDuration(ms: number): string {
  const total = hundredths(ms);
  const hours = Math.floor(total / 360000);
  const minutes = Math.floor((total % 360000) / 6000);
  const cents = total % 6000;
  const seconds = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(/0$/, '');
  let text = 'PT';
  if (hours) text += `${hours}H`;
  if (minutes) text += `${minutes}M`;
  if (cents || (!hours && !minutes)) text += `${seconds}S`;
  return text;
}

/** SCORM 1.2 CMITime (time of day) for interactions: `HH:MM:SS`. */
export function scorm12Time(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}`;
}

/**
 * SCORM 2004 time in UTC: `YYYY-MM-DDThh:mm:ss.ssZ`. The standard's grammar allows a time zone only
 * after the fraction of a second, so the fraction is always written.
 */
export function scorm2004Time(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/(\.\d{2})\d(Z)$/, '$1$2');
}
