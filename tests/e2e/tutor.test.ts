// The tutor's journey: `coursemark dev` on a course, edit a lesson and see the player reload with
// the change, make a typo and see the error at file:line:col on the page, fix it and carry on.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('a tutor with coursemark dev', () => {
  it('sees an edit live, and a typo as an error at its file, line and column', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}#/every-block/customers`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Customers and consumers');

    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace('Knowing who buys and who uses', 'Edited live: knowing who buys and who uses'));
    await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toContain('Edited live: knowing who buys');

    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(':::challenge Spot three touchpoints', ':::chalenge Spot three touchpoints'));
    const overlay = () => page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '');
    await expect.poll(overlay, { timeout: 30_000 }).toContain('content/every-block/01-customers.md:33:4: error: unknown block kind "chalenge" [block/unknown]');
    expect(await overlay()).toContain('did you mean ":::challenge"?');
    expect(output.join('').replace(/\u001b\[[0-9;]*m/g, '')).toContain('01-customers.md:33:4: error: unknown block kind "chalenge"');

    writeFileSync(lessonFile, readFileSync(lessonFile, 'utf8').replace(':::chalenge', ':::challenge'));
    await expect.poll(() => page.evaluate(() => !document.querySelector('vite-error-overlay')), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByRole('region', { name: 'Challenge: Spot three touchpoints' }).count(), { timeout: 30_000 }).toBe(1);
    await page.close();
  });
});
