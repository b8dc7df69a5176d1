import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import ProgressPage from './ProgressPage.svelte';
import { memoryProgress, serviceCourse } from './fixtures/courses.ts';
import type { QuizAttempt } from '../../engine/progress-types.ts';

afterEach(cleanup);

const attempt = (id: string, finishedAt: number, percent: number): QuizAttempt => ({
  id,
  quizId: 'final',
  startedAt: finishedAt - 1000,
  finishedAt,
  questionIds: [],
  results: [],
  score: percent / 25,
  maxScore: 4,
  percent,
  passMark: 80,
  passed: percent >= 80,
});

describe('progress page', () => {
  it('lists each lesson’s state and the time spent', async () => {
    let clock = 1_000_000;
    const progress = await memoryProgress(serviceCourse, () => clock);
    progress.visit('welcome');
    progress.reachEnd('welcome');
    clock += 12 * 60_000;
    progress.visit('types-of-customers');
    clock += 65 * 60_000;
    // Time on a lesson counts up to 30 minutes without moving on (an idle tab is not study).
    progress.visit('welcome');
    render(ProgressPage, { course: serviceCourse, progress });
    expect(screen.getByRole('heading', { level: 1, name: 'Progress' })).toBeInTheDocument();
    const table = within(screen.getByRole('region', { name: 'Lessons' })).getByRole('table');
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.children].map((cell) => cell.textContent?.trim()).join(' | '));
    expect(rows).toEqual([
      'Lesson | State | Time spent',
      '1. Welcome | Done | 12 min',
      '2. Types of customers | In progress | 30 min',
      '3. The customer journey | Not started | –',
      'Total |  | 42 min',
    ]);
  });

  it('charts every quiz attempt against the pass mark, with the figures in a table', async () => {
    const progress = await memoryProgress(serviceCourse);
    progress.addAttempt(attempt('second', 2_000_000, 85));
    progress.addAttempt(attempt('first', 1_000_000, 50));
    render(ProgressPage, { course: serviceCourse, progress });
    const quizzes = screen.getByRole('region', { name: 'Quizzes' });
    expect(within(quizzes).getByRole('img')).toHaveAccessibleName(
      'Final quiz: 2 attempts scored 50%, 85%; the pass mark is 80%.',
    );
    const table = within(quizzes).getByRole('table', { name: 'Attempts at Final quiz' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(cells.map(([, score, result]) => [score, result])).toEqual([
      ['50%', 'Not passed'],
      ['85%', 'Passed'],
    ]);
    expect(within(quizzes).getByRole('link', { name: 'Review your latest attempt' })).toHaveAttribute(
      'href',
      '#/customer-service/quiz/final/results',
    );
  });

  it('says when a quiz has not been taken', async () => {
    render(ProgressPage, { course: serviceCourse, progress: await memoryProgress(serviceCourse) });
    expect(screen.getByText('Not taken yet. Pass mark 80%.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
