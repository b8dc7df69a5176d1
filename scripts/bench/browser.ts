// The benchmark's measurements in headless Chromium against the built site: what the browser really
// fetches (first load, the quiz route, each lesson), and how long the player takes from a click to
// the result being on screen (Next → the new lesson's heading, Check answer → the feedback).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { gzipSize, type SizedFile } from './measure.ts';

/** Everything the page fetched, in order, and whether the network has gone quiet. */
class NetworkLog {
  readonly fetched: (SizedFile & { url: string })[] = [];
  /** Files whose body Chromium would not hand over (sized from the site's folder instead). */
  readonly unread: string[] = [];
  #pending = 0;
  #lastActivity = Date.now();
  #bodies: Promise<void>[] = [];

  /** `siteDir`: the folder the server serves, to size a file whose body the browser did not keep. */
  constructor(page: Page, origin: string, siteDir: string) {
    page.on('request', () => {
      this.#pending++;
      this.#lastActivity = Date.now();
    });
    const settled = () => {
      this.#pending = Math.max(0, this.#pending - 1);
      this.#lastActivity = Date.now();
    };
    page.on('requestfinished', settled);
    page.on('requestfailed', settled);
    page.on('response', (response) => this.#record(response, origin, siteDir));
  }

  #record(response: Response, origin: string, siteDir: string): void {
    const url = new URL(response.url());
    const type = response.headers()['content-type'] ?? '';
    const isCode = /javascript|text\/css/.test(type) || /\.(m?js|css)$/.test(url.pathname);
    if (!isCode || url.origin !== new URL(origin).origin || response.status() !== 200) return;
    // In the list at once, so the order is the order of responses; sized when the body arrives.
    const entry = { url: url.href, file: decodeURIComponent(url.pathname.slice(1)), bytes: NaN, gzip: NaN };
    this.fetched.push(entry);
    const size = (body: Uint8Array) => {
      entry.bytes = body.length;
      entry.gzip = gzipSize(body);
    };
    this.#bodies.push(
      response.body().then(size, () => {
        // Chromium does not keep every body (a module it preloaded, a page going away); the static
        // server sends files unchanged, so the file on disk is what was downloaded.
        const path = join(siteDir, entry.file);
        if (existsSync(path)) size(readFileSync(path));
        this.unread.push(entry.file);
      }),
    );
  }

  /** Resolves once no request has been in flight for `quietMs` since the call, and every body is recorded. */
  async quiet(quietMs = 300, timeoutMs = 20_000): Promise<void> {
    const called = Date.now();
    const deadline = called + timeoutMs;
    while (this.#pending > 0 || Date.now() - Math.max(this.#lastActivity, called) < quietMs) {
      if (Date.now() > deadline) throw new Error(`the network did not go quiet within ${timeoutMs} ms (${this.#pending} requests in flight)`);
      await new Promise((done) => setTimeout(done, 50));
    }
    await Promise.all(this.#bodies);
  }

  /** What was fetched after a mark (the length of `fetched` at the time); call quiet() first. */
  since(mark: number): SizedFile[] {
    const files = this.fetched.slice(mark).map(({ file, bytes, gzip }) => ({ file, bytes, gzip }));
    const unsized = files.filter((file) => Number.isNaN(file.gzip));
    if (unsized.length) throw new Error(`no size for ${unsized.map((file) => file.file).join(', ')}: neither the browser nor the site folder had it`);
    return files;
  }
}

/**
 * Page-side timers, installed before the player's scripts run. arm() starts listening for the next
 * click (capture phase, so the time is taken before the player's own handler) and for the result
 * to appear in the DOM; the layout is forced so the figure includes style and layout of the new
 * content. Plain JavaScript in a string: it runs in the page as written.
 */
const PAGE_TIMERS = `
window.__cmBench = {
  result: null,
  arm(kind, expected) {
    let started;
    const find = () => {
      if (kind === 'heading') {
        const heading = document.querySelector('main h1');
        return heading && heading.textContent.trim() === expected ? heading : null;
      }
      return document.querySelector('.quiz .feedback');
    };
    window.__cmBench.result = new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (started === undefined) return;
        const found = find();
        if (!found) return;
        found.getBoundingClientRect();
        const ms = performance.now() - started;
        observer.disconnect();
        clearTimeout(timer);
        resolve(ms);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('nothing matching ' + kind + ' ' + JSON.stringify(expected) + ' appeared within 10 s of the click'));
      }, 10000);
      window.addEventListener('click', () => { started = performance.now(); }, { capture: true, once: true });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  },
};
`;

