// What the progress page's dashboard shows beyond the lesson table: the course's completion over
// time (from each lesson's completion time), study time by day and the streak of consecutive study
// days (from the study days, study-days.ts). Pure, and loaded only with the progress page.
import type { CourseManifest } from '../content/schema/manifest.ts';
import type { CourseProgress } from './progress-types.ts';
import { dayOf, type StudyDays } from './study-days.ts';

/** One step of the completion line: on `day`, `done` of the course's lessons were complete. */
export interface CompletionPoint {
  day: string;
  done: number;
  /** 0..100, whole. */
  percent: number;
}

/** The course's lessons done by the end of each day one was completed, oldest first. */
export function completionOverTime(course: CourseManifest, progress: CourseProgress): CompletionPoint[] {
  const total = course.lessons.length;
  const times = course.lessons
    .map((lesson) => (Object.hasOwn(progress.lessons, lesson.id) ? progress.lessons[lesson.id]?.completedAt : undefined))
    .filter((at): at is number => typeof at === 'number')
    .sort((a, b) => a - b);
  const points: CompletionPoint[] = [];
  times.forEach((at, index) => {
    const point = { day: dayOf(at), done: index + 1, percent: total ? Math.round(((index + 1) / total) * 100) : 0 };
    if (points.at(-1)?.day === point.day) points[points.length - 1] = point;
    else points.push(point);
  });
  return points;
}

/** The day before a "YYYY-MM-DD" day (calendar arithmetic at noon, clear of daylight-saving edges). */
function dayBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return dayOf(new Date(y, m - 1, d - 1, 12).getTime());
}

const studied = (days: StudyDays, day: string): boolean => {
  const entry = Object.hasOwn(days, day) ? days[day] : undefined;
  return !!entry && (entry[0] > 0 || entry[1] > 0);
};

/**
 * Consecutive study days up to today. A streak that reached yesterday still counts until today
 * ends (the learner has not missed today yet); `today` says whether today is already in it.
 */
export function studyStreak(days: StudyDays | undefined, now: number): { days: number; today: boolean } {
  if (!days) return { days: 0, today: false };
  const today = dayOf(now);
  let day = studied(days, today) ? today : dayBefore(today);
  let count = 0;
  while (studied(days, day)) {
    count++;
    day = dayBefore(day);
  }
  return { days: count, today: studied(days, today) };
}

export interface StudyTime {
  /** Every recorded day's seconds. */
  totalSeconds: number;
  /** The last `span` days up to today, oldest first, with the minutes of each (0 when not studied). */
  recent: { day: string; minutes: number; visits: number }[];
  /** Days with any study. */
  daysStudied: number;
}

/** Study time from the recorded days: in all, and day by day over the last `span` days. */
export function studyTime(days: StudyDays | undefined, now: number, span = 7): StudyTime {
  const all = days ?? {};
  let totalSeconds = 0;
  let daysStudied = 0;
  for (const day of Object.keys(all)) {
    const [visits, seconds] = all[day]!;
    totalSeconds += seconds;
    if (visits > 0 || seconds > 0) daysStudied++;
  }
  const recent: StudyTime['recent'] = [];
  let day = dayOf(now);
  for (let i = 0; i < span; i++) {
    const [visits, seconds] = Object.hasOwn(all, day) ? all[day]! : [0, 0];
    recent.unshift({ day, minutes: Math.round(seconds / 60), visits });
    day = dayBefore(day);
  }
  return { totalSeconds, recent, daysStudied };
}
