// The proof copy a tutor checks before release: `coursemark build --proof` shows every hidden part
// (model answers, worked solutions) and every quiz question with its id, right answers, feedback and
// hints, in the page, without a click.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { run } from '../../src/cli/main.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'coursemark-proof-')), 'dist');
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), cwd: ROOT };
  const code = await run(['build', '--proof', '--content', 'tests/fixtures/valid/content', '--out', out], io);
  if (code !== 0) throw new Error(lines.join('\n'));
  server = await serveStatic(out);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('coursemark build --proof', () => {
  it('shows model answers and worked solutions without a click', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}#/every-block/reflect`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Reflect and apply');
    const model = page.getByText('The cafés and the people who buy bread.');
    await expect.poll(() => model.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole('note').textContent()).toContain('Proof copy');
    await page.goto(`${server.url}#/every-block/customers`);
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe('Customers and consumers');
    await expect.poll(() => page.getByText('The mother. The child is the consumer.').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.close();
  });

  it('lists every quiz question with its id, right answers, feedback and hint', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}#/every-block/quiz`);
    const question = page.getByRole('region', { name: 'Question which-of-these-is-an-external' });
    await expect.poll(() => question.count(), { timeout: 30_000 }).toBe(1);
    const text = await question.innerText();
    expect(text).toContain('which-of-these-is-an-external');
    expect(text).toMatch(/✓ A restaurant that buys a coffee maker \(100%\)/);
    expect(text).toContain('Right: it buys from the company for its own guests.');
    expect(text).toMatch(/Hint:\s*Who pays the company\?/);
    expect(await page.getByRole('region', { name: 'Question which-are-customer-touchpoints' }).isVisible()).toBe(true);
    await page.close();
  });
});
