// Issue 15 item 2: the quiz opens on its introduction with the player alone; the attempt and the
// question types the quiz uses load at "Start quiz", the grading is prefetched while the first
// question shows (and the first "Check answer" waits for it if it is still on its way), and the
// results load at submit. This file renders the player without test-render.ts, which loads all of
// that up front, so every module here starts unloaded.
import '@testing-library/svelte/vitest';
import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import QuizPlayer from './QuizPlayer.svelte';
import { attempt, grading, questionViews, results } from './quiz-code.svelte.ts';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';

// The grading arrives only when the test lets it: a slow network, made exact.
const gate = vi.hoisted(() => {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open(), asked: 0 };
});
// The graders behind quiz-grading.ts wait for the gate (quiz-grading.ts itself stays a real module).
vi.mock('../../engine/grading.ts', async (importOriginal) => {
  gate.asked += 1;
  await gate.opened;
  return importOriginal();
});

const button = (name: string) => screen.getByRole('button', { name });

describe('the quiz code loads as the learner reaches it', () => {
  it('opens with the player alone, loads the types the quiz uses at Start, prefetches grading, awaits it on Check, and loads results at submit', async () => {
    const user = userEvent.setup();
    const quiz = makeQuiz([QUESTIONS.single, QUESTIONS.short], { shuffleOptions: false });
    const progress = new TestProgress('external-customers');
    render(QuizPlayer, { quiz, progress, courseId: 'external-customers' });

    // The introduction: nothing else is loaded.
    expect(button('Start quiz')).toBeInTheDocument();
    expect([attempt.value, grading.value, results.value]).toEqual([undefined, undefined, undefined]);
    expect(questionViews.views).toEqual({});

    await user.click(button('Start quiz'));
    expect(await screen.findByRole('radio', { name: 'A restaurant that buys a coffee maker' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(attempt.value).toBeDefined();
    // Only the types this quiz uses; the grading was asked for once the question showed.
    await waitFor(() => expect(Object.keys(questionViews.views).sort()).toEqual(['short', 'single']), { timeout: 10_000 });
    await waitFor(() => expect(gate.asked).toBe(1));
    expect(grading.value).toBeUndefined();

    // "Check answer" before the grading is here: nothing is judged yet, then the verdict comes.
    await user.click(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' }));
    await user.click(button('Check answer'));
    expect(screen.queryByText('Correct')).not.toBeInTheDocument();
    expect(results.value).toBeUndefined();
    gate.open();
    expect(await screen.findByText('Correct', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Correct.');
    expect(gate.asked).toBe(1);

    // The results are loaded at submit.
    expect(results.value).toBeUndefined();
    await user.click(button('Next'));
    await user.type(screen.getByRole('textbox'), 'consumer');
    await user.click(button('Submit quiz'));
    expect(await screen.findByRole('heading', { name: 'Your results' }, { timeout: 10_000 })).toBeInTheDocument();
    expect(results.value).toBeDefined();
    expect(progress.added).toHaveLength(1);
  }, 60_000);
});