async function armed(page: Page, kind: 'heading' | 'feedback', expected = ''): Promise<void> {
  await page.evaluate(`window.__cmBench.arm(${JSON.stringify(kind)}, ${JSON.stringify(expected)})`);
}

const armedResult = (page: Page): Promise<number> => page.evaluate('window.__cmBench.result') as Promise<number>;

export interface CourseShape {
  id: string;
  /** The course home's heading. */
  title: string;
  lessons: { id: string; title: string }[];
  quizzes: { id: string }[];
}

/** The site under test: where the static server serves it, and its folder. */
export interface Site {
  url: string;
  dir: string;
}

async function openPage(browser: Browser, site: Site): Promise<{ context: BrowserContext; page: Page; network: NetworkLog }> {
  // A fresh context: empty cache and empty storage, like a learner's first visit.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PAGE_TIMERS);
  const network = new NetworkLog(page, site.url, site.dir);
  return { context, page, network };
}

async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(hash)}`);
}

async function waitForHeading(page: Page, text?: string, timeout = 15_000): Promise<void> {
  const heading = page.locator('main h1');
  if (text === undefined) await heading.first().waitFor({ state: 'visible', timeout });
  else {
    try {
      await page.waitForFunction(`document.querySelector('main h1')?.textContent.trim() === ${JSON.stringify(text)}`, undefined, { timeout });
    } catch (error) {
      const shown = await page.evaluate(`document.querySelector('main h1')?.textContent ?? '(no h1)'`).catch(() => '(page gone)');
      throw new Error(`waited ${timeout / 1000} s for the heading ${JSON.stringify(text)} at ${page.url()}; the page shows ${JSON.stringify(shown)}`, {
        cause: error,
      });
    }
  }
}

export interface RouteLoads {
  courseId: string;
  /** JS and CSS fetched to show the course home, until the network was idle. */
  firstLoad: SizedFile[];
  /** JS and CSS fetched when going from the course home to the course's first quiz. */
  quizRoute: SizedFile[] | null;
  /**
   * Per lesson id, opened one after the other from the course home: what opening it fetched, and
   * every file fetched so far (the player may prefetch a lesson before it is opened).
   */
  lessons: Map<string, { opened: SizedFile[]; fetchedSoFar: Set<string> }>;
  /** Lessons whose route did not show them, with what the page said instead. */
  unreachable: { lessonId: string; problem: string }[];
  /** Files Chromium would not hand the body of: sized from the site's folder. */
  unread: string[];
}

/** Opens the course home in a fresh browser, then the quiz; then, in another, every lesson in turn. */
export async function measureRouteLoads(browser: Browser, site: Site, course: CourseShape): Promise<RouteLoads> {
  const first = await openPage(browser, site);
  let firstLoad: SizedFile[];
  let quizRoute: SizedFile[] | null = null;
  try {
    await first.page.goto(`${site.url}#/${course.id}`, { waitUntil: 'networkidle' });
    await waitForHeading(first.page);
    await first.network.quiet(500);
    firstLoad = first.network.since(0);
    const quiz = course.quizzes[0];
    if (quiz) {
      const mark = first.network.fetched.length;
      await goToHash(first.page, `#/${course.id}/quiz/${quiz.id}`);
      await first.page.getByRole('button', { name: 'Start quiz', exact: true }).waitFor({ timeout: 15_000 });
      await first.network.quiet(500);
      quizRoute = first.network.since(mark);
    }
  } finally {
    await first.context.close();
  }

  const second = await openPage(browser, site);
  const lessons: RouteLoads['lessons'] = new Map();
  const unreachable: RouteLoads['unreachable'] = [];
  try {
    await second.page.goto(`${site.url}#/${course.id}`, { waitUntil: 'networkidle' });
    await waitForHeading(second.page);
    await second.network.quiet(300);
    for (const lesson of course.lessons) {
      const mark = second.network.fetched.length;
      await goToHash(second.page, `#/${course.id}/${lesson.id}`);
      try {
        await waitForHeading(second.page, lesson.title, 5_000);
      } catch (error) {
        unreachable.push({ lessonId: lesson.id, problem: error instanceof Error ? error.message : String(error) });
        continue;
      }
      await second.network.quiet(300);
      lessons.set(lesson.id, {
        opened: second.network.since(mark),
        fetchedSoFar: new Set(second.network.since(0).map((file) => file.file)),
      });
    }
  } finally {
    await second.context.close();
  }
  return { courseId: course.id, firstLoad, quizRoute, lessons, unreachable, unread: [...first.network.unread, ...second.network.unread] };
}

