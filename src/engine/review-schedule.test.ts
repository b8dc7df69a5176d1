import { describe, expect, it } from 'vitest';
import { emptyProgress } from './progress.ts';
import type { CourseProgress, QuizAttempt } from './progress-types.ts';
import { cardKey, dueCards, endOfDay, mergeQueues, missesOf, nextDue, takeInMisses, type ReviewCard, type ReviewQueue } from './review-queue.ts';
import { ratingOfAssessment, ratingOfVerdict, reviewCard } from './review-schedule.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date(2026, 11, 1, 10, 0).getTime();

function attempt(finishedAt: number, results: [string, number, number][]): QuizAttempt {
  return {
    id: `a${finishedAt}`,
    quizId: 'final',
    startedAt: finishedAt - 1000,
    finishedAt,
    questionIds: results.map(([id]) => id),
    results: results.map(([questionId, score, max]) => ({ questionId, answer: { type: 'short', text: '' }, score, max })),
    score: 0,
    maxScore: 0,
    percent: 0,
    passMark: 80,
    passed: false,
  };
}

function record(attempts: QuizAttempt[], notes: CourseProgress['notes'] = {}): CourseProgress {
  return { ...emptyProgress('course', T0), attempts, notes };
}

const card = (due: number, extra: Partial<ReviewCard> = {}): ReviewCard => ({
  source: { kind: 'quiz', courseId: 'course', quizId: 'final', questionId: 'q1' },
  due,
  missedAt: due,
  updatedAt: due,
  ...extra,
});

describe('what enters the review queue', () => {
  it('takes quiz questions scored below full marks (missed or partly right) and skips full marks and ungraded ones', () => {
    const misses = missesOf(record([attempt(T0, [['right', 1, 1], ['wrong', 0, 1], ['partial', 0.5, 1], ['about', 0, 0]])]));
    expect(misses.map((m) => (m.source.kind === 'quiz' ? m.source.questionId : ''))).toEqual(['wrong', 'partial']);
  });

  it('takes case-study questions rated "partly" or "missed", not "got" or unrated notes', () => {
    const misses = missesOf(
      record([], {
        'l1/case/q1': { text: 'a', updatedAt: T0, assessment: 'partly', assessedAt: T0 + 5 },
        'l1/case/q2': { text: 'b', updatedAt: T0, assessment: 'missed', assessedAt: T0 + 6 },
        'l1/case/q3': { text: 'c', updatedAt: T0, assessment: 'got', assessedAt: T0 },
        'l1/reflect/p1': { text: 'd', updatedAt: T0 },
      }),
    );
    expect(misses).toEqual([
      { source: { kind: 'case', courseId: 'course', lessonId: 'l1', blockId: 'case', promptId: 'q1' }, at: T0 + 5 },
      { source: { kind: 'case', courseId: 'course', lessonId: 'l1', blockId: 'case', promptId: 'q2' }, at: T0 + 6 },
    ]);
  });

  it('adds a missed question once, due at once, and returns the same queue when nothing is new', () => {
    const progress = record([attempt(T0, [['q1', 0, 1]])]);
    const once = takeInMisses({ cards: {} }, progress, T0 + 10);
    expect(Object.keys(once.cards)).toEqual(['course/quiz/final/q1']);
    expect(dueCards(once, T0 + 10)).toHaveLength(1);
    expect(takeInMisses(once, progress, T0 + 20)).toBe(once);
  });

  it('makes a reviewed card due again when a later quiz attempt misses it again', () => {
    const later = card(T0 + 10 * DAY, { missedAt: T0 });
    const queue: ReviewQueue = { cards: { [cardKey(later.source)]: later } };
    const again = takeInMisses(queue, record([attempt(T0, [['q1', 0, 1]]), attempt(T0 + 2 * DAY, [['q1', 0, 1]])]), T0 + 2 * DAY);
    expect(again.cards['course/quiz/final/q1']?.due).toBe(T0 + 2 * DAY);
  });
});

