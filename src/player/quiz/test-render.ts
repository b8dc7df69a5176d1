// Renders the quiz player the way the quiz route does, for the component tests.
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { Quiz } from '../../content/schema/quiz.ts';
import type { QuizAttempt } from '../../engine/progress-types.ts';
import QuizPlayer from './QuizPlayer.svelte';
import { attempt, grading, questionViews, results } from './quiz-code.svelte.ts';
import { TestProgress } from './test-progress.svelte.ts';
import { QUESTIONS } from './test-quiz.ts';

// The player loads the attempt, question types, grading and results on demand; here they are loaded up front, as
// they are in a browser by the time a learner acts, so that each step of a test renders at once.
// quiz-lazy.test.ts covers the loading itself.
await Promise.all([attempt.load(), questionViews.load(Object.values(QUESTIONS)), grading.load(), results.load()]);

export function renderQuiz(
  quiz: Quiz,
  options: { attempts?: QuizAttempt[]; only?: string[]; user?: ReturnType<typeof userEvent.setup> } = {},
) {
  const progress = new TestProgress('external-customers', options.attempts);
  const onfinish = vi.fn<(attempt: QuizAttempt, practice: boolean) => void>();
  const view = render(QuizPlayer, { quiz, progress, courseId: 'external-customers', only: options.only, onfinish });
  return { ...view, progress, onfinish, user: options.user ?? userEvent.setup() };
}

/** Renders the quiz and presses "Start quiz" (or "Start practice"). */
export async function startQuiz(quiz: Quiz, options: Parameters<typeof renderQuiz>[1] = {}) {
  const rendered = renderQuiz(quiz, options);
  await rendered.user.click(screen.getByRole('button', { name: /^Start (quiz|practice)$/ }));
  return rendered;
}

/** The polite status region the player announces verdicts and warnings in. */
export const status = () => screen.getByRole('status');
