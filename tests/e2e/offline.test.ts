// Nothing a learner does is lost: reloads, two tabs, a tab closed mid-sentence, a damaged record,
// blocked storage, no network once a course has been opened, and the single-file build opened from
// file://. Updates of the site: update.test.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { run } from '../../src/cli/main.ts';
import { NOTICES } from '../../src/player/state/course-progress.svelte.ts';
import { DATABASE_NAME, STORE_NAME, progressKey } from '../../src/storage/keys.ts';
import { pageErrors, startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const external = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!.manifest;

let site: Site;
beforeAll(async () => {
  site = await startSite('content');
});
afterAll(async () => {
  await site?.close();
});

async function heading(page: Page, text: string) {
  await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? ''), { timeout: 15_000, message: page.url() }).toBe(text);
}
const challenge = (page: Page) => page.getByRole('region', { name: /^Challenge: Customers and consumers around you/ }).getByRole('button', { name: 'Mark as done' });
const situation = (page: Page, block = 'Face-to-face transaction') =>
  page.getByRole('region', { name: `Reflection: ${block}` }).getByRole('textbox', { name: 'What was the situation?' });

async function newTab(context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(site.url + hash);
  return page;
}

describe('progress that is never lost', () => {
  it('keeps an answer across a reload', async () => {
    const { page, context } = await site.open('#/external-customers/customer-or-consumer');
    await heading(page, 'Customer or consumer?');
    await challenge(page).click();
    await page.reload();
    await heading(page, 'Customer or consumer?');
    await expect.poll(() => challenge(page).getAttribute('aria-pressed')).toBe('true');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps the work of two tabs on the same course', async () => {
    const { page: first, context } = await site.open('#/external-customers/customer-or-consumer');
    const second = await newTab(context, '#/external-customers/reflections');
    await heading(first, 'Customer or consumer?');
    await heading(second, 'Reflections exercise');
    await challenge(first).click();
    await situation(second).fill('Typed in the second tab.');
    await second.waitForTimeout(700);
    await first.waitForTimeout(700);
    // Both tabs reload: each finds the other's work as well as its own.
    await first.goto(`${site.url}#/external-customers/reflections`);
    await first.reload();
    await heading(first, 'Reflections exercise');
    await expect.poll(() => situation(first).inputValue()).toBe('Typed in the second tab.');
    await second.goto(`${site.url}#/external-customers/customer-or-consumer`);
    await second.reload();
    await heading(second, 'Customer or consumer?');
    await expect.poll(() => challenge(second).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('keeps a reflection when the tab is closed mid-typing', async () => {
    const { page, context } = await site.open('#/external-customers/reflections');
    await heading(page, 'Reflections exercise');
    await situation(page).pressSequentially('I was kept waiting for ten minutes', { delay: 5 });
    await page.close({ runBeforeUnload: true });
    const again = await newTab(context, '#/external-customers/reflections');
    await heading(again, 'Reflections exercise');
    await expect.poll(() => situation(again).inputValue()).toBe('I was kept waiting for ten minutes');
    await context.close();
  });

  it('keeps what was typed just before the tab crashed', async () => {
    const { page, context } = await site.open('#/external-customers/reflections');
    await heading(page, 'Reflections exercise');
    await situation(page).pressSequentially('The printer jammed twice', { delay: 5 });
    // The renderer dies at once: no pagehide, no time for the debounced IndexedDB write.
    const cdp = await context.newCDPSession(page);
    const crashed = new Promise((done) => page.once('crash', done));
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    const again = await newTab(context, '#/external-customers/reflections');
    await heading(again, 'Reflections exercise');
    await expect.poll(() => situation(again).inputValue()).toBe('The printer jammed twice');
    await context.close();
  });

  it('keeps both tabs’ words when they type in the same reflection at once, and shows the other text', async () => {
    const { page: first, context } = await site.open('#/external-customers/reflections');
    const second = await newTab(context, '#/external-customers/reflections');
    await heading(first, 'Reflections exercise');
    await heading(second, 'Reflections exercise');
    await situation(first).fill('At the bank');
    await expect.poll(() => situation(second).inputValue()).toBe('At the bank');
    // Both go on typing before either hears from the other.
    await Promise.all([
      situation(first).pressSequentially(', queue one', { delay: 5 }),
      situation(second).pressSequentially(', queue two', { delay: 5 }),
    ]);
    const both = ['At the bank, queue one', 'At the bank, queue two'];
    for (const page of [first, second]) {
      const reflection = page.getByRole('region', { name: 'Reflection: Face-to-face transaction' });
      const other = reflection.getByRole('group', { name: /also changed somewhere else/ });
      await expect.poll(() => other.count(), { timeout: 5000 }).toBe(1);
      const shown = [await situation(page).inputValue(), (await other.locator('blockquote').innerText()).trim()];
      expect(shown.sort()).toEqual(both);
    }
    // The learner takes the other text back in one tab; the box shows it.
    const reflection = first.getByRole('region', { name: 'Reflection: Face-to-face transaction' });
    const otherText = (await reflection.getByRole('group', { name: /also changed/ }).locator('blockquote').innerText()).trim();
    await reflection.getByRole('button', { name: 'Use this version' }).click();
    await expect.poll(() => situation(first).inputValue()).toBe(otherText);
    await context.close();
  });

  it('keeps a damaged record aside, says so, and restores what it can', async () => {
    const { page, context } = await site.open('#/external-customers/customer-or-consumer');
    await heading(page, 'Customer or consumer?');
    await challenge(page).click();
    await page.waitForTimeout(700);
    // Damage the stored record by hand, as a broken extension or disk might.
    await page.evaluate(
      ({ db, store, key }) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open(db);
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(store, 'readwrite');
            const records = tx.objectStore(store);
            const read = records.get(key);
            read.onsuccess = () => {
              const record = read.result as Record<string, unknown>;
              records.put({ ...record, lessons: 'not a map', attempts: [{ broken: true }] }, key);
            };
            tx.oncomplete = () => done();
            tx.onerror = () => fail(tx.error);
          };
        }),
      { db: DATABASE_NAME, store: STORE_NAME, key: progressKey('external-customers') },
    );
    await page.reload();
    await heading(page, 'Customer or consumer?');
    await expect.poll(() => page.locator('body').innerText()).toContain(NOTICES.quarantine);
    // What could be recovered (the challenge) is still there, and the learner can keep working.
    await expect.poll(() => challenge(page).getAttribute('aria-pressed')).toBe('true');
    const keys = await page.evaluate(
      ({ db, store }) =>
        new Promise<string[]>((done) => {
          const open = indexedDB.open(db);
          open.onsuccess = () => {
            const request = open.result.transaction(store).objectStore(store).getAllKeys();
            request.onsuccess = () => done(request.result.map(String));
          };
        }),
      { db: DATABASE_NAME, store: STORE_NAME },
    );
    expect(keys.some((k) => k.startsWith('coursemark:quarantine:external-customers:'))).toBe(true);
    await context.close();
  });

  it('works in memory with a warning when storage is blocked', async () => {
    const context = await site.browser.newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get: () => undefined, configurable: true });
      Object.defineProperty(window, 'localStorage', {
        get: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
        configurable: true,
      });
    });
    const page = await newTab(context, '#/external-customers/customer-or-consumer');
    await heading(page, 'Customer or consumer?');
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain(NOTICES.memory);
    await challenge(page).click();
    await expect.poll(() => challenge(page).getAttribute('aria-pressed')).toBe('true');
    // Moving on inside the session keeps the work.
    await page.goto(`${site.url}#/external-customers/reflections`);
    await page.goto(`${site.url}#/external-customers/customer-or-consumer`);
    await expect.poll(() => challenge(page).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });

  it('loads every lesson of a seed course with the network off once the learner has opened it', async () => {
    const { page, context } = await site.open('#/external-customers');
    await heading(page, 'External customers');
    // The course is saved in the background, and its home says so.
    await expect.poll(() => page.getByRole('main').getByText('Available offline', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    await context.setOffline(true);
    await page.goto(`${site.url}#/`);
    await page.reload();
    await heading(page, 'Your courses');
    // Only the course that was opened: the catalogue says which one.
    const card = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect.poll(() => card('External customers').getByText('Available offline', { exact: true }).count()).toBe(1);
    expect(await card('Analysing customer needs and expectations').getByText('Available offline', { exact: true }).count()).toBe(0);
    for (const lesson of external.lessons) {
      await page.goto(`${site.url}#/external-customers/${lesson.id}`);
      await heading(page, lesson.title);
    }
    for (const quiz of external.quizzes) {
      await page.goto(`${site.url}#/external-customers/quiz/${quiz.id}`);
      await heading(page, quiz.title);
    }
    // Byte ranges, as a <video> asks for them, are answered from the cache too.
    const ranged = await page.evaluate(async () => {
      const response = await fetch('./icon-512.png', { headers: { range: 'bytes=10-109' } });
      return { status: response.status, range: response.headers.get('content-range'), bytes: (await response.arrayBuffer()).byteLength };
    });
    expect(ranged).toMatchObject({ status: 206, bytes: 100 });
    expect(ranged.range).toMatch(/^bytes 10-109\/\d+$/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('says honestly that a course never opened is not on this device when the network is off', async () => {
    const { page, context } = await site.open('#/external-customers');
    await heading(page, 'External customers');
    await expect.poll(() => page.getByRole('main').getByText('Available offline', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
    await context.setOffline(true);
    await page.goto(`${site.url}#/customer-service/introduction`);
    await page.reload();
    await heading(page, 'Introduction');
    await expect.poll(() => page.getByRole('main').innerText(), { timeout: 15_000 }).toContain('This lesson could not be loaded. If you are offline, it may not have been saved on this device yet.');
    await context.close();
  });
});

describe('the single-file build', () => {
  it('works from file:// and keeps progress across a reload', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'coursemark-single-')), 'out');
    const lines: string[] = [];
    const code = await run(['build', '--single-file', '--out', out], { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: ROOT });
    expect(code, lines.join('\n')).toBe(0);
    const context = await site.browser.newContext();
    const requests: string[] = [];
    context.on('request', (request) => requests.push(request.url()));
    const page = await context.newPage();
    const file = pathToFileURL(join(out, 'external-customers.html')).href;
    await page.goto(`${file}#/external-customers/customer-or-consumer`);
    await heading(page, 'Customer or consumer?');
    await challenge(page).click();
    await page.waitForTimeout(700);
    await page.reload();
    await heading(page, 'Customer or consumer?');
    await expect.poll(() => challenge(page).getAttribute('aria-pressed')).toBe('true');
    // Everything came from the one file (images are inlined as data: URLs).
    expect(requests.filter((url) => !url.startsWith(file.split('#')[0]!) && !url.startsWith('data:'))).toEqual([]);
    await context.close();
  });
});
