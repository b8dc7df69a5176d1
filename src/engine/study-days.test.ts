import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addStudy, addTime, emptyProgress, visit } from './progress.ts';
import { mergeProgress, mergeStudyDays } from './progress-merge.ts';
import { dayOf, MAX_STUDY_DAYS, type StudyDays } from './study-days.ts';

const at = (day: number, hour = 12) => new Date(2026, 10, day, hour).getTime();
const plain = (days: StudyDays | undefined) => (days ? { ...days } : days);

describe('study days', () => {
  it('names the learner’s local day', () => {
    expect(dayOf(new Date(2026, 0, 5, 0, 0).getTime())).toBe('2026-01-05');
    expect(dayOf(new Date(2026, 11, 31, 23, 59).getTime())).toBe('2026-12-31');
  });

  it('counts visits and active seconds per day, one entry a day', () => {
    let days = addStudy(undefined, at(1, 9), 1, 0);
    days = addStudy(days, at(1, 10), 0, 90_400);
    days = addStudy(days, at(1, 18), 1, 30_000);
    days = addStudy(days, at(3), 1, 0);
    expect(plain(days)).toEqual({ '2026-11-01': [2, 120], '2026-11-03': [1, 0] });
  });

  it('records a lesson visit and study time on the progress', () => {
    let progress = visit(emptyProgress('c', 0), 'intro', at(2, 8));
    progress = addTime(progress, 'intro', 10 * 60_000, at(2, 9));
    expect(plain(progress.days)).toEqual({ '2026-11-02': [1, 600] });
  });

  it(`keeps the newest ${MAX_STUDY_DAYS} days`, () => {
    let days: StudyDays | undefined;
    const first = new Date(2025, 0, 1).getTime();
    for (let d = 0; d < MAX_STUDY_DAYS + 10; d++) days = addStudy(days, first + d * 86_400_000 + 3_600_000 * 12, 1, 0);
    const keys = Object.keys(days!).sort();
    expect(keys).toHaveLength(MAX_STUDY_DAYS);
    expect(keys[0]).toBe(dayOf(first + 10 * 86_400_000 + 3_600_000 * 12));
  });

  it('merges two tabs: every day of either, the larger figure on a day both know', () => {
    const a: StudyDays = { '2026-11-01': [3, 600], '2026-11-02': [1, 60] };
    const b: StudyDays = { '2026-11-02': [2, 30], '2026-11-04': [1, 10] };
    expect(plain(mergeStudyDays(a, b))).toEqual({ '2026-11-01': [3, 600], '2026-11-02': [2, 60], '2026-11-04': [1, 10] });
    expect(mergeStudyDays(undefined, b)).toBe(b);
    expect(mergeStudyDays(undefined, undefined)).toBeUndefined();
  });

  it('merges as a join: in any order, and merging again changes nothing', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
    const days = fc.dictionary(day, fc.tuple(fc.nat(50), fc.nat(10_000)));
    fc.assert(
      fc.property(days, days, days, (a, b, c) => {
        expect(plain(mergeStudyDays(a, b))).toEqual(plain(mergeStudyDays(b, a)));
        expect(plain(mergeStudyDays(mergeStudyDays(a, b), c))).toEqual(plain(mergeStudyDays(a, mergeStudyDays(b, c))));
        expect(plain(mergeStudyDays(a, mergeStudyDays(a, b)))).toEqual(plain(mergeStudyDays(a, b)));
      }),
    );
  });

  it('trims a merged union back to the newest days at the next recording', () => {
    const from = (start: number): StudyDays => {
      let days: StudyDays | undefined;
      for (let d = 0; d < MAX_STUDY_DAYS; d++) days = addStudy(days, new Date(2024, 0, start + d, 12).getTime(), 1, 0);
      return days!;
    };
    const merged = mergeStudyDays(from(1), from(30))!;
    expect(Object.keys(merged)).toHaveLength(MAX_STUDY_DAYS + 29);
    const recorded = addStudy(merged, new Date(2024, 0, 30 + MAX_STUDY_DAYS - 1, 18).getTime(), 1, 0);
    expect(Object.keys(recorded)).toHaveLength(MAX_STUDY_DAYS);
    expect(Object.keys(recorded).sort()[0]).toBe(dayOf(new Date(2024, 0, 30, 12).getTime()));
  });

  it('two tabs’ progress keep each other’s days through mergeProgress', () => {
    const base = visit(emptyProgress('c', 0), 'intro', at(1));
    const tabA = addTime(base, 'intro', 300_000, at(1, 13));
    const tabB = visit(base, 'two', at(2));
    const merged = mergeProgress(tabA, tabB);
    expect(plain(merged.days)).toEqual({ '2026-11-01': [1, 300], '2026-11-02': [1, 0] });
    expect(mergeProgress(merged, tabA)).toEqual(merged);
  });
});
