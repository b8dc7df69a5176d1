// When the learner studied a course: one small entry per local day, [lesson visits, active seconds],
// kept in the course's stored summary so the dashboard can draw time over days and count a streak.
// Bounded: one entry a day, the newest MAX_STUDY_DAYS days. This part runs with every save (it is in
// the first load), so it is only recording and merging; reading it is dashboard.ts, loaded with the page.
import { emptyIdMap, getOwn, setOwn } from './id-map.ts';

/** [lesson visits, active seconds] on one day. */
export type StudyDay = [visits: number, seconds: number];
/** Days keyed by the learner's local date, "YYYY-MM-DD" (keys sort in time order). */
export type StudyDays = Record<string, StudyDay>;

/** A year and a day: enough for a year's streak; about 7 KB if the learner studied every day. */
export const MAX_STUDY_DAYS = 366;

/** The learner's local date of an instant, "2026-12-01". */
export function dayOf(ms: number): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

/** The newest MAX_STUDY_DAYS days of a map (a copy only when some must go). */
function newest(days: StudyDays): StudyDays {
  const keys = Object.keys(days);
  if (keys.length <= MAX_STUDY_DAYS) return days;
  const kept = emptyIdMap<StudyDay>();
  for (const key of keys.sort().slice(-MAX_STUDY_DAYS)) setOwn(kept, key, days[key]!);
  return kept;
}

/** `days` with `visits` lesson visits and `ms` of study added on the day of `now`. */
export function addStudy(days: StudyDays | undefined, now: number, visits: number, ms: number): StudyDays {
  const key = dayOf(now);
  const [v, s] = (days && getOwn(days, key)) ?? [0, 0];
  const next = emptyIdMap<StudyDay>();
  for (const day of Object.keys(days ?? {})) setOwn(next, day, days![day]!);
  setOwn(next, key, [v + visits, s + Math.round(ms / 1000)]);
  return newest(next);
}

/**
 * Two copies' days (two tabs, an import): every day of either, and on a day both know, the larger of
 * each figure. Max, not sum: both copies grew from the last copy they shared (tabs merge before every
 * save), so a sum would count that shared part twice, and max keeps the merge a join (merging a copy
 * again changes nothing). Undefined when neither has days.
 */
export function mergeStudyDays(a: StudyDays | undefined, b: StudyDays | undefined): StudyDays | undefined {
  if (!a || !b) return a ?? b;
  const out = emptyIdMap<StudyDay>();
  for (const key of Object.keys(a)) setOwn(out, key, a[key]!);
  for (const key of Object.keys(b)) {
    const mine = getOwn(out, key);
    const theirs = b[key]!;
    setOwn(out, key, mine ? [Math.max(mine[0], theirs[0]), Math.max(mine[1], theirs[1])] : theirs);
  }
  return newest(out);
}
