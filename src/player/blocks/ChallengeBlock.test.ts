import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { blockKey } from '../../engine/progress-types.ts';
import ChallengeBlock from './ChallengeBlock.svelte';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { LESSON_ID, html, renderInLesson } from '../../../tests/helpers/test-render.ts';

const ID = 'challenge-map-a-journey';
const props = { id: ID, title: 'Map a journey', children: html('<p>Draw your last purchase.</p>') };

describe('ChallengeBlock', () => {
  it('toggles "Mark as done" (aria-pressed) and saves it both ways', async () => {
    const { user, progress } = renderInLesson(ChallengeBlock, props);
    const region = within(screen.getByRole('region', { name: 'Challenge: Map a journey' }));
    const button = region.getByRole('button', { name: 'Mark as done' });

    expect(region.getByText('Draw your last purchase.')).toBeVisible();
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(region.getByText('Done')).not.toBeVisible();

    await user.click(button);

    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(region.getByText('Done')).toBeVisible();
    // Said in words beside the button, which keeps its name.
    expect(region.getByText('Done. Press again to undo.')).toBeVisible();
    expect(button).toHaveAccessibleName('Mark as done');
    expect(progress.callsTo('setDone')).toEqual([[LESSON_ID, ID, true]]);

    await user.click(button);

    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(region.getByText('Done')).not.toBeVisible();
    expect(region.queryByText('Done. Press again to undo.')).toBeNull();
    expect(progress.callsTo('setDone')).toEqual([
      [LESSON_ID, ID, true],
      [LESSON_ID, ID, false],
    ]);
  });

  it('shows a challenge done in an earlier visit as done', () => {
    const progress = new TestProgress('test-course', { blocks: { [blockKey(LESSON_ID, ID)]: { doneAt: 9 } } });
    renderInLesson(ChallengeBlock, props, { progress });

    expect(screen.getByRole('button', { name: 'Mark as done' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('treats an un-marked challenge (doneAt null) as not done', () => {
    const progress = new TestProgress('test-course', { blocks: { [blockKey(LESSON_ID, ID)]: { doneAt: null } } });
    renderInLesson(ChallengeBlock, props, { progress });

    expect(screen.getByRole('button', { name: 'Mark as done' })).toHaveAttribute('aria-pressed', 'false');
  });
});
