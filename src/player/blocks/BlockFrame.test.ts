import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import SampleLesson from './SampleLesson.svelte';
import { renderInLesson } from '../../../tests/helpers/test-render.ts';

describe('a compiled lesson', () => {
  it.each([
    'Purpose: Why this matters',
    'Theory: Customer or consumer',
    'Example: A coffee maker for a restaurant',
    'Example: A school canteen',
    'Question',
    'Challenge: Map a journey',
    'Case study: The John Lewis Partnership',
    'Reflection: Face-to-face transaction',
    'Rating: Please rate your experience with us',
    'Outcomes: Learning outcomes',
    'Quiz: End-of-module quiz',
  ])('shows the block as a region named "%s", headed by an h2 of that name', (name) => {
    renderInLesson(SampleLesson);

    const region = screen.getByRole('region', { name });
    expect(within(region).getByRole('heading', { level: 2, name })).toBeInTheDocument();
  });

  it('gives every block its own heading, so no two regions share a name source', () => {
    const { container } = renderInLesson(SampleLesson);

    const regions = screen.getAllByRole('region');
    const labels = regions.map((region) => region.getAttribute('aria-labelledby'));
    expect(regions).toHaveLength(12);
    expect(new Set(labels).size).toBe(labels.length);
    expect(container.querySelectorAll('h1')).toHaveLength(0);
  });

  it('renders the Markdown body inside the region', () => {
    renderInLesson(SampleLesson);

    const purpose = screen.getByRole('region', { name: 'Purpose: Why this matters' });
    expect(within(purpose).getByText(/whose expectations you must meet/)).toBeVisible();
  });
});
