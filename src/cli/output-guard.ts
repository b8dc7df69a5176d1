// The one place that decides where a coursemark command may write. A build replaces its output
// folder whole, so `--out content`, `--out .` or `--out /` once deleted lessons, projects and worse:
// every command that writes (build, the Vite config, import gift, new, and later export) asks here
// first, and whatever is refused stops the command with exit 2 before anything is touched.
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, parse, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Written into every build; a folder holding it may be replaced by the next build. */
export const BUILD_MARKER = '.coursemark-build';

/** A refused output path: the CLI prints the message and hint and exits 2. */
export class RefusedOutput extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** A path with every link in its existing part resolved, so a link to the content folder is seen as one. */
export function realish(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  return join(realpathSync(existing), relative(existing, absolute));
}

/** True when `inner` is `outer` or lies inside it. */
function within(inner: string, outer: string): boolean {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith('..') && !isAbsolute(path));
}

/** The nearest folder at or above `cwd` holding package.json or .git, if any. */
function projectRoot(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

interface Places {
  cwd: string;
  /** The content folder, as given (relative to cwd). */
  contentDir: string;
}

/** Folders that no output may be, or contain: what the tutor would lose. */
function protectedFolders({ cwd, contentDir }: Places): { path: string; what: string }[] {
  const project = projectRoot(realish(cwd));
  return [
    { path: realish(resolve(cwd, contentDir)), what: 'the content folder' },
    ...(project ? [{ path: project, what: 'the project (it holds package.json or .git)' }] : []),
    { path: realish(cwd), what: 'the working folder' },
    { path: realish(homedir()), what: 'your home folder' },
  ];
}

const KEEP_HINT = 'build into a folder of its own, e.g. --out dist or --out ../site';

/**
 * Checks a folder that a build will replace whole, and returns its real absolute path. Allowed: a
 * path that does not exist yet, an empty folder, or a folder holding a previous build (BUILD_MARKER).
 */
export function checkSiteFolder(out: string, places: Places): string {
  const given = resolve(places.cwd, out);
  const target = realish(given);
  if (parse(target).root === target) {
    throw new RefusedOutput(`--out ${out} is the root of the file system; a build replaces its output folder whole`, KEEP_HINT);
  }
  const contentDir = realish(resolve(places.cwd, places.contentDir));
  const folders = protectedFolders(places);
  const same = folders.find(({ path }) => path === target);
  if (same) throw new RefusedOutput(`--out ${out} is ${same.what}; a build replaces its output folder whole`, KEEP_HINT);
  // Name the outermost folder it would take with it: "holds the project" says more than "holds the content".
  const holds = folders.filter(({ path }) => within(path, target)).sort((a, b) => a.path.length - b.path.length)[0];
  if (holds) throw new RefusedOutput(`--out ${out} holds ${holds.what}; a build replaces its output folder whole`, KEEP_HINT);
  if (within(target, contentDir)) {
    throw new RefusedOutput(`--out ${out} is inside the content folder, where the site would be read as a course`, KEEP_HINT);
  }
  checkParent(target, out);
  const link = lstatSync(given, { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) throw new RefusedOutput(`--out ${out} is a link; a build replaces its output folder whole`, 'give the folder itself, not a link to it');
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return target;
  if (!stat.isDirectory()) throw new RefusedOutput(`--out ${out} is a file, not a folder`, 'give a folder name for the site, e.g. --out dist');
  if (!isPreviousBuild(target) && readdirSync(target).length > 0) {
    throw new RefusedOutput(
      `--out ${out} is a folder that does not hold a Coursemark build (no ${BUILD_MARKER} file), and a build replaces its output folder whole`,
      `give a new folder name, or empty that folder yourself if nothing in it is needed`,
    );
  }
  return target;
}

/**
 * Whether a folder holds one of our builds: the marker, or (for sites built before the marker
 * existed) the service worker our build wrote, recognised by its first line.
 */
function isPreviousBuild(dir: string): boolean {
  if (existsSync(join(dir, BUILD_MARKER))) return true;
  const worker = join(dir, 'sw.js');
  if (!statSync(worker, { throwIfNoEntry: false })?.isFile()) return false;
  return readFileSync(worker, 'utf8').slice(0, 200).startsWith('// Generated by coursemark build');
}

/** The nearest existing folder above the target must be a folder, not a file in the way. */
function checkParent(target: string, out: string): void {
  let parent = dirname(target);
  while (!existsSync(parent)) parent = dirname(parent);
  if (!statSync(parent).isDirectory()) {
    throw new RefusedOutput(`--out ${out} goes through ${parent}, which is a file`, 'give a path made of folders');
  }
}

/**
 * A fresh, empty folder beside the target, on the same disk so the final rename is atomic. Made
 * with mkdir (not mkdtemp, whose 0700 would keep a web server from reading the site).
 */
export function stagingFolder(target: string): string {
  const dir = `${target}.building-${randomBytes(4).toString('hex')}`;
  mkdirSync(dir);
  return dir;
}

/** Marks a finished build, so the next build may replace it. */
export function markBuild(dir: string): void {
  writeFileSync(join(dir, BUILD_MARKER), `${JSON.stringify({ builtBy: 'coursemark', at: new Date().toISOString() })}\n`);
}

/**
 * Puts the finished staging folder in the target's place. The old build is moved aside (one rename)
 * and deleted only once the new one is in place; if the new one cannot be moved in, the old one is
 * moved back. Either way a whole site is left, never a half-written or half-deleted one.
 */
export function swapIn(staging: string, target: string): void {
  markBuild(staging);
  if (!existsSync(target)) {
    renameSync(staging, target);
    return;
  }
  const old = `${target}.old-${process.pid}-${Date.now()}`;
  renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (error) {
    renameSync(old, target);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * Checks a single file a command will write (import gift's lesson, export's zip) and returns its
 * absolute path. A folder is never a file; the command's own inputs and a course.md are never
 * overwritten; any other existing file only with --force.
 */
export function checkOutputFile(out: string, options: { cwd: string; extension: string; inputs: string[]; force: boolean }): string {
  const target = realish(resolve(options.cwd, out));
  checkParent(target, out);
  const stat = statSync(target, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new RefusedOutput(`--out ${out} is a folder, not a file`, `give a file name inside it, e.g. --out ${join(out, `quiz${options.extension}`)}`);
  if (extname(target).toLowerCase() !== options.extension) {
    throw new RefusedOutput(`--out ${out} must name a ${options.extension} file`, `e.g. --out content/my-course/09-quiz${options.extension}`);
  }
  if (!stat) return target;
  if (options.inputs.some((input) => realish(resolve(options.cwd, input)) === target)) {
    throw new RefusedOutput(`--out ${out} is the file being read`, 'write the result to a new file');
  }
  if (basename(target) === 'course.md') throw new RefusedOutput(`--out ${out} is a course file`, 'write the quiz to a lesson file, e.g. 09-quiz.md');
  if (!options.force) throw new RefusedOutput(`--out ${out} already exists`, 'give a new file name, or add --force to replace it');
  return target;
}

/** Writes a file whole or not at all: a temporary sibling renamed into place. */
export function writeWhole(target: string, text: string): void {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, target);
}

/**
 * The same guard inside the Vite config, so `vite build --outDir …` (which empties its output
 * folder) is held to the rules too, and every build it writes is marked as one of ours.
 */
export function outputGuard(contentDir: string): Plugin {
  let outDir: string | undefined;
  return {
    name: 'coursemark-output-guard',
    apply: 'build',
    configResolved(config) {
      if (config.build.write === false) return;
      outDir = checkSiteFolder(config.build.outDir, { cwd: process.cwd(), contentDir });
    },
    closeBundle: {
      order: 'post',
      handler() {
        if (outDir && existsSync(outDir)) markBuild(outDir);
      },
    },
  };
}
