import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { noteKey } from '../../engine/progress-types.ts';
import SampleLesson from './SampleLesson.svelte';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { LESSON_ID, renderInLesson } from '../../../tests/helpers/test-render.ts';

const BLOCK = 'reflection-face-to-face';

function reflection() {
  return within(screen.getByRole('region', { name: 'Reflection: Face-to-face transaction' }));
}

describe('ReflectionBlock', () => {
  it('gives each prompt a text box named by the prompt, saving every keystroke as a note', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const situation = reflection().getByRole('textbox', { name: 'What was the situation?' });
    const differently = reflection().getByRole('textbox', { name: 'What would you do differently?' });

    await user.type(situation, 'A refund');

    expect(progress.progress.notes[noteKey(LESSON_ID, BLOCK, 'p1')]?.text).toBe('A refund');
    expect(progress.callsTo('setNote')).toHaveLength('A refund'.length);
    expect(progress.progress.notes[noteKey(LESSON_ID, BLOCK, 'p2')]).toBeUndefined();
    expect(differently).toHaveValue('');
  });

  it('says "Saved" politely once typing pauses', async () => {
    const { user } = renderInLesson(SampleLesson);
    const situation = reflection().getByRole('textbox', { name: 'What was the situation?' });
    const status = situation.parentElement?.querySelector('[role="status"]');

    expect(status).toHaveTextContent('');
    await user.type(situation, 'Busy');

    expect(await reflection().findByText('Saved', {}, { timeout: 3000 })).toBe(status);
  });

  it('is honest when progress is only kept in memory', async () => {
    const progress = new TestProgress();
    progress.status = 'memory';
    const { user } = renderInLesson(SampleLesson, {}, { progress });

    await user.type(reflection().getByRole('textbox', { name: 'What was the situation?' }), 'x');

    expect(await reflection().findByText('Kept for this session only', {}, { timeout: 3000 })).toBeVisible();
  });

  it('shows what the learner wrote before', () => {
    const progress = new TestProgress('test-course', {
      notes: { [noteKey(LESSON_ID, BLOCK, 'p2')]: { text: 'Listen first', updatedAt: 1 } },
    });
    renderInLesson(SampleLesson, {}, { progress });

    expect(reflection().getByRole('textbox', { name: 'What would you do differently?' })).toHaveValue('Listen first');
  });
});
