// Each question type answered the way a learner would, then "Check answer" (immediate feedback).
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../content/schema/quiz.ts';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';
import { startQuiz, status } from '../../../tests/helpers/test-render.ts';

const check = () => screen.getByRole('button', { name: 'Check answer' });
/** The "Right answer: …" line under the verdict. */
const rightAnswer = () => screen.getByText('Right answer:').parentElement;

describe('single choice', () => {
  const quiz = makeQuiz([QUESTIONS.single]);

  it('is a radio group named by the prompt; a right choice is correct, with its feedback beside it', async () => {
    const { user } = await startQuiz(quiz);
    const group = screen.getByRole('group', { name: 'Which of these is an external customer?' });
    const right = within(group).getByRole('radio', { name: 'A restaurant that buys a coffee maker' });
    await user.click(right);
    expect(screen.queryByText('Right: it buys for its own guests.')).not.toBeInTheDocument();
    await user.click(check());

    expect(screen.getByText('Correct')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Correct.');
    expect(right).toHaveAccessibleDescription('Your choice: right. Right: it buys for its own guests.');
    // The explanation shows whatever the answer; the option's own feedback is not repeated below.
    expect(screen.getByText('External customers are outside the organisation.')).toBeInTheDocument();
    expect(screen.getAllByText('Right: it buys for its own guests.')).toHaveLength(1);
    expect(check()).toHaveFocus();
  });

  it('a wrong choice is "Not quite", shows why and marks the right option; the answer is locked', async () => {
    const { user } = await startQuiz(quiz);
    const wrong = screen.getByRole('radio', { name: 'A colleague in Human Resources' });
    await user.click(wrong);
    await user.click(check());

    expect(screen.getByText('Not quite')).toBeInTheDocument();
    expect(wrong).toHaveAccessibleDescription('Your choice: not right. Colleagues are internal customers.');
    expect(screen.getByRole('radio', { name: 'A restaurant that buys a coffee maker' })).toHaveAccessibleDescription(
      'Right answer.',
    );
    for (const radio of screen.getAllByRole('radio')) expect(radio).toBeDisabled();
    expect(check()).toHaveAttribute('aria-disabled', 'true');
    await user.click(check());
    expect(screen.getAllByText('Not quite')).toHaveLength(1);
  });
});

describe('multiple choice', () => {
  it('gives partial credit in points and shows the feedback of a wrong tick', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.multiple]));
    const group = screen.getByRole('group', { name: 'Which are customer touchpoints?' });
    await user.click(within(group).getByRole('checkbox', { name: 'Call centres' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Mobile apps' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Pricing strategy' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Mobile apps' }));
    await user.click(check());

    // Call centres (+0.5) and pricing (−0.5) of 2 points: nothing earned.
    expect(screen.getByText('Not quite')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Pricing strategy' })).toHaveAccessibleDescription(
      'Your choice: not right. Pricing is a decision, not a contact point.',
    );
    expect(screen.getByRole('checkbox', { name: 'Mobile apps' })).toHaveAccessibleDescription('Right answer.');
  });

  it('says how many points a partly right answer earned', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.multiple]));
    await user.click(screen.getByRole('checkbox', { name: 'Call centres' }));
    await user.click(check());
    expect(screen.getByText('Partly right: 1 of 2 points')).toBeInTheDocument();
    expect(status()).toHaveTextContent('Partly right: 1 of 2 points.');
  });
});

describe('true/false', () => {
  it('offers True and False as radios and shows the feedback for the choice', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.truefalse]));
    const group = screen.getByRole('group', { name: 'The consumer is always the person who pays.' });
    await user.click(within(group).getByRole('radio', { name: 'False' }));
    await user.click(check());
    expect(screen.getByText('Correct')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'False' })).toHaveAccessibleDescription(
      'Your choice: right. Yes: the child eats the cereal the mother buys.',
    );
  });
});

