// `npm run bench`: builds the bundled courses and generated ones, measures every figure of
// PRODUCT.md section 8 that is not an accessibility check, prints each beside its bar as a table and
// as JSON, and writes the JSON to bench-results/bench.json. A figure that cannot be measured is
// reported as "not measured" with the reason; the run goes on. A figure over its bar does not fail
// the run: the byte bars are enforced by tests/budgets.test.ts in `npm test`.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../lib/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';
import { catalogueOf, loadContent } from '../../src/content/pipeline.ts';
import type { BuildChildResult } from './build-child.ts';
import { measureCheckAnswer, measureNavigation, measureRouteLoads, type CourseShape, type RouteLoads } from './browser.ts';
import { chunkSources, largestSources } from './attribution.ts';
import { generateCourse } from './generate.ts';
import { BYTE_BARS, builtContent, median, measureSite, totalGzip, type SiteSizes, type SizedFile } from './measure.ts';
import { judged, notMeasured, notes, table, timing, type Figure } from './report.ts';
import { measureRestore, navigationWithAttempts } from './restore.ts';
import { growthFigure, memoryFigures, type BuildSample } from './build-scale.ts';
import { describeOfflineFetches, measureOfflineFetches } from './offline.ts';
import { describeHomeLoads, homeLoads } from './bytes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = join(ROOT, 'content');
const RESULTS = join(ROOT, 'bench-results', 'bench.json');
const BUILD_CHILD = fileURLToPath(new URL('./build-child.ts', import.meta.url));

/** `--builds-only`: only the generated builds (time and memory); `--with-10k`: a 10,000-lesson build too (about 15 min on 2 cores). */
const BUILDS_ONLY = process.argv.includes('--builds-only');
const WITH_10K = process.argv.includes('--with-10k');

/** Repetitions: enough for a median, few enough for 10 minutes on 2 cores (plus the large builds). */
const RUNS = {
  generatedBuilds: [
    { lessons: 10, runs: 3 },
    { lessons: 100, runs: 3 },
    { lessons: 1000, runs: 1 },
    { lessons: 3000, runs: 1 },
    ...(WITH_10K ? [{ lessons: 10_000, runs: 1 }] : []),
  ],
  navigation: 50,
  checkAnswer: 50,
  restore: 10,
  restoreAttempts: 10_000,
} as const;

const started = Date.now();
const loadAtStart = Number(loadavg()[0]!.toFixed(2));
let chromiumVersion: string | null = null;
const work = mkdtempSync(join(tmpdir(), 'coursemark-bench-'));
const figures: Figure[] = [];
const details: Record<string, unknown> = {};
/** Things found on the way that are not figures but that the reader must know (a lesson that does not open). */
const problems: string[] = [];

function progress(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
}

const reason = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0]! : String(error));
const plainFiles = (files: readonly SizedFile[]) => files.map(({ file, bytes, gzip }) => ({ file, bytes, gzip }));

/** One `coursemark build` in a child process (its own peak memory), from a working folder of its own. */
function buildInChild(contentDir: string, cwd: string, timeoutMs: number): Promise<BuildChildResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), BUILD_CHILD, contentDir, 'dist'], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{"code"'));
      if (signal) return fail(new Error(`the build was stopped after ${timeoutMs / 1000} s (${signal})`));
      if (!line) return fail(new Error(`the build child exited ${code} without a result: ${(stderr || stdout).trim().slice(-400)}`));
      const result = JSON.parse(line) as BuildChildResult;
      if (result.code !== 0) return fail(new Error(`coursemark build exited ${result.code}: ${result.log.join(' ').slice(0, 600)}`));
      done(result);
    });
  });
}

function byteFigure(figure: string, files: SizedFile[], bar: string, limit: number | undefined, spread: string, note?: string): Figure {
  return judged({
    figure,
    value: totalGzip(files),
    unit: 'bytes',
    bar,
    ...(limit === undefined ? {} : { limit }),
    spread,
    files: plainFiles(files),
    ...(note ? { note } : {}),
  });
}

