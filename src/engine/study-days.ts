// When the learner studied a course: one small entry per local day, [lesson visits, active seconds],
// kept in the course's stored summary so the dashboard can draw time over days and count a streak.
// Bounded: one entry a day, the newest MAX_STUDY_DAYS days. Recording (addStudy in progress.ts) and
// merging (mergeStudyDays in progress-merge.ts) run with every visit and save, so they sit in the
// first load beside the code that calls them; reading the days is dashboard.ts, loaded with its page.
// Keys are only ever read by the dates this code makes ("2026-12-01"), never a name Object.prototype
// has, and spreads copy a stored "__proto__" key as data, so plain objects serve.

/** [lesson visits, active seconds] on one day. */
export type StudyDay = [visits: number, seconds: number];
/** Days keyed by the learner's local date, "YYYY-MM-DD" (keys sort in time order). */
export type StudyDays = Record<string, StudyDay>;

/** A year and a day: enough for a year's streak; about 7 KB if the learner studied every day. */
export const MAX_STUDY_DAYS = 366;

/** The learner's local date of an instant, "2026-12-01". */
export const dayOf = (ms: number): string => new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
