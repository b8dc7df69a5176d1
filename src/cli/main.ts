// The `coursemark` command. Exit codes: 0 clean (warnings allowed), 1 content errors, 2 bad usage.
// Diagnostics print one per line as `path:line:col: severity: message [rule]` with a hint line.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DiagnosticSink, formatDiagnostic, strictly, summarise, type Diagnostic } from '../content/diagnostics.ts';
import { loadContent } from '../content/pipeline.ts';
import { idRecord, writeIdHistory } from '../content/id-history.ts';
import { checkOutputFile, checkSiteFolder, RefusedOutput, stagingFolder, swapIn, writeWhole } from './output-guard.ts';
import { scaffold } from './scaffold.ts';

export const USAGE = `Usage: coursemark <command> [options]

Commands:
  check [--content DIR] [--strict]           validate every course; print every problem and lint
                                             warning (--strict: warnings are errors too)
  build [--content DIR] [--out DIR] [--single-file] [--proof]
                                             build the player site (default content/ → dist/);
                                             --single-file: one self-contained HTML file per course;
                                             --proof: a proof copy for tutors, every answer shown
  stats [--content DIR] [--json]             per course: lessons, words, reading time, questions
                                             by type, blocks by kind
  dev [--content DIR] [--port N]             serve the player with live reload
  new course NAME                            create content/NAME with a course file and a first lesson
  new lesson COURSE "TITLE"                  add the next numbered lesson to a course
  import gift FILE [--out FILE.md] [--force] convert a Moodle GIFT file to a Coursemark quiz lesson
  export scorm --course ID --version 1.2|2004 --out FILE [--content DIR]
                                             package a course as a SCORM zip for an LMS
  export cmi5 --course ID --out FILE [--content DIR]
                                             package a course as a cmi5 zip (xAPI) for an LMS

Options:
  --help                                     show this help

Where commands write: build --out replaces its folder whole, so it must be a new folder, an empty
one, or a previous build (it holds .coursemark-build); never the content folder, the project, a
folder above either, a file or /. import gift --out never replaces a file without --force.
`;

export class UsageError extends Error {}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