/** "9 files, largest index-BpK7j44P.js 38.5 KB" (the whole list is in the JSON and, when over, in the notes). */
function fileList(files: readonly SizedFile[]): string {
  if (files.length === 0) return 'no files';
  const largest = files.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const name = largest.file.replace(/^assets\//, '');
  return files.length === 1 ? `${name}` : `${files.length} files, largest ${name} ${(largest.gzip / 1024).toFixed(1)} KB`;
}

async function bundledCourses(browser: Browser | null): Promise<void> {
  progress('building content/ …');
  const cwd = join(work, 'site');
  mkdirSync(cwd, { recursive: true });
  const build = await buildInChild(CONTENT, cwd, 300_000);
  const dist = join(cwd, 'dist');
  details.bundledBuild = { seconds: build.ms / 1000, peakRssMB: build.peakRssBytes / 2 ** 20 };
  const content = await builtContent(CONTENT);
  const sizes: SiteSizes = measureSite(dist, content);
  const courses: CourseShape[] = content.courses;

  const loads: RouteLoads[] = [];
  let browserProblem: string | null = browser ? null : 'Chromium could not be started';
  if (browser) {
    const server = await serveStatic(dist);
    try {
      for (const course of courses) {
        progress(`first load, quiz route and lessons of ${course.id} in Chromium …`);
        try {
          loads.push(await measureRouteLoads(browser, { url: server.url, dir: dist }, course));
        } catch (error) {
          browserProblem = `${course.id}: ${reason(error)}`;
        }
      }
    } finally {
      await server.close();
    }
  }
  // First load: what Chromium fetched to show each course home.
  for (const course of courses) {
    const label = `first load, ${course.id} home (Chromium, JS+CSS gzip)`;
    const load = loads.find((entry) => entry.courseId === course.id);
    figures.push(
      load
        ? byteFigure(label, load.firstLoad, '≤ 30 KB (aim 25)', BYTE_BARS.firstLoad, fileList(load.firstLoad))
        : notMeasured(label, '≤ 30 KB (aim 25)', 'bytes', browserProblem ?? 'no browser run'),
    );
  }
  figures.push(
    byteFigure(
      'first load, static imports of index.html (as tests/budgets.test.ts)',
      sizes.firstLoad,
      '≤ 30 KB (aim 25)',
      BYTE_BARS.firstLoad,
      fileList(sizes.firstLoad),
      'no browser: the entry, its static imports and linked CSS; code loaded with import() at start-up is not in it',
    ),
  );

  for (const load of loads) {
    for (const { lessonId, problem } of load.unreachable) problems.push(`lesson ${load.courseId}/${lessonId} does not open by its route: ${problem}`);
  }
  const unread = [...new Set(loads.flatMap((load) => load.unread))];
  if (unread.length) details.sizedFromDisk = unread;

  // Lessons: each lesson's own chunk (found through the build's lesson loaders); Chromium confirms it
  // is what the lesson needs: fetched by the time the lesson is on screen (opening it, or prefetched).
  const lessonSizes = [...sizes.lessons.entries()];
  const gz = lessonSizes.map(([, file]) => file.gzip);
  const largest = lessonSizes.reduce((a, b) => (b[1].gzip > a[1].gzip ? b : a));
  const unconfirmed: string[] = [];
  let prefetched = 0;
  for (const load of loads) {
    for (const [lessonId, { opened, fetchedSoFar }] of load.lessons) {
      const own = sizes.lessons.get(`${load.courseId}/${lessonId}`);
      if (!own) continue;
      if (!fetchedSoFar.has(own.file)) unconfirmed.push(`${load.courseId}/${lessonId}`);
      else if (!opened.some((file) => file.file === own.file)) prefetched++;
    }
  }
  const confirmation =
    loads.length === 0
      ? `not confirmed in Chromium (${browserProblem})`
      : unconfirmed.length
        ? `Chromium never fetched the chunk of ${unconfirmed.join(', ')}`
        : `Chromium fetched each lesson's chunk by the time the lesson showed (${prefetched} of them prefetched before it was opened)`;
  figures.push(
    judged({
      figure: `lesson chunk, median of ${gz.length} (gzip)`,
      value: median(gz),
      unit: 'bytes',
      bar: '≤ 6 KB',
      limit: BYTE_BARS.lessonChunkMedian,
      spread: `${(Math.min(...gz) / 1024).toFixed(1)}–${(Math.max(...gz) / 1024).toFixed(1)} KB (min–max)`,
      note: confirmation,
      files: lessonSizes.map(([, file]) => file),
    }),
    judged({
      figure: `lesson chunk, largest (${largest[0]})`,
      value: largest[1].gzip,
      unit: 'bytes',
      bar: '',
      spread: largest[1].file,
    }),
  );
  details.lessonChunks = Object.fromEntries(lessonSizes.map(([key, file]) => [key, file]));
  for (const load of loads) {
    const firstLesson = courses.find((course) => course.id === load.courseId)?.lessons[0];
    const fetched = firstLesson ? load.lessons.get(firstLesson.id)?.opened : undefined;
    const own = firstLesson ? sizes.lessons.get(`${load.courseId}/${firstLesson.id}`) : undefined;
    if (fetched && own) {
      const pageCode = fetched.filter((file) => file.file !== own.file);
      figures.push(
        byteFigure(
          `opening the first lesson of ${load.courseId}, besides its chunk`,
          pageCode,
          '',
          undefined,
          fileList(pageCode),
          'the lesson page, block components and whatever the player prefetches there',
        ),
      );
    }
  }

  // The quiz route: what Chromium fetched beyond the course home, split into code and the quiz's data.
  const quizDataFiles = new Set([...sizes.quizData.values()].map((file) => file.file));
  let quizMeasured = false;
  for (const load of loads) {
    if (!load.quizRoute) continue;
    quizMeasured = true;
    const code = load.quizRoute.filter((file) => !quizDataFiles.has(file.file));
    const data = load.quizRoute.filter((file) => quizDataFiles.has(file.file));
    figures.push(
      byteFigure(`quiz code, ${load.courseId} quiz route (Chromium, gzip)`, code, '≤ 10 KB', BYTE_BARS.quizCode, fileList(code)),
      byteFigure(`quiz data, ${load.courseId} (gzip)`, data, '', undefined, fileList(data)),
    );
  }
  figures.push(
    byteFigure('quiz code, static analysis (as tests/budgets.test.ts)', sizes.quizCode, '≤ 10 KB', BYTE_BARS.quizCode, fileList(sizes.quizCode)),
    byteFigure('quiz code loaded as the learner goes: attempt, question types, grading, results (static)', sizes.quizLater, '', undefined, fileList(sizes.quizLater)),
  );
  if (!quizMeasured && browser) figures.push(notMeasured('quiz code (Chromium)', '≤ 10 KB', 'bytes', browserProblem ?? 'no course has a quiz'));

  // Storage: the library's chunk, and whether the first load already brings it.
  const inFirstLoad = loads.length > 0 && sizes.storage.every((file) => loads.every((load) => load.firstLoad.some((f) => f.file === file.file)));
  figures.push(
    byteFigure(
      'storage code (localforage chunk, gzip)',
      sizes.storage,
      '',
      undefined,
      fileList(sizes.storage),
      loads.length ? (inFirstLoad ? 'loaded during the first load (progress is restored on the course home)' : 'not part of the first load') : undefined,
    ),
  );

  await attributeOverBudget();

  if (!browser) {
    figures.push(
      notMeasured('lesson to lesson navigation, median of 50 Next clicks', '< 50 ms', 'ms', browserProblem ?? 'no browser'),
      notMeasured('Check answer to feedback rendered, median of 50', '< 16 ms', 'ms', browserProblem ?? 'no browser'),
    );
    return;
  }
  const server = await serveStatic(dist);
  try {
    progress(`lesson to lesson navigation: ${RUNS.navigation} Next clicks …`);
    try {
      // Walk each course only as far as its lessons open.
      const walks = courses.map((course) => {
        const broken = new Set(loads.find((load) => load.courseId === course.id)?.unreachable.map((entry) => entry.lessonId));
        const cut = course.lessons.findIndex((lesson) => broken.has(lesson.id));
        return cut === -1 ? course : { ...course, lessons: course.lessons.slice(0, cut) };
      });
      const samples = await measureNavigation(browser, { url: server.url, dir: dist }, walks, RUNS.navigation);
      figures.push(timing(`lesson to lesson navigation, median of ${samples.length} Next clicks`, samples, { bar: '< 50 ms', limit: 50, strict: true }));
    } catch (error) {
      figures.push(notMeasured(`lesson to lesson navigation, median of ${RUNS.navigation} Next clicks`, '< 50 ms', 'ms', reason(error)));
    }
    const heavyLabel = `Next → next lesson rendered with ${RUNS.restoreAttempts.toLocaleString('en')} attempts stored, median of ${RUNS.navigation}`;
    progress(`${heavyLabel} …`);
    try {
      const samples = await navigationWithAttempts(browser, { url: server.url, dir: dist }, courses, loadContent(CONTENT).courses, RUNS.restoreAttempts, RUNS.navigation);
      figures.push(timing(heavyLabel, samples, { bar: '< 50 ms', limit: 50, strict: true }));
    } catch (error) {
      figures.push(notMeasured(heavyLabel, '< 50 ms', 'ms', reason(error)));
    }
    progress(`Check answer to feedback: ${RUNS.checkAnswer} checks …`);
    const quizCourse = courses.find((course) => course.quizzes.length > 0);
    try {
      if (!quizCourse) throw new Error('no bundled course has a quiz');
      const samples = await measureCheckAnswer(browser, { url: server.url, dir: dist }, quizCourse, RUNS.checkAnswer);
      figures.push(timing(`Check answer to feedback rendered, median of ${samples.length}`, samples, { bar: '< 16 ms', limit: 16, strict: true }));
    } catch (error) {
      figures.push(notMeasured(`Check answer to feedback rendered, median of ${RUNS.checkAnswer}`, '< 16 ms', 'ms', reason(error)));
    }
  } finally {
    await server.close();
  }
}

/** For each byte figure over its bar, the source modules its files are made of. */
async function attributeOverBudget(): Promise<void> {
  const over = figures.filter((figure) => figure.unit === 'bytes' && figure.status === 'over');
  if (over.length === 0) return;
  progress('finding which source modules make up what is over budget …');
  try {
    const sources = await chunkSources(CONTENT);
    for (const figure of over) {
      figure.sources = largestSources(sources, (figure.files ?? []).map((file) => file.file));
      const list = figure.sources.map((share) => `${share.source} ${(share.gzip / 1024).toFixed(1)} KB`).join(', ');
      figure.note = [figure.note, `largest sources (each minified and gzipped alone): ${list}`].filter(Boolean).join('; ');
    }
  } catch (error) {
    problems.push(`could not attribute the bytes over budget to source modules: ${reason(error)}`);
  }
}

async function restoreTime(browser: Browser | null): Promise<void> {
  const label = `restore progress with ${RUNS.restoreAttempts.toLocaleString('en')} stored attempts, median of ${RUNS.restore}`;
  if (!browser) {
    figures.push(notMeasured(label, '< 100 ms', 'ms', 'Chromium could not be started'));
    return;
  }
  progress(`restore with ${RUNS.restoreAttempts} attempts …`);
  try {
    const result = loadContent(CONTENT);
    const course = result.courses.find((entry) => entry.quizzes.size > 0);
    if (!course) throw new Error('no bundled course has a quiz to attempt');
    const manifest = catalogueOf(result.courses).courses.find((entry) => entry.id === course.manifest.id)!;
    const measured = await measureRestore(browser, course, manifest, RUNS.restoreAttempts, RUNS.restore, progress);
    figures.push(
      timing(label, measured.samples, {
        bar: '< 100 ms',
        limit: 100,
        strict: true,
        note:
          `${course.manifest.id}, a record of ${(measured.recordBytes / 2 ** 20).toFixed(1)} MB as JSON in IndexedDB in Chromium, timed from new CourseProgressState to ready; ` +
          `steps timed apart (median): opening storage ${measured.steps.openMs.toFixed(1)} ms, reading the record ${measured.steps.readMs.toFixed(1)} ms, restore() of records.ts ${measured.steps.restoreMs.toFixed(1)} ms`,
      }),
    );
    // The same home with nothing stored, measured in the same run: the bar is within 1.5× of it.
    const empty = await measureRestore(browser, course, manifest, 0, RUNS.restore, progress);
    const heavy = median(measured.samples);
    const light = median(empty.samples);
    figures.push(
      timing(`the same with no attempts stored, median of ${RUNS.restore}`, empty.samples, { bar: '' }),
      judged({
        figure: `restore with ${RUNS.restoreAttempts.toLocaleString('en')} attempts / with none`,
        value: heavy / light,
        unit: 'ratio',
        bar: '≤ 1.5',
        limit: 1.5,
        spread: `${heavy.toFixed(1)} ms / ${light.toFixed(1)} ms (medians)`,
      }),
    );
    const saveLabel = `one save with ${RUNS.restoreAttempts.toLocaleString('en')} stored attempts`;
    const bytes = Math.max(...measured.saves.map((save) => save.bytes));
    const longest = Math.max(...measured.saves.map((save) => save.longestTaskMs));
    figures.push(
      judged({
        figure: `${saveLabel}: bytes written (largest of ${measured.saves.length})`,
        value: bytes,
        unit: 'bytes',
        bar: '≤ 16 KB',
        limit: 16 * 1024,
        spread: measured.saves.map((save) => `${save.writes} key(s), ${save.bytes} B`).join('; '),
        note: 'JSON length of every value one save hands to storage after a lesson visit (summary record and new attempts)',
      }),
      timing(`${saveLabel}: longest main-thread task`, [longest], {
        bar: '≤ 50 ms',
        limit: 50,
        strict: false,
        note: 'PerformanceObserver longtask entries during a lesson visit and its save (0: no task over 50 ms)',
      }),
    );
  } catch (error) {
    figures.push(notMeasured(label, '< 100 ms', 'ms', reason(error)));
  }
}

async function buildTimes(): Promise<void> {
  const medians = new Map<number, number>();
  const samplesBySize: BuildSample[] = [];
  let largeFirstLoad: Figure | null = null;
  let offlineFetches: Figure | null = null;
  for (const { lessons, runs } of RUNS.generatedBuilds) {
    const cwd = join(work, `generated-${lessons}`);
    const label = `build of a generated ${lessons.toLocaleString('en')}-lesson course`;
    const bar = lessons === 1000 ? '< 60 s' : '';
    try {
      generateCourse(join(cwd, 'content'), lessons);
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) {
        progress(`${label}, run ${run + 1} of ${runs} …`);
        // About 0.1 s a lesson on 2 busy cores; the timeout leaves room for four times that.
        const result = await buildInChild('content', cwd, Math.max(400_000, lessons * 400));
        samples.push(result.ms / 1000);
        samplesBySize.push({ lessons, seconds: result.ms / 1000, peakRssBytes: result.peakRssBytes });
      }
      if (lessons === 1000) {
        // The course's lesson list comes with its home: the first load to it must not grow with the course.
        try {
          const loads = await homeLoads(join(cwd, 'dist'), join(cwd, 'content'), { courses: 1, lessons });
          largeFirstLoad = byteFigure('first load to the home, generated 1,000-lesson course (files)', loads.largest.files, '≤ 30 KB (aim 25)', BYTE_BARS.firstLoad, describeHomeLoads(loads));
        } catch (error) {
          problems.push(`could not measure the first load of the 1,000-lesson build: ${reason(error)}`);
        }
      }
      if (lessons === 1000) offlineFetches = await serviceWorkerFetches(join(cwd, 'dist'), `bench-${lessons}`);
      medians.set(lessons, median(samples));
      figures.push(
        timing(label, samples, {
          unit: 's',
          bar,
          ...(lessons === 1000 ? { limit: 60, strict: true } : {}),
        }),
      );
    } catch (error) {
      figures.push(notMeasured(label, bar, 's', reason(error)));
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  }
  const hundred = medians.get(100);
  const thousand = medians.get(1000);
  figures.push(
    hundred !== undefined && thousand !== undefined
      ? judged({
          figure: 'build time growth, 1,000 / 100 lessons',
          value: thousand / hundred,
          unit: 'ratio',
          bar: '≤ 12 (roughly linear)',
          limit: 12,
          spread: `${(((thousand - hundred) / 900) * 1000).toFixed(0)} ms per extra lesson`,
        })
      : notMeasured('build time growth, 1,000 / 100 lessons', '≤ 12 (roughly linear)', 'ratio', 'a build above was not measured'),
    growthFigure(medians, 3000, 1000),
    ...(WITH_10K ? [growthFigure(medians, 10_000, 3000)] : []),
    ...memoryFigures(samplesBySize, RUNS.generatedBuilds.map((size) => size.lessons).filter((lessons) => lessons >= 1000)),
  );
  details.generatedBuilds = samplesBySize;
  if (largeFirstLoad) figures.push(largeFirstLoad);
  if (offlineFetches) figures.push(offlineFetches);
}

/** What the service worker downloads after a first visit to the course's home (its own Chromium, after the timings). */
async function serviceWorkerFetches(dist: string, courseId: string): Promise<Figure> {
  const label = 'service worker downloads after visiting one course home, generated 1,000-lesson course';
  progress(`${label} …`);
  try {
    const browser = await launchChromium();
    try {
      const fetches = await measureOfflineFetches(browser, dist, courseId);
      details.offlineFetches = fetches;
      return judged({ figure: label, value: fetches.worker.bytes, unit: 'bytes', bar: '', spread: describeOfflineFetches(fetches) });
    } finally {
      await browser.close();
    }
  } catch (error) {
    return notMeasured(label, '', 'bytes', reason(error));
  }
}

try {
  if (!BUILDS_ONLY) await browserFigures();
  // Builds last, with the browser closed: nothing else competes for the two cores.
  await buildTimes();
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** The bundled courses' bytes and browser timings, and the restore time. */
async function browserFigures(): Promise<void> {
  const browser = await launchChromium().catch((error: unknown) => {
    progress(`Chromium: ${reason(error)}`);
    return null;
  });
  chromiumVersion = browser?.version() ?? null;
  try {
    try {
      await bundledCourses(browser);
    } catch (error) {
      figures.push(notMeasured('bundled courses (build, bytes, browser timings)', '', 'bytes', reason(error)));
    }
    await restoreTime(browser);
  } finally {
    await browser?.close();
  }
}

const report = {
  date: new Date().toISOString(),
  machine: {
    /** Other work on the machine slows every timing: the 1-minute load average at the start and the end. */
    loadAverage: { start: loadAtStart, end: Number(loadavg()[0]!.toFixed(2)) },
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    chromium: chromiumVersion,
    platform: `${process.platform} ${process.arch}`,
  },
  seconds: Math.round((Date.now() - started) / 1000),
  figures,
  problems,
  details,
};
mkdirSync(resolve(RESULTS, '..'), { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify(report, null, 2)}\n`);

process.stdout.write(
  `\nCoursemark benchmark (${report.machine.cpus} × ${report.machine.cpu}, Node ${process.version}, Chromium ${chromiumVersion ?? 'none'}, load average ${loadAtStart} → ${report.machine.loadAverage.end}), ${report.seconds} s\n\n`,
);
process.stdout.write(`${table(figures)}\n\n`);
for (const line of notes(figures)) process.stdout.write(`${line}\n`);
for (const line of problems) process.stdout.write(`PROBLEM: ${line}\n`);
process.stdout.write(`\nJSON (also in ${RESULTS}):\n${JSON.stringify({ ...report, figures: figures.map(({ samples: _s, files: _f, ...rest }) => rest) }, null, 2)}\n`);
