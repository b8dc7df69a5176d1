import { describe, expect, it } from 'vitest';
import { spreadStudyTime } from './study-plan.ts';

// Tuesday 1 December 2026, mid-morning.
const START = new Date(2026, 11, 1, 10, 30).getTime();
const day = (d: number, m = 11) => new Date(2026, m, d).getTime();

describe('spreadStudyTime', () => {
  it('spreads the course time over the chosen weekdays from the start day, the last session holding the rest', () => {
    // Mondays, Wednesdays and Fridays, 45 minutes each, for 200 minutes.
    expect(spreadStudyTime(200, [1, 3, 5], 45, START)).toEqual([
      { day: day(2), minutes: 45 },
      { day: day(4), minutes: 45 },
      { day: day(7), minutes: 45 },
      { day: day(9), minutes: 45 },
      { day: day(11), minutes: 20 },
    ]);
  });

  it('counts the start day when it is a chosen day, and crosses into the next year', () => {
    const plan = spreadStudyTime(360, [2], 60, START);
    expect(plan).toHaveLength(6);
    expect(plan[0]).toEqual({ day: day(1), minutes: 60 });
    expect(plan.at(-1)).toEqual({ day: new Date(2027, 0, 5).getTime(), minutes: 60 });
    expect(plan.reduce((sum, s) => sum + s.minutes, 0)).toBe(360);
  });

  it('keeps local midnights across a daylight-saving change', () => {
    const plan = spreadStudyTime(600, [0, 1, 2, 3, 4, 5, 6], 10, new Date(2026, 2, 20).getTime());
    for (const session of plan) expect(new Date(session.day).getHours()).toBe(0);
    expect(plan).toHaveLength(60);
  });

  it('plans nothing with no days, no time or no session length', () => {
    expect(spreadStudyTime(100, [], 30, START)).toEqual([]);
    expect(spreadStudyTime(0, [1], 30, START)).toEqual([]);
    expect(spreadStudyTime(100, [1], 0, START)).toEqual([]);
  });
});
