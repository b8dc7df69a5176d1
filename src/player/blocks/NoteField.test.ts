// The note box shows a text written elsewhere at the same time (another tab, an imported file) as a
// version the learner can restore or dismiss, instead of losing either text (issue 9, item 8).
import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress, setNote } from '../../engine/progress.ts';
import { noteKey } from '../../engine/progress-types.ts';
import { createMemoryStore } from '../../storage/store.ts';
import { CourseProgressState } from '../state/course-progress.svelte.ts';
import SampleLesson from './SampleLesson.svelte';
import type { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { LESSON_ID, renderInLesson } from '../../../tests/helpers/test-render.ts';

const BLOCK = 'reflection-face-to-face';
const states: CourseProgressState[] = [];
afterEach(async () => {
  await Promise.all(states.splice(0).map((state) => state.dispose()));
});

async function withRival() {
  const state = new CourseProgressState('course', { store: createMemoryStore(), broadcast: false, now: () => 5000 });
  states.push(state);
  await state.ready;
  const rendered = renderInLesson(SampleLesson, {}, { progress: state as unknown as TestProgress });
  const box = screen.getByRole('textbox', { name: 'What was the situation?' });
  await rendered.user.type(box, 'Mine');
  // The same note, written in another tab that had not seen this one.
  state.merge(setNote(emptyProgress('course', 1), LESSON_ID, BLOCK, 'p1', 'From the other tab', 4000));
  return { ...rendered, state, box };
}

describe('NoteField with a rival version', () => {
  it('shows the other text, named as a group, and restores it on request', async () => {
    const { user, state, box } = await withRival();
    const group = await screen.findByRole('group', { name: /also changed somewhere else/ });
    expect(within(group).getByText('From the other tab')).toBeVisible();
    expect(box).toHaveValue('Mine');
    await user.click(within(group).getByRole('button', { name: 'Use this version' }));
    expect(box).toHaveValue('From the other tab');
    // What was in the box is kept as the other version now.
    expect(within(screen.getByRole('group', { name: /also changed/ })).getByText('Mine')).toBeVisible();
    expect(state.progress.notes[noteKey(LESSON_ID, BLOCK, 'p1')]?.text).toBe('From the other tab');
  });

  it('dismisses the other version when the learner keeps the text in the box', async () => {
    const { user, state, box } = await withRival();
    await user.click(await screen.findByRole('button', { name: 'Keep the text in the box' }));
    expect(screen.queryByRole('group', { name: /also changed/ })).toBeNull();
    expect(box).toHaveValue('Mine');
    expect(state.progress.notes[noteKey(LESSON_ID, BLOCK, 'p1')]?.versions).toBeUndefined();
  });
});
