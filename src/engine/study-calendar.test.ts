import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { foldLine, studyRemindersIcs } from './study-calendar.ts';

const START = new Date(2026, 11, 1, 10, 30).getTime(); // a Tuesday
const options = {
  courseTitle: 'External customers; a module, with "quotes" and a long title that needs folding: café ☕ included',
  days: [1, 3] as const,
  time: '18:30',
  durationMinutes: 45,
  url: 'https://example.org/courses/#/external-customers',
  uid: 'study-external-customers@coursemark',
  start: START,
  now: Date.UTC(2026, 11, 1, 9, 0, 0),
};

describe('the study reminders calendar file', () => {
  it('is valid iCalendar read back by ical.js: a weekly event on the chosen days at the chosen local time', () => {
    const ics = studyRemindersIcs(options)!;
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('study-external-customers@coursemark');
    expect(event.summary).toBe(`Study: ${options.courseTitle}`);
    expect(event.startDate.toString()).toBe('2026-12-02T18:30:00');
    expect(event.startDate.zone?.tzid).toBe('floating');
    expect(ics).toContain('DTSTART:20261202T183000\r\n');
    expect(event.endDate.toString()).toBe('2026-12-02T19:15:00');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-12-01T09:00:00Z');
    const rule = event.component.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('WEEKLY');
    expect(rule.parts.BYDAY).toEqual(['MO', 'WE']);
    const iterator = event.iterator();
    const next = [1, 2, 3, 4].map(() => iterator.next()!.toString());
    expect(next).toEqual(['2026-12-02T18:30:00', '2026-12-07T18:30:00', '2026-12-09T18:30:00', '2026-12-14T18:30:00']);
  });

  it('ends every line with CRLF and folds none longer than 75 octets', () => {
    const ics = studyRemindersIcs(options)!;
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n /); // the long summary was folded
  });

  it('folds without splitting a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
  });

  it('makes no file without a day or with a time that is not HH:MM', () => {
    expect(studyRemindersIcs({ ...options, days: [] })).toBeNull();
    expect(studyRemindersIcs({ ...options, time: '25:00' })).toBeNull();
  });
});