describe('short answer', () => {
  it('accepts an alternative regardless of case and spacing', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.short]));
    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), '  The  CHILD ');
    await user.click(check());
    expect(screen.getByText('Correct')).toBeInTheDocument();
    expect(screen.queryByText('Right answer:')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Your answer' })).toHaveAttribute('readonly');
  });

  it('shows the right answer after a wrong one, and the hint on request', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.short]));
    const hint = screen.getByRole('button', { name: 'Show hint' });
    expect(hint).toHaveAttribute('aria-expanded', 'false');
    await user.click(hint);
    expect(screen.getByText('Think about who uses the product.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hide hint' })).toHaveAttribute('aria-expanded', 'true');

    await user.type(screen.getByRole('textbox', { name: 'Your answer' }), 'the mother');
    await user.click(check());
    expect(screen.getByText('Not quite')).toBeInTheDocument();
    expect(rightAnswer()).toHaveTextContent(/^Right answer: the child$/);
  });
});

describe('numeric', () => {
  it('is a decimal text box and grades the number typed', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.numeric]));
    const box = screen.getByRole('textbox', { name: 'Your answer (a number)' });
    expect(box).toHaveAttribute('inputmode', 'decimal');
    await user.type(box, '6.0');
    await user.click(check());
    expect(screen.getByText('Correct')).toBeInTheDocument();
  });

  it('says "Not quite" for another number', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.numeric]));
    await user.type(screen.getByRole('textbox', { name: 'Your answer (a number)' }), '5');
    await user.click(check());
    expect(screen.getByText('Not quite')).toBeInTheDocument();
    expect(rightAnswer()).toHaveTextContent(/^Right answer: 6$/);
  });
});

describe('fill in the blanks', () => {
  it('puts a labelled box and a drop-down inside the sentence and credits each blank', async () => {
    const { user, container } = await startQuiz(makeQuiz([QUESTIONS.blanks]));
    const first = screen.getByRole('textbox', { name: 'Blank 1 of 2' });
    const second = screen.getByRole('combobox', { name: 'Blank 2 of 2' });
    // Both sit in the tutor's paragraph, not in paragraphs of their own.
    const sentence = container.querySelector('.blanks > p');
    expect(sentence).toContainElement(first);
    expect(sentence).toContainElement(second);
    expect(sentence).toHaveTextContent(/^The buys the product; the .* uses it\.$/);

    await user.type(first, 'Customer');
    await user.selectOptions(second, 'supplier');
    await user.click(check());
    expect(screen.getByText('Partly right: 1 of 2 points')).toBeInTheDocument();
    expect(rightAnswer()).toHaveTextContent(/^Right answer: \(1\) customer; \(2\) consumer$/);
  });
});

describe('matching', () => {
  it('offers every answer, distractor included, in a drop-down per item and marks each pair', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.matching]));
    const payroll = screen.getByRole('combobox', { name: 'A colleague in payroll' });
    const options = within(payroll).getAllByRole('option').map((option) => option.textContent);
    expect(options[0]).toBe('Choose…');
    expect(options.slice(1).sort()).toEqual(['External', 'Internal', 'Supplier']);

    await user.selectOptions(payroll, 'Internal');
    await user.selectOptions(screen.getByRole('combobox', { name: 'A shopper online' }), 'Supplier');
    await user.click(check());
    expect(screen.getByText('Partly right: 0.5 of 1 point')).toBeInTheDocument();
    expect(payroll).toHaveAccessibleDescription('Right.');
    expect(screen.getByRole('combobox', { name: 'A shopper online' })).toHaveAccessibleDescription(
      'Right answer: External.',
    );
    expect(payroll).toBeDisabled();
  });
});

