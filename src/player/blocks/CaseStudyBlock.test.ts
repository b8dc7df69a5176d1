import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { noteKey } from '../../engine/progress-types.ts';
import SampleLesson from './SampleLesson.svelte';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { LESSON_ID, renderInLesson } from '../../../tests/helpers/test-render.ts';

const BLOCK = 'case-study-john-lewis';
const MODEL = 'Sugar reduction in own-brand cereal.';

function question(number: number) {
  const caseStudy = within(screen.getByRole('region', { name: 'Case study: The John Lewis Partnership' }));
  return within(caseStudy.getByRole('group', { name: `Question ${number}` }));
}

describe('CaseStudyBlock', () => {
  it('lets the learner write an answer, then compare it with the model answer and assess it', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const q1 = question(1);
    const answer = q1.getByRole('textbox', { name: 'Your answer' });
    const show = q1.getByRole('button', { name: 'Show model answer' });

    expect(answer).toHaveAccessibleDescription('What nutritional aims does John Lewis have for own brands?');
    expect(q1.getByText(MODEL)).not.toBeVisible();
    expect(show).toBeDisabled();

    await user.type(answer, 'Less sugar');

    expect(progress.progress.notes[noteKey(LESSON_ID, BLOCK, 'q1')]?.text).toBe('Less sugar');
    expect(progress.callsTo('setNote').at(-1)).toEqual([LESSON_ID, BLOCK, 'q1', 'Less sugar']);
    expect(show).toBeEnabled();
    expect(q1.queryByRole('radiogroup')).toBeNull();

    await user.click(show);

    expect(q1.getByText(MODEL)).toBeVisible();
    expect(q1.getByRole('button', { name: 'Hide model answer' })).toHaveAttribute('aria-expanded', 'true');
    expect(progress.callsTo('reveal')).toEqual([[LESSON_ID, BLOCK]]);
    const assessment = q1.getByRole('radiogroup', { name: 'How did you do?' });
    expect(within(assessment).getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual([
      'got',
      'partly',
      'missed',
    ]);

    await user.click(within(assessment).getByRole('radio', { name: 'Partly' }));

    expect(within(assessment).getByRole('radio', { name: 'Partly' })).toBeChecked();
    expect(progress.callsTo('assess')).toEqual([[LESSON_ID, BLOCK, 'q1', 'partly']]);
    expect(progress.progress.notes[noteKey(LESSON_ID, BLOCK, 'q1')]).toMatchObject({
      text: 'Less sugar',
      assessment: 'partly',
    });
    // Each question keeps its own state.
    expect(question(2).getByText('Its employees, the partners.')).not.toBeVisible();
  });

  it('never leaves a learner stuck: "Show it anyway" reveals without an answer', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const q2 = question(2);

    await user.click(q2.getByRole('button', { name: 'Show it anyway' }));

    expect(q2.getByText('Its employees, the partners.')).toBeVisible();
    const hide = q2.getByRole('button', { name: 'Hide model answer' });
    expect(hide).toHaveFocus();
    expect(q2.queryByRole('button', { name: 'Show it anyway' })).toBeNull();
    expect(progress.callsTo('reveal')).toEqual([[LESSON_ID, BLOCK]]);

    await user.click(hide);

    expect(q2.getByRole('button', { name: 'Show model answer' })).toBeEnabled();
  });

  it('restores a saved answer and assessment', async () => {
    const progress = new TestProgress('test-course', {
      notes: { [noteKey(LESSON_ID, BLOCK, 'q1')]: { text: 'Reformulate yoghurts', updatedAt: 3, assessment: 'got' } },
    });
    const { user } = renderInLesson(SampleLesson, {}, { progress });
    const q1 = question(1);

    expect(q1.getByRole('textbox', { name: 'Your answer' })).toHaveValue('Reformulate yoghurts');
    expect(q1.getByText('You said: Got it')).toBeVisible();

    await user.click(q1.getByRole('button', { name: 'Show model answer' }));

    expect(q1.getByRole('radio', { name: 'Got it' })).toBeChecked();
  });
});
