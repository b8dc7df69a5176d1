// cmi5 in real Chromium: the test plays the LMS and its LRS (fetch URL, LMS.LaunchData, the State API,
// the statements resource) on a local server of another origin than the AU's (CORS and the package's
// content security policy both in play), launches the exported AU as a cmi5 LMS does, and checks
// every statement the AU sends with an independent xAPI validator (xapi-validation, Learning Locker's)
// and against the cmi5 rules: verbs, order, registration, context template, categories, durations.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import validateStatement from 'xapi-validation';
import { run } from '../../src/cli/main.ts';
import { loadContent } from '../../src/content/pipeline.ts';
import { auIri, courseIri } from '../../src/lms/cmi5-structure.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { completeLesson, heading, submitQuiz, unpack } from './lms-harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const compiled = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!;
const course = compiled.manifest;
const quiz = [...compiled.quizzes.values()][0]!;

const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};
const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_ID = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const AUTH_TOKEN = Buffer.from('au:secret').toString('base64');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Statement = any;

interface Lrs {
  /** Where the AU is served (the LMS's content host). */
  url: string;
  /** The LRS and fetch URL: another origin, as with most real LMSs. */
  lrsUrl: string;
  statements: Statement[];
  states: Map<string, string>;
  /** Requests that arrived without the token the fetch URL handed out. */
  unauthorised: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** The LMS and its LRS, as far as an AU sees them, plus the AU's files under /au/. */
async function startLrs(auDir: string): Promise<Lrs> {
  const lrs = { statements: [] as Statement[], states: new Map<string, string>(), unauthorised: [] as string[] };
  const launchData = (registration: string) =>
    JSON.stringify({
      contextTemplate: { contextActivities: { grouping: [{ id: courseIri(course.id) }] }, extensions: { [SESSION_ID]: `session-${registration}` } },
      launchMode: 'Normal',
      moveOn: 'CompletedAndPassed',
      masteryScore: course.passMark / 100,
    });
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    // The LRS answers the AU's origin (CORS), preflights included.
    if (request.headers.origin) {
      response.setHeader('access-control-allow-origin', request.headers.origin);
      response.setHeader('access-control-allow-headers', 'authorization, content-type, x-experience-api-version');
      response.setHeader('access-control-allow-methods', 'GET, PUT, POST, OPTIONS');
    }
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (url.pathname.startsWith('/au/')) {
        const file = normalize(join(auDir, url.pathname.slice(4)));
        if (!file.startsWith(auDir) || !existsSync(file) || statSync(file).isDirectory()) return void response.writeHead(404).end();
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return void createReadStream(file).pipe(response);
      }
      if (url.pathname === '/fetch' && request.method === 'POST') return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ 'auth-token': AUTH_TOKEN }));
      if (!url.pathname.startsWith('/xapi/')) return void response.writeHead(404).end();
      if (request.headers.authorization !== `Basic ${AUTH_TOKEN}`) lrs.unauthorised.push(`${request.method} ${url.pathname}`);
      const resource = url.pathname.slice('/xapi/'.length);
      const stateKey = `${url.searchParams.get('registration')}|${url.searchParams.get('stateId')}`;
      if (resource === 'statements' && request.method === 'POST') {
        const sent = JSON.parse(body);
        lrs.statements.push(...(Array.isArray(sent) ? sent : [sent]));
        return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([randomUUID()]));
      }
      if (resource === 'activities/state' && request.method === 'GET') {
        if (url.searchParams.get('stateId') === 'LMS.LaunchData') return void response.writeHead(200, { 'content-type': 'application/json' }).end(launchData(url.searchParams.get('registration')!));
        const stored = lrs.states.get(stateKey);
        return void (stored ? response.writeHead(200, { 'content-type': 'application/json' }).end(stored) : response.writeHead(404).end());
      }
      if (resource === 'activities/state' && (request.method === 'PUT' || request.method === 'POST')) {
        lrs.states.set(stateKey, body);
        return void response.writeHead(204).end();
      }
      return void response.writeHead(404).end();
    });
  };
  const listen = async (server: Server) => {
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  };
  const content = createServer(handler);
  const store = createServer(handler);
  const [url, lrsUrl] = [await listen(content), await listen(store)];
  const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));
  return { url, lrsUrl, ...lrs, close: async () => void (await Promise.all([close(content), close(store)])) };
}

