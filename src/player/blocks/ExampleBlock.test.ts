import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SampleLesson from './SampleLesson.svelte';
import { LESSON_ID, renderInLesson } from './test-render.ts';

const SOLUTION = 'The restaurant is the customer; its guests are the consumers.';

function example() {
  return within(screen.getByRole('region', { name: 'Example: A coffee maker for a restaurant' }));
}

describe('ExampleBlock', () => {
  it('shows the worked solution by default', () => {
    renderInLesson(SampleLesson);

    expect(example().getByText(SOLUTION)).toBeVisible();
    expect(example().getByRole('button', { name: 'Try it yourself' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('covers the solution with "Try it yourself" and uncovers it with "Show the worked example"', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const tryIt = example().getByRole('button', { name: 'Try it yourself' });

    await user.click(tryIt);

    expect(tryIt).toHaveAttribute('aria-pressed', 'true');
    expect(example().getByText(SOLUTION)).not.toBeVisible();
    expect(example().getByText('Worked solution hidden: have a go, then')).toBeVisible();
    expect(example().getByText(/Who is the customer when a restaurant buys/)).toBeVisible();
    expect(progress.callsTo('reveal')).toEqual([]);

    await user.click(example().getByRole('button', { name: 'Show the worked example' }));

    expect(example().getByText(SOLUTION)).toBeVisible();
    expect(tryIt).toHaveAttribute('aria-pressed', 'false');
    expect(tryIt).toHaveFocus();
    expect(example().queryByRole('button', { name: 'Show the worked example' })).toBeNull();
    expect(progress.callsTo('reveal')).toEqual([[LESSON_ID, 'example-a-coffee-maker']]);
  });

  it('counts uncovering with the toggle as a reveal too, once', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const tryIt = example().getByRole('button', { name: 'Try it yourself' });

    await user.click(tryIt);
    await user.click(tryIt);
    await user.click(tryIt);
    await user.click(tryIt);

    expect(example().getByText(SOLUTION)).toBeVisible();
    expect(progress.callsTo('reveal')).toHaveLength(1);
  });

  it('offers nothing to cover when the example has no worked solution', () => {
    renderInLesson(SampleLesson);
    const canteen = within(screen.getByRole('region', { name: 'Example: A school canteen' }));

    expect(canteen.getByText('The council pays; the pupils eat.')).toBeVisible();
    expect(canteen.queryByRole('button')).toBeNull();
  });
});
