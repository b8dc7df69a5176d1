// The learner's journey in real headless Chromium against the built site: catalogue → course →
// Resume → every lesson with Next, doing the activities, then a reload that finds everything kept.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const content = loadContent('content', { cwd: ROOT });
const external = content.courses.find((c) => c.manifest.id === 'external-customers')!.manifest;

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
});
afterAll(async () => {
  await site?.close();
});

const h1 = (page: Page) => page.locator('h1');
const nav = (page: Page, name: 'Next' | 'Previous') =>
  page.getByRole('link', { name, exact: true }).or(page.getByRole('button', { name, exact: true }));

async function expectHeading(page: Page, text: string) {
  await expect
    .poll(() => page.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? ''), { timeout: 10_000, message: `h1 at ${page.url()}` })
    .toBe(text);
  expect(await h1(page).count()).toBe(1);
}

describe('a learner in Chromium', () => {
  it('finds both courses in the catalogue, as links inside main', async () => {
    const { page, context } = await site.open('#/');
    await page.locator('main a[href="#/external-customers"]').first().waitFor();
    expect(await page.locator('main a[href="#/customer-service"]').count()).toBeGreaterThan(0);
    expect(await h1(page).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lists every lesson and the quiz on the course home', async () => {
    const { page, context } = await site.open('#/external-customers');
    await expectHeading(page, external.title);
    for (const lesson of external.lessons) {
      expect(await page.locator(`a[href="#/external-customers/${lesson.id}"]`).count(), lesson.id).toBeGreaterThan(0);
    }
    expect(await page.locator('a[href*="quiz"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('starts, resumes, walks every lesson with Next, does the activities and keeps them after a reload', async () => {
    const { page, context } = await site.open('#/external-customers');
    await expectHeading(page, external.title);
    await page.getByRole('link', { name: 'Start course' }).or(page.getByRole('button', { name: 'Start course' })).first().click();
    await expectHeading(page, external.lessons[0]!.title);

    // Back on the course home, the saved position is offered as "Resume".
    await page.goto(`${site.url}#/external-customers`);
    await expectHeading(page, external.title);
    await page.getByRole('link', { name: 'Resume' }).or(page.getByRole('button', { name: 'Resume' })).first().click();
    await expectHeading(page, external.lessons[0]!.title);

    const reflectionText = 'A shop assistant ignored me while on the phone.';
    for (const [n, lesson] of external.lessons.entries()) {
      await expectHeading(page, lesson.title);
      if (lesson.id === 'customer-or-consumer') {
        const example = page.getByRole('region', { name: /^Example: A coffee maker for a restaurant/ });
        // The worked solution waits until the learner asks for it.
        expect(await example.innerText()).not.toContain('pictured as a');
        await example.getByRole('button', { name: 'Show worked solution' }).click();
        await expect.poll(() => example.innerText()).toContain('pictured as a');
        const question = page.getByRole('region', { name: /^Question: Who is the customer\?/ });
        expect(await question.innerText()).not.toContain('she buys the cereal');
        await question.getByRole('button', { name: 'Show answer', exact: true }).click();
        await expect.poll(() => question.innerText()).toContain('she buys the cereal');
        const challenge = page.getByRole('region', { name: /^Challenge: Customers and consumers around you/ });
        await challenge.getByRole('button', { name: 'Mark as done' }).click();
        await expect.poll(() => challenge.getByRole('button', { name: 'Mark as done' }).getAttribute('aria-pressed')).toBe('true');
      }
      if (lesson.id === 'reflections') {
        const reflection = page.getByRole('region', { name: 'Reflection: Face-to-face transaction' });
        await reflection.getByRole('textbox', { name: 'What was the situation?' }).fill(reflectionText);
      }
      if (n < external.lessons.length - 1) await nav(page, 'Next').first().click();
    }

    // A reload on the reflection lesson: what the learner typed is still there.
    await page.goto(`${site.url}#/external-customers/reflections`);
    await page.reload();
    await expectHeading(page, 'Reflections exercise');
    const box = page.getByRole('region', { name: 'Reflection: Face-to-face transaction' }).getByRole('textbox', { name: 'What was the situation?' });
    await expect.poll(() => box.inputValue()).toBe(reflectionText);

    // And the challenge is still marked done.
    await page.goto(`${site.url}#/external-customers/customer-or-consumer`);
    await expectHeading(page, 'Customer or consumer?');
    const challenge = page.getByRole('region', { name: /^Challenge: Customers and consumers around you/ });
    await expect.poll(() => challenge.getByRole('button', { name: 'Mark as done' }).getAttribute('aria-pressed')).toBe('true');

    // The course home shows the progress made.
    await page.goto(`${site.url}#/external-customers`);
    await expectHeading(page, external.title);
    expect(await page.getByRole('link', { name: 'Resume' }).or(page.getByRole('button', { name: 'Resume' })).count()).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('goes back with Previous', async () => {
    const { page, context } = await site.open(`#/external-customers/${external.lessons[2]!.id}`);
    await expectHeading(page, external.lessons[2]!.title);
    await nav(page, 'Previous').first().click();
    await expectHeading(page, external.lessons[1]!.title);
    await context.close();
  });

  it('opens a deep link to a lesson directly, and a deep link wins over the saved position', async () => {
    const { page, context } = await site.open(`#/customer-service/customer-journey`);
    await expectHeading(page, 'The customer journey');
    await page.goto(`${site.url}#/customer-service/complaints`);
    await page.reload();
    // The saved position is now "customer-journey", yet the deep link opens the lesson it names.
    await expectHeading(page, 'Complaints and how to handle them');
    await context.close();
  });

  it('shows the friendly not-found page for bad links', async () => {
    for (const hash of ['#/no-such-course', '#/external-customers/no-such-lesson', '#/external-customers/quiz/no-such-quiz']) {
      const { page, context } = await site.open(hash);
      await expectHeading(page, 'Page not found');
      expect(await page.locator('main a[href="#/"]').count(), hash).toBeGreaterThan(0);
      await context.close();
    }
  });

  it('plays the bundled course video from its own file, with captions', async () => {
    const { page, context } = await site.open('#/customer-service/customer-journey');
    await expectHeading(page, 'The customer journey');
    const video = page.locator('main video');
    await expect.poll(() => video.evaluate((el: HTMLVideoElement) => el.readyState), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    expect(new URL(await video.evaluate((el: HTMLVideoElement) => el.currentSrc)).pathname).toMatch(/\/assets\/customer-journey-[\w-]+\.webm$/);
    expect(await video.evaluate((el: HTMLVideoElement) => el.textTracks[0]?.kind)).toBe('captions');
    // No lesson of either course links to a YouTube search any more.
    for (const lesson of ['how-to-study', 'customer-journey', 'customer-profiles-and-records', 'complaints', 'customer-feedback']) {
      await page.goto(`${site.url}#/customer-service/${lesson}`);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && !!document.querySelector('main section'));
      expect(await page.locator('a[href*="youtube.com/results"]').count(), lesson).toBe(0);
    }
    await context.close();
  });

  it('renders the seed course diagrams from the bundle, not the network (an SVG only ever as a data: image)', async () => {
    const { page, context } = await site.open('#/external-customers/service-network');
    await expectHeading(page, 'The customer service network');
    const image = page.locator('main img').first();
    await image.waitFor();
    expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const src = new URL((await image.evaluate((img: HTMLImageElement) => img.currentSrc || img.src)));
    // Inlined by the lesson compiler: an SVG file on the site's origin could run script if opened.
    expect(src.protocol).toBe('data:');
    expect(src.href).toMatch(/^data:image\/svg\+xml/);
    await context.close();
  });
});
