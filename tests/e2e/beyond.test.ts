// Beyond the anchors, in real Chromium against the built seed courses: spaced review of missed
// questions (and, as they land, the certificate and search). Each journey starts from empty storage.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { correctAnswer } from '../../src/engine/grading.ts';
import { axeViolations } from '../helpers/axe.ts';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const course = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!;
const quiz = [...course.quizzes.values()][0]!;
const graded = quiz.questions.filter((q) => q.type !== 'description');
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, "'").replace(/&quot;/g, '"').trim();

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
});
afterAll(async () => {
  await site?.close();
});

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });
const mainText = (page: Page) => page.locator('main').innerText();

/** Takes the quiz and submits it with nothing answered: every graded question is missed. */
async function failQuiz(page: Page): Promise<void> {
  await page.goto(`${site.url}#/external-customers/quiz/${quiz.id}`);
  await button(page, 'Start quiz').click();
  for (let n = 1; n < quiz.questions.length; n++) await button(page, 'Next').click();
  await button(page, 'Submit quiz').click();
  await button(page, 'Submit anyway').click();
  await expect.poll(() => mainText(page)).toContain('The pass mark is 80%');
}

describe('spaced review', () => {
  it('brings missed quiz questions to the Review page, asks them again and reschedules them', async () => {
    const { page, context } = await site.open('#/');
    await failQuiz(page);

    // The course home counts them and links to the Review page.
    await page.goto(`${site.url}#/external-customers`);
    const due = page.getByRole('link', { name: `${graded.length} questions due`, exact: true });
    await due.waitFor();
    await due.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Review');
    await expect.poll(() => mainText(page)).toContain(`${graded.length} questions due today`);
    expect(await page.locator('main h2').first().textContent()).toBe(`Question 1 of ${graded.length}`);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), scheme).toEqual([]);
    }

    // Answer the question on screen (found by its prompt) right, through the quiz's own controls.
    await page.locator('main .question').waitFor();
    const shown = await page.locator('main .question').innerText();
    const question = graded.find((q) => shown.includes(text(q.promptHtml).split('\n')[0]!.slice(0, 30)))!;
    expect(question, shown).toBeDefined();
    const answer = correctAnswer(question);
    if (answer.type === 'single' && question.type === 'single') {
      const option = question.options.find((o) => o.id === answer.optionId)!;
      await page.locator('main').getByRole('radio', { name: text(option.html), exact: true }).check();
    } else if (answer.type === 'truefalse') {
      await page.locator('main').getByRole('radio', { name: answer.value ? 'True' : 'False', exact: true }).check();
    } else {
      throw new Error(`the review journey answers single-choice and true/false questions; got ${question.type}`);
    }
    await button(page, 'Check answer').click();
    await expect.poll(() => mainText(page)).toMatch(/You will see this question again on /);
    await button(page, 'Next question').click();
    await expect.poll(() => page.locator('main h2').first().textContent()).toBe(`Question 2 of ${graded.length}`);

    // The new schedule is stored: after a reload one question fewer is due today.
    await page.reload();
    await expect.poll(() => mainText(page)).toContain(`${graded.length - 1} questions due today`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
