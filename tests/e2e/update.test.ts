// A new version of the site must never lock a learner out. Hosts cache the files: GitHub Pages sends
// `max-age=600`, others only `Last-Modified` (browsers then cache by heuristic). Under both, a learner
// on version one presses "Update now" after version two is deployed (new hashed files, the old ones
// gone from the server): the page shows version two, online and then offline; and a second tab still
// on version one keeps opening its lessons until it moves.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { run } from '../../src/cli/main.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic, type CachingHeaders } from '../helpers/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const V1 = 'Knowing who buys and who uses';
const V2 = 'Version two: knowing who buys and who uses';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** A content folder and a site folder of its own, and a build that replaces the site as a deploy would. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-update-'));
  const content = join(dir, 'content');
  cpSync(join(ROOT, 'tests/fixtures/valid/content'), content, { recursive: true });
  const out = join(dir, 'site');
  return {
    dir,
    out,
    async deploy(change?: [string, string]) {
      if (change) {
        const lesson = join(content, 'every-block/01-customers.md');
        writeFileSync(lesson, readFileSync(lesson, 'utf8').replace(change[0], change[1]));
      }
      const lines: string[] = [];
      const code = await run(['build', '--content', content, '--out', out], { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: dir });
      expect(code, lines.join('\n')).toBe(0);
    },
  };
}

const mainText = (page: Page) => page.evaluate(() => document.querySelector('main')?.textContent ?? '');
const heading = (page: Page) => page.evaluate(() => document.querySelector('main h1')?.textContent?.trim() ?? '');
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

async function savedOffline(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('main').getByText('Available offline', { exact: true }).count(), { timeout: 30_000 }).toBe(1);
}

// The tab finds the new version either when it reloads, or while it stays open (the browser checks
// for a new worker now and then; update() asks at once).
const cases: [CachingHeaders, 'reload' | 'stay'][] = [
  ['max-age', 'reload'],
  ['heuristic', 'stay'],
];

describe.each(cases)('an update with %s caching, found on %s', (caching, finds) => {
  it('moves the tab that presses "Update now" to the new version, online and offline, and keeps a second tab on the old one working', async () => {
    const site = project();
    await site.deploy();
    const server = await serveStatic(site.out, { caching });
    const context = await browser.newContext();
    try {
      const first = await context.newPage();
      const errors: string[] = [];
      first.on('pageerror', (error) => errors.push(error.message));
      await first.goto(`${server.url}#/every-block`);
      await savedOffline(first);
      // Version one's lesson, through the browser's HTTP cache as well as the worker's.
      await first.goto(`${server.url}#/every-block/customers`);
      await expect.poll(() => mainText(first)).toContain(V1);
      const second = await context.newPage();
      await second.goto(`${server.url}#/every-block`);
      await expect.poll(() => heading(second)).toBe('Every block');

      // The tutor deploys version two: every changed file has a new name, the old ones are gone.
      await site.deploy([V1, V2]);
      if (finds === 'reload') await first.reload();
      else await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const update = first.getByRole('button', { name: 'Update now', exact: true });
      await expect.poll(() => update.count(), { timeout: 30_000 }).toBe(1);
      await update.click();
      await expect.poll(() => mainText(first), { timeout: 20_000 }).toContain(V2);

      // The second tab still runs version one: its lesson comes from version one's cache.
      await second.evaluate(() => (location.hash = '#/every-block/customers'));
      await expect.poll(() => mainText(second), { timeout: 20_000 }).toContain(V1);
      expect(await mainText(second)).not.toContain(V2);
      // It offers to move, and moves when asked.
      await second.getByRole('button', { name: 'Update now', exact: true }).click();
      await expect.poll(() => mainText(second), { timeout: 20_000 }).toContain(V2);
      // Once no tab is left on version one, its cache goes.
      await second.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: 'OFFLINE_STATUS' }));
      await expect.poll(async () => (await cacheNames(second)).filter((name) => name !== 'coursemark-meta').length, { timeout: 10_000 }).toBe(1);

      await context.setOffline(true);
      await first.reload();
      await expect.poll(() => mainText(first), { timeout: 20_000 }).toContain(V2);
      await first.evaluate(() => (location.hash = '#/every-block/reflect'));
      await expect.poll(() => heading(first)).toBe('Reflect and apply');
      await first.evaluate(() => (location.hash = '#/every-block'));
      await savedOffline(first);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await server.close();
      rmSync(site.dir, { recursive: true, force: true });
    }
  });
});

