// Only the stored-progress part of the benchmark (issue 11), for a quick measurement without the
// whole `npm run bench`: course progress ready with 10,000 attempts and with none (one run), one
// save, and Next → next lesson with and without 10,000 attempts, on a site already built in dist/
// (`npm run build`). Usage: node --import tsx scripts/bench/progress-part.ts [runs] [--next-only]
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../lib/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';
import { catalogueOf, loadContent } from '../../src/content/pipeline.ts';
import { measureNavigation } from './browser.ts';
import { builtContent, median } from './measure.ts';
import { measureRestore, navigationWithAttempts } from './restore.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = join(ROOT, 'content');
// BENCH_DIST: another build to walk (a build of an earlier commit, for the figures before a change).
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist');
const nextOnly = process.argv.includes('--next-only');
const runs = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 10);
const ATTEMPTS = 10_000;
const log = (message: string) => process.stderr.write(`[progress bench] ${message}\n`);

const result = loadContent(CONTENT);
const course = result.courses.find((entry) => entry.quizzes.size > 0)!;
const manifest = catalogueOf(result.courses).courses.find((entry) => entry.id === course.manifest.id)!;
const browser = await launchChromium();
const server = await serveStatic(DIST);
try {
  const heavy = nextOnly ? null : await measureRestore(browser, course, manifest, ATTEMPTS, runs, log);
  const empty = nextOnly ? null : await measureRestore(browser, course, manifest, 0, runs, log);
  const shapes = (await builtContent(CONTENT)).courses;
  const site = { url: server.url, dir: DIST };
  const plain = await measureNavigation(browser, site, shapes.filter((shape) => shape.id === course.manifest.id), 30);
  const loaded = await navigationWithAttempts(browser, site, shapes, result.courses, ATTEMPTS, 30);
  const figures = {
    readyMs: heavy && empty && { attempts: median(heavy.samples), none: median(empty.samples), ratio: median(heavy.samples) / median(empty.samples) },
    save: heavy?.saves.map((save) => ({ bytes: save.bytes, writes: save.writes, longestTaskMs: save.longestTaskMs })),
    nextMs: { none: median(plain), attempts: median(loaded) },
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} finally {
  await server.close();
  await browser.close();
}
