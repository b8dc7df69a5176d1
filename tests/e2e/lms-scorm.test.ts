// SCORM 1.2 and 2004 in real Chromium, against scorm-again playing the LMS in a parent page that frames
// the exported package: a learner completes external-customers and passes its quiz (and the LMS gets
// the status, score, session time and suspend data in the version's formats), relaunches on a fresh
// device and finds their progress, fails a quiz (reported as failed), and works on while the LMS
// refuses to commit or throws (nothing is lost).
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/pipeline.ts';
import { SCHEMA_FILES } from '../../src/lms/manifest.ts';
import { decodeProgress } from '../../src/lms/suspend-data.ts';
import { builtSite } from '../helpers/built-site.ts';
import { validateManifest } from '../helpers/scorm-schema.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { button, completeLesson, exportScorm, heading, lmsRecord, lmsRoot, submitQuiz, unpack, type LmsRecord, type Version } from './lms-harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const compiled = loadContent('content', { cwd: ROOT }).courses.find((c) => c.manifest.id === 'external-customers')!;
const course = compiled.manifest;
const quiz = [...compiled.quizzes.values()][0]!;
const graded = quiz.questions.filter((q) => q.type !== 'description');
const QUIZ_HASH = `#/${course.id}/quiz/${quiz.id}`;

let root: string;
let server: StaticServer;
let browser: Browser;
const zips: Partial<Record<Version, Record<string, Uint8Array>>> = {};

