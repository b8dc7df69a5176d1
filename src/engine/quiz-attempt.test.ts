import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Question, Quiz } from '../content/schema/quiz.ts';
import { anyQuestion, gradableQuestion, questionOf, quizArbitrary } from '../../tests/helpers/arbitrary-questions.ts';
import { correctAnswer } from './grading.ts';
import type { Answer, QuizAttempt } from './progress-types.ts';
import { attemptsLeft, bestAttempt, displayOrder, drawQuestions, missedQuestionIds, scoreAttempt } from './quiz-attempt.ts';
import { deriveSeed, mulberry32, seededShuffle, shuffle } from './random.ts';

const prompt = { promptHtml: '<p>?</p>', points: 1 };
const truefalse = (id: string, points = 1): Question => ({ ...prompt, id, points, type: 'truefalse', answer: true });
const note = (id: string): Question => ({ ...prompt, id, type: 'description' });

function quizWith(questions: Question[], settings: Partial<Quiz['settings']> = {}, passMark = 80): Quiz {
  return {
    id: 'final',
    title: 'Final',
    lessonId: 'quiz',
    passMark,
    settings: { shuffleQuestions: false, shuffleOptions: false, feedback: 'immediate', ...settings },
    questions,
  };
}

const ids = (questions: Question[]) => questions.map((q) => q.id);
const pool = ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'].map((id) => truefalse(id));

describe('random', () => {
  it('mulberry32 is deterministic and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('shuffle returns a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (list, seed) => {
        const copy = [...list];
        const shuffled = shuffle(list, mulberry32(seed));
        expect(list).toEqual(copy);
        expect([...shuffled].sort()).toEqual([...list].sort());
        expect(seededShuffle(list, seed)).toEqual(shuffled);
      }),
    );
  });

  it('shuffles every position about evenly', () => {
    const counts = [0, 0, 0, 0];
    for (let seed = 0; seed < 4000; seed++) counts[seededShuffle([0, 1, 2, 3], seed).indexOf(0)]!++;
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });

  it('deriveSeed separates keys and seeds', () => {
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(1, 'b'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
  });
});

