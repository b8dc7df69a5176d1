// The results page teaches: scores as whole or one-decimal numbers, each option with its own
// feedback, orderings and pairs as lists, wildcards in words, lesson links as routes, and for every
// miss the lesson to revisit. Old attempts (positional ids) review as they were scored.
import '@testing-library/svelte/vitest';
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../content/schema/quiz.ts';
import type { Answer, QuizAttempt } from '../../engine/progress-types.ts';
import { scoreAttempt } from '../../engine/quiz-attempt.ts';
import { percent, points } from './format.ts';
import { patternText } from './review.ts';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';
import QuizResults from './QuizResults.svelte';

function showResults(questions: Question[], answers: Record<string, Answer>, change: Partial<QuizAttempt> = {}) {
  const quiz = makeQuiz(questions);
  const attempt = { ...scoreAttempt(quiz, questions, answers, { id: 't', startedAt: 0, finishedAt: 1 }), ...change };
  render(QuizResults, { quiz, courseId: 'external-customers', attempt, practice: false, attempts: [attempt], left: null, onretry: () => {}, onretrymissed: () => {} });
  return attempt;
}

/** The review's entry for each question, in order. */
const entries = () => [...(screen.getByRole('heading', { name: 'Review' }).nextElementSibling as HTMLElement).children] as HTMLElement[];

describe('numbers', () => {
  it('shows points and percentages whole or with one decimal, never above the real score', () => {
    expect([points(8.86), points(15), points(0.33), points(0.3), points(2 / 3)]).toEqual(['8.8', '15', '0.3', '0.3', '0.6']);
    expect([percent(59.07), percent(80), percent(66.67), percent(79.96), percent(0)]).toEqual(['59%', '80%', '66.6%', '79.9%', '0%']);
  });

  it('words the score line without raw decimals', () => {
    showResults([QUESTIONS.single], {}, { score: 8.86, maxScore: 15, percent: 59.07 });
    expect(screen.getByText('You scored 8.8 of 15 (59%). The pass mark is 80%.')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '8.8 of 15 (59%)' })).toBeInTheDocument();
  });
});

