// A learner taking whole quizzes: navigation, submitting, results against the pass mark, review,
// retries, the attempts limit and the time limit. Keyboard-only use of ordering and matching.
import { screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { scoreAttempt } from '../../engine/quiz-attempt.ts';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';
import { renderQuiz, startQuiz, status } from '../../../tests/helpers/test-render.ts';

const button = (name: string) => screen.getByRole('button', { name });
const heading = (level: number) => screen.getByRole('heading', { level });

// Three questions worth 1 point each, feedback at the end, two attempts.
const quiz = makeQuiz([QUESTIONS.single, QUESTIONS.truefalse, QUESTIONS.short], { feedback: 'end', attempts: 2 });

/** Answers the open attempt: the single choice right, true/false wrong, the short answer left empty. */
async function answerOneOfThree(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' }));
  await user.click(button('Next'));
  await user.click(screen.getByRole('radio', { name: 'True' }));
  await user.click(button('Next'));
}

describe('before starting', () => {
  it('introduces the quiz: questions, pass mark, attempts, time limit and feedback mode', () => {
    renderQuiz(makeQuiz([QUESTIONS.single, QUESTIONS.short], { attempts: 3, timeLimit: 20 }, 75));
    expect(screen.getByRole('heading', { level: 1, name: 'End-of-module quiz' })).toBeInTheDocument();
    const facts = screen.getAllByRole('listitem').map((item) => item.textContent?.trim());
    expect(facts).toEqual([
      '2 questions',
      'Pass mark: 75%',
      'Attempts: 0 of 3 used, 3 left',
      'Time limit: 20 minutes',
      'Feedback: after each question',
    ]);
    expect(button('Start quiz')).toBeInTheDocument();
  });

  it('counts the questions drawn from a pool, not the pool', () => {
    renderQuiz(makeQuiz([QUESTIONS.single, QUESTIONS.short, QUESTIONS.numeric], { draw: 2 }));
    expect(screen.getByText('2 questions')).toBeInTheDocument();
  });
});

describe('taking a quiz with feedback at the end', () => {
  it('goes question by question with a counter and progress bar, and keeps answers when going back', async () => {
    const { user } = await startQuiz(quiz);
    expect(heading(2)).toHaveTextContent('Question 1 of 3');
    expect(heading(2)).toHaveFocus();
    expect(screen.getByRole('progressbar', { name: 'Progress through the quiz' })).toHaveAttribute('value', '1');
    expect(button('Previous')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Check answer' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' }));
    await user.click(button('Next'));
    expect(heading(2)).toHaveTextContent('Question 2 of 3');
    expect(heading(2)).toHaveFocus();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '2');

    await user.click(button('Previous'));
    expect(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' })).toBeChecked();
    await user.click(button('Next'));
    await user.click(button('Next'));
    expect(heading(2)).toHaveTextContent('Question 3 of 3');
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();
    expect(button('Submit quiz')).toBeInTheDocument();
  });

  it('asks before submitting with questions unanswered, and "Keep answering" goes back to the quiz', async () => {
    const { user, progress } = await startQuiz(quiz);
    await user.click(button('Next'));
    await user.click(button('Next'));
    await user.click(button('Submit quiz'));
    const confirm = screen.getByRole('group', { name: '3 questions are unanswered. Submit anyway?' });
    expect(within(confirm).getAllByRole('button').map((b) => b.textContent)).toEqual(['Submit anyway', 'Keep answering']);
    expect(status()).toHaveTextContent('3 questions are unanswered. Submit anyway?');
    await user.click(button('Keep answering'));
    expect(screen.queryByRole('group', { name: /unanswered/ })).not.toBeInTheDocument();
    expect(progress.added).toEqual([]);
  });

  it('scores the attempt against the pass mark, saves it, and reviews each answer beside the right one', async () => {
    const { user, progress, onfinish } = await startQuiz(quiz);
    await answerOneOfThree(user);
    await user.click(button('Submit quiz'));
    expect(screen.getByRole('group', { name: '1 question is unanswered. Submit anyway?' })).toBeInTheDocument();
    await user.click(button('Submit anyway'));

    expect(heading(2)).toHaveTextContent('Your results');
    expect(heading(2)).toHaveFocus();
    expect(screen.getByText('You scored 1 of 3 (33.3%). The pass mark is 80%.')).toBeInTheDocument();
    expect(screen.getByText(/You have not reached the pass mark yet/)).toBeInTheDocument();
    expect(screen.getByText(/You have 1 attempt left\./)).toBeInTheDocument();

    expect(progress.added).toHaveLength(1);
    const saved = progress.added[0]!;
    expect(saved).toMatchObject({ quizId: 'final', score: 1, maxScore: 3, percent: 33.33, passMark: 80, passed: false });
    expect(saved.questionIds).toEqual(['who-buys', 'consumer-pays', 'who-eats']);
    expect(saved.results[1]!.answer).toEqual({ type: 'truefalse', value: true });
    expect(onfinish).toHaveBeenCalledWith(saved, false);

    // Each question as the learner left it, marked, with the verdict and what the marks cannot say.
    const [first, second, third] = [...(screen.getByRole('heading', { name: 'Review' }).nextElementSibling as HTMLElement).children] as HTMLElement[];
    expect(first).toHaveTextContent('Correct');
    expect(within(first!).getByRole('radio', { name: 'A restaurant that buys a coffee maker' })).toBeChecked();
    expect(first).toHaveTextContent('Your choice: right. Right: it buys for its own guests.');
    expect(first).not.toHaveTextContent('Right answer');
    expect(second).toHaveTextContent('Not quite');
    expect(within(second!).getByRole('radio', { name: 'True' })).toBeChecked();
    expect(second).toHaveTextContent('Your choice: not right.');
    expect(within(second!).getByRole('radio', { name: 'False' }).closest('li')).toHaveTextContent('Right answer.');
    expect(third).toHaveTextContent('Not answered');
    expect(within(third!).getByRole('textbox')).toHaveValue('');
    expect(third).toHaveTextContent('Right answer: the child');

    const history = screen.getByRole('table');
    expect(within(history).getAllByRole('row')).toHaveLength(2);
    expect(within(history).getByRole('cell', { name: '1 of 3 (33.3%)' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the course' })).toHaveAttribute('href', '#/external-customers');
  });

  it('"Retry the ones I missed" is an unsaved practice round of just those questions', async () => {
    const { user, progress, onfinish } = await startQuiz(quiz);
    await answerOneOfThree(user);
    await user.click(button('Submit quiz'));
    await user.click(button('Submit anyway'));
    expect(screen.getByText(/is practice: 2 questions, not saved, no attempt used/)).toBeInTheDocument();

    await user.click(button('Retry the ones I missed'));
    expect(screen.getByText('Practice round: it is not saved and uses no attempt.')).toBeInTheDocument();
    expect(heading(2)).toHaveTextContent('Question 1 of 2');
    expect(screen.getByRole('group', { name: 'The consumer is always the person who pays.' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'False' }));
    await user.click(button('Next'));
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'child');
    await user.click(button('Submit quiz'));

    expect(heading(2)).toHaveTextContent('Practice results');
    expect(screen.getByText('You scored 2 of 2 (100%) in this practice round.')).toBeInTheDocument();
    expect(progress.added).toHaveLength(1);
    expect(onfinish).toHaveBeenLastCalledWith(expect.objectContaining({ score: 2, questionIds: ['consumer-pays', 'who-eats'] }), true);
    // Still one saved attempt in the history, and the full retry still available.
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
    expect(button('Retry')).toBeEnabled();
  });

  it('"Retry" starts a fresh full attempt; once the attempts are used up, retrying is disabled', async () => {
    const { user, progress } = await startQuiz(quiz);
    await answerOneOfThree(user);
    await user.click(button('Submit quiz'));
    await user.click(button('Submit anyway'));

    await user.click(button('Retry'));
    expect(heading(2)).toHaveTextContent('Question 1 of 3');
    expect(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' })).not.toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' }));
    await user.click(button('Next'));
    await user.click(screen.getByRole('radio', { name: 'False' }));
    await user.click(button('Next'));
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'The child');
    await user.click(button('Submit quiz'));

    expect(screen.getByText('You scored 3 of 3 (100%). The pass mark is 80%.')).toBeInTheDocument();
    expect(screen.getByText(/Well done: you passed\./)).toBeInTheDocument();
    expect(progress.added.map((attempt) => attempt.score)).toEqual([1, 3]);
    expect(progress.added[0]!.id).not.toBe(progress.added[1]!.id);
    expect(screen.getByText(/You have used all 2 attempts, so this quiz is now review only\./)).toBeInTheDocument();
    expect(button('Retry')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Retry the ones I missed' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(3);
  });
});

