// A learner self-testing in Chromium: take the external-customers quiz, fail it, read the review,
// practise the missed questions, pass it on a retry, reload and find both attempts in the history.
// The right answers come from the compiled quiz and the grading engine, not from this file.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import type { Question } from '../../src/content/schema/quiz.ts';
import { correctAnswer, describeAnswer } from '../../src/engine/grading.ts';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const course = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!;
const quiz = [...course.quizzes.values()][0]!;
const QUIZ_URL = `#/external-customers/quiz/${quiz.id}`;

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, "'").replace(/&quot;/g, '"').trim();

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
});
afterAll(async () => {
  await site?.close();
});

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

/** Answers the question on screen with the right answer, through the controls a learner uses. */
async function answerRight(page: Page, question: Question): Promise<void> {
  const answer = correctAnswer(question);
  const main = page.locator('main');
  switch (answer.type) {
    case 'single':
    case 'multiple': {
      const ids = answer.type === 'single' ? [answer.optionId] : answer.optionIds;
      const options = question.type === 'single' || question.type === 'multiple' ? question.options : [];
      for (const option of options.filter((o) => ids.includes(o.id))) {
        await main.getByRole(answer.type === 'single' ? 'radio' : 'checkbox', { name: text(option.html), exact: true }).check();
      }
      return;
    }
    case 'truefalse':
      await main.getByRole('radio', { name: answer.value ? 'True' : 'False', exact: true }).check();
      return;
    case 'short':
    case 'numeric':
      await main.getByRole('textbox').fill(answer.text);
      return;
    case 'blanks':
      for (const [i, value] of answer.values.entries()) {
        const blank = main.getByLabel(`Blank ${i + 1} of ${answer.values.length}`, { exact: true });
        if ((await blank.evaluate((el) => el.tagName)) === 'SELECT') await blank.selectOption(value);
        else await blank.fill(value);
      }
      return;
    case 'matching':
      if (question.type !== 'matching') return;
      for (const pair of question.pairs) await main.getByLabel(text(pair.promptHtml), { exact: true }).selectOption(answer.chosen[pair.id]!);
      return;
    case 'ordering': {
      if (question.type !== 'ordering') return;
      // Move each item up into its place, top to bottom, with the keyboard-friendly buttons.
      for (const [target, item] of question.items.entries()) {
        const label = text(item.html);
        const items = main.locator('ol.ordering > li');
        for (let guard = 0; guard < question.items.length; guard++) {
          const position = (await items.allInnerTexts()).findIndex((t) => t.includes(label));
          if (position <= target) break;
          await main.getByRole('button', { name: `Move ${label} up`, exact: true }).click();
        }
      }
      return;
    }
    default:
      return;
  }
}

async function onQuestion(page: Page, n: number, total: number) {
  await expect.poll(() => page.locator('main h2').first().textContent()).toBe(`Question ${n} of ${total}`);
}

describe('self-testing with the external-customers quiz', () => {
  const graded = quiz.questions.filter((q) => q.type !== 'description');

  it('fails, reviews, practises the misses, passes on a retry, and keeps both attempts', async () => {
    expect(graded.length).toBeGreaterThanOrEqual(10);
    const { page, context } = await site.open(QUIZ_URL);
    await expect.poll(() => page.locator('h1').textContent()).toBe(quiz.title);

    // Attempt 1: answer the first question right, leave the rest, and submit anyway.
    await button(page, 'Start quiz').click();
    await onQuestion(page, 1, graded.length);
    await answerRight(page, graded[0]!);
    await button(page, 'Check answer').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Correct');
    for (let n = 2; n <= graded.length; n++) {
      await button(page, 'Next').click();
      await onQuestion(page, n, graded.length);
    }
    await button(page, 'Submit quiz').click();
    await button(page, 'Submit anyway').click();
    // Scores read as whole or one-decimal numbers (an ordering left as shown may earn part of its points).
    await expect.poll(() => page.locator('main').innerText()).toMatch(/You scored \d+(\.\d)? of \d+ \(\d+(\.\d)?%\)\. The pass mark is 80%/);
    const failed = /\((\d+(?:\.\d)?)%\)/.exec(await page.locator('main').innerText())![1];

    // The review lists a missed question with its right answer.
    const review = await page.locator('main').innerText();
    const missed = graded.find((q) => q.type === 'single')!;
    expect(review).toContain(text(missed.promptHtml).split('\n')[0]!.slice(0, 40));
    expect(review).toContain(describeAnswer(missed, correctAnswer(missed)));

    // Practice: only the missed questions come back.
    await button(page, 'Retry the ones I missed').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Practice round');
    await onQuestion(page, 1, graded.length - 1);
    await answerRight(page, graded[1]!);
    await button(page, 'Check answer').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Correct');

    // Attempt 2: a full retry, every answer right.
    await page.goto(`${site.url}${QUIZ_URL}`);
    await page.reload();
    await button(page, 'Start quiz').click();
    for (const [i, question] of graded.entries()) {
      await onQuestion(page, i + 1, graded.length);
      await answerRight(page, question);
      await button(page, 'Check answer').click();
      await expect.poll(() => page.locator('main [role="status"], main .verdict').first().innerText().catch(() => ''), { message: `question ${i + 1}: ${question.id}` }).toMatch(/^Correct/);
      if (i < graded.length - 1) await button(page, 'Next').click();
    }
    await button(page, 'Submit quiz').click();
    await expect.poll(() => page.locator('main').innerText()).toContain('(100%). The pass mark is 80%');

    // After a reload, the history still holds both attempts.
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe(quiz.title);
    await page.goto(`${site.url}#/external-customers/progress`);
    await page.reload();
    await expect.poll(() => page.locator('main').innerText()).toMatch(/100%/);
    const history = await page.locator('main').innerText();
    expect(history).toContain(`${failed}%`);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
