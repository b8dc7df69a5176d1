import '@testing-library/svelte/vitest';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import SampleLesson from './SampleLesson.svelte';
import { html, renderInLesson } from '../../../tests/helpers/test-render.ts';
import VideoBlock from './VideoBlock.svelte';

// jsdom has no layout, so contrast is checked in real Chromium by the e2e suite; everything
// structural (names, roles, ARIA references, labels) is checked here, after interacting too.
async function violations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, {
    iframes: false,
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
}

// axe walks the whole tree several times: slow in jsdom, especially on a busy machine.
const AXE_TIMEOUT_MS = 30_000;

describe('block accessibility', () => {
  it('has no axe violations in a lesson using every kind, before and after answering', async () => {
    const { container, user, getByRole, getAllByRole } = renderInLesson(SampleLesson);
    expect(await violations(container)).toEqual([]);

    await user.click(getByRole('button', { name: 'Show answer' }));
    await user.click(getAllByRole('button', { name: 'Show worked solution' })[0]!);
    await user.click(getAllByRole('button', { name: 'Show it anyway' })[0]!);
    await user.click(getByRole('button', { name: 'Mark as done' }));

    expect(await violations(container)).toEqual([]);
  }, AXE_TIMEOUT_MS);

  it('has no axe violations in a video facade or its player', async () => {
    const { container, user, getByRole } = renderInLesson(VideoBlock, {
      id: 'video',
      title: 'The customer journey',
      url: 'https://youtu.be/dQw4w9WgXcQ',
      children: html('<p>Transcript.</p>'),
    });
    expect(await violations(container)).toEqual([]);

    await user.click(getByRole('button', { name: 'Play video: The customer journey' }));

    expect(await violations(container)).toEqual([]);
  }, AXE_TIMEOUT_MS);
});
