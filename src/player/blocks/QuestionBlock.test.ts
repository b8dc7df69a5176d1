import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { blockKey } from '../../engine/progress-types.ts';
import SampleLesson from './SampleLesson.svelte';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { LESSON_ID, renderInLesson } from '../../../tests/helpers/test-render.ts';

const ID = 'question-who-is-the-customer';
const ANSWER = 'The mother. The child is the consumer.';

describe('QuestionBlock', () => {
  it('keeps the answer hidden until "Show answer", then offers "Hide answer"', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const question = within(screen.getByRole('region', { name: 'Question' }));

    expect(question.getByText(/Who is the customer\?/)).toBeVisible();
    expect(question.getByText(ANSWER)).not.toBeVisible();
    expect(question.getByText('Answer seen')).not.toBeVisible();
    const show = question.getByRole('button', { name: 'Show answer' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(show.getAttribute('aria-controls') ?? '')).toContainElement(
      question.getByText(ANSWER),
    );

    await user.click(show);

    expect(question.getByText(ANSWER)).toBeVisible();
    const hide = question.getByRole('button', { name: 'Hide answer' });
    expect(hide).toHaveAttribute('aria-expanded', 'true');
    expect(progress.callsTo('reveal')).toEqual([[LESSON_ID, ID]]);
    expect(question.getByText('Answer seen')).toBeVisible();

    await user.click(hide);

    expect(question.getByText(ANSWER)).not.toBeVisible();
    expect(question.getByRole('button', { name: 'Show answer' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('records the reveal only once, however often the answer is shown', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const question = within(screen.getByRole('region', { name: 'Question' }));

    await user.click(question.getByRole('button', { name: 'Show answer' }));
    await user.click(question.getByRole('button', { name: 'Hide answer' }));
    await user.click(question.getByRole('button', { name: 'Show answer' }));

    expect(progress.callsTo('reveal')).toHaveLength(1);
  });

  it('marks an answer seen before as seen, keeping it hidden until asked again', async () => {
    const progress = new TestProgress('test-course', { blocks: { [blockKey(LESSON_ID, ID)]: { revealedAt: 5 } } });
    const { user } = renderInLesson(SampleLesson, {}, { progress });
    const question = within(screen.getByRole('region', { name: 'Question' }));

    expect(question.getByText('Answer seen')).toBeVisible();
    expect(question.getByText(ANSWER)).not.toBeVisible();

    await user.click(question.getByRole('button', { name: 'Show answer' }));

    expect(question.getByText(ANSWER)).toBeVisible();
    expect(progress.callsTo('reveal')).toEqual([]);
  });

  it('is operable from the keyboard', async () => {
    const { user } = renderInLesson(SampleLesson);
    const question = within(screen.getByRole('region', { name: 'Question' }));
    const show = question.getByRole('button', { name: 'Show answer' });

    show.focus();
    await user.keyboard('{Enter}');
    expect(question.getByText(ANSWER)).toBeVisible();
    await user.keyboard(' ');
    expect(question.getByText(ANSWER)).not.toBeVisible();
  });
});
