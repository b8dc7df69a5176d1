import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import ProgressPage from './ProgressPage.svelte';
import { memoryProgress, serviceCourse } from './fixtures/courses.ts';
import type { QuizAttempt } from '../../engine/progress-types.ts';
import { writeAttempts } from '../../storage/attempt-log.ts';
import { createMemoryStore } from '../../storage/store.ts';

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

  it('shows the streak, the time of the last days and completion over time, each with a table', async () => {
    const day = (d: number, hour = 10) => new Date(2026, 10, d, hour).getTime();
    let clock = day(1);
    const progress = await memoryProgress(serviceCourse, () => clock);
    progress.visit('welcome');
    clock += 4 * 60_000;
    progress.reachEnd('welcome');
    clock = day(2);
    progress.visit('types-of-customers');
    clock += 20 * 60_000;
    progress.reachEnd('types-of-customers');
    progress.visit('welcome');
    clock += 60_000;
    progress.visit('the-customer-journey');
    clock = day(3);
    progress.visit('the-customer-journey');
    render(ProgressPage, { course: serviceCourse, progress, now: () => day(3, 18) });
    const study = screen.getByRole('region', { name: 'Your study' });
    expect(within(study).getByText('3 days in a row')).toBeInTheDocument();
    expect(within(study).getByText('You studied today.')).toBeInTheDocument();
    const last = within(study).getByRole('table', { name: 'The last 7 days' });
    const rows = within(last).getAllByRole('row').slice(-3).map((row) => [...row.children].map((cell) => cell.textContent));
    // A stretch is counted when the learner moves on (at most 30 minutes of it: an idle tab is not study).
    expect(rows.map(([, time, visits]) => [time, visits])).toEqual([['–', '1'], ['51 min', '3'], ['30 min', '1']]);
    const completion = screen.getByRole('region', { name: 'Completion over time' });
    expect(within(completion).getByRole('img')).toHaveAccessibleName(expect.stringMatching(/^Completion over time: from 0% to 67% over 2 days of completed lessons/));
    const done = within(completion).getAllByRole('row').slice(1).map((row) => [...row.children].slice(1).map((cell) => cell.textContent));
    expect(done).toEqual([['1 of 3', '33%'], ['2 of 3', '67%']]);
  });

  it('reads the attempts from the log a page at a time: the latest in the table, numbered among all', async () => {
    const store = createMemoryStore();
    await writeAttempts(store, 'customer-service', Array.from({ length: 60 }, (_, i) => attempt(`a${i}`, 1_000_000 + i * 1000, i)));
    render(ProgressPage, { course: serviceCourse, progress: await memoryProgress(serviceCourse), store });
    const table = await screen.findByRole('table', { name: 'Attempts at Final quiz' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(51));
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.children[0]!.textContent).toBe('#11');
    expect(rows[50]!.children[0]!.textContent).toBe('#60');
    expect(screen.getByText(/The latest 12 of 60 attempts;.*The latest 50 scores are in the table\./)).toBeInTheDocument();
  });
});
