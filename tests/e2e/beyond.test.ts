// Beyond the anchors, in real Chromium against the built seed courses: spaced review of missed
// questions, the printable certificate and full-text search. Each journey starts from empty storage.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { certificateFacts, verificationCode } from '../../src/engine/certificate.ts';
import { correctAnswer } from '../../src/engine/grading.ts';
import { emptyProgress } from '../../src/engine/progress.ts';
import type { CourseProgress } from '../../src/engine/progress-types.ts';
import { progressKey } from '../../src/storage/keys.ts';
import { toRecord } from '../../src/storage/record-check.ts';
import { axeViolations } from '../helpers/axe.ts';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const course = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!;
const quiz = [...course.quizzes.values()][0]!;
const graded = quiz.questions.filter((q) => q.type !== 'description');
/** Where the print screenshot and PDFs are written, to be looked at. */
const SHOTS = join(tmpdir(), 'coursemark-beyond');
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
    await page.locator('main .review-question').waitFor();
    const shown = await page.locator('main .review-question').innerText();
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

/** A record of the external-customers course with every lesson done and the quiz passed at 90%. */
function completedRecord(finishedAt: number) {
  const lessons = Object.fromEntries(
    course.manifest.lessons.map((lesson) => [lesson.id, { firstVisit: finishedAt - 5000, lastVisit: finishedAt - 2000, reachedEnd: finishedAt - 2000, completedAt: finishedAt - 2000, timeSpentMs: 60_000 }]),
  );
  const progress: CourseProgress = {
    ...emptyProgress('external-customers', finishedAt),
    lessons,
    attempts: [
      { id: 'seeded', quizId: quiz.id, startedAt: finishedAt - 1000, finishedAt, questionIds: [], results: [], score: 9, maxScore: 10, percent: 90, passMark: 80, passed: true },
    ],
  };
  return { progress, record: toRecord(progress) };
}

/**
 * Writes a progress record where the player keeps it (localforage's IndexedDB store, created here
 * as localforage would if no page has written yet), then reloads.
 */
async function seedProgress(page: Page, record: unknown): Promise<void> {
  const written = await page.evaluate(
    ([key, value]) =>
      new Promise<string>((done) => {
        const put = (db: IDBDatabase) => {
          const request = db.transaction('progress', 'readwrite').objectStore('progress').put(value, key);
          request.onsuccess = () => done((db.close(), 'ok'));
          request.onerror = () => done((db.close(), String(request.error)));
        };
        const open = indexedDB.open('coursemark');
        open.onupgradeneeded = () => open.result.createObjectStore('progress');
        open.onerror = () => done(String(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (db.objectStoreNames.contains('progress')) return put(db);
          const version = db.version + 1;
          db.close();
          const upgrade = indexedDB.open('coursemark', version);
          upgrade.onupgradeneeded = () => upgrade.result.createObjectStore('progress');
          upgrade.onerror = () => done(String(upgrade.error));
          upgrade.onsuccess = () => put(upgrade.result);
        };
      }),
    [progressKey('external-customers'), record] as const,
  );
  expect(written).toBe('ok');
  await page.reload();
}

/** The number of pages in a PDF Chromium wrote (its page objects are plain text in the file). */
const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;

describe('certificate', () => {
  it('prints the completed course on one A4 and one Letter page, with the name and a verification code', async () => {
    const { page, context } = await site.open('#/external-customers/certificate');
    await expect.poll(() => mainText(page)).toContain('Your certificate is ready once you have finished every lesson');
    const finishedAt = new Date(2026, 10, 20, 15, 0).getTime();
    const { progress, record } = completedRecord(finishedAt);
    await seedProgress(page, record);

    const nameBox = page.getByLabel('Your name, as it should appear');
    await nameBox.fill('Ana María López');
    const facts = certificateFacts(course.manifest, progress)!;
    const code = verificationCode(facts, 'Ana María López');
    await expect.poll(() => mainText(page)).toContain(code);
    expect(await mainText(page)).toContain('90%');

    // The name is kept: a reload shows it and the same code.
    await page.reload();
    await expect.poll(() => page.getByLabel('Your name, as it should appear').inputValue()).toBe('Ana María López');
    await expect.poll(() => mainText(page)).toContain(code);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), scheme).toEqual([]);
    }

    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'certificate-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await page.pdf({ format, printBackground: true });
      writeFileSync(join(SHOTS, `certificate-${format}.pdf`), pdf);
      expect(pdfPages(pdf), format).toBe(1);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('search', () => {
  it('loads the index only when search opens, finds a block and takes the learner to it, focused', async () => {
    const { page, context } = await site.open('#/');
    const requested: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${site.url}#/external-customers`);
    const link = page.getByRole('link', { name: 'Search this course', exact: true });
    await link.waitFor();
    const before = new Set(requested);
    await link.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Search');
    await page.getByLabel('Search this course').fill('coffee maker restaurant');
    const result = page.locator('main ol a').first();
    await result.waitFor();
    // The index and the search code came only now.
    const loadedNow = requested.filter((path) => !before.has(path) && path.endsWith('.js'));
    expect(loadedNow.length).toBeGreaterThan(0);
    expect(await result.getAttribute('href')).toBe('#/external-customers/customer-or-consumer?block=example-a-coffee-maker-for-a-restaurant');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axeViolations(page), scheme).toEqual([]);
    }
    await result.click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id ?? ''))
      .toBe('block-example-a-coffee-maker-for-a-restaurant');
    const top = await page.locator('#block-example-a-coffee-maker-for-a-restaurant').evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(200);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
