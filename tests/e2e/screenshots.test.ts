// Screenshots of what learners see, on a phone and a laptop, written to tests/.screenshots/ (git
// ignored) for people to look at. The test asserts the pages render without horizontal scrolling.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../helpers/site.ts';

const OUT = resolve(import.meta.dirname, '../.screenshots');
const PAGES = [
  ['catalogue', '#/'],
  ['course-home', '#/external-customers'],
  ['lesson-blocks', '#/customer-service/how-to-study'],
  ['lesson-case-study', '#/external-customers/john-lewis-case-study'],
  ['lesson-reflection', '#/external-customers/reflections'],
  ['lesson-rating', '#/customer-service/purpose-of-customer-service'],
  ['quiz', '#/external-customers/quiz/external-customers-quiz'],
] as const;
const VIEWPORTS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
  ['narrow', { width: 320, height: 640 }],
] as const;

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await site?.close();
});

describe('screenshots', () => {
  for (const [viewportName, viewport] of VIEWPORTS) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${viewportName} ${scheme}`, async () => {
        const { page, context } = await site.open('#/', { viewport, colorScheme: scheme });
        for (const [name, hash] of PAGES) {
          await page.goto(`${site.url}${hash}`);
          await page.waitForFunction(() => !!document.querySelector('h1')?.textContent?.trim());
          await page.waitForTimeout(150);
          await page.screenshot({ path: `${OUT}/${name}-${viewportName}-${scheme}.png`, fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
        }
        await context.close();
      });
    }
  }
});
