import { describe, expect, it } from 'vitest';
import { writerOf } from './note-versions.ts';
import type { LessonEntry } from '../content/schema/manifest.ts';
import {
  addAttempt,
  addTime,
  assess,
  emptyProgress,
  rate,
  reachEnd,
  reveal,
  setDone,
  setNote,
  settleCourse,
  settleLesson,
  visit,
} from './progress.ts';
import type { CourseProgress, QuizAttempt } from './progress-types.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function attempt(id: string, finishedAt: number, passed = true): QuizAttempt {
  return {
    id,
    quizId: 'final',
    startedAt: finishedAt - 100,
    finishedAt,
    questionIds: ['q1'],
    results: [{ questionId: 'q1', answer: { type: 'single', optionId: 'a' }, score: passed ? 1 : 0, max: 1 }],
    score: passed ? 1 : 0,
    maxScore: 1,
    percent: passed ? 100 : 0,
    passMark: 80,
    passed,
  };
}

const base = (): CourseProgress => deepFreeze(emptyProgress('external-customers', 1000));

describe('emptyProgress', () => {
  it('starts with nothing done and no position', () => {
    expect(emptyProgress('c', 5)).toEqual({
      courseId: 'c',
      lessons: {},
      blocks: {},
      notes: {},
      ratings: {},
      attempts: [],
      position: null,
      updatedAt: 5,
    });
  });
});