describe('the attempts limit', () => {
  it('opens on the best attempt, review only, when none are left', () => {
    const attempt = (score: 'right' | 'wrong', finishedAt: number) =>
      scoreAttempt(
        quiz,
        quiz.questions,
        { 'who-buys': { type: 'single', optionId: score === 'right' ? 'b' : 'a' } },
        { id: `attempt-${finishedAt}`, startedAt: finishedAt - 1000, finishedAt },
      );
    renderQuiz(quiz, { attempts: [attempt('right', 1_000), attempt('wrong', 2_000)] });
    expect(screen.getByText('You scored 1 of 3 (33.3%). The pass mark is 80%.')).toBeInTheDocument();
    expect(screen.getByText(/You have used all 2 attempts, so this quiz is now review only\./)).toBeInTheDocument();
    expect(button('Retry')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Start quiz' })).not.toBeInTheDocument();
    // Practice on the misses stays open: it uses no attempt.
    expect(button('Retry the ones I missed')).toBeEnabled();
  });

  it('counts the attempts used, from progress, while some remain', () => {
    const earlier = scoreAttempt(quiz, quiz.questions, {}, { id: 'earlier', startedAt: 1, finishedAt: 2 });
    renderQuiz(quiz, { attempts: [earlier] });
    expect(screen.getByText('Attempts: 1 of 2 used, 1 left')).toBeInTheDocument();
    expect(screen.getByText('Your best so far: 0%. Not passed yet.')).toBeInTheDocument();
    expect(button('Start quiz')).toBeEnabled();
  });
});

describe('a practice round asked for from outside (`only`)', () => {
  it('ignores ids of questions the quiz no longer has', () => {
    renderQuiz(quiz, { only: ['gone', 'who-eats'] });
    expect(screen.getByText('1 question')).toBeInTheDocument();
    expect(button('Start practice')).toBeInTheDocument();
  });

  it('is an ordinary quiz when none of the ids exist any more', () => {
    renderQuiz(quiz, { only: ['gone'] });
    expect(screen.getByText('3 questions')).toBeInTheDocument();
    expect(button('Start quiz')).toBeInTheDocument();
  });

  it('says it is practice, asks only those questions and saves nothing', async () => {
    const { user, progress, onfinish } = await startQuiz(quiz, { only: ['who-eats'] });
    expect(heading(2)).toHaveTextContent('Question 1 of 1');
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'child');
    await user.click(button('Submit quiz'));
    expect(progress.added).toEqual([]);
    expect(onfinish).toHaveBeenCalledWith(expect.objectContaining({ score: 1, maxScore: 1 }), true);
  });
});

