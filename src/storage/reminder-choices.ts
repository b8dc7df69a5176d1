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

/** Every course's choice as stored (export reads them all). */
export function readAll(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Stored {
  try {
    const value = JSON.parse(storage?.getItem(STUDY_REMINDERS_KEY) ?? 'null') as Stored | null;
    if (value && value.version === 1 && value.courses && typeof value.courses === 'object') return value;
  } catch {
    // Unreadable: no reminders set.
  }
  return { version: 1, courses: {} };
}

export function isChoice(value: unknown): value is ReminderChoice {
  const choice = value as ReminderChoice;
  return (
    !!choice &&
    Array.isArray(choice.days) &&
    choice.days.every((d) => Number.isInteger(d) && d >= 0 && d <= 6) &&
    typeof choice.time === 'string' &&
    typeof choice.sessionMinutes === 'number'
  );
}

/** A choice from outside (an import file): a real time of day and a session of a sane length too. */
export function isSoundChoice(value: unknown): value is ReminderChoice {
  if (!isChoice(value) || value.days.length > 7) return false;
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value.time) && Number.isFinite(value.sessionMinutes) && value.sessionMinutes >= 1 && value.sessionMinutes <= 1440;
}

export function readReminder(courseId: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ReminderChoice | null {
  const { courses } = readAll(storage);
  const choice = Object.hasOwn(courses, courseId) ? courses[courseId] : undefined;
  return isChoice(choice) ? choice : null;
}

export function writeReminder(
  courseId: string,
  choice: ReminderChoice,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): boolean {
  try {
    const all = readAll(storage);
    Object.defineProperty(all.courses, courseId, { value: choice, enumerable: true, writable: true, configurable: true });
    storage?.setItem(STUDY_REMINDERS_KEY, JSON.stringify(all));
    return storage !== undefined;
  } catch {
    return false;
  }
}
