import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { blockKey } from '../../engine/progress-types.ts';
import RatingBlock from './RatingBlock.svelte';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { LESSON_ID, renderInLesson } from '../../../tests/helpers/test-render.ts';

const props = { id: 'rating-experience', title: 'How was it?', choices: 'Excellent| Good |Average|Poor|' };

describe('RatingBlock', () => {
  it('offers the choices as a radio group and saves the one chosen', async () => {
    const { user, progress } = renderInLesson(RatingBlock, props);
    const region = within(screen.getByRole('region', { name: 'Rating: How was it?' }));
    const group = within(region.getByRole('radiogroup', { name: 'How was it?' }));

    expect(group.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual([
      'Excellent',
      'Good',
      'Average',
      'Poor',
    ]);
    expect(region.queryByText('Thanks for your rating')).toBeNull();

    await user.click(group.getByRole('radio', { name: 'Good' }));

    expect(group.getByRole('radio', { name: 'Good' })).toBeChecked();
    expect(progress.callsTo('rate')).toEqual([[LESSON_ID, 'rating-experience', 'Good']]);
    expect(region.getByRole('status')).toHaveTextContent('Thanks for your rating');

    await user.click(group.getByRole('radio', { name: 'Poor' }));

    expect(group.getByRole('radio', { name: 'Good' })).not.toBeChecked();
    expect(progress.progress.ratings[blockKey(LESSON_ID, 'rating-experience')]?.value).toBe('Poor');
  });

  it('shows an earlier rating as chosen', () => {
    const progress = new TestProgress('test-course', {
      ratings: { [blockKey(LESSON_ID, 'rating-experience')]: { value: 'Average', at: 1 } },
    });
    renderInLesson(RatingBlock, props, { progress });

    expect(screen.getByRole('radio', { name: 'Average' })).toBeChecked();
  });
});