describe('ordering', () => {
  it('moves items with "Move … up/down" and grades the final order', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.ordering]));
    const list = screen.getByRole('list', { name: 'Put the stages of the customer journey in order.' });
    // The order as shown, read from each item's "Move … up" button.
    const shown = () =>
      within(list)
        .getAllByRole('button', { name: /^Move .* up$/ })
        .map((button) => button.getAttribute('aria-label')!.replace(/^Move (.*) up$/, '$1'));
    expect(shown().sort()).toEqual(['Awareness', 'Consideration', 'Loyalty', 'Purchase']);

    // Put each stage in place from the top, as a learner would with the buttons.
    const wanted = ['Awareness', 'Consideration', 'Purchase', 'Loyalty'];
    for (const [target, text] of wanted.entries()) {
      while (shown().indexOf(text) > target) await user.click(screen.getByRole('button', { name: `Move ${text} up` }));
    }
    expect(shown()).toEqual(wanted);
    expect(screen.getByRole('button', { name: 'Move Awareness up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Loyalty down' })).toBeDisabled();
    await user.click(check());
    expect(screen.getByText('Correct')).toBeInTheDocument();
    // Checked, the order is fixed: the controls that move it are gone.
    expect(screen.queryByRole('button', { name: 'Move Purchase up' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reorder Purchase' })).not.toBeInTheDocument();
  });
});

describe('essay', () => {
  it('shows the model answer after "Check answer" and scores the learner’s own judgement', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.essay]));
    const box = screen.getByRole('textbox', { name: 'Your answer' });
    await user.type(box, 'So customers know what to expect.');
    expect(screen.queryByText('To make service consistent and measurable.')).not.toBeInTheDocument();
    await user.click(check());

    expect(screen.getByRole('heading', { name: 'Model answer' })).toBeInTheDocument();
    expect(screen.getByText('To make service consistent and measurable.')).toBeInTheDocument();
    expect(box).toHaveAttribute('readonly');
    expect(status()).toHaveTextContent('How did your answer compare?');
    const judgement = screen.getByRole('radiogroup', { name: 'How did your answer compare?' });
    expect(within(judgement).getAllByRole('radio')).toEqual(
      ['Got it', 'Partly', 'Missed it'].map((name) => within(judgement).getByRole('radio', { name })),
    );
    await user.click(within(judgement).getByRole('radio', { name: 'Partly' }));
    expect(screen.getByText('Partly right: 0.5 of 1 point')).toBeInTheDocument();
  });
});

describe('description', () => {
  const headed: Question = { ...QUESTIONS.description, promptHtml: '<p>The John Lewis case</p><p>The next questions are about the John Lewis case study.</p>' };

  it('leads into the next question on the same step, its heading a heading, not counted as a step', async () => {
    await startQuiz(makeQuiz([headed, QUESTIONS.truefalse, QUESTIONS.short]));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Question 1 of 2');
    expect(screen.getByRole('progressbar')).toHaveAttribute('max', '2');
    expect(screen.getByRole('heading', { level: 3, name: 'The John Lewis case' })).toBeInTheDocument();
    expect(screen.getByText('The next questions are about the John Lewis case study.')).toBeInTheDocument();
    // The question it leads into is on the same page.
    expect(screen.getByRole('radio', { name: 'True' })).toBeInTheDocument();
  });

  it('a description at the end shows after the last question; a one-paragraph text has no heading', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.truefalse, QUESTIONS.description]));
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Question 1 of 1');
    expect(screen.getByText('The next questions are about the John Lewis case study.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 3 })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit quiz' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'False' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(screen.getAllByRole('button', { name: 'Check answer' })).toHaveLength(1);
  });
});

describe('hint', () => {
  it('sits apart from the last option, in its own spaced area', async () => {
    const { user } = await startQuiz(makeQuiz([QUESTIONS.short]));
    const hint = screen.getByRole('button', { name: 'Show hint' });
    expect(hint.parentElement).toHaveClass('hint-area');
    await user.click(hint);
    expect(hint.parentElement).toHaveTextContent('Think about who uses the product.');
  });
});