beforeAll(async () => {
  root = lmsRoot();
  for (const version of ['1.2', '2004'] as const) {
    const { files } = await exportScorm(course.id, version, root);
    zips[version] = files;
    unpack(files, join(root, `pkg-${version}`));
  }
  server = await serveStatic(root);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** What each version calls the same things. */
const MODEL = {
  '1.2': {
    initial: (learner: string, extra: Record<string, unknown> = {}) => ({ core: { student_id: learner, student_name: 'Learner, Test', entry: 'ab-initio', ...extra } }),
    status: (cmi: Cmi) => cmi.core.lesson_status,
    raw: (cmi: Cmi) => cmi.core.score.raw,
    sessionTime: /^\d{4}:\d{2}:\d{2}\.\d{2}$/,
    sessionElement: 'cmi.core.session_time',
    limit: 4096,
    init: 'LMSInitialize',
    finish: 'LMSFinish',
    set: 'LMSSetValue',
  },
  '2004': {
    initial: (learner: string, extra: Record<string, unknown> = {}) => ({ learner_id: learner, learner_name: 'Learner, Test', entry: 'ab-initio', ...extra }),
    status: (cmi: Cmi) => `${cmi.completion_status}/${cmi.success_status}`,
    raw: (cmi: Cmi) => cmi.score.raw,
    sessionTime: /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/,
    sessionElement: 'cmi.session_time',
    limit: 64000,
    init: 'Initialize',
    finish: 'Terminate',
    set: 'SetValue',
  },
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cmi = any;
const cmiOf = (snapshot: Record<string, unknown>): Cmi => (snapshot as { cmi: Cmi }).cmi;

/** Opens the test LMS and launches the package; `context` is the device (a fresh one by default). */
async function launch(version: Version, initial: Record<string, unknown>, context?: BrowserContext, failCommit = false): Promise<{ page: Page; frame: FrameLocator; errors: string[] }> {
  const device = context ?? (await browser.newContext({ viewport: { width: 1280, height: 800 } }));
  const page = await device.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}lms/host.html`);
  if (failCommit) await page.evaluate(() => ((window as unknown as { lms: { failCommit: boolean } }).lms.failCommit = true));
  await page.evaluate(([v, src, json]) => (window as unknown as { launch: (...a: unknown[]) => void }).launch(v, src, json), [version, `../pkg-${version}/index.html`, initial] as const);
  const frame = page.frameLocator('#sco');
  await heading(frame, course.title);
  return { page, frame, errors };
}

async function go(page: Page, hash: string): Promise<void> {
  await page.frame({ url: /pkg-/ })!.evaluate((h) => (location.hash = h), hash);
}

async function takeQuiz(page: Page, frame: FrameLocator, right: boolean): Promise<void> {
  await go(page, QUIZ_HASH);
  await submitQuiz(frame, quiz, right);
}

/** Closes the course as an LMS does when the learner leaves: the frame goes. */
async function closeCourse(page: Page): Promise<LmsRecord> {
  await page.evaluate(() => document.getElementById('sco')!.remove());
  await expect.poll(async () => (await lmsRecord(page)).finished).not.toBeNull();
  return lmsRecord(page);
}

/** axe-core's WCAG 2.2 A and AA rules on the player inside the LMS frame (served, as the policy allows no inline script). */
async function axeViolations(frame: Frame): Promise<string[]> {
  copyFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), join(root, 'lms', 'axe.min.js'));
  await frame.addScriptTag({ url: `${server.url}lms/axe.min.js` });
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
  });
}

/** What an LMS hands back on the next launch: the learner's last committed data, to resume. */
function resumeFrom(snapshot: Record<string, unknown>): Record<string, unknown> {
  const cmi = cmiOf(snapshot);
  return cmi.core
    ? { core: { student_id: 'learner-1', entry: 'resume', lesson_location: cmi.core.lesson_location, lesson_status: cmi.core.lesson_status }, suspend_data: cmi.suspend_data }
    : { learner_id: 'learner-1', entry: 'resume', location: cmi.location, completion_status: 'completed', suspend_data: cmi.suspend_data };
}

const calls = (record: LmsRecord, method: string) => record.calls.filter((call) => call[0] === method);

describe.each(['1.2', '2004'] as const)('the SCORM %s zip', (version) => {
  it('holds imsmanifest.xml at its root, valid against the schema files it ships beside it', async () => {
    const files = zips[version]!;
    expect(Object.keys(files)).toContain('imsmanifest.xml');
    for (const schema of SCHEMA_FILES[version]) expect(Object.keys(files), schema).toContain(schema);
    const manifest = strFromU8(files['imsmanifest.xml']!);
    expect(await validateManifest(manifest, version)).toEqual([]);
    expect(manifest).toContain(version === '1.2' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"');
    expect(manifest).toContain(version === '1.2' ? '<adlcp:masteryscore>80</adlcp:masteryscore>' : '<imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>');
  });

  it('lists every file of the player in the resource, and holds the one course only', () => {
    const files = zips[version]!;
    const manifest = strFromU8(files['imsmanifest.xml']!);
    const listed = new Set([...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((match) => decodeURI(match[1]!)));
    const player = Object.keys(files).filter((file) => file !== 'imsmanifest.xml' && !SCHEMA_FILES[version].includes(file));
    expect([...listed].sort()).toEqual(player.sort());
    expect(player).toContain('index.html');
    // The other seed course is not in this package.
    const scripts = player.filter((file) => file.endsWith('.js')).map((file) => strFromU8(files[file]!)).join('');
    expect(scripts).not.toContain('"customer-service"');
    // Nor the cmi5 adapter: each package carries its own standard's code only.
    expect(scripts).not.toContain('LMS.LaunchData');
  });
});

describe('a site built without an LMS', () => {
  it('carries none of the adapter: no LMS code in any file', async () => {
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const dist = await builtSite('content').finally(() => (process.env.NODE_ENV = nodeEnv));
    const files = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(join(dist, 'assets', file), 'utf8');
      expect(code, file).not.toMatch(/API_1484_11|LMSInitialize|cmi\.suspend_data|LMS\.LaunchData/);
    }
  }, 300_000);
});

describe.each(['1.2', '2004'] as const)('SCORM %s in an LMS frame (scorm-again)', (version) => {
  const model = MODEL[version];
  let completed: Record<string, unknown>;

  it('reports a completed course and a passed quiz: status, score, session time and suspend data', async () => {
    const { page, frame, errors } = await launch(version, model.initial('learner-1'));
    await frame.locator('main').getByRole('link', { name: 'Start course' }).or(button(frame, 'Start course')).first().click();
    const lessons = course.lessons.filter((lesson) => lesson.id !== quiz.lessonId);
    for (const [n, lesson] of lessons.entries()) await completeLesson(frame, lesson, n < lessons.length - 1 || course.lessons.at(-1)!.id === quiz.lessonId);
    await takeQuiz(page, frame, true);
    await go(page, `#/${course.id}/${quiz.lessonId}`);
    await heading(frame, course.lessons.find((lesson) => lesson.id === quiz.lessonId)!.title);
    await frame.locator('main').evaluate(() => window.scrollTo(0, document.body.scrollHeight));

    // The checkpoint after the last lesson commits the finished course.
    await expect.poll(async () => model.status(cmiOf((await lmsRecord(page)).commits.at(-1)!)), { timeout: 15_000, message: `refused: ${JSON.stringify((await lmsRecord(page)).calls.filter((c) => c.at(-1) !== 'true' && c[0] !== model.init && !/Get/.test(String(c[0]))))}` }).toBe(version === '1.2' ? 'passed' : 'completed/passed');
    const record = await closeCourse(page);
    const cmi = cmiOf(record.commits.at(-1)!);
    expect(model.status(cmi)).toBe(version === '1.2' ? 'passed' : 'completed/passed');
    expect(model.raw(cmi)).toBe('100');
    if (version === '2004') {
      expect(cmi.score.scaled).toBe('1');
      expect(cmi.exit).toBe('normal');
    } else {
      expect(cmi.core.exit).toBe('');
    }
    const sessionTimes = calls(record, model.set).filter((call) => call[1] === model.sessionElement).map((call) => call[2] as string);
    expect(sessionTimes.length).toBeGreaterThan(0);
    for (const time of sessionTimes) expect(time).toMatch(model.sessionTime);
    const suspend = cmi.suspend_data as string;
    expect(suspend.length).toBeGreaterThan(0);
    expect(suspend.length).toBeLessThanOrEqual(model.limit);
    const stored = decodeProgress(suspend, course.id)!;
    expect(course.lessons.every((lesson) => stored.lessons[lesson.id]?.completedAt !== undefined)).toBe(true);
    expect(stored.attempts.map((attempt) => attempt.percent)).toEqual([100]);
    // One initialise, one finish; every value the player wrote was one the runtime accepted.
    expect(calls(record, model.init)).toHaveLength(1);
    expect(calls(record, model.finish)).toHaveLength(1);
    expect(calls(record, model.set).filter((call) => call.at(-1) !== 'true')).toEqual([]);
    // The quiz answers as interactions, one per graded question.
    const interactionIds = calls(record, model.set).filter((call) => /^cmi\.interactions\.\d+\.id$/.test(call[1] as string));
    expect(interactionIds).toHaveLength(graded.length);
    expect(errors).toEqual([]);
    console.info(`SCORM ${version}: suspend data for the completed course is ${suspend.length} characters`);
    completed = record.commits.at(-1)!;
    await page.context().close();
  });

  it('restores the progress the LMS holds on a relaunch from a fresh device', async () => {
    expect(completed, 'the first test provides the LMS state').toBeDefined();
    const { page, frame, errors } = await launch(version, resumeFrom(completed));
    await expect.poll(() => frame.locator('main .status.done').count()).toBe(course.lessons.length);
    await go(page, `${QUIZ_HASH}/results`);
    await expect.poll(() => frame.locator('main').innerText()).toContain('(100%)');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets the LMS's state win over this device's on a relaunch", async () => {
    // This device last saw the learner on lesson 2 (a later visit than the LMS's copy) ...
    const first = await launch(version, model.initial('learner-1'));
    await go(first.page, `#/${course.id}/${course.lessons[1]!.id}`);
    await heading(first.frame, course.lessons[1]!.title);
    await closeCourse(first.page);
    // ... but the LMS holds the finished course: its position and completion win.
    const { page, frame } = await launch(version, resumeFrom(completed), first.page.context());
    await expect.poll(() => frame.locator('main .status.done').count()).toBe(course.lessons.length);
    const location = version === '1.2' ? cmiOf(completed).core.lesson_location : cmiOf(completed).location;
    await expect.poll(() => frame.locator('#resume-target').innerText()).toContain(course.lessons.find((lesson) => lesson.id === location)!.title);
    await page.context().close();
  });

  it('reports a failed quiz as failed', async () => {
    const { page, frame } = await launch(version, model.initial('learner-2'));
    await takeQuiz(page, frame, false);
    await expect.poll(async () => (await lmsRecord(page)).commits.length).toBeGreaterThan(1);
    const cmi = cmiOf((await lmsRecord(page)).commits.at(-1)!);
    expect(model.status(cmi)).toBe(version === '1.2' ? 'failed' : 'incomplete/failed');
    expect(Number(model.raw(cmi))).toBeLessThan(20);
    // Unfinished, so the LMS is asked to keep the attempt open.
    const last = cmiOf((await closeCourse(page)).commits.at(-1)!);
    expect(version === '1.2' ? last.core.exit : last.exit).toBe('suspend');
    await page.context().close();
  });

  it('a new attempt in the LMS starts afresh, unless the LMS never received this device\'s work', async () => {
    // A session the LMS took: the next attempt (ab-initio, no suspend data) starts from nothing.
    const taken = await launch(version, model.initial('learner-5'));
    await go(taken.page, `#/${course.id}/${course.lessons[0]!.id}`);
    await completeLesson(taken.frame, course.lessons[0]!);
    await expect.poll(async () => (await lmsRecord(taken.page)).commits.length).toBeGreaterThan(1);
    await closeCourse(taken.page);
    const fresh = await launch(version, model.initial('learner-5'), taken.page.context());
    await expect.poll(() => fresh.frame.locator('main').getByRole('button', { name: 'Start course' }).count()).toBe(1);
    expect(await fresh.frame.locator('main .status.done').count()).toBe(0);
    await fresh.page.context().close();

    // A session whose every commit failed: nothing reached the LMS, so the device's work is kept and sent.
    const refused = await launch(version, model.initial('learner-6'), undefined, true);
    await go(refused.page, `#/${course.id}/${course.lessons[0]!.id}`);
    await completeLesson(refused.frame, course.lessons[0]!);
    await heading(refused.frame, course.lessons[1]!.title);
    await refused.page.evaluate(() => document.getElementById('sco')!.remove());
    await expect.poll(async () => calls(await lmsRecord(refused.page), model.finish).map((call) => call.at(-1))).toEqual(['false']);
    expect((await lmsRecord(refused.page)).commits).toEqual([]);
    const kept = await launch(version, model.initial('learner-6'), refused.page.context());
    await expect.poll(() => kept.frame.locator('main .status.done').count()).toBe(1);
    await expect.poll(async () => decodeProgress(cmiOf((await lmsRecord(kept.page)).commits.at(-1) ?? { cmi: {} }).suspend_data ?? '', course.id)?.lessons[course.lessons[0]!.id]?.completedAt).toBeDefined();
    await kept.page.context().close();
  });

  it('keeps long notes on the device when they cannot fit the LMS, and tells the learner (1.2); keeps them in 2004', async () => {
    const { page, frame, errors } = await launch(version, model.initial('learner-7'));
    const reflections = course.lessons.find((lesson) => lesson.id === 'reflections')!;
    await go(page, `#/${course.id}/${reflections.id}`);
    await heading(frame, reflections.title);
    // Ten prompts of 600 characters that do not compress: far beyond SCORM 1.2's 4,096 characters.
    const notes = Array.from({ length: 10 }, () => randomBytes(450).toString('base64'));
    const boxes = frame.locator('main').getByRole('textbox');
    await expect.poll(() => boxes.count()).toBe(10);
    for (const [i, box] of (await boxes.all()).entries()) await box.fill(notes[i]!);
    await completeLesson(frame, reflections);
    await expect.poll(async () => decodeProgress(cmiOf((await lmsRecord(page)).commits.at(-1)!).suspend_data ?? '', course.id)?.lessons[reflections.id]?.completedAt).toBeDefined();
    const stored = decodeProgress(cmiOf((await lmsRecord(page)).commits.at(-1)!).suspend_data, course.id)!;
    expect(cmiOf((await lmsRecord(page)).commits.at(-1)!).suspend_data.length).toBeLessThanOrEqual(model.limit);
    const notice = frame.locator('aside[aria-label="Learning platform"]');
    if (version === '1.2') {
      expect(Object.keys(stored.notes)).toEqual([]);
      await expect.poll(() => notice.innerText().catch(() => '')).toContain('kept on this device only');
    } else {
      expect(Object.values(stored.notes).map((note) => note.text).sort()).toEqual([...notes].sort());
      expect(await notice.count()).toBe(0);
    }
    // On the device the notes are all there.
    await go(page, `#/${course.id}/${reflections.id}`);
    await heading(frame, reflections.title);
    await expect.poll(() => frame.locator('main').getByRole('textbox').first().inputValue()).toBe(notes[0]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('writes nothing to the LMS in review mode, and says so', async () => {
    const initial = version === '1.2' ? model.initial('learner-4', { lesson_mode: 'review' }) : { ...model.initial('learner-4'), mode: 'review' };
    const { page, frame, errors } = await launch(version, initial);
    await expect.poll(() => frame.locator('aside[aria-label="Learning platform"]').innerText().catch(() => '')).toContain('Review mode');
    await go(page, `#/${course.id}/${course.lessons[0]!.id}`);
    await completeLesson(frame, course.lessons[0]!);
    await heading(frame, course.lessons[1]!.title);
    const record = await closeCourse(page);
    expect(calls(record, model.set)).toEqual([]);
    expect(record.commits).toHaveLength(1); // the finish, which stores nothing new
    expect(calls(record, model.finish)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('loses nothing when the LMS answers "false" to commits or throws, and sends it all at the next checkpoint', async () => {
    const { page, frame, errors } = await launch(version, model.initial('learner-3'));
    await page.evaluate(() => ((window as unknown as { lms: { failCommit: boolean } }).lms.failCommit = true));
    const committedBefore = (await lmsRecord(page)).commits.length;
    await go(page, `#/${course.id}/${course.lessons[0]!.id}`);
    await completeLesson(frame, course.lessons[0]!);
    await expect.poll(() => frame.locator('aside[aria-label="Learning platform"]').innerText().catch(() => '')).toContain('not answering');
    // The notice is as accessible as the rest of the player.
    expect(await axeViolations(page.frame({ url: /pkg-/ })!)).toEqual([]);
    // Now the LMS throws on every write: the learner carries on regardless.
    await page.evaluate(() => ((window as unknown as { lms: { throwOnSet: boolean } }).lms.throwOnSet = true));
    await completeLesson(frame, course.lessons[1]!);
    expect((await lmsRecord(page)).commits.length).toBe(committedBefore);
    // The LMS recovers: the next checkpoint carries everything done meanwhile.
    await page.evaluate(() => Object.assign((window as unknown as { lms: object }).lms, { failCommit: false, throwOnSet: false }));
    await completeLesson(frame, course.lessons[2]!);
    await expect.poll(async () => (await lmsRecord(page)).commits.length).toBeGreaterThan(committedBefore);
    const stored = decodeProgress(cmiOf((await lmsRecord(page)).commits.at(-1)!).suspend_data, course.id)!;
    expect(course.lessons.slice(0, 3).map((lesson) => stored.lessons[lesson.id]?.completedAt !== undefined)).toEqual([true, true, true]);
    await expect.poll(() => frame.locator('aside[aria-label="Learning platform"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
