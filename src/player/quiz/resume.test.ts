// Issue 11 item 3: an attempt in progress survives a reload, a crash or a closed tab. The player
// keeps a draft as the learner answers (and at once when the page is hidden or left); the next visit
// resumes it at the same question with every answer and the same deadline, or submits it when its
// time ran out meanwhile. Damaged or outdated drafts are set aside with a word to the learner.
import { screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quiz } from '../../content/schema/quiz.ts';
import { draftKey } from '../../storage/keys.ts';
import type { QuizDraft } from '../../storage/quiz-draft.ts';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';
import { renderQuiz, startQuiz } from '../../../tests/helpers/test-render.ts';

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0);
const button = (name: string) => screen.getByRole('button', { name });
const RIGHT = 'A restaurant that buys a coffee maker';
const timed = makeQuiz([QUESTIONS.single, QUESTIONS.truefalse, QUESTIONS.short], { feedback: 'end', timeLimit: 10 });
const KEY = draftKey('external-customers', timed.id);
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as QuizDraft | null;

beforeEach(() => {
  // Only the clock is fake: the learner's clicks and the player's debounce run in real time.
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts the timed quiz, answers the first question, moves on, and answers "True" on the second. */
async function answerTwo(quiz: Quiz = timed) {
  const rendered = await startQuiz(quiz);
  await rendered.user.click(screen.getByRole('radio', { name: RIGHT }));
  await rendered.user.click(button('Next'));
  await rendered.user.click(screen.getByRole('radio', { name: 'True' }));
  return rendered;
}

describe('the draft follows the learner', () => {
  it('is written a moment after each answer: the questions, their orders, the answers, the question on screen, the deadline', async () => {
    await answerTwo();
    await waitFor(() => expect(stored()?.answers[QUESTIONS.truefalse.id]).toEqual({ type: 'truefalse', value: true }));
    const draft = stored()!;
    expect(draft).toMatchObject({
      courseId: 'external-customers',
      quizId: timed.id,
      startedAt: T0,
      deadline: T0 + 10 * 60_000,
      questionIds: [QUESTIONS.single.id, QUESTIONS.truefalse.id, QUESTIONS.short.id],
      index: 1,
      answers: { [QUESTIONS.single.id]: { type: 'single', optionId: 'b' } },
    });
    // Options are shuffled for this quiz: the order shown is kept, whatever it was.
    expect([...draft.orders[QUESTIONS.single.id]!].sort()).toEqual(['a', 'b', 'c']);
  });

  it('is written at once when the page is hidden, before the debounce', async () => {
    await answerTwo();
    localStorage.clear();
    window.dispatchEvent(new Event('pagehide'));
    expect(stored()?.answers[QUESTIONS.truefalse.id]).toEqual({ type: 'truefalse', value: true });
  });

  it('is removed when the attempt is submitted, and a practice round keeps none', async () => {
    const { user, unmount } = await answerTwo();
    await user.click(button('Next'));
    await user.click(button('Submit quiz'));
    await user.click(button('Submit anyway'));
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    unmount();
    expect(localStorage.getItem(KEY)).toBeNull();

    const practice = await startQuiz(timed, { only: [QUESTIONS.single.id] });
    await practice.user.click(screen.getByRole('radio', { name: RIGHT }));
    window.dispatchEvent(new Event('pagehide'));
    practice.unmount();
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});

describe('coming back', () => {
  it('resumes at the same question with every answer, and the deadline where it was', async () => {
    const first = await answerTwo();
    first.unmount();
    vi.setSystemTime(T0 + 4 * 60_000);

    const { user, progress } = renderQuiz(timed);
    expect(await screen.findByRole('heading', { level: 2, name: 'Question 2 of 3' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'True' })).toBeChecked();
    expect(screen.getByRole('timer')).toHaveTextContent('Time left: 6:00');
    expect(screen.getByText(/Welcome back: this is the attempt you started/)).toBeInTheDocument();
    await user.click(button('Previous'));
    expect(screen.getByRole('radio', { name: RIGHT })).toBeChecked();
    // The resumed attempt is the same attempt: it keeps its id and start when it is submitted.
    await user.click(button('Next'));
    await user.click(button('Next'));
    await user.click(button('Submit quiz'));
    await user.click(button('Submit anyway'));
    await screen.findByRole('heading', { name: 'Your results' });
    expect(progress.added).toHaveLength(1);
    expect(progress.added[0]).toMatchObject({ startedAt: T0, score: 1 });
  });

  it('submits what was answered when the time ran out while the quiz was closed, and says so', async () => {
    const first = await answerTwo();
    first.unmount();
    vi.setSystemTime(T0 + 11 * 60_000);

    const { progress, onfinish } = renderQuiz(timed);
    const said = 'Time ran out while the quiz was closed: the answers you had given were submitted.';
    // Shown on the page, and announced.
    expect(await screen.findByText(said, { ignore: '[role=status]' })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent(said);
    expect(await screen.findByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(progress.added).toHaveLength(1);
    const [attempt] = progress.added;
    expect(attempt).toMatchObject({ startedAt: T0, finishedAt: T0 + 10 * 60_000, score: 1, maxScore: 3 });
    expect(attempt!.results.map((result) => result.answer)).toEqual([
      { type: 'single', optionId: 'b' },
      { type: 'truefalse', value: true },
      { type: 'short', text: '' },
    ]);
    expect(onfinish).toHaveBeenCalledOnce();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('"Start again" abandons the resumed attempt for a fresh one', async () => {
    const first = await answerTwo();
    first.unmount();
    const { user } = renderQuiz(timed);
    await screen.findByRole('heading', { level: 2, name: 'Question 2 of 3' });
    const old = stored()!.attemptId;
    vi.setSystemTime(T0 + 60_000);
    await user.click(button('Start again'));
    expect(screen.getByRole('heading', { level: 2, name: 'Question 1 of 3' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: RIGHT })).not.toBeChecked();
    expect(screen.queryByText(/Welcome back/)).not.toBeInTheDocument();
    window.dispatchEvent(new Event('pagehide'));
    expect(stored()).toMatchObject({ startedAt: T0 + 60_000, deadline: T0 + 11 * 60_000, index: 0, answers: {} });
    expect(stored()!.attemptId).not.toBe(old);
  });

  it('opens a practice link as a practice round and leaves the attempt in progress for later', async () => {
    const first = await answerTwo();
    first.unmount();
    const saved = localStorage.getItem(KEY);
    const practice = renderQuiz(timed, { only: [QUESTIONS.short.id] });
    expect(button('Start practice')).toBeInTheDocument();
    practice.unmount();
    expect(localStorage.getItem(KEY)).toBe(saved);
  });
});

describe('a draft that cannot be resumed is set aside, with a word to the learner', () => {
  it('a damaged one', async () => {
    localStorage.setItem(KEY, '{"version":1,"quizId":');
    renderQuiz(timed);
    expect(await screen.findByText(/Your unfinished attempt could not be read back, so it was set aside/)).toBeInTheDocument();
    expect(button('Start quiz')).toBeInTheDocument();
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('one of a quiz whose questions changed in a new course version', async () => {
    const first = await answerTwo();
    first.unmount();
    // The new version drops the true/false question the draft answered.
    const next = makeQuiz([QUESTIONS.single, QUESTIONS.short], { feedback: 'end', timeLimit: 10 });
    renderQuiz(next);
    expect(await screen.findByText(/This quiz has changed since you started an attempt/)).toBeInTheDocument();
    expect(button('Start quiz')).toBeInTheDocument();
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
