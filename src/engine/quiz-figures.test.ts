import { describe, expect, it } from 'vitest';
import { addAttempt, emptyProgress } from './progress.ts';
import { mergeProgress } from './progress-merge.ts';
import type { QuizAttempt } from './progress-types.ts';
import { figuresByQuiz, figuresOf, mergeFigures, quizFigures } from './quiz-figures.ts';
import { courseCompletion } from './completion.ts';

const attempt = (id: string, finishedAt: number, percent: number, quizId = 'final'): QuizAttempt => ({
  id,
  quizId,
  startedAt: finishedAt - 1000,
  finishedAt,
  questionIds: [],
  results: [],
  score: percent,
  maxScore: 100,
  percent,
  passMark: 80,
  passed: percent >= 80,
});

describe('per-quiz figures', () => {
  it('count, best, last and the first pass of a list of attempts', () => {
    expect(figuresOf([attempt('a', 10, 50), attempt('b', 30, 90), attempt('c', 20, 85), attempt('d', 40, 60)])).toEqual({
      attempts: 4,
      best: 90,
      lastPercent: 60,
      lastAt: 40,
      passed: true,
      firstPassedAt: 20,
    });
    expect(figuresOf([])).toBeUndefined();
  });

  it('are kept up as attempts are added, counting each attempt once', () => {
    let progress = emptyProgress('c', 0);
    progress = addAttempt(progress, attempt('a', 10, 50), 10);
    progress = addAttempt(progress, attempt('a', 10, 50), 11);
    progress = addAttempt(progress, attempt('b', 20, 90), 20);
    expect(progress.quizzes?.final).toMatchObject({ attempts: 2, best: 90, passed: true, lastAt: 20 });
    // The figures count attempts the log holds but memory does not.
    const summary = { ...progress, attempts: [], quizzes: { final: { ...progress.quizzes!.final!, attempts: 500 } } };
    expect(addAttempt(summary, attempt('c', 30, 40), 30).quizzes?.final).toMatchObject({ attempts: 501, best: 90, lastPercent: 40 });
  });

  it('merge without losing either copy: best and pass only grow, the later attempt is the last', () => {
    const mine = figuresOf([attempt('a', 10, 50), attempt('b', 50, 60)])!;
    const theirs = figuresOf([attempt('a', 10, 50), attempt('c', 40, 95), attempt('d', 45, 70)])!;
    expect(mergeFigures(mine, theirs)).toEqual({ attempts: 3, best: 95, lastPercent: 60, lastAt: 50, passed: true, firstPassedAt: 40 });
    const a = addAttempt(emptyProgress('c', 0), attempt('a', 10, 50, 'q1'), 10);
    const b = addAttempt(emptyProgress('c', 0), attempt('b', 20, 90, 'q2'), 20);
    const merged = mergeProgress({ ...a, attempts: [] }, { ...b, attempts: [] });
    expect(Object.keys(merged.quizzes ?? {}).sort()).toEqual(['q1', 'q2']);
  });

  it('read attempts held in memory beside stored figures, so completion never needs the log', () => {
    const course = { id: 'c', lessons: [], quizzes: [{ id: 'final' }] } as unknown as Parameters<typeof courseCompletion>[0];
    const stored = { ...emptyProgress('c', 0), quizzes: figuresByQuiz([attempt('a', 10, 90)]) };
    expect(courseCompletion(course, stored).quizzesPassed).toBe(1);
    expect(quizFigures({ ...stored, attempts: [attempt('b', 20, 40)] }, 'final')).toMatchObject({ attempts: 1, best: 90, lastPercent: 40 });
    expect(quizFigures({ ...emptyProgress('c', 0), attempts: [attempt('b', 20, 40)] }, 'final')).toMatchObject({ attempts: 1, passed: false });
  });
});
