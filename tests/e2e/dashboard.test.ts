// The progress dashboard and the printed "My notes", in real Chromium against the built seed
// courses: what each shows for a seeded record, axe in both themes, and the print layout of the notes
// (buttons and navigation gone, the notes there, each lesson on its own page). Screenshots at phone
// and desktop sizes go to SHOTS to be looked at.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { emptyProgress } from '../../src/engine/progress.ts';
import type { CourseProgress, QuizAttempt } from '../../src/engine/progress-types.ts';
import { dayOf } from '../../src/engine/study-days.ts';
import { progressKey } from '../../src/storage/keys.ts';
import { toRecord } from '../../src/storage/record-check.ts';
import { axeViolations } from '../helpers/axe.ts';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const course = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!.manifest;
const quiz = course.quizzes[0]!;
const SHOTS = join(tmpdir(), 'coursemark-dashboard');
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await site?.close();
});

const mainText = (page: Page) => page.locator('main').innerText();
const DAY = 86_400_000;

/** A learner three days into the course: lessons done on two days, three attempts, notes in two lessons. */
function learner(now: number): CourseProgress {
  const [first, second, third] = course.lessons;
  const lesson = (completedAt: number) => ({ firstVisit: completedAt - 600_000, lastVisit: completedAt, reachedEnd: completedAt, completedAt, timeSpentMs: 600_000 });
  const attempt = (id: string, finishedAt: number, percent: number): QuizAttempt => ({
    id, quizId: quiz.id, startedAt: finishedAt - 60_000, finishedAt, questionIds: [], results: [], score: percent / 10, maxScore: 10, percent, passMark: 80, passed: percent >= 80,
  });
  const note = (text: string, updatedAt: number) => ({ text, updatedAt });
  return {
    ...emptyProgress(course.id, now),
    lessons: { [first!.id]: lesson(now - 2 * DAY), [second!.id]: lesson(now - DAY), [third!.id]: lesson(now - DAY + 60_000) },
    attempts: [attempt('one', now - 2 * DAY, 50), attempt('two', now - DAY, 70), attempt('three', now - 3_600_000, 90)],
    notes: {
      'reflections/face-to-face-transaction/situation': note('Returned a kettle at the shop on the high street.', now - DAY),
      'reflections/phone-transaction/situation': note('Called the bank about a card.', now - DAY),
      'john-lewis-case-study/john-lewis-case-study/nutritional-aims': note('Less sugar, salt and fat in its own brands.', now - 3_600_000),
    },
    days: { [dayOf(now - 2 * DAY)]: [2, 1200], [dayOf(now - DAY)]: [3, 2400], [dayOf(now)]: [1, 300] },
  };
}

/** Writes a record where the player keeps it (localforage's IndexedDB store), then reloads. */
async function seed(page: Page, progress: CourseProgress): Promise<void> {
  const written = await page.evaluate(
    ([key, value]) =>
      new Promise<string>((done) => {
        const open = indexedDB.open('coursemark');
        open.onupgradeneeded = () => open.result.createObjectStore('progress');
        open.onerror = () => done(String(open.error));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('progress', 'readwrite').objectStore('progress').put(value, key);
          request.onsuccess = () => done((db.close(), 'ok'));
          request.onerror = () => done((db.close(), String(request.error)));
        };
      }),
    [progressKey(course.id), toRecord(progress)] as const,
  );
  expect(written).toBe('ok');
  await page.reload();
}

async function noViolations(page: Page): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), scheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('progress dashboard', () => {
  it('shows the streak, the time by day, completion over time and the quiz scores, each with a table', async () => {
    const { page, context } = await site.open('#/');
    await seed(page, learner(Date.now()));
    await page.goto(`${site.url}#/${course.id}/progress`);
    await expect.poll(() => mainText(page)).toContain('3 days in a row');
    const text = await mainText(page);
    expect(text).toContain('You studied today.');
    expect(text).toContain('1 h 5 min\nof study on 3 days');
    const images = page.locator('main svg[role="img"]');
    await expect.poll(() => images.count()).toBe(2);
    expect(await images.nth(0).getAttribute('aria-label')).toMatch(/^Completion over time: from 0% to \d+% over 2 days/);
    expect(await images.nth(1).getAttribute('aria-label')).toBe(`${quiz.title}: 3 attempts scored 50%, 70%, 90%; the pass mark is 80%.`);
    expect(await page.getByRole('table', { name: 'Completion by day' }).locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('table', { name: `Attempts at ${quiz.title}` }).locator('tbody tr').count()).toBe(3);
    await noViolations(page);
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      // Nothing wider than the screen (WCAG 1.4.10).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
      await page.screenshot({ path: join(SHOTS, `progress-${name}.png`), fullPage: true });
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('printed notes', () => {
  it('prints every note without buttons or navigation, each lesson from a new page', async () => {
    const { page, context } = await site.open('#/');
    await seed(page, learner(Date.now()));
    await page.goto(`${site.url}#/${course.id}/notes`);
    await expect.poll(() => mainText(page)).toContain('Called the bank about a card.');
    await noViolations(page);
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.screenshot({ path: join(SHOTS, `notes-${name}.png`), fullPage: true });
    }
    await page.setViewportSize(VIEWPORTS.desktop);
    const print = page.getByRole('button', { name: 'Print', exact: true });
    expect(await print.isVisible()).toBe(true);

    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'notes-print.png'), fullPage: true });
    expect(await print.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download as Markdown' }).isVisible()).toBe(false);
    expect(await page.locator('header[data-site]').isVisible()).toBe(false);
    for (const note of ['Returned a kettle at the shop on the high street.', 'Called the bank about a card.', 'Less sugar, salt and fat in its own brands.']) {
      expect(await page.getByText(note).isVisible(), note).toBe(true);
    }
    const sections = page.locator('main section');
    expect(await sections.count()).toBe(2);
    const breaks = await sections.evaluateAll((all) => all.map((section) => getComputedStyle(section).breakBefore));
    expect(breaks).toEqual(['auto', 'page']);
    expect(await page.locator('main blockquote').first().evaluate((quote) => getComputedStyle(quote).fontSize)).toBe('16px');

    // Chromium's own print: two lessons, two pages.
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBe(2);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
