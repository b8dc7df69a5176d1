// The learner's study reminder choices per course (days, time, session length), in localStorage as
// `{ version: 1, courses: { <course-id>: choice } }`. Never throws; unreadable means "not set".
import type { Weekday } from '../engine/study-plan.ts';

export const STUDY_REMINDERS_KEY = 'coursemark:v1:study-reminders';

export interface ReminderChoice {
  days: Weekday[];
  time: string;
  sessionMinutes: number;
  /** The last day (YYYY-MM-DD) a notification was shown, so it shows once a day. */
  notifiedOn?: string;
}

type Stored = { version: 1; courses: Record<string, ReminderChoice> };

function readAll(): Stored {
  try {
    const value = JSON.parse(globalThis.localStorage?.getItem(STUDY_REMINDERS_KEY) ?? 'null') as Stored | null;
    if (value && value.version === 1 && value.courses && typeof value.courses === 'object') return value;
  } catch {
    // Unreadable: no reminders set.
  }
  return { version: 1, courses: {} };
}

function isChoice(value: unknown): value is ReminderChoice {
  const choice = value as ReminderChoice;
  return (
    !!choice &&
    Array.isArray(choice.days) &&
    choice.days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) &&
    typeof choice.time === 'string' &&
    typeof choice.sessionMinutes === 'number'
  );
}

export function readReminder(courseId: string): ReminderChoice | null {
  const choice = readAll().courses[courseId];
  return isChoice(choice) ? choice : null;
}

export function writeReminder(courseId: string, choice: ReminderChoice): boolean {
  try {
    const all = readAll();
    all.courses[courseId] = choice;
    globalThis.localStorage?.setItem(STUDY_REMINDERS_KEY, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}
