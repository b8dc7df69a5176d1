// Restore time with many stored attempts: builds the small bench page in restore-page/ with Vite
// (the player's own CourseProgressState and storage, nothing exposed in the product), seeds
// IndexedDB in Chromium through saveProgress with a learner record holding `attempts` quiz
// attempts, then reloads and times opening the course's progress, again and again.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { CompiledCourse } from '../../src/content/pipeline.ts';
import type { CourseManifest } from '../../src/content/schema/manifest.ts';
import type { Question } from '../../src/content/schema/quiz.ts';
import { correctAnswer, emptyAnswer } from '../../src/engine/grading.ts';
import { emptyProgress } from '../../src/engine/progress.ts';
import type { Answer, CourseProgress, QuizAttempt } from '../../src/engine/progress-types.ts';
import { drawQuestions, scoreAttempt } from '../../src/engine/quiz-attempt.ts';
import { serveStatic } from '../lib/static-server.ts';
import { median } from './measure.ts';
import type { RestoreTiming, SaveTiming, SeedResult } from './restore-page/restore-page.ts';

/**
 * A learner who opened every lesson and took the course's quizzes `attempts` times in all, answering
 * about two questions in three correctly: graded by the engine, as the player would have saved them.
 */
export function progressWithAttempts(course: CompiledCourse, attempts: number, now = Date.UTC(2026, 0, 1)): CourseProgress {
  const quizzes = [...course.quizzes.values()];
  if (quizzes.length === 0) throw new Error(`the course "${course.manifest.id}" has no quiz to attempt`);
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
      `${server.url}record.json`,
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
