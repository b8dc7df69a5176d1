// The test LMS for the SCORM journeys: the exported packages unzipped under a static server, beside a
// parent page that plays the LMS with scorm-again (an independent SCORM runtime) and frames the
// package, as Moodle or SCORM Cloud do. The page records every call and keeps a copy of the data model
// at each successful commit (what a real LMS would have stored), and can be told to fail.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { LessonEntry } from '../../src/content/schema/manifest.ts';
import type { Quiz } from '../../src/content/schema/quiz.ts';
import { expect } from 'vitest';
import { run } from '../../src/cli/main.ts';
import type { Question } from '../../src/content/schema/quiz.ts';
import { correctAnswer } from '../../src/engine/grading.ts';

export type Version = '1.2' | '2004';
const ROOT = resolve(import.meta.dirname, '../..');

/** Exports the course as a SCORM package (through the CLI, as a tutor would) and returns the zip's files. */
export async function exportScorm(courseId: string, version: Version, dir: string): Promise<{ zip: string; files: Record<string, Uint8Array>; log: string[] }> {
  const zip = join(dir, `${courseId}-${version}.zip`);
  const log: string[] = [];
  const io = { out: (line: string) => log.push(line), err: (line: string) => log.push(line), cwd: ROOT };
  const code = await run(['export', 'scorm', '--course', courseId, '--version', version, '--out', zip], io);
  if (code !== 0) throw new Error(`export failed (${code}):\n${log.join('\n')}`);
  return { zip, files: unzipSync(readFileSync(zip)), log };
}

