import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SampleLesson from './SampleLesson.svelte';
import { LESSON_ID, renderInLesson } from '../../../tests/helpers/test-render.ts';

const SOLUTION = 'The restaurant is the customer; its guests are the consumers.';

function example() {
  return within(screen.getByRole('region', { name: 'Example: A coffee maker for a restaurant' }));
}

describe('ExampleBlock', () => {
  it('hides the worked solution until asked, and asks the learner to try first', () => {
    renderInLesson(SampleLesson);

    expect(example().getByText(SOLUTION)).not.toBeVisible();
    expect(example().getByText(/Who is the customer when a restaurant buys/)).toBeVisible();
    expect(example().getByText('Try it yourself first.')).toBeVisible();
    const show = example().getByRole('button', { name: 'Show worked solution' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(example().queryByText(/Worked solution hidden/)).toBeNull();
  });

  it('shows the solution on request, records the reveal once, and hides it again with the same button', async () => {
    const { user, progress } = renderInLesson(SampleLesson);
    const button = example().getByRole('button', { name: 'Show worked solution' });

    await user.click(button);

    expect(example().getByText(SOLUTION)).toBeVisible();
    expect(button).toHaveAccessibleName('Hide worked solution');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveFocus();
    expect(progress.callsTo('reveal')).toEqual([[LESSON_ID, 'example-a-coffee-maker']]);

    await user.click(button);
    await user.click(button);
    expect(example().getByText(SOLUTION)).toBeVisible();
    expect(progress.callsTo('reveal')).toHaveLength(1);
  });

  it('shows the solution from the start when the tutor wrote {open}', () => {
    renderInLesson(SampleLesson);
    const gift = within(screen.getByRole('region', { name: 'Example: A gift' }));

    expect(gift.getByText('The grandparent buys; the grandchild uses it.')).toBeVisible();
    expect(gift.getByRole('button', { name: 'Hide worked solution' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('offers nothing to hide when the example has no worked solution', () => {
    renderInLesson(SampleLesson);
    const canteen = within(screen.getByRole('region', { name: 'Example: A school canteen' }));

    expect(canteen.getByText('The council pays; the pupils eat.')).toBeVisible();
    expect(canteen.queryByRole('button')).toBeNull();
  });
});
