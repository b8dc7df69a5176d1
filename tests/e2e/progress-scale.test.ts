// Issue 11 in Chromium: two tabs each finishing an attempt keep both, and a learner with 10,000
// attempts exports them and imports the file again through Settings, whole.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import type { QuizAttempt } from '../../src/engine/progress-types.ts';
import { startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const course = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!;
const quiz = [...course.quizzes.values()][0]!;
const QUIZ_URL = `#/external-customers/quiz/${quiz.id}`;
const PROGRESS_URL = '#/external-customers/progress';

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
});
afterAll(async () => {
  await site?.close();
});

const main = (page: Page) => page.locator('main');

/** Starts the quiz on screen and submits it unanswered. */
async function submitUnanswered(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Start quiz', exact: true }).click();
  const total = quiz.questions.filter((q) => q.type !== 'description').length;
  for (let n = 1; n < total; n++) await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Submit quiz', exact: true }).click();
  await page.getByRole('button', { name: 'Submit anyway', exact: true }).click();
  await expect.poll(() => main(page).innerText()).toMatch(/You scored/);
}

describe('stored progress at scale', () => {
  it('keeps both attempts when two tabs each finish one', async () => {
    const { context, page: first } = await site.open(QUIZ_URL);
    const second = await context.newPage();
    await second.goto(`${site.url}${QUIZ_URL}`);
    await expect.poll(() => second.locator('h1').textContent()).toBe(quiz.title);
    await submitUnanswered(first);
    await submitUnanswered(second);
    for (const page of [first, second]) {
      await page.goto(`${site.url}${PROGRESS_URL}`);
      await page.reload();
      const table = page.getByRole('table', { name: `Attempts at ${quiz.title}` });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
    }
    await context.close();
  }, 120_000);

  it('exports 10,000 attempts and imports the file again through Settings, whole', async () => {
    const model = {
      quizId: quiz.id,
      questionIds: [quiz.questions[0]!.id],
      results: [{ questionId: quiz.questions[0]!.id, answer: { type: 'description' as const }, score: 0, max: 1 }],
      score: 0,
      maxScore: 1,
      percent: 0,
      passMark: quiz.passMark,
      passed: false,
    };
    const start = Date.UTC(2025, 0, 1);
    const attempts: QuizAttempt[] = Array.from({ length: 10_000 }, (_, i) => ({ ...model, id: `heavy-${i}`, startedAt: start + i * 60_000, finishedAt: start + i * 60_000 + 30_000 }));
    const file = {
      format: 'coursemark-progress',
      version: 1,
      exportedAt: new Date(start).toISOString(),
      courses: {
        'external-customers': { courseId: 'external-customers', lessons: {}, blocks: {}, notes: {}, ratings: {}, attempts, position: null, updatedAt: start },
      },
    };
    const { context, page } = await site.open('#/settings');
    await page.getByLabel('Import progress').setInputFiles({ name: 'heavy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await expect.poll(() => main(page).innerText(), { timeout: 120_000 }).toMatch(/imported and merged/);

    await page.goto(`${site.url}${PROGRESS_URL}`);
    await page.reload();
    await expect.poll(() => main(page).innerText(), { timeout: 30_000 }).toContain('The latest 12 of 10000 attempts');

    await page.goto(`${site.url}#/settings`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export my progress', exact: true }).click();
    const exported = JSON.parse(await (await (await download).createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    const ids = (exported.courses['external-customers'].attempts as QuizAttempt[]).map((attempt) => attempt.id);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.filter((id) => id.startsWith('heavy-'))).toHaveLength(10_000);

    // The exported file imports again in a fresh browser: nothing lost, nothing counted twice.
    const { context: other, page: fresh } = await site.open('#/settings');
    await fresh.getByLabel('Import progress').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await expect.poll(() => main(fresh).innerText(), { timeout: 120_000 }).toMatch(/imported and merged/);
    await fresh.goto(`${site.url}${PROGRESS_URL}`);
    await fresh.reload();
    await expect.poll(() => main(fresh).innerText(), { timeout: 30_000 }).toContain('The latest 12 of 10000 attempts');
    await other.close();
    await context.close();
  }, 300_000);
});