describe('immediate feedback', () => {
  it('asks for an answer instead of checking an empty one', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.short]));
    await user.click(button('Check answer'));
    const nudge = 'Answer the question first, then check it.';
    expect(status()).toHaveTextContent(nudge);
    // Shown beside the button as well as announced.
    expect(screen.getAllByText(nudge).filter((element) => element !== status())).toHaveLength(1);
    expect(button('Check answer')).not.toHaveAttribute('aria-disabled');
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'the child');
    await user.click(button('Check answer'));
    expect(screen.queryAllByText(nudge)).toEqual([]);
    expect(screen.getByText('Correct')).toBeInTheDocument();
  });

  it('keeps a checked answer locked, with its feedback, when the learner comes back to it', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.single, QUESTIONS.truefalse]));
    await user.click(screen.getByRole('radio', { name: 'A colleague in Human Resources' }));
    await user.click(button('Check answer'));
    await user.click(button('Next'));
    expect(status().textContent).toBe('');
    expect(screen.queryByText('Not quite')).not.toBeInTheDocument();
    await user.click(button('Previous'));
    expect(screen.getByText('Not quite')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'A colleague in Human Resources' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'A colleague in Human Resources' })).toBeDisabled();
  });
});

describe('the time limit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('counts down silently, announces the last minute, then submits what was answered', async () => {
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const timed = makeQuiz([QUESTIONS.single, QUESTIONS.short], { timeLimit: 2 });
    const { progress } = await startQuiz(timed, { user });
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAttribute('aria-live', 'off');
    expect(timer).toHaveTextContent('Time left: 2:00');
    await user.click(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' }));

    await vi.advanceTimersByTimeAsync(59_000);
    expect(timer).toHaveTextContent('Time left: 1:01');
    expect(status().textContent).toBe('');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(status()).toHaveTextContent('1 minute left.');

    await vi.advanceTimersByTimeAsync(60_000);
    expect(status()).toHaveTextContent('Time is up: your answers have been submitted.');
    expect(screen.getByText('You scored 1 of 2 (50%). The pass mark is 80%.')).toBeInTheDocument();
    expect(progress.added).toHaveLength(1);
    expect(progress.added[0]!.finishedAt - progress.added[0]!.startedAt).toBe(120_000);
  });
});

