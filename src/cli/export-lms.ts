// `coursemark export scorm|cmi5`: one course as a zip an LMS takes. The player is built with that course
// only and the LMS adapter (src/lms/); the package adds the manifest the standard asks for (SCORM's
// imsmanifest.xml with its schema files, or cmi5.xml) at the zip's root.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';
import { formatDiagnostic, summarise } from '../content/diagnostics.ts';
import type { CourseManifest } from '../content/schema/manifest.ts';
import { loadContent, type ContentResult } from '../content/pipeline.ts';
import { cmi5Structure } from '../lms/cmi5-structure.ts';
import { SCHEMA_FILES, scormManifest, type ScormVersion } from '../lms/manifest.ts';
import { inProduction } from './build.ts';
import { UsageError, type Io } from './command.ts';
import { BUILD_MARKER, checkOutputFile } from './output-guard.ts';

const SCORM_USAGE = 'export scorm needs --course ID --version 1.2|2004 --out FILE.zip [--content DIR] [--force]';
const CMI5_USAGE = 'export cmi5 needs --course ID --out FILE.zip [--content DIR] [--force]';
const SCHEMA_DIRS: Record<ScormVersion, string> = { '1.2': 'scorm12', '2004': 'scorm2004' };

type Request = { format: 'scorm'; version: ScormVersion } | { format: 'cmi5' };

function parseOptions(args: string[], usage: string, names: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; ${usage}`);
    if (arg === '--force') {
      options.force = 'true';
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!names.includes(name)) throw new UsageError(`unknown option --${name}; ${usage}`);
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--') || value === '') throw new UsageError(`--${name} needs a value; ${usage}`);
    options[name] = value;
  }
  return options;
}

/** `args` are what follows `export`. Exit codes as everywhere: 0 done, 1 content problems, 2 usage. */
export async function exportPackage(args: string[], io: Io): Promise<number> {
  const [format, ...rest] = args;
  let request: Request;
  let options: Record<string, string>;
  if (format === 'scorm') {
    options = parseOptions(rest, SCORM_USAGE, ['course', 'version', 'out', 'content']);
    if (options.version !== '1.2' && options.version !== '2004') {
      throw new UsageError(options.version ? `--version must be 1.2 or 2004, not "${options.version}"` : SCORM_USAGE);
    }
    if (!options.course || !options.out) throw new UsageError(SCORM_USAGE);
    request = { format, version: options.version };
  } else if (format === 'cmi5') {
    options = parseOptions(rest, CMI5_USAGE, ['course', 'out', 'content']);
    if (!options.course || !options.out) throw new UsageError(CMI5_USAGE);
    request = { format };
  } else {
    throw new UsageError(`export supports scorm and cmi5: coursemark ${SCORM_USAGE}, or coursemark ${CMI5_USAGE}`);
  }
  // Where the zip goes is checked before anything is built (a folder, a course file, an existing file
  // without --force are refused, exit 2): output-guard.ts decides for every command.
  const target = checkOutputFile(options.out, { cwd: io.cwd, extension: '.zip', inputs: [], force: options.force === 'true' });
  return writePackage(request, options.course, options.out, target, options.content ?? 'content', io);
}

async function writePackage(request: Request, courseId: string, out: string, target: string, contentDir: string, io: Io): Promise<number> {
  const started = performance.now();
  const content = loadContent(contentDir, { cwd: io.cwd });
  const errors = content.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of content.diagnostics) io.err(formatDiagnostic(d));
    io.err(`✗ ${summarise(content.diagnostics)}`);
    io.err(`Nothing was written to ${out}.`);
    return 1;
  }
  const course = content.courses.find((entry) => entry.manifest.id === courseId)?.manifest;
  if (!course) {
    const ids = content.courses.map((entry) => entry.manifest.id);
    io.err(`coursemark: there is no course "${courseId}" in ${contentDir}; the courses are: ${ids.join(', ') || '(none)'}`);
    return 1;
  }
  const staging = mkdtempSync(join(tmpdir(), 'coursemark-export-'));
  try {
    const built = await buildPlayer(content, contentDir, join(staging, 'player'), course.id, request, io.cwd);
    if (!built.ok) {
      io.err(`coursemark: the build failed: ${built.message}`);
      io.err(`Nothing was written to ${out}.`);
      return 1;
    }
    const files = packageFiles(join(staging, 'player'), course, request);
    const zip = zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
    mkdirSync(dirname(target), { recursive: true });
    // Written aside and renamed: a failed export never leaves half a zip where the tutor expects one.
    writeFileSync(`${target}.tmp-${process.pid}`, zip);
    renameSync(`${target}.tmp-${process.pid}`, target);
    const what = request.format === 'scorm' ? `SCORM ${request.version}` : 'cmi5';
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.err(`Exported ${course.id} as ${what}: ${Object.keys(files).length} files, ${Math.round(zip.length / 1024)} KB into ${out} in ${seconds} s.`);
    return 0;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Builds the player for one course with the LMS adapter, from the content already read, in production mode whoever calls it. */
async function buildPlayer(content: ContentResult, contentDir: string, outDir: string, courseId: string, request: Request, cwd: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const { build } = await import('vite');
  const { siteConfig } = await import('../content/vite/site-config.ts');
  const lms = request.format === 'cmi5' ? 'cmi5' : request.version === '1.2' ? 'scorm12' : 'scorm2004';
  try {
    await inProduction(cwd, () => build(siteConfig({ contentDir, outDir, target: 'lms', course: courseId, lms, content })));
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesOf(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Every file of the zip by its path inside it: the player, and the standard's manifest at the root. */
function packageFiles(playerDir: string, course: CourseManifest, request: Request): Zippable {
  const files: Zippable = {};
  const player = filesOf(playerDir)
    .map((file) => relative(playerDir, file).split(sep).join('/'))
    // Source maps serve nothing inside an LMS, nor does the marker every build carries.
    .filter((file) => !file.endsWith('.map') && file !== BUILD_MARKER);
  for (const file of player) files[file] = readFileSync(join(playerDir, file));
  const text = (value: string) => new TextEncoder().encode(value);
  if (request.format === 'cmi5') {
    files['cmi5.xml'] = text(cmi5Structure(course));
    return files;
  }
  const hasQuiz = course.quizzes.length > 0;
  const packaged = { id: course.id, title: course.title, version: course.version, passMark: course.passMark, hasQuiz };
  files['imsmanifest.xml'] = text(scormManifest(packaged, request.version, player));
  const schemaDir = fileURLToPath(new URL(`../lms/schemas/${SCHEMA_DIRS[request.version]}/`, import.meta.url));
  for (const file of SCHEMA_FILES[request.version]) {
    if (existsSync(join(schemaDir, file))) files[file] = readFileSync(join(schemaDir, file));
  }
  return files;
}
