// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every route of both seed courses, in light and dark:
// zero violations. The route list comes from the content itself, so a new lesson is checked too.
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
beforeAll(async () => {
  site = await startSite('content');
});
afterAll(async () => {
  await site?.close();
});

describe('axe-core on every route', () => {
  it('covers every lesson and quiz of both seed courses', () => {
    expect(routes.length).toBe(3 + content.courses.reduce((n, c) => n + 3 + c.manifest.lessons.length + c.manifest.quizzes.length, 0));
    expect(routes.length).toBeGreaterThan(30);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds zero violations in the ${scheme} theme`, async () => {
      const { page, context } = await site.open('#/', { colorScheme: scheme });
      const failures: string[] = [];
      for (const route of routes) {
        await page.goto(`${site.url}${route}`);
        await page.waitForFunction(() => !!document.querySelector('h1')?.textContent?.trim() && !document.querySelector('[aria-busy="true"]'), null, { timeout: 10_000 });
        for (const v of await violations(page)) {
          failures.push(`${route} [${scheme}] ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n    ')}`);
        }
      }
      expect(failures, failures.join('\n')).toEqual([]);
      await context.close();
    });
  }
});
