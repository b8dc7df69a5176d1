import { describe, expect, it } from 'vitest';
import type { CourseManifest } from '../content/schema/manifest.ts';
import { completionOverTime, studyStreak, studyTime } from './dashboard.ts';
import { emptyProgress } from './progress.ts';
import type { CourseProgress } from './progress-types.ts';

const at = (day: number, hour = 12) => new Date(2026, 10, day, hour).getTime();
const course = { lessons: ['a', 'b', 'c', 'd'].map((id) => ({ id })) } as unknown as CourseManifest;

function withLessons(completed: Record<string, number | undefined>): CourseProgress {
  const progress = emptyProgress('c', 0);
  for (const [id, completedAt] of Object.entries(completed)) {
    progress.lessons[id] = { firstVisit: 0, lastVisit: 0, timeSpentMs: 0, ...(completedAt !== undefined && { completedAt }) };
  }
  return progress;
}

describe('completion over time', () => {
  it('steps up on each day lessons were completed, one point a day', () => {
    const progress = withLessons({ a: at(3, 9), b: at(1), c: at(3, 18), d: undefined });
    expect(completionOverTime(course, progress)).toEqual([
      { day: '2026-11-01', done: 1, percent: 25 },
      { day: '2026-11-03', done: 3, percent: 75 },
    ]);
  });

  it('ignores lessons the course no longer has, and is empty before any completion', () => {
    expect(completionOverTime(course, withLessons({ gone: at(1) }))).toEqual([]);
  });
});

describe('the study streak', () => {
  const days = { '2026-10-30': [1, 60], '2026-10-31': [0, 120], '2026-11-01': [2, 0], '2026-11-02': [1, 600] } as Record<string, [number, number]>;

  it('counts consecutive days up to today', () => {
    expect(studyStreak(days, at(2))).toEqual({ days: 4, today: true });
  });

  it('still counts a streak that reached yesterday, until today ends', () => {
    expect(studyStreak(days, at(3, 8))).toEqual({ days: 4, today: false });
  });

  it('is broken by a day without study', () => {
    expect(studyStreak(days, at(4))).toEqual({ days: 0, today: false });
    expect(studyStreak({ ...days, '2026-10-31': [0, 0] }, at(2))).toEqual({ days: 2, today: true });
    expect(studyStreak(undefined, at(2))).toEqual({ days: 0, today: false });
  });

  it('crosses a change of month and of daylight-saving time', () => {
    const autumn = { '2026-10-24': [1, 0], '2026-10-25': [1, 0], '2026-10-26': [1, 0] } as Record<string, [number, number]>;
    expect(studyStreak(autumn, new Date(2026, 9, 26, 20).getTime()).days).toBe(3);
  });
});

describe('study time', () => {
  it('adds every day and lists the last days, oldest first, with gaps as zero', () => {
    const days = { '2026-10-01': [1, 3600], '2026-11-01': [2, 90], '2026-11-03': [1, 1500] } as Record<string, [number, number]>;
    const time = studyTime(days, at(3), 3);
    expect(time.totalSeconds).toBe(5190);
    expect(time.daysStudied).toBe(3);
    expect(time.recent).toEqual([
      { day: '2026-11-01', minutes: 2, visits: 2 },
      { day: '2026-11-02', minutes: 0, visits: 0 },
      { day: '2026-11-03', minutes: 25, visits: 1 },
    ]);
  });
});
