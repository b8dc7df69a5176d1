// What the service worker downloads for offline use after a learner's first visit to one course
// home: requests and bytes, counted at the static server (the worker's fetches are the requests
// whose Sec-Fetch-Dest is `empty`; the page's own are scripts, styles and images).
//
//   node --import tsx scripts/bench/offline.ts [LESSONS]   generates, builds and measures one course
//   (default 1,000 lessons) and prints the figure, without the rest of the benchmark.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';
import { serveStatic, type ServedRequest } from '../lib/static-server.ts';
import { run } from '../../src/cli/main.ts';
import { generateCourse } from './generate.ts';
import { gzipSize } from './measure.ts';

export interface OfflineFetches {
  /** What the service worker fetched to fill its caches. */
  worker: { requests: number; bytes: number; gzip: number };
  /** What the page itself fetched (the first load of the course home), for comparison. */
  page: { requests: number; bytes: number };
  /** The worker's requests by folder ("assets", "offline", "(root)"). */
  byFolder: Record<string, number>;
}

const sum = (requests: readonly ServedRequest[]) => ({ requests: requests.length, bytes: requests.reduce((total, r) => total + r.bytes, 0) });

/** Opens `#/<courseId>` in a fresh context and waits until the server has been quiet for `quietMs`. */
export async function measureOfflineFetches(browser: Browser, dist: string, courseId: string, quietMs = 3000): Promise<OfflineFetches> {
  const server = await serveStatic(dist);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}#/${courseId}`);
    await page.waitForFunction(() => !!document.querySelector('main h1'), undefined, { timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    // The course home says when the course is saved; then the server must stay quiet a while.
    await page.getByRole('main').getByText('Available offline', { exact: true }).waitFor({ timeout: 180_000 });
    const deadline = Date.now() + 180_000;
    let seen = -1;
    while (seen !== server.requests.length && Date.now() < deadline) {
      seen = server.requests.length;
      await new Promise((done) => setTimeout(done, quietMs));
    }
    const worker = server.requests.filter((request) => request.dest === 'empty');
    const byFolder: Record<string, number> = {};
    for (const request of worker) {
      const folder = request.url.split('?')[0]!.split('/').slice(1, -1)[0] ?? '(root)';
      byFolder[folder || '(root)'] = (byFolder[folder || '(root)'] ?? 0) + 1;
    }
    // A host such as GitHub Pages compresses text: what the same files weigh gzipped.
    const gzip = worker.reduce((total, request) => {
      const file = join(dist, decodeURIComponent(request.url.split('?')[0]!));
      return total + (request.status === 200 && existsSync(file) ? gzipSize(readFileSync(file)) : request.bytes);
    }, 0);
    return { worker: { ...sum(worker), gzip }, page: sum(server.requests.filter((request) => request.dest !== 'empty' && request.dest !== 'serviceworker')), byFolder };
  } finally {
    await context.close();
    await server.close();
  }
}

export function describeOfflineFetches(fetches: OfflineFetches): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const folders = Object.entries(fetches.byFolder)
    .map(([folder, count]) => `${folder} ${count}`)
    .join(', ');
  return `service worker: ${fetches.worker.requests} requests, ${kb(fetches.worker.bytes)} (${kb(fetches.worker.gzip)} gzipped; ${folders}); the page's first load: ${fetches.page.requests} requests, ${kb(fetches.page.bytes)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lessons = Number(process.argv[2] ?? 1000);
  const work = mkdtempSync(join(tmpdir(), 'coursemark-offline-bench-'));
  try {
    const course = generateCourse(join(work, 'content'), lessons);
    const log: string[] = [];
    const code = await run(['build', '--content', 'content', '--out', 'dist'], { out: (l) => log.push(l), err: (l) => log.push(l), cwd: work });
    if (code !== 0) throw new Error(`coursemark build exited ${code}: ${log.join('\n')}`);
    const browser = await launchChromium();
    try {
      const fetches = await measureOfflineFetches(browser, join(work, 'dist'), course.courseId);
      process.stdout.write(`after visiting the home of a generated ${lessons}-lesson course: ${describeOfflineFetches(fetches)}\n${JSON.stringify(fetches)}\n`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
