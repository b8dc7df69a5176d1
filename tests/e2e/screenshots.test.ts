// Screenshots of every page learners see, on a phone (390 px) and a laptop (1280 px), light and
// dark, written to tests/.screenshots/ (git ignored) for people to look at: every route of both
// bundled courses and of the wide test course, plus a lesson with its example opened and a phone
// with the menu open. The test also asserts that no page scrolls sideways.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = resolve(import.meta.dirname, '../.screenshots');
const FIXTURE = 'tests/fixtures/layout/content';

/** [file name, route] for every page of the courses in a content folder. */
function pagesOf(contentDir: string): [string, string][] {
  const pages: [string, string][] = [];
  for (const { manifest } of loadContent(contentDir, { cwd: ROOT }).courses) {
    const id = manifest.id;
    pages.push([`${id}--home`, `#/${id}`], [`${id}--notes`, `#/${id}/notes`], [`${id}--progress`, `#/${id}/progress`]);
    manifest.lessons.forEach((lesson, i) => pages.push([`${id}--${String(i + 1).padStart(2, '0')}-${lesson.id}`, `#/${id}/${lesson.id}`]));
    for (const quiz of manifest.quizzes) pages.push([`${id}--quiz-${quiz.id}`, `#/${id}/quiz/${quiz.id}`]);
  }
  return pages;
}

const VIEWPORTS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const;

let bundled: Site;
let fixture: Site;
beforeAll(async () => {
  bundled = await startSite('content');
  fixture = await startSite(FIXTURE);
  mkdirSync(OUT, { recursive: true });
}, 240_000);
afterAll(async () => {
  await bundled?.close();
  await fixture?.close();
});

async function shoot(page: Page, path: string, width: number): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('h1')?.textContent?.trim() && !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 });
  await page.waitForTimeout(120);
  await page.screenshot({ path, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
}

describe('screenshots', () => {
  for (const [viewportName, viewport] of VIEWPORTS) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`${viewportName} ${scheme}`, async () => {
        for (const [site, pages] of [
          [bundled, [['catalogue', '#/'], ['settings', '#/settings'], ...pagesOf('content')]],
          [fixture, pagesOf(FIXTURE)],
        ] as const) {
          const { page, context } = await site.open('#/', { viewport, colorScheme: scheme });
          for (const [name, hash] of pages) {
            await page.goto(`${site.url}${hash}`);
            await shoot(page, `${OUT}/${name}-${viewportName}-${scheme}.png`, viewport.width);
          }
          if (site === fixture) {
            await page.goto(`${site.url}#/wide-course/wide-table`);
            await page.getByRole('button', { name: 'Show worked solution' }).click();
            await shoot(page, `${OUT}/wide-course--example-open-${viewportName}-${scheme}.png`, viewport.width);
            await page.goto(`${site.url}#/wide-course/quiz/long-matching`);
            await page.getByRole('button', { name: 'Start quiz' }).click();
            // Only pictured here: tests/e2e/layout.test.ts holds the no-sideways-scrolling check for it.
            await page.waitForTimeout(150);
            await page.screenshot({ path: `${OUT}/wide-course--quiz-started-${viewportName}-${scheme}.png`, fullPage: true });
            if (viewportName === 'phone') {
              await page.getByRole('button', { name: 'Menu' }).click();
              await page.screenshot({ path: `${OUT}/wide-course--menu-open-${viewportName}-${scheme}.png` });
            }
          }
          await context.close();
        }
      }, 300_000);
    }
  }
});