describe('an update that cannot be downloaded whole', () => {
  it('is not offered, and the old version keeps working, until every file of it can be had', async () => {
    const site = project();
    await site.deploy();
    const server = await serveStatic(site.out, { caching: 'max-age' });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}#/every-block`);
      await savedOffline(page);
      // Version two is deployed, but the one lesson that changed cannot be fetched (a deploy half done).
      const v1Files = new Set(readdirSync(join(site.out, 'assets')));
      await site.deploy([V1, V2]);
      const changed = readdirSync(join(site.out, 'assets')).filter((file) => !v1Files.has(file) && file.startsWith('customers-'));
      expect(changed).toHaveLength(1);
      const lesson = changed[0]!;
      renameSync(join(site.out, 'assets', lesson), join(site.dir, lesson));
      const before = await cacheNames(page);
      // The browser tries to install version two, and the attempt fails.
      const attempt = await page.evaluate(async () => {
        const registration = (await navigator.serviceWorker.getRegistration())!;
        await registration.update();
        const worker = registration.installing;
        if (!worker) return 'no install';
        return new Promise<string>((done) =>
          worker.addEventListener('statechange', () => {
            if (worker.state === 'redundant' || worker.state === 'installed') done(worker.state);
          }),
        );
      });
      expect(attempt).toBe('redundant');
      // The half-filled cache is gone, nothing is offered, and version one still opens its lessons.
      await expect.poll(() => cacheNames(page)).toEqual(before);
      expect(await page.getByRole('button', { name: 'Update now', exact: true }).count()).toBe(0);
      await context.setOffline(true);
      await page.goto(`${server.url}#/every-block/customers`);
      await page.reload();
      await expect.poll(() => mainText(page), { timeout: 20_000 }).toContain(V1);
      await context.setOffline(false);
      // Once the file is back, the update comes whole.
      renameSync(join(site.dir, lesson), join(site.out, 'assets', lesson));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const update = page.getByRole('button', { name: 'Update now', exact: true });
      await expect.poll(() => update.count(), { timeout: 30_000 }).toBe(1);
      await update.click();
      await expect.poll(() => mainText(page), { timeout: 20_000 }).toContain(V2);
    } finally {
      await context.close();
      await server.close();
      rmSync(site.dir, { recursive: true, force: true });
    }
  });
});

describe('coming from the first worker, which cached the whole site', () => {
  it('keeps every course available offline without the learner opening it again', async () => {
    const site = project();
    await site.deploy();
    const server = await serveStatic(site.out);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      // What that worker left: one cache of every file, with no marks of its own.
      await page.goto(`${server.url}icon.svg`);
      await page.evaluate(async () => (await caches.open('coursemark-0123456789ab')).put(new URL('index.html', location.href).href, new Response('<!doctype html>')));
      await page.goto(`${server.url}#/`);
      await expect.poll(() => heading(page)).toBe('Your courses');
      await savedOffline(page);
      await context.setOffline(true);
      await page.goto(`${server.url}#/every-block/reflect`);
      await page.reload();
      await expect.poll(() => mainText(page), { timeout: 20_000 }).toContain('Think of a recent purchase in a shop.');
    } finally {
      await context.close();
      await server.close();
      rmSync(site.dir, { recursive: true, force: true });
    }
  });
});