function parseArgs(argv: string[], flags: readonly string[], booleans: readonly string[] = []) {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (booleans.includes(name)) {
        options[name] = 'true';
        continue;
      }
      if (!flags.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

function report(diagnostics: Diagnostic[], io: Io): boolean {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  const errors = diagnostics.some((d) => d.severity === 'error');
  io.err(`${errors ? '✗' : '✓'} ${summarise(diagnostics)}`);
  return !errors;
}

export async function run(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`coursemark: ${error.message}`);
      io.err('Run "coursemark --help" for usage.');
      return 2;
    }
    if (error instanceof RefusedOutput) {
      io.err(`coursemark: ${error.message}`);
      io.err(`  hint: ${error.hint}`);
      return 2;
    }
    throw error;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'check': {
      const { positional, options } = parseArgs(rest, ['content'], ['strict']);
      if (positional.length > 1) throw new UsageError('check takes at most one content folder');
      const contentDir = options.content ?? positional[0] ?? 'content';
      const result = loadContent(contentDir, { cwd: io.cwd, lint: true });
      const lessons = result.courses.reduce((n, c) => n + c.manifest.lessons.length, 0);
      const ok = report(options.strict === 'true' ? strictly(result.diagnostics) : result.diagnostics, io);
      if (ok) io.out(`Checked ${result.courses.length} course(s), ${lessons} lesson(s) in ${contentDir}.`);
      return ok ? 0 : 1;
    }
    case 'build': {
      const { positional, options } = parseArgs(rest, ['content', 'out'], ['single-file', 'proof']);
      if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
      const contentDir = options.content ?? 'content';
      const outDir = options.out ?? 'dist';
      const target = checkSiteFolder(outDir, { cwd: io.cwd, contentDir });
      return build(contentDir, outDir, target, io, options['single-file'] === 'true', options.proof === 'true');
    }
    case 'stats': {
      const { positional, options } = parseArgs(rest, ['content'], ['json']);
      if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
      const { runStats } = await import('./stats.ts');
      return runStats(options.content ?? 'content', options.json === 'true', io);
    }
    case 'dev': {
      const { options } = parseArgs(rest, ['content', 'port']);
      const { createServer } = await import('vite');
      const { siteConfig } = await import('./vite-config.ts');
      const config = siteConfig({ contentDir: options.content ?? 'content' });
      const server = await createServer({ ...config, logLevel: 'info', server: { ...config.server, port: Number(options.port ?? 5173) } });
      await server.listen();
      server.printUrls();
      return await new Promise<number>(() => {});
    }
    case 'new': {
      const { positional, options } = parseArgs(rest, ['content']);
      return scaffold(positional, options.content ?? 'content', io);
    }
    case 'import': {
      const [what, ...args] = rest;
      if (what !== 'gift') throw new UsageError('import supports one format: coursemark import gift FILE [--out FILE]');
      const { positional, options } = parseArgs(args, ['out', 'title'], ['force']);
      if (positional.length !== 1) throw new UsageError('import gift needs exactly one FILE');
      const file = positional[0]!;
      if (!statSync(resolve(io.cwd, file), { throwIfNoEntry: false })?.isFile()) {
        io.err(`${file}:1:1: error: ${existsSync(resolve(io.cwd, file)) ? 'this is a folder, not a GIFT file' : 'the file does not exist'} [import/missing]`);
        return 1;
      }
      // Checked before the (possibly long) conversion, so a refused --out costs nothing.
      const target = options.out ? checkOutputFile(options.out, { cwd: io.cwd, extension: '.md', inputs: [file], force: options.force === 'true' }) : undefined;
      const { giftToMarkdown } = await import('../content/gift/to-house.ts');
      const { readGiftFile } = await import('../content/gift/source.ts');
      const sink = new DiagnosticSink(file);
      const bytes = readGiftFile(resolve(io.cwd, file), sink);
      if (!bytes) return report(sink.list, io) ? 0 : 1;
      const result = giftToMarkdown(bytes, file, options.title ? { title: options.title } : {});
      if (!report(result.diagnostics, io)) return 1;
      if (target) {
        mkdirSync(dirname(target), { recursive: true });
        writeWhole(target, result.markdown);
        io.err(`Imported ${result.count} question(s) into ${options.out}.`);
      } else {
        io.out(result.markdown);
      }
      return 0;
    }
    case 'export':
      return (await import('./export-lms.ts')).exportPackage(rest, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * Builds into a fresh sibling folder and swaps it in only when everything succeeded, so a failed
 * build leaves the previous site whole. `target` has passed checkSiteFolder.
 */
async function build(contentDir: string, outDir: string, target: string, io: Io, singleFile = false, proof = false): Promise<number> {
  const started = performance.now();
  const result = loadContent(contentDir, { cwd: io.cwd, lint: true });
  if (!report(result.diagnostics, io)) {
    io.err(`Nothing was written to ${outDir}.`);
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  const staging = stagingFolder(target);
  const { build: viteBuild } = await import('vite');
  const { siteConfig } = await import('./vite-config.ts');
  const previousCwd = process.cwd();
  // A production build whoever calls it: under vitest NODE_ENV is "test", which would make Svelte
  // compile in development mode (larger, slower) and the tests would not test what learners get.
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    process.chdir(io.cwd);
    if (singleFile) {
      // One build per course, each inlined into one HTML file named after the course.
      for (const course of result.courses) {
        const id = course.manifest.id;
        const dir = join(staging, `.${id}`);
        await viteBuild(siteConfig({ contentDir, outDir: dir, target: 'single-file', course: id, proof }));
        renameSync(join(dir, 'index.html'), join(staging, `${id}.html`));
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      await viteBuild(siteConfig({ contentDir, outDir: staging, proof }));
    }
    swapIn(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    io.err(`coursemark: the build failed: ${error instanceof Error ? error.message : String(error)}`);
    io.err(`Nothing was written to ${outDir}.`);
    return 1;
  } finally {
    process.chdir(previousCwd);
    if (previousEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousEnv;
  }
  for (const course of result.courses) writeIdHistory(io.cwd, idRecord(course, io.cwd));
  const lessons = result.courses.reduce((n, c) => n + c.manifest.lessons.length, 0);
  const what = singleFile ? `${result.courses.map((c) => `${c.manifest.id}.html`).join(', ')} (single files)` : 'the site';
  io.err(`Built ${what}: ${result.courses.length} course(s), ${lessons} lesson(s) into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}
