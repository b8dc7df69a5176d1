// The `coursemark` command. Exit codes: 0 clean (warnings allowed), 1 content errors, 2 bad usage.
// Diagnostics print one per line as `path:line:col: severity: message [rule]` with a hint line.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatDiagnostic, summarise, type Diagnostic } from '../content/diagnostics.ts';
import { loadContent } from '../content/pipeline.ts';
import { slugify } from '../content/markdown/attributes.ts';
import { idRecord, writeIdHistory } from '../content/id-history.ts';

export const USAGE = `Usage: coursemark <command> [options]

Commands:
  check [--content DIR]                      validate every course; print every problem
  build [--content DIR] [--out DIR] [--single-file]
                                             build the player site (default content/ → dist/);
                                             --single-file: one self-contained HTML file per course
  dev [--content DIR] [--port N]             serve the player with live reload
  new course NAME                            create content/NAME with a course file and a first lesson
  new lesson COURSE "TITLE"                  add the next numbered lesson to a course
  import gift FILE [--out FILE]              convert a Moodle GIFT file to a Coursemark quiz lesson
  export scorm --course ID --version 1.2|2004 --out FILE [--content DIR]
                                             package a course as a SCORM zip for an LMS
  export cmi5 --course ID --out FILE [--content DIR]
                                             package a course as a cmi5 zip (xAPI) for an LMS

Options:
  --help                                     show this help
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
      const { positional, options } = parseArgs(rest, ['content']);
      if (positional.length > 1) throw new UsageError('check takes at most one content folder');
      const contentDir = options.content ?? positional[0] ?? 'content';
      const result = loadContent(contentDir, { cwd: io.cwd });
      const lessons = result.courses.reduce((n, c) => n + c.manifest.lessons.length, 0);
      const ok = report(result.diagnostics, io);
      if (ok) io.out(`Checked ${result.courses.length} course(s), ${lessons} lesson(s) in ${contentDir}.`);
      return ok ? 0 : 1;
    }
    case 'build': {
      const { positional, options } = parseArgs(rest, ['content', 'out'], ['single-file']);
      if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
      return build(options.content ?? 'content', options.out ?? 'dist', io, options['single-file'] === 'true');
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
    case 'new':
      return scaffold(rest, io);
    case 'import': {
      const [what, ...args] = rest;
      if (what !== 'gift') throw new UsageError('import supports one format: coursemark import gift FILE [--out FILE]');
      const { positional, options } = parseArgs(args, ['out', 'title']);
      if (positional.length !== 1) throw new UsageError('import gift needs exactly one FILE');
      const file = positional[0]!;
      if (!existsSync(resolve(io.cwd, file))) {
        io.err(`${file}:1:1: error: the file does not exist [import/missing]`);
        return 1;
      }
      const { giftToMarkdown } = await import('./import-gift.ts');
      const result = giftToMarkdown(readFileSync(resolve(io.cwd, file), 'utf8'), file, options.title ? { title: options.title } : {});
      if (!report(result.diagnostics, io)) return 1;
      if (options.out) {
        const target = resolve(io.cwd, options.out);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, result.markdown);
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

/** Builds into a fresh temporary folder and swaps it in only when everything succeeded. */
async function build(contentDir: string, outDir: string, io: Io, singleFile = false): Promise<number> {
  const started = performance.now();
  const result = loadContent(contentDir, { cwd: io.cwd });
  if (!report(result.diagnostics, io)) {
    io.err(`Nothing was written to ${outDir}.`);
    return 1;
  }
  const target = resolve(io.cwd, outDir);
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
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
        await viteBuild(siteConfig({ contentDir, outDir: dir, target: 'single-file', course: id }));
        renameSync(join(dir, 'index.html'), join(staging, `${id}.html`));
        rmSync(dir, { recursive: true, force: true });
      }
    } else {
      await viteBuild(siteConfig({ contentDir, outDir: staging }));
    }
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
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  for (const course of result.courses) writeIdHistory(io.cwd, idRecord(course, io.cwd));
  const lessons = result.courses.reduce((n, c) => n + c.manifest.lessons.length, 0);
  const what = singleFile ? `${result.courses.map((c) => `${c.manifest.id}.html`).join(', ')} (single files)` : 'the site';
  io.err(`Built ${what}: ${result.courses.length} course(s), ${lessons} lesson(s) into ${outDir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

function scaffold(args: string[], io: Io): number {
  const { positional, options } = parseArgs(args, ['content']);
  const [kind, name, title] = positional;
  const contentDir = resolve(io.cwd, options.content ?? 'content');
  if (kind === 'course') {
    if (!name) throw new UsageError('new course needs a NAME, e.g. coursemark new course customer-care');
    const id = slugify(name, 12);
    if (!id) throw new UsageError(`"${name}" cannot be a course name: use letters and digits`);
    const dir = join(contentDir, id);
    if (existsSync(dir)) {
      io.err(`coursemark: ${dir} already exists; choose another name`);
      return 1;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'course.md'),
      `---\ntitle: ${name}\ndescription: What this course is about, in one or two sentences.\nlanguage: en-GB\nestimatedMinutes: 60\noutcomes:\n  - The first thing a learner will be able to do\npassMark: 80\nversion: "1.0.0"\n---\n`,
    );
    writeFileSync(join(dir, '01-introduction.md'), `---\ntitle: Introduction\n---\n:::purpose\nWhy this course matters to the learner.\n:::\n\nWrite the lesson here in Markdown.\n`);
    io.out(`Created ${join(options.content ?? 'content', id)}/course.md and 01-introduction.md. Next: coursemark dev`);
    return 0;
  }
  if (kind === 'lesson') {
    if (!name || !title) throw new UsageError('new lesson needs a COURSE and a "TITLE", e.g. coursemark new lesson customer-care "Handling complaints"');
    const dir = join(contentDir, name);
    if (!existsSync(join(dir, 'course.md'))) {
      io.err(`coursemark: there is no course "${name}" in ${options.content ?? 'content'}`);
      return 1;
    }
    const numbers = readdirSync(dir)
      .map((f) => /^(\d+)/.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    const next = String((numbers.length ? Math.max(...numbers) : 0) + 1).padStart(2, '0');
    const file = join(dir, `${next}-${slugify(title, 8)}.md`);
    writeFileSync(file, `---\ntitle: ${JSON.stringify(title)}\n---\n:::purpose\nWhy this lesson matters.\n:::\n\nWrite the lesson here.\n`);
    io.out(`Created ${file}`);
    return 0;
  }
  throw new UsageError('new needs "course NAME" or "lesson COURSE TITLE"');
}