describe('the review', () => {
  it('puts each chosen option beside its own feedback', () => {
    const yes = (html: string, correct: boolean) => ({ html, correct, weight: correct ? 1 / 3 : -1 / 3, feedbackHtml: '<p>Yes.</p>' });
    const question: Question = {
      ...QUESTIONS.multiple,
      options: [
        { id: 'calls', ...yes('Call centres', true) },
        { id: 'apps', ...yes('Mobile apps', true) },
        { id: 'shops', ...yes('Shops', true) },
        { id: 'pricing', html: 'Pricing', correct: false, weight: -1 / 3 },
      ],
    };
    showResults([question], { [question.id]: { type: 'multiple', optionIds: ['calls', 'apps', 'shops'] } });
    const options = within(entries()[0]!).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(options).toEqual(['Call centres Your choice: right. Yes.', 'Mobile apps Your choice: right. Yes.', 'Shops Your choice: right. Yes.', 'Pricing']);
    expect(entries()[0]).toHaveTextContent('Correct');
  });

  it('shows an ordering answer as the numbered list it was, marking each step', () => {
    showResults([QUESTIONS.ordering], { journey: { type: 'ordering', order: ['i2', 'i1', 'i3', 'i4'] } });
    const list = within(entries()[0]!).getByRole('list');
    expect(list.tagName).toBe('OL');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '1 Consideration Belongs in position 2.',
      '2 Awareness Belongs in position 1.',
      '3 Purchase Right place.',
      '4 Loyalty Right place.',
    ]);
    expect(within(list).queryAllByRole('button')).toEqual([]);
  });

  it('shows matching answers pair by pair, each with its own mark', () => {
    const question: Question = { ...QUESTIONS.matching, pairs: [{ id: 'who', promptHtml: 'Who buys?', answer: 'Customer' }, ...QUESTIONS.matching.pairs] };
    showResults([question], { [question.id]: { type: 'matching', chosen: { who: 'Customer', p1: 'External' } } });
    const entry = within(entries()[0]!);
    expect(entry.getByRole('combobox', { name: 'Who buys?' })).toHaveValue('Customer');
    expect(entry.getByRole('combobox', { name: 'A colleague in payroll' })).toHaveValue('External');
    expect(entry.getAllByRole('listitem').map((li) => li.querySelector('.mark')?.textContent?.trim())).toEqual(['Right.', 'Right answer: Internal.', 'Right answer: External.']);
  });

  it('says a wildcard answer in words', () => {
    expect([patternText('CMP-*'), patternText('*ing'), patternText('*cat*'), patternText('a*b'), patternText('5\\*')]).toEqual([
      'CMP- followed by anything',
      'anything ending in ing',
      'anything containing cat',
      'a, then anything, then b',
      '5*',
    ]);
    const question: Question = { ...QUESTIONS.short, accepted: [{ text: 'CMP-*', weight: 1 }] };
    showResults([question], { [question.id]: { type: 'short', text: 'XYZ-1' } });
    expect(entries()[0]).toHaveTextContent('Right answer: CMP- followed by anything');
    expect(entries()[0]).not.toHaveTextContent('CMP-*');
  });

  it('links feedback to lessons and sends each miss back to its lesson, or to the quiz’s own', () => {
    const linked: Question = {
      ...QUESTIONS.single,
      explanationHtml: '<p>See <a href="#/external-customers/introduction">Introduction</a>.</p>',
      revisit: { lessonId: 'introduction', title: 'Introduction' },
    };
    showResults([linked, QUESTIONS.truefalse], { 'who-buys': { type: 'single', optionId: 'a' }, 'consumer-pays': { type: 'truefalse', value: true } });
    const [first, second] = entries();
    expect(within(first!).getByRole('link', { name: 'Introduction' })).toHaveAttribute('href', '#/external-customers/introduction');
    expect(within(first!).getByRole('link', { name: 'Revisit “Introduction”' })).toHaveAttribute('href', '#/external-customers/introduction');
    expect(within(second!).getByRole('link', { name: 'Revisit the lesson' })).toHaveAttribute('href', '#/external-customers/quiz');
    const goOver = screen.getByRole('heading', { name: 'What to go over' }).nextElementSibling as HTMLElement;
    expect(within(goOver).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Introduction: 1 question missed', 'The lesson this quiz belongs to: 1 question missed']);
  });

  it('offers no lesson to revisit when everything was right', () => {
    showResults([QUESTIONS.single], { 'who-buys': { type: 'single', optionId: 'b' } });
    expect(screen.queryByRole('heading', { name: 'What to go over' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Revisit/ })).not.toBeInTheDocument();
  });
});

describe('attempts stored before stable ids', () => {
  // Ids as the build makes them now; the attempt below names the options by position ("b").
  const question: Question = {
    ...QUESTIONS.single,
    options: QUESTIONS.single.options.map((option, i) => ({ ...option, id: ['a-colleague-in-human-resources', 'a-restaurant-that-1d9ezvi', 'the-company-s-1x2y3z4'][i]! })),
  };

  it('review a positional answer as it was scored', () => {
    showResults([question], { 'who-buys': { type: 'single', optionId: 'b' } });
    expect(entries()[0]).toHaveTextContent('Correct');
    expect(within(entries()[0]!).getByRole('radio', { name: 'A restaurant that buys a coffee maker' })).toBeChecked();
  });

  it('keep the verdict they were given when the question has changed since, and say so', () => {
    // The tutor inserted an option before the right one after this attempt: position "b" is now a wrong option.
    const edited: Question = { ...question, options: [{ id: 'new-one', html: 'A new option', correct: false, weight: 0 }, ...question.options] };
    const quiz = makeQuiz([edited]);
    const attempt: QuizAttempt = { ...scoreAttempt(makeQuiz([question]), [question], { 'who-buys': { type: 'single', optionId: 'b' } }, { id: 'old', startedAt: 0, finishedAt: 1 }) };
    render(QuizResults, { quiz, courseId: 'external-customers', attempt, practice: false, attempts: [attempt], left: null, onretry: () => {}, onretrymissed: () => {} });
    expect(entries()[0]).toHaveTextContent('Correct');
    expect(entries()[0]).toHaveTextContent('This question has changed since this attempt');
  });
});
