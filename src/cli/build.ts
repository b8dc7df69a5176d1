// `coursemark build`: the content read once, then the site (or one single file per course) built by
// Vite from that same reading, in a staging folder swapped in only when everything succeeded.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { idRecord, writeIdHistory } from '../content/id-history.ts';
import { loadContent, type ContentResult } from '../content/pipeline.ts';
import { report, type Io } from './command.ts';
import { stagingFolder, swapIn } from './output-guard.ts';

export interface BuildOptions {
  contentDir: string;
  /** --out as given, for messages. */
  outDir: string;
  /** The output folder's real path, after checkSiteFolder. */
  target: string;
  singleFile: boolean;
  proof: boolean;
}

/** Exit 0 when built, 1 on content errors or a failed build (then nothing is written). */
export async function build(options: BuildOptions, io: Io): Promise<number> {
  const started = performance.now();
  const content = loadContent(options.contentDir, { cwd: io.cwd, lint: true });
  if (!report(content.diagnostics, io)) {
    io.err(`Nothing was written to ${options.outDir}.`);
    return 1;
  }
  mkdirSync(dirname(options.target), { recursive: true });
  const staging = stagingFolder(options.target);
  try {
    await inProduction(io.cwd, () => buildSite(content, staging, options));
    swapIn(staging, options.target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    io.err(`coursemark: the build failed: ${error instanceof Error ? error.message : String(error)}`);
    io.err(`Nothing was written to ${options.outDir}.`);
    return 1;
  }
  for (const course of content.courses) writeIdHistory(io.cwd, idRecord(course, io.cwd));
  const lessons = content.courses.reduce((n, c) => n + c.manifest.lessons.length, 0);
  const what = options.singleFile ? `${content.courses.map((c) => `${c.manifest.id}.html`).join(', ')} (single files)` : 'the site';
  io.err(`Built ${what}: ${content.courses.length} course(s), ${lessons} lesson(s) into ${options.outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

/** Vite builds from the content already read: the plugin is handed it rather than reading it again. */
async function buildSite(content: ContentResult, staging: string, { contentDir, singleFile, proof }: BuildOptions): Promise<void> {
  const { build: viteBuild } = await import('vite');
  const { siteConfig } = await import('../content/vite/site-config.ts');
  if (!singleFile) {
    await viteBuild(siteConfig({ contentDir, outDir: staging, proof, content }));
    return;
  }
  // One build per course, each inlined into one HTML file named after the course.
  for (const course of content.courses) {
    const id = course.manifest.id;
    const dir = join(staging, `.${id}`);
    await viteBuild(siteConfig({ contentDir, outDir: dir, target: 'single-file', course: id, proof, content }));
    renameSync(join(dir, 'index.html'), join(staging, `${id}.html`));
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs a build from the tutor's folder in production mode whoever calls it: under vitest NODE_ENV
 * is "test", which would make Svelte compile in development mode (larger, slower) and the tests
 * would not test what learners get.
 */
export async function inProduction<T>(cwd: string, work: () => Promise<T>): Promise<T> {
  const previousCwd = process.cwd();
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    process.chdir(cwd);
    return await work();
  } finally {
    process.chdir(previousCwd);
    if (previousEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousEnv;
  }
}
