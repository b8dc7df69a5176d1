// A study plan: the course's estimated time spread over the weekdays the learner chose, in sessions
// of a chosen length, from a start day on. Pure (dates in, dates out); the reminders page shows it.

/** 0 Sunday … 6 Saturday, as Date#getDay counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface StudySession {
  /** Local midnight of the session's day, epoch ms. */
  day: number;
  minutes: number;
}

/**
 * Sessions of at most `sessionMinutes` on each chosen weekday from `start` (its day included) until
 * `totalMinutes` are covered; the last session holds what is left. No days or no time: no sessions.
 */
export function spreadStudyTime(totalMinutes: number, days: readonly Weekday[], sessionMinutes: number, start: number): StudySession[] {
  const chosen = new Set(days);
  const total = Math.max(0, Math.ceil(totalMinutes));
  if (chosen.size === 0 || total === 0 || !(sessionMinutes > 0)) return [];
  const sessions: StudySession[] = [];
  const day = new Date(start);
  day.setHours(0, 0, 0, 0);
  let left = total;
  while (left > 0) {
    if (chosen.has(day.getDay() as Weekday)) {
      const minutes = Math.min(left, Math.ceil(sessionMinutes));
      sessions.push({ day: day.getTime(), minutes });
      left -= minutes;
    }
    // setDate keeps local midnight across daylight-saving changes, where adding 24 h would not.
    day.setDate(day.getDate() + 1);
  }
  return sessions;
}
