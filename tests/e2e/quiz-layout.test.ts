// A quiz on a phone in real Chromium: long matching answers and a long ordering never make the page
// scroll sideways at 320 or 390 px, ordering items keep most of the width, the results show scores
// as whole or one-decimal numbers, and axe finds nothing on the ordering step or the review.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const CONTENT = resolve(import.meta.dirname, '../fixtures/quiz-layout/content');
const QUIZ_URL = '#/quiz-layout/quiz/long';

let site: Site;
beforeAll(async () => {
  site = await startSite(CONTENT);
}, 120_000);
afterAll(async () => {
  await site?.close();
});

/** How far the page reaches past the viewport's right edge, in CSS pixels (0 = no sideways scroll). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const heading = (page: Page) => page.locator('main h2').first().textContent();

/** axe-core's WCAG A/AA findings on the page as it is now, as "rule: target" lines. */
async function axeFindings(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    type Axe = { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    const { violations } = await (window as unknown as { axe: Axe }).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
  });
}

describe.each([320, 390])('the quiz at %i px wide', (width) => {
  it('never scrolls sideways, keeps ordering items wide, and shows scores with at most one decimal', async () => {
    const { page, context } = await site.open(QUIZ_URL, { viewport: { width, height: 800 } });
    await button(page, 'Start quiz').click();
    await expect.poll(() => heading(page)).toBe('Question 1 of 4');

    // Matching: drop-downs holding long answers.
    const selects = page.locator('main select');
    await expect.poll(() => selects.count()).toBe(3);
    expect(await overflow(page)).toBe(0);
    await selects.nth(0).selectOption('An internal customer who depends on your work to do their own job well');
    await selects.nth(1).selectOption('A supplier who provides the raw materials and components for the machines');
    expect(await overflow(page)).toBe(0);
    for (const box of await selects.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().right))) expect(box).toBeLessThanOrEqual(width);
    await button(page, 'Check answer').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Partly right: 0.3 of 1 point');
    expect(await overflow(page)).toBe(0);

    // Ordering: the text of each item takes most of the row; checking the shown order is allowed.
    await button(page, 'Next').click();
    await expect.poll(() => heading(page)).toBe('Question 2 of 4');
    const widths = await page.locator('ol.ordering > li').evaluateAll((rows) =>
      rows.map((row) => (row.querySelector('.item') as HTMLElement).getBoundingClientRect().width / row.getBoundingClientRect().width),
    );
    expect(widths).toHaveLength(4);
    for (const share of widths) expect(share).toBeGreaterThan(0.5);
    expect(await overflow(page)).toBe(0);
    expect(await axeFindings(page)).toEqual([]);
    await button(page, 'Check answer').click();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/Not quite|Partly right/);
    expect(await page.locator('main').innerText()).not.toContain('Answer the question first');

    // Multiple choice, two of the three right ones: partial credit with a repeating decimal.
    await button(page, 'Next').click();
    await page.getByRole('checkbox', { name: 'Call centres' }).check();
    await page.getByRole('checkbox', { name: 'Mobile apps' }).check();
    await button(page, 'Check answer').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Partly right: 2 of 3 points');

    await button(page, 'Next').click();
    await page.getByRole('textbox').fill('XYZ-1');
    await button(page, 'Check answer').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Right answer: CMP- followed by anything');
    await button(page, 'Submit quiz').click();

    // Results: "You scored 2.3 of 6 (38.8%)": no raw decimals anywhere on the page.
    await expect.poll(() => page.locator('main').innerText()).toContain('Your results');
    const results = await page.locator('main').innerText();
    expect(results).toMatch(/You scored \d+(\.\d)? of 6 \(\d+(\.\d)?%\)\. The pass mark is 80%\./);
    expect(results).not.toMatch(/\d\.\d\d/);
    expect(results).toContain('What to go over');
    expect(await page.getByRole('link', { name: 'Revisit “The basics”' }).getAttribute('href')).toBe('#/quiz-layout/basics');
    expect(await overflow(page)).toBe(0);
    expect(await axeFindings(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('dragging in Chromium', () => {
  it('moves an item by its grip with a mouse and with a finger', async () => {
    // Tall enough that the whole list is on screen: touches land only inside the viewport.
    const { page, context } = await site.open(QUIZ_URL, { viewport: { width: 390, height: 1600 } });
    await button(page, 'Start quiz').click();
    await button(page, 'Next').click();
    await expect.poll(() => heading(page)).toBe('Question 2 of 4');
    const items = page.locator('ol.ordering > li .item');
    const before = await items.allInnerTexts();
    const grip = page.locator('ol.ordering > li .grip').first();
    const from = (await grip.boundingBox())!;
    const last = (await page.locator('ol.ordering > li').last().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, last.y + last.height - 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => items.allInnerTexts()).toEqual([...before.slice(1), before[0]]);

    // A finger: touch events through the DevTools protocol; the grip must not let the page scroll instead.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const lastGrip = (await page.locator('ol.ordering > li .grip').last().boundingBox())!;
    const first = (await page.locator('ol.ordering > li').first().boundingBox())!;
    const x = lastGrip.x + lastGrip.width / 2;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: lastGrip.y + lastGrip.height / 2 }] });
    for (let i = 1; i <= 8; i++) {
      const y = lastGrip.y + lastGrip.height / 2 + ((first.y + 2 - (lastGrip.y + lastGrip.height / 2)) * i) / 8;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => items.allInnerTexts()).toEqual([before[0], ...before.slice(1)]);
    await context.close();
  }, 60_000);
});