const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="./scorm12.min.js"></script><script src="./scorm2004.min.js"></script></head>
<body><main><h1>Test LMS</h1><iframe id="sco" title="Course" style="width:1200px;height:740px;border:0"></iframe></main>
<script>
window.lms = { calls: [], commits: [], finished: null, failCommit: false, throwOnSet: false };
const METHODS = {
  '1.2': { name: 'API', list: ['LMSInitialize','LMSFinish','LMSGetValue','LMSSetValue','LMSCommit','LMSGetLastError','LMSGetErrorString','LMSGetDiagnostic'], commit: 'LMSCommit', set: 'LMSSetValue', finish: 'LMSFinish' },
  '2004': { name: 'API_1484_11', list: ['Initialize','Terminate','GetValue','SetValue','Commit','GetLastError','GetErrorString','GetDiagnostic'], commit: 'Commit', set: 'SetValue', finish: 'Terminate' },
};
window.launch = function (version, src, initial) {
  const api = version === '1.2' ? new Scorm12API({ autocommit: false, logLevel: 5 }) : new Scorm2004API({ autocommit: false, logLevel: 5 });
  if (initial) api.loadFromJSON(initial);
  const m = METHODS[version];
  const facade = {};
  for (const method of m.list) {
    facade[method] = function (...args) {
      lms.calls.push([method, ...args]);
      // An LMS that cannot store data fails the commit that finishing implies too.
      if ((method === m.commit || method === m.finish) && lms.failCommit) return (lms.calls[lms.calls.length - 1].push('false'), 'false');
      if (method === m.set && lms.throwOnSet) throw new Error('The LMS has gone away');
      const result = api[method](...args);
      lms.calls[lms.calls.length - 1].push(result);
      if ((method === m.commit || method === m.finish) && result === 'true') lms.commits.push(api.renderCMIToJSONObject());
      if (method === m.finish) lms.finished = result;
      return result;
    };
  }
  window.lmsApi = api;
  window[m.name] = facade;
  document.getElementById('sco').src = src;
};
</script></body></html>`;

/** A served folder holding the test LMS page at /lms/ and each package at /<name>/. */
export function lmsRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'coursemark-lms-'));
  mkdirSync(join(root, 'lms'));
  writeFileSync(join(root, 'lms', 'host.html'), HOST_PAGE);
  for (const file of ['scorm12.min.js', 'scorm2004.min.js']) copyFileSync(join(ROOT, 'node_modules/scorm-again/dist', file), join(root, 'lms', file));
  return root;
}

export function unpack(files: Record<string, Uint8Array>, dir: string): void {
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), bytes);
  }
}

export interface LmsRecord {
  calls: unknown[][];
  commits: Record<string, unknown>[];
  finished: string | null;
}

export const lmsRecord = (page: Page): Promise<LmsRecord> => page.evaluate(() => (window as unknown as { lms: LmsRecord }).lms);

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, "'").replace(/&quot;/g, '"').trim();

/** Gives the right answer to the question on screen, the way a learner would. */
export async function answerRight(scope: Scope, question: Question): Promise<void> {
  const main = scope.locator('main');
  const answer = correctAnswer(question);
  if (answer.type === 'single' || answer.type === 'multiple') {
    const ids = answer.type === 'single' ? [answer.optionId] : answer.optionIds;
    const options = question.type === 'single' || question.type === 'multiple' ? question.options : [];
    for (const option of options.filter((o) => ids.includes(o.id))) await main.getByRole(answer.type === 'single' ? 'radio' : 'checkbox', { name: text(option.html), exact: true }).check();
  } else if (answer.type === 'truefalse') {
    await main.getByRole('radio', { name: answer.value ? 'True' : 'False', exact: true }).check();
  } else if (answer.type === 'short' || answer.type === 'numeric') {
    await main.getByRole('textbox').fill(answer.text);
  } else if (answer.type === 'blanks') {
    for (const [i, value] of answer.values.entries()) {
      const blank = main.getByLabel(`Blank ${i + 1} of ${answer.values.length}`, { exact: true });
      if ((await blank.evaluate((el) => el.tagName)) === 'SELECT') await blank.selectOption(value);
      else await blank.fill(value);
    }
  } else if (answer.type === 'matching' && question.type === 'matching') {
    for (const pair of question.pairs) await main.getByLabel(text(pair.promptHtml), { exact: true }).selectOption(answer.chosen[pair.id]!);
  } else if (answer.type === 'ordering' && question.type === 'ordering') {
    await putInOrder(main, question.items.map((item) => text(item.html)));
  }
}

async function putInOrder(main: Locator, labels: string[]): Promise<void> {
  for (const [target, label] of labels.entries()) {
    for (let guard = 0; guard < labels.length; guard++) {
      const position = (await main.locator('ol.ordering > li').allInnerTexts()).findIndex((t) => t.includes(label));
      if (position <= target) break;
      await main.getByRole('button', { name: `Move ${label} up`, exact: true }).click();
    }
  }
}

/** Where the player is: the page itself (cmi5) or the LMS's frame (SCORM). */
export type Scope = Page | FrameLocator;

export const button = (scope: Scope, name: string) => scope.locator('main').getByRole('button', { name, exact: true });

/** Does what the lesson asks (answers revealed, challenges done), then moves on with Next. */
export async function completeLesson(scope: Scope, lesson: LessonEntry, next = true): Promise<void> {
  await heading(scope, lesson.title);
  // The lesson's body is its own chunk: wait until its required blocks are on the page.
  const required = lesson.blocks.filter((block) => block.required);
  const wanted = (kind: string) => required.filter((block) => block.kind === kind).length;
  await expect.poll(() => button(scope, 'Show answer').count()).toBeGreaterThanOrEqual(wanted('question'));
  await expect.poll(() => button(scope, 'Mark as done').count()).toBeGreaterThanOrEqual(wanted('challenge'));
  for (const reveal of await button(scope, 'Show answer').all()) await reveal.click();
  for (const challenge of await button(scope, 'Mark as done').all()) {
    if ((await challenge.getAttribute('aria-pressed')) !== 'true') await challenge.click();
  }
  if (next) await scope.locator('main').getByRole('link', { name: 'Next', exact: true }).or(button(scope, 'Next')).first().click();
}

/** Takes the quiz on screen: every answer right, or none given (a certain fail). */
export async function submitQuiz(scope: Scope, quiz: Quiz, right: boolean): Promise<void> {
  const graded = quiz.questions.filter((q) => q.type !== 'description');
  await heading(scope, quiz.title);
  await button(scope, 'Start quiz').click();
  for (const [i, question] of graded.entries()) {
    if (right) await answerRight(scope, question);
    if (i < graded.length - 1) await button(scope, 'Next').click();
  }
  await button(scope, 'Submit quiz').click();
  if (!right) await button(scope, 'Submit anyway').click();
  const shown = () => scope.locator('main').innerText();
  // Unanswered, a question may still earn a little (an ordering left as shown): far below the pass mark.
  await expect.poll(shown, { timeout: 10_000, message: 'the results' }).toMatch(right ? /\(100 ?%\)/ : /\(([0-9]|1[0-9])(\.\d+)? ?%\)/).catch(async (error: Error) => {
    throw new Error(`${error.message}\n${(await shown()).slice(0, 1500)}`);
  });
}

/** Waits for the page heading. */
export async function heading(frame: Scope, title: string): Promise<void> {
  await expect.poll(() => frame.locator('h1').first().textContent({ timeout: 10_000 }).catch(() => ''), { timeout: 15_000 }).toBe(title);
}