describe('keyboard only', () => {
  async function tabTo(user: ReturnType<typeof userEvent.setup>, name: string) {
    for (let i = 0; i < 40 && document.activeElement !== screen.queryByRole('button', { name }); i++) await user.tab();
    expect(screen.getByRole('button', { name })).toHaveFocus();
  }

  it('orders items with the move buttons, focus staying on the moved item, each move announced', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.ordering]));
    const list = screen.getByRole('list', { name: 'Put the stages of the customer journey in order.' });
    // The order as shown, read from each item's "Move … up" button.
    const shown = () =>
      within(list)
        .getAllByRole('button', { name: /^Move .* up$/ })
        .map((button) => button.getAttribute('aria-label')!.replace(/^Move (.*) up$/, '$1'));
    const wanted = ['Awareness', 'Consideration', 'Purchase', 'Loyalty'];
    for (const [target, text] of wanted.entries()) {
      if (shown().indexOf(text) === target) continue;
      await tabTo(user, `Move ${text} up`);
      while (shown().indexOf(text) > target) {
        await user.keyboard('{Enter}');
        const position = shown().indexOf(text);
        expect(screen.getByText(`${text}: position ${position + 1} of 4.`)).toBeInTheDocument();
        // At the top the "up" button is disabled, so focus moves to the item's "down" button.
        expect(screen.getByRole('button', { name: `Move ${text} ${position === 0 ? 'down' : 'up'}` })).toHaveFocus();
      }
    }
    expect(shown()).toEqual(wanted);
    await tabTo(user, 'Check answer');
    await user.keyboard('{Enter}');
    expect(status()).toHaveTextContent('Correct.');
  });

  it('reaches a native drop-down for each matching item in reading order', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.matching]));
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'A colleague in payroll' })).toHaveFocus();
    // jsdom has no native select keyboard; a focused <select> is keyboard-operable in every browser.
    await user.selectOptions(document.activeElement as HTMLSelectElement, 'Internal');
    await user.tab();
    expect(screen.getByRole('combobox', { name: 'A shopper online' })).toHaveFocus();
    await user.selectOptions(document.activeElement as HTMLSelectElement, 'External');
    await user.tab();
    expect(button('Check answer')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(status()).toHaveTextContent('Correct.');
  });
});
