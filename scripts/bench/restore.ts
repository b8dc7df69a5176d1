// Restore time with many stored attempts: builds the small bench page in restore-page/ with Vite
// (the player's own CourseProgressState and storage, nothing exposed in the product), seeds
// IndexedDB in Chromium through saveProgress with a learner record holding `attempts` quiz
// attempts, then reloads and times opening the course's progress, again and again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { CompiledCourse } from '../../src/content/pipeline.ts';
import type { CourseManifest } from '../../src/content/schema/manifest.ts';
import type { Question } from '../../src/content/schema/quiz.ts';
import { correctAnswer, emptyAnswer } from '../../src/engine/grading.ts';
import { emptyProgress } from '../../src/engine/progress.ts';
import type { Answer, CourseProgress, QuizAttempt } from '../../src/engine/progress-types.ts';
import { drawQuestions, scoreAttempt } from '../../src/engine/quiz-attempt.ts';
import { figuresByQuiz } from '../../src/engine/quiz-figures.ts';
import { DATABASE_NAME, STORE_NAME, attemptKey, progressKey } from '../../src/storage/keys.ts';
import { toSummaryRecord } from '../../src/storage/record-check.ts';
import { serveStatic } from '../lib/static-server.ts';
import { measureNavigation, type CourseShape, type Site } from './browser.ts';
import { median } from './measure.ts';
import type { RestoreTiming, SaveTiming, SeedResult } from './restore-page/restore-page.ts';

/**
 * A learner who opened every lesson and took the course's quizzes `attempts` times in all, answering
 * about two questions in three correctly: graded by the engine, as the player would have saved them.
 */
export function progressWithAttempts(course: CompiledCourse, attempts: number, now = Date.UTC(2026, 0, 1)): CourseProgress {
  const quizzes = [...course.quizzes.values()];
  if (quizzes.length === 0 && attempts > 0) throw new Error(`the course "${course.manifest.id}" has no quiz to attempt`);
  const progress = emptyProgress(course.manifest.id, now);
  const start = now - attempts * 60_000;
  for (const [index, lesson] of course.manifest.lessons.entries()) {
    const at = start + index * 1000;
    progress.lessons[lesson.id] = { firstVisit: at, lastVisit: at, reachedEnd: at, completedAt: at, timeSpentMs: 600_000 };
  }
  const list: QuizAttempt[] = [];
  for (let i = 0; i < attempts; i++) {
    const quiz = quizzes[i % quizzes.length]!;
    const questions: Question[] = drawQuestions(quiz, i + 1);
    const answers: Record<string, Answer> = {};
    questions.forEach((question, q) => {
      answers[question.id] = (i + q) % 3 === 0 ? emptyAnswer(question) : correctAnswer(question);
    });
    const startedAt = start + i * 60_000;
    list.push(scoreAttempt(quiz, questions, answers, { id: `a${i.toString(36).padStart(6, '0')}`, startedAt, finishedAt: startedAt + 45_000 }));
  }
  progress.attempts = list;
  progress.updatedAt = now;
  return progress;
}