/**
 * Median-worthy samples of "Next" → the next lesson's h1 rendered: walks each course from its first
 * lesson, clicking Next, course after course, until `count` clicks are timed.
 */
export async function measureNavigation(
  browser: Browser,
  site: Site,
  courses: CourseShape[],
  count: number,
  options: { prepare?: (page: Page) => Promise<void> } = {},
): Promise<number[]> {
  const walkable = courses.filter((course) => course.lessons.length > 1);
  if (walkable.length === 0) throw new Error('no course has two lessons to move between');
  const { context, page, network } = await openPage(browser, site);
  const samples: number[] = [];
  try {
    const start = walkable[0]!;
    await page.goto(`${site.url}#/${start.id}/${start.lessons[0]!.id}`, { waitUntil: 'networkidle' });
    if (options.prepare) {
      // Storage as a learner left it (seeded on the site's origin), then a fresh page reads it.
      await options.prepare(page);
      await page.reload({ waitUntil: 'networkidle' });
    }
    for (let pass = 0; samples.length < count; pass++) {
      const course = walkable[pass % walkable.length]!;
      if (pass > 0) await goToHash(page, `#/${course.id}/${course.lessons[0]!.id}`);
      await waitForHeading(page, course.lessons[0]!.title);
      for (let i = 1; i < course.lessons.length && samples.length < count; i++) {
        // The lesson on screen has finished loading: each click is timed on its own.
        await network.quiet(150);
        await armed(page, 'heading', course.lessons[i]!.title);
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        samples.push(await armedResult(page));
      }
    }
  } finally {
    await context.close();
  }
  return samples;
}

/**
 * Samples of "Check answer" → feedback rendered, on a single-choice question: opens the quiz afresh
 * each time (course home, then the quiz), starts it, moves to its first single-choice question,
 * picks an option and checks it.
 */
export async function measureCheckAnswer(browser: Browser, site: Site, course: CourseShape, count: number): Promise<number[]> {
  const quiz = course.quizzes[0];
  if (!quiz) throw new Error(`the course "${course.id}" has no quiz`);
  const { context, page, network } = await openPage(browser, site);
  const samples: number[] = [];
  try {
    await page.goto(`${site.url}#/${course.id}`, { waitUntil: 'networkidle' });
    for (let i = 0; i < count; i++) {
      // Via the course home, so each round starts a fresh quiz page.
      await goToHash(page, `#/${course.id}`);
      await waitForHeading(page, course.title);
      await goToHash(page, `#/${course.id}/quiz/${quiz.id}`);
      // The round before left its attempt unfinished, and the quiz resumes it: a learner would press
      // "Start again" for a fresh one.
      const start = page.getByRole('button', { name: /^(Start quiz|Start again)$/ });
      await start.click({ timeout: 15_000 });
      const quizArea = page.locator('.quiz');
      // The first question's heading ("Question 1 of 15") says the quiz has started.
      await quizArea.getByRole('heading', { level: 2, name: /^Question 1 of / }).waitFor({ timeout: 15_000 });
      // Each question type's view loads with the attempt: wait for the one on screen.
      const shown = () => page.waitForFunction(() => (document.querySelector('.quiz .question')?.childElementCount ?? 0) > 0, null, { timeout: 15_000 });
      await shown();
      for (let step = 0; (await quizArea.getByRole('radio').count()) === 0; step++) {
        const next = quizArea.getByRole('button', { name: 'Next', exact: true });
        if (step > 50 || (await next.count()) === 0) throw new Error(`the quiz "${quiz.id}" has no single-choice question to check`);
        await next.click();
        await shown();
      }
      await quizArea.getByRole('radio').first().check();
      await network.quiet(100);
      await armed(page, 'feedback');
      await quizArea.getByRole('button', { name: 'Check answer', exact: true }).click();
      samples.push(await armedResult(page));
    }
  } finally {
    await context.close();
  }
  return samples;
}
