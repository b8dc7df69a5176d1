// Keyboard only: from the catalogue to the end of a lesson with Tab, Shift+Tab, Enter and Space.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, type Site } from '../helpers/site.ts';

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
});
afterAll(async () => {
  await site?.close();
});

/** Presses Tab until the focused element matches, like a keyboard user scanning the page. */
async function tabTo(page: Page, matches: (el: { tag: string; name: string; href: string | null }) => boolean, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return { tag: '', name: '', href: null, visible: false };
      const style = getComputedStyle(el);
      return {
        tag: el.tagName.toLowerCase(),
        name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' '),
        href: el.getAttribute('href'),
        // A visible focus indicator: an outline or a box shadow.
        visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
      };
    });
    if (matches(focused)) {
      expect(focused.visible, `focus on "${focused.name}" is not visible`).toBe(true);
      return;
    }
  }
  throw new Error('the element was not reachable with Tab');
}

describe('keyboard only', () => {
  it('goes from the catalogue through a lesson to its end', async () => {
    const { page, context } = await site.open('#/');
    await page.waitForSelector('h1');
    await tabTo(page, (el) => el.href === '#/external-customers');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.includes('External customers'));
    await tabTo(page, (el) => el.href === '#/external-customers/customer-or-consumer');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() === 'Customer or consumer?');

    await tabTo(page, (el) => el.tag === 'button' && el.name.startsWith('Show answer'));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.textContent?.includes('she buys the cereal'));

    await tabTo(page, (el) => el.tag === 'button' && el.name.startsWith('Mark as done'));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent?.includes('Mark as done') && b.getAttribute('aria-pressed') === 'true'));

    await tabTo(page, (el) => el.name === 'Next');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim() === 'Internal and external customers');
    // Focus moved to the new page's heading, so the next Tab continues from the top of the lesson.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await context.close();
  });

  it('has a skip link to the main content', async () => {
    const { page, context } = await site.open('#/external-customers');
    await page.waitForSelector('h1');
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: document.activeElement?.getAttribute('href') }));
    expect(first.text).toBe('Skip to content');
    await context.close();
  });
});
