// Shared set-up for the component tests: render a block (or a sample lesson) inside a stand-in lesson
// page with an in-memory progress, write children as HTML the way the build hands them over, and
// render the quiz player the way the quiz route does.
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet, type Component, type Snippet } from 'svelte';
import { vi } from 'vitest';
import type { CourseManifest } from '../../src/content/schema/manifest.ts';
import type { Quiz } from '../../src/content/schema/quiz.ts';
import type { QuizAttempt } from '../../src/engine/progress-types.ts';
import QuizPlayer from '../../src/player/quiz/QuizPlayer.svelte';
import { attempt, grading, questionViews, results } from '../../src/player/quiz/quiz-code.svelte.ts';
import { QUESTIONS } from '../../src/player/quiz/test-quiz.ts';
import { TestProgress } from './test-progress.svelte.ts';
import TestLesson from './TestLesson.svelte';

// The quiz player loads the attempt, question types, grading and results on demand; here they are
// loaded up front, as they are in a browser by the time a learner acts, so that each step of a test
// renders at once. src/player/quiz/quiz-code.test.ts covers the loading itself.
await Promise.all([attempt.load(), questionViews.load(Object.values(QUESTIONS)), grading.load(), results.load()]);

export const LESSON_ID = 'test-lesson';

/** Children as the compiled Markdown would be (one root element, as raw snippets require). */
export function html(markup: string): Snippet {
  return createRawSnippet(() => ({ render: () => `<div>${markup}</div>` }));
}

export function renderInLesson(
  block: Component<any>,
  props: Record<string, unknown> = {},
  options: { progress?: TestProgress; course?: CourseManifest } = {},
) {
  const progress = options.progress ?? new TestProgress();
  const user = userEvent.setup();
  const result = render(TestLesson, {
    props: { progress, block, props, lessonId: LESSON_ID, ...(options.course ? { course: options.course } : {}) },
  });
  return { ...result, progress, user };
}

export function renderQuiz(
  quiz: Quiz,
  options: { attempts?: QuizAttempt[]; only?: string[]; user?: ReturnType<typeof userEvent.setup> } = {},
) {
  const progress = new TestProgress('external-customers', { attempts: options.attempts ?? [] });
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
