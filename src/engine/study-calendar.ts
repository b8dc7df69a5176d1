// The study reminders as an iCalendar file (RFC 5545) the learner adds to their own calendar: one
// weekly recurring event on the chosen days at the chosen time, in floating local time (the time the
// learner picked, wherever they are). Pure; lines end in CRLF and are folded at 75 octets.
import type { Weekday } from './study-plan.ts';

export interface ReminderOptions {
  courseTitle: string;
  days: readonly Weekday[];
  /** "HH:MM", 24-hour. */
  time: string;
  durationMinutes: number;
  /** Where the course is, shown in the event. */
  url?: string;
  /** Stable per course, so re-importing replaces the event instead of adding another. */
  uid: string;
  /** First day considered (the event starts on the first chosen day from here), epoch ms. */
  start: number;
  /** DTSTAMP, epoch ms. */
  now: number;
}

const BYDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** TEXT values escape backslash, semicolon, comma and newline (iCalendar has no entities, so not escapeMarkup). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function localStamp(date: Date, hours: number, minutes: number): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}T${pad(hours)}${pad(minutes)}00`;
}

function utcStamp(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The .ics text, or null when no day is chosen or the time is not HH:MM. */
export function studyRemindersIcs(options: ReminderOptions): string | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(options.time);
  const days = [...new Set(options.days)].sort();
  if (!match || days.length === 0) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  const first = new Date(options.start);
  while (!days.includes(first.getDay() as Weekday)) first.setDate(first.getDate() + 1);
  const end = new Date(first);
  end.setHours(hours, minutes + options.durationMinutes, 0, 0);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Coursemark//Study reminders//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${options.uid}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `DTSTART:${localStamp(first, hours, minutes)}`,
    `DTEND:${localStamp(end, end.getHours(), end.getMinutes())}`,
    `RRULE:FREQ=WEEKLY;BYDAY=${days.map((d) => BYDAY[d]).join(',')}`,
    `SUMMARY:${escapeText(`Study: ${options.courseTitle}`)}`,
    `DESCRIPTION:${escapeText(`Time for your course "${options.courseTitle}".${options.url ? ` ${options.url}` : ''}`)}`,
    ...(options.url ? [`URL:${options.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
