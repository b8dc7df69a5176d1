// Issue 11 item 3 in real Chromium: a quiz attempt in progress survives a reload (same question,
// every answer, the same deadline), and a timed attempt whose deadline passed while the quiz was
// closed is submitted with what was answered, and the page says so. The fixture course has one
// 10-minute quiz of three questions.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const CONTENT = resolve(import.meta.dirname, '../fixtures/quiz-draft/content');
const QUIZ_URL = '#/quiz-draft/quiz/timed';
const DRAFT_KEY = 'coursemark:v1:draft:quiz-draft/timed';

let site: Site;
beforeAll(async () => {
  site = await startSite(CONTENT);
}, 300_000);
afterAll(async () => {
  await site?.close();
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const question = (page: Page, n: number) => page.getByRole('heading', { level: 2, name: `Question ${n} of 3` });
/** Seconds left on the quiz's clock ("Time left: 9:58" → 598). */
async function secondsLeft(page: Page): Promise<number> {
  const [, minutes, seconds] = /(\d+):(\d\d)/.exec((await page.getByRole('timer').textContent()) ?? '')!;
  return Number(minutes) * 60 + Number(seconds);
}
const storedDraft = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null') as { deadline: number; startedAt: number; answers: Record<string, unknown> } | null, DRAFT_KEY);

/** Starts the quiz and answers the first two questions right, ending on the second. */
async function answerTwo(page: Page): Promise<void> {
  await button(page, 'Start quiz').click();
  await question(page, 1).waitFor();
  await page.getByRole('radio', { name: 'The restaurant', exact: true }).check();
  await button(page, 'Next').click();
  await question(page, 2).waitFor();
  await page.getByRole('checkbox', { name: 'Call centres', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Mobile apps', exact: true }).check();
}

describe('a quiz in progress in Chromium', () => {
  it('resumes after a reload at the same question, with every answer and the same deadline', async () => {
    const { page, context } = await site.open(QUIZ_URL);
    try {
      await answerTwo(page);
      await button(page, 'Next').click();
      await question(page, 3).waitFor();
      await page.getByRole('textbox').fill('consum');
      // Let the clock run a little, so that a restarted clock would show.
      await page.waitForFunction(() => /Time left: 9:5[0-8]/.test(document.querySelector('[role=timer]')?.textContent ?? ''), null, { timeout: 10_000 });
      const before = await secondsLeft(page);
      const deadline = (await storedDraft(page))?.deadline;
      expect(deadline).toBeGreaterThan(Date.now());

      await page.reload();
      await question(page, 3).waitFor();
      await expect.poll(() => page.getByRole('textbox').inputValue()).toBe('consum');
      expect(await page.getByText('Welcome back: this is the attempt you started').isVisible()).toBe(true);
      expect(await secondsLeft(page)).toBeLessThanOrEqual(before);
      expect((await storedDraft(page))?.deadline).toBe(deadline);

      await button(page, 'Previous').click();
      await question(page, 2).waitFor();
      expect(await page.getByRole('checkbox', { name: 'Call centres', exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Mobile apps', exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Pricing strategy', exact: true }).isChecked()).toBe(false);
      await button(page, 'Previous').click();
      await question(page, 1).waitFor();
      expect(await page.getByRole('radio', { name: 'The restaurant', exact: true }).isChecked()).toBe(true);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('submits what was answered when the deadline passed while the quiz was closed, and says so', async () => {
    const { page, context } = await site.open(QUIZ_URL);
    try {
      await answerTwo(page);
      // The debounced save has both answers before the tab goes.
      await expect.poll(async () => Object.keys((await storedDraft(page))?.answers ?? {}).sort()).toEqual(['customer', 'touchpoints']);
      await page.close();

      // Eleven minutes later, in a new tab of the same browser profile.
      const later = await context.newPage();
      const errors: string[] = [];
      later.on('pageerror', (error) => errors.push(error.message));
      await later.clock.install({ time: Date.now() + 11 * 60_000 });
      await later.goto(site.url + QUIZ_URL);
      await later.getByText('Time ran out while the quiz was closed: the answers you had given were submitted.').first().waitFor();
      await later.getByRole('heading', { name: 'Your results' }).waitFor();
      expect(await later.getByText(/^You scored 2 of 3 /).isVisible()).toBe(true);
      expect(await storedDraft(later)).toBeNull();
      // Counted once: the quiz's introduction now shows this attempt as the best so far.
      await later.reload();
      await later.getByText('Your best so far: 66.6%. Not passed yet.').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
