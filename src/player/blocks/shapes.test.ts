// Kinds that share a shape (shapes.ts) render as their own kind, and their props stay live: the
// shape reads each prop when it needs it, as it would from a component of its own.
import '@testing-library/svelte/vitest';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { CaseStudyBlock, PurposeBlock, ReflectionBlock, TheoryBlock } from './index.ts';
import { html, renderInLesson } from '../../../tests/helpers/test-render.ts';

describe('blocks of a shared shape', () => {
  it.each([
    ['purpose', 'Purpose', PurposeBlock],
    ['theory', 'Theory', TheoryBlock],
    ['case-study', 'Case study', CaseStudyBlock],
    ['reflection', 'Reflection', ReflectionBlock],
  ] as const)('renders a %s block as its own kind, labelled "%s"', (kind, label, component) => {
    renderInLesson(component, { id: 'b1', title: 'First', children: html('<p>Body</p>') });

    const region = screen.getByRole('region', { name: `${label}: First` });
    expect(region).toHaveAttribute('data-kind', kind);
    expect(region).toHaveAttribute('id', 'block-b1');
    expect(region).toHaveTextContent('Body');
  });

  it('follows a prop that changes after the block is shown', async () => {
    const { rerender } = render(TheoryBlock, { props: { id: 'b1', title: 'First' } });

    await rerender({ title: 'Second' });

    expect(screen.getByRole('region', { name: 'Theory: Second' })).toHaveAttribute('data-kind', 'theory');
  });
});
