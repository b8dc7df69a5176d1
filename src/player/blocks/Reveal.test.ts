import '@testing-library/svelte/vitest';
import { render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it } from 'vitest';
import Reveal from './Reveal.svelte';
import SampleLesson from './SampleLesson.svelte';
import { renderInLesson } from '../../../tests/helpers/test-render.ts';

describe('Reveal', () => {
  it('simply shows its content outside a block that hides it', () => {
    render(Reveal, { props: { children: createRawSnippet(() => ({ render: () => '<p>Always here</p>' })) } });

    expect(screen.getByText('Always here')).toBeVisible();
  });

  it('keeps closed content in the page, marked for the print rule that shows it', () => {
    renderInLesson(SampleLesson);
    const question = within(screen.getByRole('region', { name: 'Question' }));

    const answer = question.getByText('The mother. The child is the consumer.').closest('[data-cm-reveal]');
    expect(answer).toHaveAttribute('hidden');
  });
});
