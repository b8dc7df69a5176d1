// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every route of both seed courses and of the wide test
// course (tables, a local video, long matching options), in light and dark: zero violations. The
// route list comes from the content itself, so a new lesson is checked too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadContent } from '../../src/content/pipeline.ts';
import { startSite, type Site } from '../helpers/site.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const content = loadContent('content', { cwd: ROOT });
const FIXTURE = 'tests/fixtures/layout/content';
const fixtureRoutes: string[] = [];
for (const { manifest } of loadContent(FIXTURE, { cwd: ROOT }).courses) {
  fixtureRoutes.push(`#/${manifest.id}`, `#/${manifest.id}/progress`);
  for (const lesson of manifest.lessons) fixtureRoutes.push(`#/${manifest.id}/${lesson.id}`);
  for (const quiz of manifest.quizzes) fixtureRoutes.push(`#/${manifest.id}/quiz/${quiz.id}`);
}

const routes: string[] = ['#/', '#/settings', '#/no-such-page'];
for (const { manifest } of content.courses) {
  routes.push(`#/${manifest.id}`, `#/${manifest.id}/notes`, `#/${manifest.id}/progress`);
  for (const lesson of manifest.lessons) routes.push(`#/${manifest.id}/${lesson.id}`);
  for (const quiz of manifest.quizzes) routes.push(`#/${manifest.id}/quiz/${quiz.id}`);
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

async function violations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol: the player's Content-Security-Policy refuses inline <script> tags.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

let site: Site;
let fixture: Site;
beforeAll(async () => {
  site = await startSite('content');
  fixture = await startSite(FIXTURE);
}, 240_000);
afterAll(async () => {
  await site?.close();
  await fixture?.close();
});

async function check(page: Page, url: string, route: string, scheme: string, failures: string[]): Promise<void> {
  await page.goto(`${url}${route}`);
  await page.waitForFunction(() => !!document.querySelector('h1')?.textContent?.trim() && !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 });
  for (const v of await violations(page)) {
    failures.push(`${route} [${scheme}] ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n    ')}`);
  }
}

describe('axe-core on every route', () => {
  it('covers every lesson and quiz of both seed courses', () => {
    expect(routes.length).toBe(3 + content.courses.reduce((n, c) => n + 3 + c.manifest.lessons.length + c.manifest.quizzes.length, 0));
    expect(routes.length).toBeGreaterThan(30);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds zero violations in the ${scheme} theme`, async () => {
      const { page, context } = await site.open('#/', { colorScheme: scheme });
      const failures: string[] = [];
      for (const route of routes) await check(page, site.url, route, scheme, failures);
      await context.close();
      // The wide test course, then its lesson again with the example opened and the challenge done.
      const other = await fixture.open('#/', { colorScheme: scheme });
      for (const route of fixtureRoutes) await check(other.page, fixture.url, route, scheme, failures);
      await check(other.page, fixture.url, '#/wide-course/wide-table', scheme, failures);
      await other.page.getByRole('button', { name: 'Show worked solution' }).click();
      await other.page.getByRole('button', { name: 'Mark as done' }).click();
      // Let the buttons' colour transitions finish: axe measures the colours on screen.
      await other.page.waitForTimeout(400);
      for (const v of await violations(other.page)) {
        failures.push(`wide-table, example open [${scheme}] ${v.id}: ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n    ')}`);
      }
      await other.context.close();
      expect(failures, failures.join('\n')).toEqual([]);
    }, 300_000);
  }
});
