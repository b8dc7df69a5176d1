// The quiz code loads in steps (quiz-code.svelte.ts); offline, before the service worker holds it, a
// step can fail. The learner is told on the page, the attempt stays as it was, nothing is thrown.
// Here a question type and the grading cannot be loaded at all.
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import QuizPlayer from './QuizPlayer.svelte';
import { LOAD_FAILED } from './quiz-code.svelte.ts';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';

vi.mock('./questions/Numeric.svelte', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});
vi.mock('../../engine/grading.ts', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const button = (name: string) => screen.getByRole('button', { name });

describe('quiz code that cannot be loaded', () => {
  it('says so beside the question and on "Check answer", keeps the answer, and saves no attempt', async () => {
    const user = userEvent.setup();
    const progress = new TestProgress('external-customers');
    render(QuizPlayer, { quiz: makeQuiz([QUESTIONS.single, QUESTIONS.numeric], { shuffleOptions: false }), progress, courseId: 'external-customers' });
    await user.click(button('Start quiz'));

    const right = await screen.findByRole('radio', { name: 'A restaurant that buys a coffee maker' }, { timeout: 10_000 });
    await user.click(right);
    await user.click(button('Check answer'));
    expect(await screen.findByText(LOAD_FAILED, { ignore: '[role=status]' }, { timeout: 10_000 })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(LOAD_FAILED);
    expect(right).toBeChecked();
    expect(right).toBeEnabled();

    await user.click(button('Next'));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent(LOAD_FAILED);
    expect(alert).toContainElement(button('Try again'));

    await user.click(button('Submit quiz'));
    await user.click(button('Submit anyway'));
    expect(screen.getByRole('heading', { level: 2, name: 'Question 2 of 2' })).toBeInTheDocument();
    expect(progress.added).toEqual([]);
  }, 60_000);
});
