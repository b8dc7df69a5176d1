// Ordering on any device: the shown order can be checked as it is; an item is dragged by its grip
// with pointer events (mouse, pen, touch); from the keyboard it is picked up with Space, moved with
// the arrow keys and dropped (or put back with Escape), every step announced.
import { fireEvent, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { points } from './format.ts';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';
import { startQuiz, status } from '../../../tests/helpers/test-render.ts';

const WANTED = ['Awareness', 'Consideration', 'Purchase', 'Loyalty'];
const list = () => screen.getByRole('list', { name: 'Put the stages of the customer journey in order.' });
/** The order on screen, read from the grips' names. */
const shown = () =>
  within(list())
    .getAllByRole('button', { name: /^Reorder / })
    .map((grip) => grip.getAttribute('aria-label')!.replace(/^Reorder /, ''));
const grip = (text: string) => screen.getByRole('button', { name: `Reorder ${text}` });
const live = () => list().nextElementSibling as HTMLElement;

describe('checking the shown order', { timeout: 20_000 }, () => {
  it('grades the order on screen without anything moved', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.ordering]));
    const before = shown();
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.queryByText('Answer the question first, then check it.')).not.toBeInTheDocument();
    const right = before.filter((text, i) => WANTED[i] === text).length;
    expect(status()).toHaveTextContent(right === 0 ? 'Not quite.' : `Partly right: ${points(right / 4)} of 1 point.`);
    expect(within(list()).getAllByText(/Right place\.|Belongs in position/)).toHaveLength(4);
  });

  it('saves the shown order as the answer when the quiz is submitted untouched', async () => {
    const { user, onfinish } = await startQuiz(makeQuiz([QUESTIONS.ordering], { feedback: 'end' }));
    const before = shown();
    await user.click(screen.getByRole('button', { name: 'Submit quiz' }));
    expect(screen.queryByText(/unanswered/)).not.toBeInTheDocument();
    const [attempt] = onfinish.mock.calls[0]!;
    const texts = Object.fromEntries(QUESTIONS.ordering.items.map((item) => [item.id, item.html]));
    expect(attempt.results[0]!.answer).toEqual({ type: 'ordering', order: before.map((text) => Object.keys(texts).find((id) => texts[id] === text)) });
  });
});

describe('keyboard: pick up, move, drop', { timeout: 20_000 }, () => {
  it('moves the held item with the arrow keys, announces each step, and commits on Space', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.ordering]));
    for (const [target, text] of WANTED.entries()) {
      const from = shown().indexOf(text);
      if (from === target) continue;
      grip(text).focus();
      await user.keyboard(' ');
      expect(grip(text)).toHaveAttribute('aria-pressed', 'true');
      expect(live()).toHaveTextContent(`${text} picked up, position ${from + 1} of 4.`);
      for (let at = from; at > target; at--) {
        await user.keyboard('{ArrowUp}');
        expect(live()).toHaveTextContent(`${text}: position ${at} of 4.`);
        expect(grip(text)).toHaveFocus();
      }
      await user.keyboard(' ');
      expect(live()).toHaveTextContent(`${text} dropped at position ${target + 1} of 4.`);
      expect(grip(text)).toHaveAttribute('aria-pressed', 'false');
    }
    expect(shown()).toEqual(WANTED);
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(status()).toHaveTextContent('Correct.');
  });

  it('puts the item back where it was on Escape', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.ordering]));
    const before = shown();
    const last = before.at(-1)!;
    grip(last).focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(shown()).not.toEqual(before);
    await user.keyboard('{Escape}');
    expect(shown()).toEqual(before);
    expect(live()).toHaveTextContent(`Move cancelled: ${last} is back at position 4 of 4.`);
  });
});

describe('pointer: drag by the grip', { timeout: 20_000 }, () => {
  /** Lays the rows out 50 px apart, as a browser would (jsdom has no layout). */
  function layOut() {
    [...list().children].forEach((row, i) => {
      row.getBoundingClientRect = () => ({ top: i * 50, height: 50, bottom: i * 50 + 50, left: 0, right: 300, width: 300, x: 0, y: i * 50, toJSON: () => ({}) });
    });
  }

  it('follows the pointer and drops where it is released', async () => {
    await startQuiz(makeQuiz([QUESTIONS.ordering]));
    const before = shown();
    const first = before[0]!;
    layOut();
    await fireEvent.pointerDown(grip(first), { button: 0, pointerId: 1, clientY: 25 });
    // Below the middle of the third row: the item goes third. It follows the pointer, and the rows
    // it passed make room; the list itself changes on the drop.
    await fireEvent.pointerMove(grip(first), { pointerId: 1, clientY: 130 });
    const rows = [...list().children] as HTMLElement[];
    expect(rows.map((row) => row.style.transform)).toEqual(['translateY(105px)', 'translateY(-50px)', 'translateY(-50px)', '']);
    await fireEvent.pointerUp(grip(first), { pointerId: 1, clientY: 130 });
    expect(rows.map((row) => row.style.transform)).toEqual(['', '', '', '']);
    expect(shown()).toEqual([before[1], before[2], first, before[3]]);
    expect(live()).toHaveTextContent(`${first} dropped at position 3 of 4.`);
    // Then to the very end.
    layOut();
    await fireEvent.pointerDown(grip(first), { button: 0, pointerId: 2, clientY: 125 });
    await fireEvent.pointerMove(grip(first), { pointerId: 2, clientY: 400 });
    await fireEvent.pointerUp(grip(first), { pointerId: 2, clientY: 400 });
    expect(shown()).toEqual([before[1], before[2], before[3], first]);
  });

  it('changes nothing when the drag is cancelled', async () => {
    await startQuiz(makeQuiz([QUESTIONS.ordering]));
    const before = shown();
    layOut();
    await fireEvent.pointerDown(grip(before[0]!), { button: 0, pointerId: 1, clientY: 25 });
    await fireEvent.pointerMove(grip(before[0]!), { pointerId: 1, clientY: 180 });
    await fireEvent.pointerCancel(grip(before[0]!), { pointerId: 1 });
    expect(shown()).toEqual(before);
  });
});
