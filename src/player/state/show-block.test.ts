import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showBlock } from './show-block.ts';

// jsdom lays nothing out and has no scrollIntoView: record the calls instead.
const scrolled = vi.fn();
beforeEach(() => {
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled(this.id);
  };
});
afterEach(() => {
  document.body.innerHTML = '';
  scrolled.mockClear();
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe('showBlock', () => {
  it('focuses a block that is already there, making it focusable', () => {
    document.body.innerHTML = '<section id="block-theory">Theory</section>';
    showBlock(document, 'theory');
    expect(document.activeElement?.id).toBe('block-theory');
    expect(document.getElementById('block-theory')?.tabIndex).toBe(-1);
    expect(scrolled).toHaveBeenCalledWith('block-theory');
  });

  it('waits for a block that the lesson renders later', async () => {
    showBlock(document, 'example');
    const block = document.createElement('section');
    block.id = 'block-example';
    document.body.append(block);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(block);
  });
});