let dir: string;
let lrs: Lrs;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursemark-cmi5-'));
  const zip = join(dir, 'au.zip');
  const log: string[] = [];
  const code = await run(['export', 'cmi5', '--course', course.id, '--out', zip], { out: (l) => log.push(l), err: (l) => log.push(l), cwd: ROOT });
  if (code !== 0) throw new Error(log.join('\n'));
  const files = unzipSync(readFileSync(zip));
  expect(Object.keys(files)).toContain('cmi5.xml');
  // The cmi5 package carries no SCORM adapter.
  const scripts = Object.entries(files).filter(([name]) => name.endsWith('.js')).map(([, bytes]) => Buffer.from(bytes).toString('utf8')).join('');
  expect(scripts).toContain('LMS.LaunchData');
  expect(scripts).not.toMatch(/API_1484_11|LMSInitialize/);
  unpack(files, join(dir, 'au'));
  lrs = await startLrs(join(dir, 'au'));
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await lrs?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Launches the AU as a cmi5 LMS does: endpoint, fetch, actor, registration and activityId in the query. */
async function launch(registration: string): Promise<Page> {
  const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example', name: `learner-${registration.slice(0, 8)}` } };
  const query = new URLSearchParams({ endpoint: `${lrs.lrsUrl}xapi/`, fetch: `${lrs.lrsUrl}fetch`, actor: JSON.stringify(actor), registration, activityId: auIri(course.id) });
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${lrs.url}au/index.html?${query}`);
  await heading(page, course.title);
  return page;
}

const of = (registration: string) => lrs.statements.filter((s) => s.context?.registration === registration);
const verbs = (registration: string) => of(registration).map((s) => Object.entries(VERBS).find(([, id]) => id === s.verb.id)?.[0] ?? s.verb.id);

/** Closes the AU as a learner does (the page goes), and waits for the terminated statement. */
async function leave(page: Page, registration: string): Promise<void> {
  await page.goto('about:blank');
  await expect.poll(() => verbs(registration).at(-1), { timeout: 10_000 }).toBe('terminated');
  await page.context().close();
}

function checkCmi5Rules(statements: Statement[], registration: string): void {
  for (const statement of statements) {
    expect(validateStatement(statement), JSON.stringify(statement)).toEqual([]);
    expect(statement.object.id).toBe(auIri(course.id));
    expect(statement.context.registration).toBe(registration);
    // The LMS's context template is carried on every statement.
    expect(statement.context.extensions[SESSION_ID]).toBe(`session-${registration}`);
    expect(statement.context.contextActivities.grouping).toEqual([{ id: courseIri(course.id) }]);
    expect(statement.context.contextActivities.category.map((c: { id: string }) => c.id)).toContain(CMI5_CATEGORY);
    if (statement.verb.id !== VERBS.initialized) expect(statement.result.duration).toMatch(/^P(\d+D)?T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$|^PT0S$/);
  }
}

describe('cmi5 AU (external-customers)', () => {
  it('sends initialized, passed, completed and terminated, each valid xAPI and by the cmi5 rules', async () => {
    const registration = randomUUID();
    const page = await launch(registration);
    await page.locator('main').getByRole('link', { name: 'Start course' }).or(page.getByRole('button', { name: 'Start course' })).first().click();
    const lessons = course.lessons.filter((lesson) => lesson.id !== quiz.lessonId);
    for (const lesson of lessons) await completeLesson(page, lesson);
    await page.evaluate((hash) => (location.hash = hash), `#/${course.id}/quiz/${quiz.id}`);
    await submitQuiz(page, quiz, true);
    await page.evaluate((hash) => (location.hash = hash), `#/${course.id}/${quiz.lessonId}`);
    await heading(page, course.lessons.find((lesson) => lesson.id === quiz.lessonId)!.title);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    // Completed (every lesson done) and passed (the quiz) come in the order the learner earned them.
    await expect.poll(() => verbs(registration).slice().sort(), { timeout: 15_000 }).toEqual(['completed', 'initialized', 'passed']);
    await leave(page, registration);

    const sent = verbs(registration);
    expect(sent[0]).toBe('initialized');
    expect(sent.slice(1, 3).sort()).toEqual(['completed', 'passed']);
    expect(sent.slice(3)).toEqual(['terminated']);
    const statements = of(registration);
    checkCmi5Rules(statements, registration);
    const passed = statements.find((s) => s.verb.id === VERBS.passed);
    const completed = statements.find((s) => s.verb.id === VERBS.completed);
    expect(passed.result).toMatchObject({ success: true, score: { scaled: 1 } });
    expect(completed.result).toMatchObject({ completion: true });
    for (const statement of [passed, completed]) expect(statement.context.contextActivities.category.map((c: { id: string }) => c.id)).toContain(MOVE_ON_CATEGORY);
    expect(lrs.unauthorised).toEqual([]);
    // The learner's progress is kept in the LRS's State API, to be restored on the next launch.
    expect([...lrs.states.keys()].some((key) => key.startsWith(registration))).toBe(true);
  });

  it('reports a failed quiz with failed, and a relaunch restores the progress from the LRS', async () => {
    const registration = randomUUID();
    const page = await launch(registration);
    await page.evaluate((hash) => (location.hash = hash), `#/${course.id}/quiz/${quiz.id}`);
    await submitQuiz(page, quiz, false);
    await expect.poll(() => verbs(registration)).toEqual(['initialized', 'failed']);
    await leave(page, registration);
    const statements = of(registration);
    checkCmi5Rules(statements, registration);
    expect(statements[1].result).toMatchObject({ success: false });
    expect(statements[1].result.score.scaled).toBeLessThan(0.2);

    // Same registration, a fresh device: the attempt comes back from the LRS.
    const again = await launch(registration);
    await again.evaluate((hash) => (location.hash = hash), `#/${course.id}/quiz/${quiz.id}/results`);
    await expect.poll(() => again.locator('main').innerText()).toMatch(/The pass mark is 80 ?%/);
    expect(await again.locator('main').innerText()).not.toMatch(/\(100 ?%\)/);
    await again.context().close();
  });
});