async function buildPage(outDir: string): Promise<void> {
  const { build } = await import('vite');
  const { svelte } = await import('@sveltejs/vite-plugin-svelte');
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./restore-page/', import.meta.url)),
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
    build: { outDir, emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
}

export interface RestoreMeasurement {
  samples: number[];
  /** Medians of the steps, timed separately after each restore: opening storage, reading the record, records.ts's restore(). */
  steps: { openMs: number; readMs: number; restoreMs: number; attemptsMs: number };
  attempts: number;
  /** Size of the seeded record as JSON, bytes (what IndexedDB holds, roughly). */
  recordBytes: number;
  /** One save after a lesson visit, with the attempts stored: bytes written and the longest task. */
  saves: SaveTiming[];
}

export async function measureRestore(
  browser: Browser,
  course: CompiledCourse,
  manifest: CourseManifest,
  attempts: number,
  runs: number,
  log: (message: string) => void = () => {},
): Promise<RestoreMeasurement> {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-restore-'));
  const progress = progressWithAttempts(course, attempts);
  const record = JSON.stringify(progress);
  const recordBytes = Buffer.byteLength(record);
  await buildPage(dir);
  // Fetched by the page: far quicker than handing 20 MB to page.evaluate.
  writeFileSync(join(dir, 'record.json'), record);
  const server = await serveStatic(dir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const ready = () => page.waitForFunction('window.coursemarkBench !== undefined', undefined, { timeout: 15_000 });
    await page.goto(server.url);
    await ready();
    const seeded = (await page.evaluate(
      (url) => (window as Window).coursemarkBench!.seed(url),
      attempts === 0 ? null : `${server.url}record.json`,
    )) as SeedResult;
    if (!seeded.ok || seeded.attempts !== attempts) {
      throw new Error(`seeding ${attempts} attempts failed: ${seeded.message} (${seeded.attempts} stored)`);
    }
    log(`seeded ${attempts} attempts (${(recordBytes / 2 ** 20).toFixed(1)} MB as JSON)`);
    const samples: number[] = [];
    const steps: RestoreTiming['breakdown'][] = [];
    for (let run = 0; run < runs; run++) {
      await page.reload();
      await ready();
      const timing = (await page.evaluate(
        ([entry]) => (window as Window).coursemarkBench!.restore(entry),
        [manifest] as const,
      )) as RestoreTiming;
      if (timing.attempts !== attempts || timing.status !== 'saved' || timing.problems > 0) {
        throw new Error(
          `the restore found ${timing.attempts} of ${attempts} attempts (storage "${timing.status}", ${timing.problems} problem(s)): it did not read the seeded record`,
        );
      }
      samples.push(timing.ms);
      steps.push(timing.breakdown);
      log(`restore ${run + 1} of ${runs}: ${timing.ms.toFixed(1)} ms`);
    }
    const step = (name: keyof RestoreTiming['breakdown']) => median(steps.map((entry) => entry[name]));
    const saves: SaveTiming[] = [];
    for (let run = 0; run < Math.min(runs, 5); run++) {
      await page.reload();
      await ready();
      saves.push((await page.evaluate(([entry]) => (window as Window).coursemarkBench!.save(entry), [manifest] as const)) as SaveTiming);
      log(`save ${run + 1}: ${saves.at(-1)!.bytes} bytes, longest task ${saves.at(-1)!.longestTaskMs.toFixed(0)} ms`);
    }
    return { samples, steps: { openMs: step('openMs'), readMs: step('readMs'), restoreMs: step('restoreMs'), attemptsMs: step('attemptsMs') }, attempts, recordBytes, saves };
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Stores `progress` in the built site's own IndexedDB (the page must be on the site, and the player
 * must have created its database, which its first save does), the way the player stores it: the
 * summary with its per-quiz figures and each attempt under its own key. Handed over in pieces of a
 * thousand attempts (a routed URL would meet the site's service worker and its CSP).
 */
export async function seedSite(page: Page, progress: CourseProgress): Promise<number> {
  const summary = { ...toSummaryRecord({ ...progress, attempts: [], quizzes: figuresByQuiz(progress.attempts) }), writeId: 'bench-seed' };
  const entries: [string, unknown][] = progress.attempts.map((attempt) => [attemptKey(progress.courseId, attempt), attempt]);
  entries.push([progressKey(progress.courseId), summary]);
  await page.evaluate(`window.__cmSeed = ${SEED_IN_PAGE}`);
  let stored = 0;
  for (let start = 0; start < entries.length; start += 1000) {
    const seed = { database: DATABASE_NAME, store: STORE_NAME, entries: entries.slice(start, start + 1000) };
    stored += await page.evaluate((chunk) => (window as unknown as { __cmSeed: (seed: unknown) => Promise<number> }).__cmSeed(chunk), seed);
  }
  return stored - 1;
}

/** Runs in the page (as text: the bench's own transpiler would add helpers the page lacks): waits for the player's database, then writes the entries in one transaction. */
const SEED_IN_PAGE = `async (seed) => {
  const open = () => new Promise((resolve) => {
    const request = indexedDB.open(seed.database);
    request.onupgradeneeded = () => request.transaction.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => (request.result.objectStoreNames.contains(seed.store) ? resolve(request.result) : (request.result.close(), resolve(null)));
  });
  let db = null;
  for (let tries = 0; !db && tries < 100; tries++) {
    db = await open();
    if (!db) await new Promise((done) => setTimeout(done, 100));
  }
  if (!db) throw new Error('the player did not create its database within 10 s');
  await new Promise((resolve, reject) => {
    const transaction = db.transaction(seed.store, 'readwrite');
    const store = transaction.objectStore(seed.store);
    for (const [key, value] of seed.entries) store.put(value, key);
    transaction.oncomplete = resolve;
    transaction.onerror = () => reject(transaction.error);
  });
  db.close();
  return seed.entries.length;
}`;

/** Next clicks through the first course with a quiz, its learner holding `attempts` attempts in the site's own storage. */
export async function navigationWithAttempts(
  browser: Browser,
  site: Site,
  shapes: CourseShape[],
  courses: CompiledCourse[],
  attempts: number,
  clicks: number,
): Promise<number[]> {
  const compiled = courses.find((entry) => entry.quizzes.size > 0);
  const shape = compiled && shapes.find((course) => course.id === compiled.manifest.id);
  if (!compiled || !shape) throw new Error('no bundled course has a quiz to attempt');
  const learner = progressWithAttempts(compiled, attempts);
  return measureNavigation(browser, site, [shape], clicks, {
    prepare: async (page) => {
      const stored = await seedSite(page, learner);
      if (stored !== attempts) throw new Error(`seeded ${stored} of ${attempts} attempts`);
    },
  });
}
