// The tutor's journey: `coursemark dev` on a course, edit a lesson and see the change in the open
// page without a reload (a marker on window survives, an answer stays revealed), make a typo and
// see it at file:line:col in Coursemark's panel (warnings too, and no advice to edit Vite's config),
// fix it and carry on. The figures (first page, save to change shown) are printed for the report.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

let dev: ChildProcess;
let browser: Browser;
let url: string;
let lessonFile: string;
const output: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-tutor-'));
  cpSync(join(ROOT, 'tests/fixtures/valid/content'), join(dir, 'content'), { recursive: true });
  lessonFile = join(dir, 'content/every-block/01-customers.md');
  const port = await freePort();
  dev = spawn(process.execPath, [join(ROOT, 'scripts/coursemark.mjs'), 'dev', '--port', String(port)], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  dev.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  dev.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  url = `http://localhost:${port}/`;
  // Wait for the server to say where it listens (expect.poll only works inside a test).
  // Colours are off, and stripped anyway: with CI set, Vite prints the port in bold.
  const plain = () => output.join('').replace(/\u001b\[[0-9;]*m/g, '');
  for (let waited = 0; !plain().includes(`localhost:${port}`); waited += 250) {
    if (waited > 60_000) throw new Error(`coursemark dev did not start:\n${output.join('')}`);
    await new Promise((wait) => setTimeout(wait, 250));
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  dev?.kill();
});

/** Milliseconds from writing `file` to `text` appearing in the page's main, measured in the page. */
async function timeEdit(page: Page, file: string, edit: (source: string) => string, text: string): Promise<number> {
  await page.evaluate((wanted) => {
    const w = window as unknown as { __seenAt: number };
    w.__seenAt = 0;
    const observer = new MutationObserver(() => {
      if (document.querySelector('main')?.textContent?.includes(wanted)) {
        w.__seenAt = Date.now();
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  }, text);
  const written = Date.now();
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  await expect.poll(() => page.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt), { timeout: 30_000 }).toBeGreaterThan(0);
  return (await page.evaluate(() => (window as unknown as { __seenAt: number }).__seenAt)) - written;
}

/** The text of Coursemark's problem panel (its style sheet left out), or "" when there is none. */
const panel = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector('coursemark-overlay')?.shadowRoot;
    return root ? [...root.children].filter((el) => el.tagName !== 'STYLE').map((el) => el.textContent).join('\n') : '';
  });
const marker = (page: Page) => page.evaluate(() => (window as unknown as { __marker?: string }).__marker);

describe('a tutor with coursemark dev', () => {
  it('sees an edit in place, and a typo as an error at its file, line and column', async () => {
    onTestFailed(() => console.log(`coursemark dev said:\n${output.join('').slice(-4000)}`));
    const page = await browser.newPage();
    const opened = Date.now();
    await page.goto(`${url}#/every-block/customers`);
    await expect.poll(() => page.getByRole('region', { name: 'Question: Cereal' }).count(), { timeout: 60_000 }).toBe(1);
    const firstPage = Date.now() - opened;

    // The learner's state on the page: an answer revealed. A full reload would lose the marker.
    await page.evaluate(() => ((window as unknown as { __marker: string }).__marker = 'kept'));
    await page.getByRole('button', { name: 'Show answer' }).click();
    const answer = page.getByText('The mother. The child is the consumer.');
    await expect.poll(() => answer.isVisible()).toBe(true);

    const timings: number[] = [];
    for (const n of [1, 2, 3]) {
      timings.push(await timeEdit(page, lessonFile, (s) => s.replace(/(Edit \d\. )?Knowing who buys and who uses/, `Edit ${n}. Knowing who buys and who uses`), `Edit ${n}. Knowing who buys`));
    }
    expect(await marker(page)).toBe('kept');
    await expect.poll(() => answer.isVisible()).toBe(true);
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`coursemark dev: first page ${firstPage} ms; save to change shown ${timings.join(', ')} ms (median ${sorted[1]} ms)`);

    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(':::challenge Spot three touchpoints', ':::chalenge Spot three touchpoints'));
    await expect.poll(() => panel(page), { timeout: 30_000 }).toContain('content/every-block/01-customers.md:33:4: error: unknown block kind "chalenge" [block/unknown]');
    const shown = await panel(page);
    expect(shown).toContain('did you mean ":::challenge"?');
    // Warnings are listed with the errors (the fixture's second quiz question has no feedback).
    expect(shown).toContain('warning: the question "which-are-customer-touchpoints" gives no feedback');
    expect(shown).not.toMatch(/vite\.config/);
    expect(await page.evaluate(() => document.querySelector('vite-error-overlay'))).toBeNull();
    expect(output.join('').replace(/\u001b\[[0-9;]*m/g, '')).toContain('01-customers.md:33:4: error: unknown block kind "chalenge"');

    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(':::chalenge', ':::challenge'));
    await expect.poll(() => panel(page), { timeout: 30_000 }).toBe('Coursemark: 0 errors, 1 warning');
    await expect.poll(() => page.getByRole('region', { name: 'Challenge: Spot three touchpoints' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await marker(page)).toBe('kept');
    await page.close();
  });
});