describe('what is due', () => {
  it('counts cards due by the end of the local day, per course, soonest first', () => {
    const later = { ...card(endOfDay(T0) - 1), source: { kind: 'quiz', courseId: 'course', quizId: 'final', questionId: 'q2' } } as ReviewCard;
    const other = { ...card(T0 - DAY), source: { kind: 'quiz', courseId: 'other', quizId: 'x', questionId: 'q' } } as ReviewCard;
    const tomorrow = { ...card(endOfDay(T0) + 1), source: { kind: 'quiz', courseId: 'course', quizId: 'final', questionId: 'q3' } } as ReviewCard;
    const queue: ReviewQueue = { cards: { a: later, b: other, c: tomorrow } };
    expect(dueCards(queue, T0).map(([key]) => key)).toEqual(['b', 'a']);
    expect(dueCards(queue, T0, 'course').map(([key]) => key)).toEqual(['a']);
    expect(nextDue(queue, T0)).toBe(endOfDay(T0) + 1);
  });

  it('merges two copies card by card, the more recently changed winning', () => {
    const old = card(T0, { updatedAt: T0 });
    const newer = card(T0 + 5 * DAY, { updatedAt: T0 + DAY });
    expect(mergeQueues({ cards: { k: old } }, { cards: { k: newer, j: old } }).cards).toEqual({ k: newer, j: old });
    expect(mergeQueues({ cards: { k: newer } }, { cards: { k: old } }).cards).toEqual({ k: newer });
    // Changed in the same millisecond: the copy being saved wins.
    const reviewed = card(T0 + 3 * DAY, { updatedAt: T0 });
    expect(mergeQueues({ cards: { k: old } }, { cards: { k: reviewed } }).cards).toEqual({ k: reviewed });
  });
});

describe('FSRS rescheduling', () => {
  it('maps answers to ratings: wrong is Again, partly right Hard, right Good; self-ratings likewise', () => {
    expect([ratingOfVerdict('incorrect'), ratingOfVerdict('unanswered'), ratingOfVerdict('partial'), ratingOfVerdict('correct')]).toEqual(['again', 'again', 'hard', 'good']);
    expect([ratingOfAssessment('missed'), ratingOfAssessment('partly'), ratingOfAssessment('got')]).toEqual(['again', 'hard', 'good']);
  });

  it('schedules a new card by the day: Again tomorrow, then Hard, Good, Easy further out', () => {
    const fresh = card(T0);
    const due = (['again', 'hard', 'good', 'easy'] as const).map((rating) => reviewCard(fresh, rating, T0).due);
    for (const d of due) expect(d).toBeGreaterThan(T0);
    expect(due[0]!).toBeLessThan(due[1]!);
    expect(due[1]!).toBeLessThan(due[2]!);
    expect(due[2]!).toBeLessThan(due[3]!);
    // The queue is reviewed by the day: no interval is shorter than one, and Easy is days away.
    expect(due[0]! - T0).toBe(DAY);
    expect(due[3]! - T0).toBeGreaterThan(3 * DAY);
  });

  it('spaces reviews further apart after each success, and a lapse brings the card back soon', () => {
    let current = card(T0);
    let now = T0;
    const gaps: number[] = [];
    for (let i = 0; i < 4; i++) {
      current = reviewCard(current, 'good', now);
      gaps.push(current.due - now);
      now = current.due;
    }
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(gaps.at(-1)!).toBeGreaterThan(2 * DAY);
    expect(current.memory?.reps).toBe(4);
    const lapsed = reviewCard(current, 'again', now);
    expect(lapsed.memory?.lapses).toBe(1);
    expect(lapsed.due - now).toBeLessThan(gaps.at(-1)! / 10);
    expect(lapsed.updatedAt).toBe(now);
  });

  it('is deterministic and survives a JSON round trip of the stored card', () => {
    const once = reviewCard(card(T0), 'good', T0);
    const stored = JSON.parse(JSON.stringify(once)) as ReviewCard;
    expect(reviewCard(stored, 'good', once.due)).toEqual(reviewCard(once, 'good', once.due));
    expect(reviewCard(card(T0), 'good', T0)).toEqual(once);
  });
});