describe('visit', () => {
  it('records the first visit and the position', () => {
    const next = visit(base(), 'intro', 2000);
    expect(next.lessons.intro).toEqual({ firstVisit: 2000, lastVisit: 2000, timeSpentMs: 0 });
    expect(next.position).toEqual({ lessonId: 'intro', at: 2000 });
    expect(next.updatedAt).toBe(2000);
  });

  it('keeps the first visit and moves the last one on a later visit', () => {
    const next = visit(deepFreeze(visit(base(), 'intro', 2000)), 'intro', 5000);
    expect(next.lessons.intro).toMatchObject({ firstVisit: 2000, lastVisit: 5000 });
  });

  it('stores an id that happens to be "__proto__" as a plain entry', () => {
    const next = visit(base(), '__proto__', 2000);
    expect(Object.hasOwn(next.lessons, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(next.lessons)).toBeNull();
  });
});

describe('reachEnd', () => {
  it('stamps the first time the end was reached and ignores later ones', () => {
    const once = reachEnd(deepFreeze(visit(base(), 'intro', 2000)), 'intro', 3000);
    expect(once.lessons.intro?.reachedEnd).toBe(3000);
    expect(reachEnd(deepFreeze(once), 'intro', 9000)).toBe(once);
  });
});

describe('reveal', () => {
  it('keeps the earliest reveal', () => {
    const first = reveal(base(), 'intro', 'q', 2000);
    expect(first.blocks['intro/q']).toEqual({ revealedAt: 2000 });
    expect(reveal(deepFreeze(first), 'intro', 'q', 3000)).toBe(first);
  });
});

describe('setDone', () => {
  it('marks, unmarks and stamps each toggle', () => {
    const done = setDone(base(), 'intro', 'challenge', true, 2000);
    expect(done.blocks['intro/challenge']).toEqual({ doneAt: 2000, changedAt: 2000 });
    const undone = setDone(deepFreeze(done), 'intro', 'challenge', false, 3000);
    expect(undone.blocks['intro/challenge']).toEqual({ doneAt: null, changedAt: 3000 });
  });

  it('changes nothing when the block is already in the asked state', () => {
    const done = deepFreeze(setDone(base(), 'intro', 'challenge', true, 2000));
    expect(setDone(done, 'intro', 'challenge', true, 3000)).toBe(done);
    const start = base();
    expect(setDone(start, 'intro', 'challenge', false, 3000)).toBe(start);
  });

  it('keeps a reveal on the same block', () => {
    const revealed = deepFreeze(reveal(base(), 'intro', 'b', 1500));
    expect(setDone(revealed, 'intro', 'b', true, 2000).blocks['intro/b']).toEqual({
      revealedAt: 1500,
      doneAt: 2000,
      changedAt: 2000,
    });
  });
});

describe('setNote and assess', () => {
  it('saves the text with its time and keeps an earlier judgement', () => {
    const judged = deepFreeze(assess(setNote(base(), 'l', 'case', 'q1', 'My answer', 2000), 'l', 'case', 'q1', 'partly', 2500));
    const edited = setNote(judged, 'l', 'case', 'q1', 'My better answer', 3000);
    expect(edited.notes['l/case/q1']).toEqual({
      text: 'My better answer',
      updatedAt: 3000,
      // Grown from the text it replaced (see note-versions.ts).
      seen: { [writerOf({ text: 'My answer', updatedAt: 2000 })]: 2000 },
      assessment: 'partly',
      assessedAt: 2500,
    });
  });

  it('ignores an unchanged text and an unchanged judgement', () => {
    const noted = deepFreeze(setNote(base(), 'l', 'r', 'p1', 'same', 2000));
    expect(setNote(noted, 'l', 'r', 'p1', 'same', 3000)).toBe(noted);
    const judged = deepFreeze(assess(noted, 'l', 'r', 'p1', 'got', 3000));
    expect(assess(judged, 'l', 'r', 'p1', 'got', 4000)).toBe(judged);
  });

  it('a judgement without an answer gets an empty text stamped at 0, so any written answer wins a merge', () => {
    expect(assess(base(), 'l', 'case', 'q2', 'missed', 2000).notes['l/case/q2']).toEqual({
      text: '',
      updatedAt: 0,
      assessment: 'missed',
      assessedAt: 2000,
    });
  });
});

describe('rate', () => {
  it('keeps the latest choice', () => {
    const rated = rate(deepFreeze(rate(base(), 'l', 'rating', 'Good', 2000)), 'l', 'rating', 'Excellent', 3000);
    expect(rated.ratings['l/rating']).toEqual({ value: 'Excellent', at: 3000 });
  });
});

describe('addAttempt', () => {
  it('keeps every attempt, in finishing order, and each only once', () => {
    let progress = base();
    progress = addAttempt(deepFreeze(progress), attempt('b', 3000), 3000);
    progress = addAttempt(deepFreeze(progress), attempt('a', 2000, false), 3100);
    progress = addAttempt(deepFreeze(progress), attempt('c', 4000), 4000);
    expect(progress.attempts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    const frozen = deepFreeze(progress);
    expect(addAttempt(frozen, attempt('b', 3000), 5000)).toBe(frozen);
  });
});

describe('addTime', () => {
  it('adds whole milliseconds and ignores nonsense', () => {
    const spent = addTime(deepFreeze(visit(base(), 'l', 1000)), 'l', 1500.4, 2500);
    expect(spent.lessons.l?.timeSpentMs).toBe(1500);
    const frozen = deepFreeze(spent);
    expect(addTime(frozen, 'l', -5, 3000)).toBe(frozen);
    expect(addTime(frozen, 'l', Number.NaN, 3000)).toBe(frozen);
  });
});

describe('unknown keys', () => {
  it('survive every reducer', () => {
    const withExtras = deepFreeze({
      ...visit(base(), 'l', 1000),
      fromNewerBuild: { keep: true },
    } as CourseProgress);
    const lessonExtras = deepFreeze({
      ...withExtras,
      lessons: { l: { ...withExtras.lessons.l!, bookmark: 'p3' } },
    } as CourseProgress);
    let next = reachEnd(lessonExtras, 'l', 2000);
    next = reveal(next, 'l', 'q', 2100);
    next = setNote(next, 'l', 'r', 'p', 'text', 2200);
    next = addAttempt(next, attempt('x', 2300), 2300);
    expect((next as unknown as Record<string, unknown>).fromNewerBuild).toEqual({ keep: true });
    expect(next.lessons.l).toMatchObject({ bookmark: 'p3', reachedEnd: 2000 });
  });
});

describe('settleLesson', () => {
  const lesson: LessonEntry = {
    id: 'map',
    title: 'Map a journey',
    minutes: 10,
    blocks: [
      { id: 'theory', kind: 'theory', required: false },
      { id: 'challenge', kind: 'challenge', required: true },
    ],
  };

  it('stamps completion once the end is reached and the required challenge is done, and never removes it', () => {
    let progress = reachEnd(visit(base(), 'map', 1000), 'map', 2000);
    progress = settleLesson(progress, lesson, 2000);
    expect(progress.lessons.map?.completedAt).toBeUndefined();
    progress = settleLesson(setDone(progress, 'map', 'challenge', true, 3000), lesson, 3000);
    expect(progress.lessons.map?.completedAt).toBe(3000);
    progress = settleLesson(setDone(progress, 'map', 'challenge', false, 4000), lesson, 4000);
    expect(progress.lessons.map?.completedAt).toBe(3000);
  });

  it('settleCourse settles every lesson and leaves unvisited ones alone', () => {
    const progress = reachEnd(visit(base(), 'read', 1000), 'read', 1500);
    const course = {
      id: 'c',
      title: 'C',
      description: '',
      language: 'en',
      estimatedMinutes: 10,
      outcomes: [],
      passMark: 80,
      version: '1',
      lessons: [lesson, { id: 'read', title: 'Read', minutes: 3, blocks: [] }],
      quizzes: [],
    };
    const settled = settleCourse(progress, course, 5000);
    expect(settled.lessons.read?.completedAt).toBe(5000);
    expect(settled.lessons.map).toBeUndefined();
  });
});
