// Session times in each version's own format: what an LMS rejects, it drops (and the learner's time
// with it).
import { describe, expect, it } from 'vitest';
import { isoDuration, scorm12Duration, scorm2004Time } from './time-format.ts';

describe('SCORM 1.2 CMITimespan', () => {
  it.each([
    [0, '0000:00:00.00'],
    [10, '0000:00:00.01'],
    [1234, '0000:00:01.23'],
    [61_005, '0000:01:01.01'],
    [3_600_000 * 27 + 59_990, '0027:00:59.99'],
    [3_600_000 * 27 + 59_999, '0027:01:00.00'],
    [3_600_000 * 12345, '9999:59:59.99'],
    [-5, '0000:00:00.00'],
    [Number.NaN, '0000:00:00.00'],
  ])('%d ms is %s', (ms, text) => {
    expect(scorm12Duration(ms)).toBe(text);
    expect(scorm12Duration(ms)).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  });
});

describe('ISO 8601 durations (SCORM 2004, xAPI)', () => {
  it.each([
    [0, 'PT0S'],
    [1234, 'PT1.23S'],
    [1500, 'PT1.5S'],
    [1999.6, 'PT2S'],
    [60_000, 'PT1M'],
    [3_723_450, 'PT1H2M3.45S'],
    [3_600_000 * 30, 'PT30H'],
  ])('%d ms is %s', (ms, text) => {
    expect(isoDuration(ms)).toBe(text);
    // At most two decimals: the SCORM 2004 timeinterval allows no more.
    expect(isoDuration(ms)).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
  });
});

it('2004 timestamps are UTC with hundredths (the grammar puts the zone after the fraction)', () => {
  expect(scorm2004Time(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05.67Z');
});
