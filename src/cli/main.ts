// The `coursemark` command: reads the arguments and hands them to the command's own file (check.ts,
// build.ts, dev.ts, stats.ts, scaffold.ts for new, import.ts, export-lms.ts). Exit codes: 0 clean
// (warnings allowed), 1 content errors, 2 bad usage. Diagnostics print one per line as
// `path:line:col: severity: message [rule]` with a hint line.
import { build } from './build.ts';
import { check } from './check.ts';
import { defaultIo, parseArgs, UsageError, type Io } from './command.ts';
import { checkSiteFolder, RefusedOutput } from './output-guard.ts';
import { scaffold } from './scaffold.ts';

export { UsageError } from './command.ts';

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
      return check(options.content ?? positional[0] ?? 'content', options.strict === 'true', io);
    }
    case 'build': {
      const { positional, options } = parseArgs(rest, ['content', 'out'], ['single-file', 'proof']);
      if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
      const contentDir = options.content ?? 'content';
      const outDir = options.out ?? 'dist';
      const target = checkSiteFolder(outDir, { cwd: io.cwd, contentDir });
      return build({ contentDir, outDir, target, singleFile: options['single-file'] === 'true', proof: options.proof === 'true' }, io);
    }
    case 'stats': {
      const { positional, options } = parseArgs(rest, ['content'], ['json']);
      if (positional.length) throw new UsageError(`unexpected argument "${positional[0]}"`);
      const { runStats } = await import('./stats.ts');
      return runStats(options.content ?? 'content', options.json === 'true', io);
    }
    case 'dev': {
      const { options } = parseArgs(rest, ['content', 'port']);
      return (await import('./dev.ts')).dev(options.content ?? 'content', Number(options.port ?? 5173));
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
      const { importGift } = await import('./import.ts');
      return importGift({ file: positional[0]!, ...(options.out ? { out: options.out } : {}), ...(options.title ? { title: options.title } : {}), force: options.force === 'true' }, io);
    }
    case 'export':
      return (await import('./export-lms.ts')).exportPackage(rest, io);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
