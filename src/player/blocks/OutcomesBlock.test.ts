import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import OutcomesBlock from './OutcomesBlock.svelte';
import SampleLesson from './SampleLesson.svelte';
import { html, renderInLesson } from '../../../tests/helpers/test-render.ts';

const COURSE_OUTCOMES = ['Tell a customer from a consumer', 'Map a customer journey'];

function listed(): string[] {
  const region = within(screen.getByRole('region', { name: 'Outcomes: Learning outcomes' }));
  return region.getAllByRole('listitem').map((item) => item.textContent?.trim() ?? '');
}

describe('OutcomesBlock', () => {
  it("shows the tutor's list when the block has one", () => {
    renderInLesson(SampleLesson);

    expect(listed()).toEqual(['Explain who an external customer is']);
  });

  it.each([
    ['the build marks the body empty', { empty: 'true', children: html('') }],
    ['there are no children', {}],
    ['the body is only whitespace', { children: html('  \n ') }],
  ])("falls back to the course's outcomes when %s", async (_case, props) => {
    renderInLesson(OutcomesBlock, { id: 'outcomes', title: 'Learning outcomes', ...props });

    await screen.findAllByRole('listitem');
    expect(listed()).toEqual(COURSE_OUTCOMES);
    // The title leads in; the block does not add a second lead-in of its own.
    expect(screen.queryByText('By the end of this course you will be able to:')).toBeNull();
  });

  it('leads in with its own sentence only when the tutor gave no title', async () => {
    renderInLesson(OutcomesBlock, { id: 'outcomes' });

    expect(await screen.findByText('By the end of this course you will be able to:')).toBeVisible();
    expect(within(screen.getByRole('region', { name: 'Outcomes' })).getAllByRole('listitem')).toHaveLength(2);
  });
});