describe('drawQuestions', () => {
  it('keeps the source order when neither drawing nor shuffling', () => {
    expect(ids(drawQuestions(quizWith(pool), 7))).toEqual(ids(pool));
  });

  it('draws the same questions for the same seed, in source order unless shuffling', () => {
    const quiz = quizWith(pool, { draw: 3 });
    const drawn = ids(drawQuestions(quiz, 123));
    expect(drawn).toHaveLength(3);
    expect(ids(drawQuestions(quiz, 123))).toEqual(drawn);
    expect(drawn).toEqual(ids(pool).filter((id) => drawn.includes(id)));
    const draws = new Set(Array.from({ length: 30 }, (_, seed) => ids(drawQuestions(quiz, seed)).join()));
    expect(draws.size).toBeGreaterThan(5);
  });

  it('shuffles the question order per seed when asked', () => {
    const quiz = quizWith(pool, { shuffleQuestions: true });
    const orders = new Set(Array.from({ length: 30 }, (_, seed) => ids(drawQuestions(quiz, seed)).join()));
    expect(orders.size).toBeGreaterThan(10);
  });

  it('keeps descriptions in their places and never draws them away', () => {
    const questions = [note('intro'), ...pool.slice(0, 3), note('middle'), ...pool.slice(3)];
    const shuffled = drawQuestions(quizWith(questions, { shuffleQuestions: true }), 5);
    expect(shuffled.map((q) => q.type === 'description' ? q.id : '?')).toEqual(['intro', '?', '?', '?', 'middle', '?', '?', '?']);
    const drawn = drawQuestions(quizWith(questions, { draw: 2, shuffleQuestions: true }), 5);
    expect(drawn.filter((q) => q.type === 'description').map((q) => q.id)).toEqual(['intro', 'middle']);
    expect(drawn[0]!.id).toBe('intro');
    expect(drawn).toHaveLength(4);
  });

  it('properties: stable for a seed, draws exactly `draw` distinct questions, a permutation when not drawing', () => {
    fc.assert(
      fc.property(quizArbitrary(fc.array(anyQuestion, { minLength: 1, maxLength: 8 })), fc.integer(), (quiz, seed) => {
        const shown = drawQuestions(quiz, seed);
        expect(ids(drawQuestions(quiz, seed))).toEqual(ids(shown));
        const gradable = quiz.questions.filter((q) => q.type !== 'description');
        const shownGradable = shown.filter((q) => q.type !== 'description');
        expect(new Set(ids(shown)).size).toBe(shown.length);
        expect(shown.filter((q) => q.type === 'description')).toEqual(quiz.questions.filter((q) => q.type === 'description'));
        if (quiz.settings.draw !== undefined) {
          expect(shownGradable).toHaveLength(quiz.settings.draw);
          for (const q of shownGradable) expect(quiz.questions).toContain(q);
        } else {
          expect([...ids(shown)].sort()).toEqual([...ids(quiz.questions)].sort());
          if (!quiz.settings.shuffleQuestions) expect(ids(shown)).toEqual(ids(quiz.questions));
        }
        expect(shownGradable.length).toBeLessThanOrEqual(gradable.length);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('displayOrder', () => {
  const choice: Question = {
    ...prompt,
    id: 'choice',
    type: 'single',
    options: ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, html: id, correct: i === 0, weight: i === 0 ? 1 : 0 })),
  };

  it('keeps options in source order unless the quiz shuffles options', () => {
    expect(displayOrder(quizWith([choice]), choice, 1)).toEqual(['a', 'b', 'c', 'd', 'e']);
    const shuffledQuiz = quizWith([choice], { shuffleOptions: true });
    const order = displayOrder(shuffledQuiz, choice, 1);
    expect(displayOrder(shuffledQuiz, choice, 1)).toEqual(order);
    expect([...order].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => displayOrder(shuffledQuiz, choice, seed).join()));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('gives each question of an attempt its own order', () => {
    const other = { ...choice, id: 'other' };
    const quiz = quizWith([choice, other], { shuffleOptions: true });
    const differ = Array.from({ length: 20 }, (_, seed) => displayOrder(quiz, choice, seed).join() !== displayOrder(quiz, other, seed).join());
    expect(differ.some(Boolean)).toBe(true);
  });

  it('always shuffles ordering items, never into the right order', () => {
    fc.assert(
      fc.property(questionOf.ordering, fc.integer(), (q, seed) => {
        if (q.type !== 'ordering') return;
        const order = displayOrder(quizWith([q]), q, seed);
        expect([...order].sort()).toEqual(q.items.map((i) => i.id).sort());
        expect(order).not.toEqual(q.items.map((i) => i.id));
        expect(displayOrder(quizWith([q]), q, seed)).toEqual(order);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('never shows two ordering items in the right order, whatever the seed', () => {
    const two: Question = { ...prompt, id: 'two', type: 'ordering', items: [{ id: 'a', html: 'First' }, { id: 'b', html: 'Second' }] };
    const quiz = quizWith([two]);
    for (let seed = 0; seed < 3000; seed++) expect(displayOrder(quiz, two, seed)).toEqual(['b', 'a']);
  });

  it('always shuffles matching answers, with distractors, each answer once', () => {
    const capitals: Question = {
      ...prompt,
      id: 'capitals',
      type: 'matching',
      pairs: [
        { id: 'a', promptHtml: 'Italy', answer: 'Rome' },
        { id: 'b', promptHtml: 'Vatican', answer: 'Rome' },
        { id: 'c', promptHtml: 'Canada', answer: 'Ottawa' },
        { id: 'd', promptHtml: 'Japan', answer: 'Tokyo' },
      ],
      distractors: ['Chat'],
    };
    const quiz = quizWith([capitals]);
    const orders = Array.from({ length: 20 }, (_, seed) => displayOrder(quiz, capitals, seed));
    for (const order of orders) expect([...order].sort()).toEqual(['Chat', 'Ottawa', 'Rome', 'Tokyo']);
    expect(new Set(orders.map((o) => o.join())).size).toBeGreaterThan(5);
  });

  it('has nothing to order for other question types', () => {
    expect(displayOrder(quizWith([truefalse('t')]), truefalse('t'), 1)).toEqual([]);
  });
});

describe('scoreAttempt', () => {
  const meta = { id: 'attempt-1', startedAt: 1000, finishedAt: 2000 };

  it('adds up the scores, leaves descriptions out of the maximum, and records every answer', () => {
    const questions = [truefalse('q1', 2), note('n'), truefalse('q2', 1), truefalse('q3', 1)];
    const quiz = quizWith(questions, {}, 70);
    const answers: Record<string, Answer> = { q1: { type: 'truefalse', value: true }, q2: { type: 'truefalse', value: false } };
    const attempt = scoreAttempt(quiz, questions, answers, meta);
    expect(attempt).toEqual({
      id: 'attempt-1',
      quizId: 'final',
      startedAt: 1000,
      finishedAt: 2000,
      questionIds: ['q1', 'n', 'q2', 'q3'],
      results: [
        { questionId: 'q1', answer: { type: 'truefalse', value: true }, score: 2, max: 2 },
        { questionId: 'n', answer: { type: 'description' }, score: 0, max: 0 },
        { questionId: 'q2', answer: { type: 'truefalse', value: false }, score: 0, max: 1 },
        { questionId: 'q3', answer: { type: 'truefalse', value: null }, score: 0, max: 1 },
      ],
      score: 2,
      maxScore: 4,
      percent: 50,
      passMark: 70,
      passed: false,
    } satisfies QuizAttempt);
  });

  it('rounds the percent to 2 decimals and passes at exactly the pass mark', () => {
    const questions = [truefalse('q1'), truefalse('q2'), truefalse('q3')];
    const right: Answer = { type: 'truefalse', value: true };
    expect(scoreAttempt(quizWith(questions), questions, { q1: right }, meta).percent).toBe(33.33);
    const quiz = quizWith(questions, {}, 66.67);
    expect(scoreAttempt(quiz, questions, { q1: right, q2: right }, meta)).toMatchObject({ percent: 66.67, passed: true });
  });

  it('scores only the questions shown in the attempt', () => {
    const quiz = quizWith(pool, { draw: 2 });
    const shown = drawQuestions(quiz, 9);
    const answers = Object.fromEntries(pool.map((q) => [q.id, correctAnswer(q)]));
    expect(scoreAttempt(quiz, shown, answers, meta)).toMatchObject({ questionIds: ids(shown), score: 2, maxScore: 2, percent: 100, passed: true });
  });

  it('a quiz worth no points cannot be failed', () => {
    const questions = [truefalse('q1', 0)];
    expect(scoreAttempt(quizWith(questions), questions, {}, meta)).toMatchObject({ maxScore: 0, percent: 100, passed: true });
  });

  it('properties: 0 ≤ score ≤ maxScore, percent in [0, 100], full marks for the right answers', () => {
    fc.assert(
      fc.property(quizArbitrary(fc.array(gradableQuestion, { minLength: 1, maxLength: 6 })), fc.integer(), (quiz, seed) => {
        const shown = drawQuestions(quiz, seed);
        const right = scoreAttempt(quiz, shown, Object.fromEntries(shown.map((q) => [q.id, correctAnswer(q)])), meta);
        expect(right.score).toBe(right.maxScore);
        expect(right.percent).toBe(100);
        expect(right.passed).toBe(true);
        expect(missedQuestionIds(right)).toEqual([]);
        const blank = scoreAttempt(quiz, shown, {}, meta);
        expect(blank.score).toBe(0);
        expect(blank.maxScore).toBe(right.maxScore);
        expect(blank.passed).toBe(blank.maxScore === 0 || quiz.passMark === 0);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('attempts', () => {
  const attempt = (id: string, percent: number, score: number, finishedAt: number, quizId = 'final'): QuizAttempt => ({
    id,
    quizId,
    startedAt: finishedAt - 10,
    finishedAt,
    questionIds: [],
    results: [],
    score,
    maxScore: 10,
    percent,
    passMark: 80,
    passed: percent >= 80,
  });

  it('attemptsLeft: null when unlimited, counts only this quiz, never below zero', () => {
    const history = [attempt('1', 50, 5, 1), attempt('2', 60, 6, 2), attempt('x', 10, 1, 3, 'other')];
    expect(attemptsLeft(quizWith(pool), history)).toBeNull();
    expect(attemptsLeft(quizWith(pool, { attempts: 3 }), history)).toBe(1);
    expect(attemptsLeft(quizWith(pool, { attempts: 1 }), history)).toBe(0);
    expect(attemptsLeft(quizWith(pool, { attempts: 2 }), [])).toBe(2);
  });

  it('bestAttempt: highest percent, then highest score, then the earliest', () => {
    expect(bestAttempt([])).toBeUndefined();
    expect(bestAttempt([attempt('1', 50, 5, 1), attempt('2', 90, 9, 2), attempt('3', 70, 7, 3)])?.id).toBe('2');
    expect(bestAttempt([attempt('1', 90, 9, 5), attempt('2', 90, 9, 2), attempt('3', 90, 8, 1)])?.id).toBe('2');
  });

  it('missedQuestionIds: wrong, partly right and unanswered questions, in the order shown', () => {
    const questions: Question[] = [
      truefalse('right'),
      note('note'),
      truefalse('wrong'),
      { ...prompt, id: 'partial', type: 'ordering', items: [{ id: 'a', html: 'A' }, { id: 'b', html: 'B' }, { id: 'c', html: 'C' }] },
      truefalse('skipped'),
      truefalse('free', 0),
    ];
    const answers: Record<string, Answer> = {
      right: { type: 'truefalse', value: true },
      wrong: { type: 'truefalse', value: false },
      partial: { type: 'ordering', order: ['a', 'c', 'b'] },
      free: { type: 'truefalse', value: false },
    };
    const result = scoreAttempt(quizWith(questions), questions, answers, { id: 'x', startedAt: 0, finishedAt: 1 });
    expect(missedQuestionIds(result)).toEqual(['wrong', 'partial', 'skipped']);
  });
});
