// Layout and learner-facing rules in real Chromium: no sideways scrolling on any route of both
// bundled courses and of a test course with a wide table and long matching options (320, 390 and
// 1280 px); wide tables scroll inside their own region; the phone header keeps one height; the
// desktop outline; the example hidden until asked; the quiz lesson not done before a pass; the
// course file's body on the home; a local video that really loads with its captions.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/layout/content';

function routesOf(contentDir: string): string[] {
  const routes: string[] = [];
  for (const { manifest } of loadContent(contentDir, { cwd: ROOT }).courses) {
    routes.push(`#/${manifest.id}`, `#/${manifest.id}/notes`, `#/${manifest.id}/progress`);
    for (const lesson of manifest.lessons) routes.push(`#/${manifest.id}/${lesson.id}`);
    for (const quiz of manifest.quizzes) routes.push(`#/${manifest.id}/quiz/${quiz.id}`);
  }
  return routes;
}

const WIDTHS = [320, 390, 1280] as const;

let bundled: Site;
let fixture: Site;
beforeAll(async () => {
  bundled = await startSite('content');
  fixture = await startSite(FIXTURE);
}, 240_000);
afterAll(async () => {
  await bundled?.close();
  await fixture?.close();
});

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.querySelector('h1')?.textContent?.trim() && !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 });
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('no sideways scrolling', () => {
  for (const [name, contentDir, site] of [
    ['the bundled courses', 'content', () => bundled],
    ['the wide test course', FIXTURE, () => fixture],
  ] as const) {
    const routes = ['#/', '#/settings', ...routesOf(contentDir)];
    for (const width of WIDTHS) {
      it(`on any route of ${name} at ${width} px (${routes.length} routes)`, async () => {
        const { page, context } = await site().open('#/', { viewport: { width, height: 800 } });
        const wide: string[] = [];
        for (const route of routes) {
          await page.goto(`${site().url}${route}`);
          await settled(page);
          const extra = await overflow(page);
          if (extra > 0) wide.push(`${route}: ${extra}px too wide`);
          // A quiz shows its first question (the long matching one in the test course) once started.
          const start = page.getByRole('button', { name: 'Start quiz' });
          if (route.includes('/quiz/') && (await start.count()) > 0) {
            await start.first().click();
            await page.waitForTimeout(150);
            const started = await overflow(page);
            if (started > 0) wide.push(`${route} (started): ${started}px too wide`);
          }
        }
        expect(wide, wide.join('\n')).toEqual([]);
        await context.close();
      }, 120_000);
    }
  }
});

describe('the wide test course', () => {
  it('scrolls a wide table inside its own focusable, named region', async () => {
    const { page, context } = await fixture.open('#/wide-course/wide-table', { viewport: { width: 390, height: 800 } });
    await settled(page);
    const region = page.getByRole('region', { name: /^Table: Priority, Example of an incident/ });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const sizes = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    // The keyboard scrolls it.
    await region.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('hides the worked solution until the learner asks for it', async () => {
    const { page, context } = await fixture.open('#/wide-course/wide-table');
    await settled(page);
    const example = page.getByRole('region', { name: 'Example: A coffee maker for a restaurant' });
    const solution = example.getByText('The restaurant is the customer: it buys the machine.');
    expect(await solution.isVisible()).toBe(false);
    expect(await example.innerText()).toContain('Try it yourself first.');
    expect(await example.innerText()).not.toContain('Worked solution hidden');
    const show = example.getByRole('button', { name: 'Show worked solution' });
    expect(await show.getAttribute('aria-expanded')).toBe('false');
    await show.click();
    await expect.poll(() => solution.isVisible()).toBe(true);
    expect(await example.getByRole('button', { name: 'Hide worked solution' }).getAttribute('aria-expanded')).toBe('true');
    await context.close();
  });

  it('shows the course file\'s body on the course home, its lesson link working', async () => {
    const { page, context } = await fixture.open('#/wide-course');
    await settled(page);
    const main = page.locator('main');
    expect(await main.getByRole('heading', { level: 3, name: 'Before you start' }).count()).toBe(1);
    expect(await main.innerText()).toContain("This paragraph is the course file's body, shown on the course home.");
    await main.getByRole('link', { name: 'the wide table' }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('A wide table');
    await context.close();
  });

  it('does not count the quiz lesson done before the quiz is passed, and says why', async () => {
    const { page, context } = await fixture.open('#/wide-course/long-matching');
    await settled(page);
    // Read to the end: Next marks the end reached and leads to this lesson's own quiz.
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => page.url()).toContain('#/wide-course/quiz/');
    await page.goto(`${fixture.url}#/wide-course`);
    await settled(page);
    const row = page.locator('main li', { has: page.getByRole('link', { name: 'Long matching options', exact: true }) });
    await expect.poll(() => row.innerText()).toContain('In progress: 1 quiz to pass');
    expect(await row.innerText()).not.toMatch(/\bDone\b/);
    expect(await page.locator('main').innerText()).toContain('0 of 2 lessons done');
    // The quiz is listed once, inside its lesson's row.
    expect(await page.locator('main li', { hasText: 'Quiz: Long matching' }).count()).toBe(1);
    await context.close();
  });

  it('plays a local video with its captions', async () => {
    const { page, context } = await fixture.open('#/wide-course/wide-table');
    await settled(page);
    const video = page.locator('video');
    await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(await video.evaluate((el: HTMLVideoElement) => el.videoWidth)).toBe(640);
    const track = await video.evaluate((el: HTMLVideoElement) => ({ kind: el.textTracks[0]?.kind, mode: el.textTracks[0]?.mode }));
    expect(track).toEqual({ kind: 'captions', mode: 'showing' });
    const region = page.getByRole('region', { name: 'Video: A short silent clip' });
    expect(await region.locator('summary').innerText()).toBe('Transcript');
    await context.close();
  });
});

describe('the frame around lessons', () => {
  it('keeps the phone header to one row of the same height on every page, and small', async () => {
    const { page, context } = await bundled.open('#/', { viewport: { width: 320, height: 640 } });
    const heights: number[] = [];
    for (const route of ['#/', '#/external-customers', '#/external-customers/customer-or-consumer', '#/settings']) {
      await page.goto(`${bundled.url}${route}`);
      await settled(page);
      heights.push(await page.locator('header[data-site]').evaluate((el) => el.getBoundingClientRect().height));
    }
    expect(new Set(heights).size, heights.join(', ')).toBe(1);
    expect(heights[0]! / 640).toBeLessThan(0.1);
    // The links are one press away.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contents' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/external-customers$/);
    await context.close();
  });

  it('shows a sticky course outline beside the lesson on a wide screen only', async () => {
    const { page, context } = await bundled.open('#/external-customers/reflections');
    await settled(page);
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    expect(await outline.isVisible()).toBe(true);
    expect(await outline.locator('[aria-current="page"]').innerText()).toContain('Reflections');
    expect(await outline.innerText()).toMatch(/\d+ lessons left/);
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => outline.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => outline.isVisible()).toBe(false);
    await context.close();
  });
});
