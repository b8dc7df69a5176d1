import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import QuizPage from './QuizPage.svelte';
import { memoryProgress, serviceCourse } from './fixtures/courses.ts';
import type { Quiz } from '../../content/schema/quiz.ts';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';

// The page imports the quiz code on demand; compiling it the first time takes longer than a query waits.
beforeAll(async () => {
  await Promise.all([import('../quiz/QuizPlayer.svelte'), import('../quiz/QuizResults.svelte')]);
}, 30_000);

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const quiz: Quiz = {
  id: 'final',
  title: 'Final quiz',
  lessonId: 'journey',
  passMark: 80,
  settings: { shuffleQuestions: false, shuffleOptions: false, feedback: 'immediate' },
  questions: [
    {
      id: 'q1',
      type: 'truefalse',
      promptHtml: '<p>A customer is always external.</p>',
      points: 1,
      answer: false,
    },
  ],
};

const entry = serviceCourse.quizzes[0]!;

describe('quiz page', () => {
  it('loads the quiz and hands it to the quiz player, whose h1 is the page’s only one', async () => {
    const loadQuiz = vi.fn(async () => quiz);
    render(QuizPage, { course: serviceCourse, entry, progress: await memoryProgress(serviceCourse), loadQuiz });
    expect(await screen.findByRole('heading', { level: 1, name: 'Final quiz' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(loadQuiz).toHaveBeenCalledWith('customer-service', 'final');
    expect(document.title).toBe('Final quiz · Customer service · Coursemark');
  });

  it('shows the latest attempt on the results page, with a way back to the quiz', async () => {
    const user = userEvent.setup();
    const progress = await memoryProgress(serviceCourse);
    progress.addAttempt({
      id: 'a1',
      quizId: 'final',
      startedAt: 1,
      finishedAt: 2,
      questionIds: ['q1'],
      results: [{ questionId: 'q1', answer: { type: 'truefalse', value: true }, score: 0, max: 1 }],
      score: 0,
      maxScore: 1,
      percent: 0,
      passMark: 80,
      passed: false,
    });
    render(QuizPage, { course: serviceCourse, entry, progress, results: true, loadQuiz: async () => quiz });
    expect(screen.getByRole('heading', { level: 1, name: 'Final quiz' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 2, name: 'Your results' })).toBeInTheDocument();
    expect(document.title).toBe('Results: Final quiz · Customer service · Coursemark');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(window.location.hash).toBe('#/customer-service/quiz/final');
  });

  it('saves a finished attempt once: addAttempt writes it, the page flushes nothing more', async () => {
    const user = userEvent.setup();
    const progress = new TestProgress(serviceCourse.id);
    render(QuizPage, { course: serviceCourse, entry, progress, loadQuiz: async () => quiz });
    // The attempt's code loads while the introduction shows: Start is offered once it is there.
    const start = await screen.findByRole('button', { name: 'Start quiz' });
    await waitFor(() => expect(start).not.toHaveAttribute('aria-disabled', 'true'));
    await user.click(start);
    await user.click(await screen.findByRole('radio', { name: 'False' }));
    await user.click(screen.getByRole('button', { name: 'Submit quiz' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Your results' })).toBeInTheDocument();
    expect(progress.callsTo('addAttempt')).toHaveLength(1);
    expect(progress.callsTo('flush')).toHaveLength(0);
  });

  it('points to the quiz when there are no results yet', async () => {
    render(QuizPage, { course: serviceCourse, entry, progress: await memoryProgress(serviceCourse), results: true, loadQuiz: async () => quiz });
    expect(screen.getByText('You have not taken this quiz yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the quiz' })).toHaveAttribute('href', '#/customer-service/quiz/final');
  });

  it('keeps a heading and offers a retry when the quiz cannot be loaded', async () => {
    const loadQuiz = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(quiz);
    const user = userEvent.setup();
    render(QuizPage, { course: serviceCourse, entry, progress: await memoryProgress(serviceCourse), loadQuiz });
    expect(await screen.findByRole('alert')).toHaveTextContent('This quiz could not be loaded');
    expect(screen.getByRole('heading', { level: 1, name: 'Final quiz' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Start quiz' })).toBeInTheDocument();
  });
});
