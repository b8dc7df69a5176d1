// The guard every writing command asks first: which folders a build may replace and which files an
// import may write. Tested on the function itself, in temporary folders, so no case here could ever
// reach a real recursive delete.
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from 'vite';
import { BUILD_MARKER, checkOutputFile, checkSiteFolder, markBuild, outputGuard, RefusedOutput } from './output-guard.ts';

/** A project folder (package.json, content/ with one course) inside a fresh temporary folder. */
function project(): string {
  const dir = join(realpathSync(mkdtempSync(join(tmpdir(), 'coursemark-guard-'))), 'project');
  mkdirSync(join(dir, 'content/course'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(dir, 'README.md'), '# Read me');
  writeFileSync(join(dir, 'content/course/course.md'), '---\ntitle: C\n---\n');
  return dir;
}

function refusal(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof RefusedOutput) return error.message;
    throw error;
  }
  throw new Error('expected the output to be refused');
}

describe('checkSiteFolder', () => {
  const site = (out: string, cwd: string, contentDir = 'content') => checkSiteFolder(out, { cwd, contentDir });

  it('refuses the content folder, the project, their parents and the root', () => {
    const cwd = project();
    expect(refusal(() => site('content', cwd))).toBe('--out content is the content folder; a build replaces its output folder whole');
    expect(refusal(() => site('content/', cwd))).toBe('--out content/ is the content folder; a build replaces its output folder whole');
    expect(refusal(() => site('.', cwd))).toBe('--out . is the project (it holds package.json or .git); a build replaces its output folder whole');
    expect(refusal(() => site('..', cwd))).toBe('--out .. holds the project (it holds package.json or .git); a build replaces its output folder whole');
    expect(refusal(() => site('/', cwd))).toBe('--out / is the root of the file system; a build replaces its output folder whole');
    expect(refusal(() => site(dirname(homedir()), cwd))).toMatch(/holds your home folder|is the root of the file system/);
  });

  it('refuses the project from a folder inside it, and a content folder given elsewhere', () => {
    const root = project();
    mkdirSync(join(root, 'docs'));
    expect(refusal(() => site('..', join(root, 'docs'), '../content'))).toBe('--out .. is the project (it holds package.json or .git); a build replaces its output folder whole');
    const other = realpathSync(mkdtempSync(join(tmpdir(), 'coursemark-guard-other-')));
    expect(refusal(() => site(other, root, join(other, 'lessons')))).toBe(`--out ${other} holds the content folder; a build replaces its output folder whole`);
    expect(refusal(() => site(join(root, 'content/course/site'), root))).toBe(`--out ${join(root, 'content/course/site')} is inside the content folder, where the site would be read as a course`);
  });

  it('sees through a link to the content folder', () => {
    const cwd = project();
    symlinkSync(join(cwd, 'content'), join(cwd, 'lessons'));
    expect(refusal(() => site('lessons', cwd))).toBe('--out lessons is the content folder; a build replaces its output folder whole');
    symlinkSync(join(cwd, 'empty-target'), join(cwd, 'dist'));
    expect(refusal(() => site('dist', cwd))).toBe('--out dist is a link; a build replaces its output folder whole');
  });

  it('refuses a file, a path through a file, and a folder that holds something else', () => {
    const cwd = project();
    expect(refusal(() => site('README.md', cwd))).toBe('--out README.md is a file, not a folder');
    expect(refusal(() => site('README.md/site', cwd))).toBe(`--out README.md/site goes through ${join(cwd, 'README.md')}, which is a file`);
    mkdirSync(join(cwd, 'src'));
    writeFileSync(join(cwd, 'src/main.ts'), '');
    expect(refusal(() => site('src', cwd))).toBe(`--out src is a folder that does not hold a Coursemark build (no ${BUILD_MARKER} file), and a build replaces its output folder whole`);
  });

  it('accepts a new path, an empty folder and a previous build', () => {
    const cwd = project();
    expect(site('dist', cwd)).toBe(join(cwd, 'dist'));
    expect(site('../site', cwd)).toBe(join(dirname(cwd), 'site'));
    expect(site('out/deeper/site', cwd)).toBe(join(cwd, 'out/deeper/site'));
    mkdirSync(join(cwd, 'empty'));
    expect(site('empty', cwd)).toBe(join(cwd, 'empty'));
    mkdirSync(join(cwd, 'previous'));
    writeFileSync(join(cwd, 'previous/index.html'), '<!doctype html>');
    markBuild(join(cwd, 'previous'));
    expect(site('previous', cwd)).toBe(join(cwd, 'previous'));
    // A site built before the marker existed is known by the service worker our build wrote.
    mkdirSync(join(cwd, 'older'));
    writeFileSync(join(cwd, 'older/sw.js'), '// Generated by coursemark build: precaches the whole site for offline use.\n');
    expect(site('older', cwd)).toBe(join(cwd, 'older'));
    mkdirSync(join(cwd, 'other'));
    writeFileSync(join(cwd, 'other/sw.js'), 'self.addEventListener("fetch", () => {});\n');
    expect(refusal(() => site('other', cwd))).toMatch(/^--out other is a folder that does not hold a Coursemark build/);
  });

  it('holds `vite build` to the same rules through the Vite config', () => {
    const cwd = project();
    const plugin = outputGuard(join(cwd, 'content'));
    const resolved = (outDir: string) => ({ command: 'build', build: { outDir, write: true } }) as unknown as ResolvedConfig;
    const configResolved = plugin.configResolved as (config: ResolvedConfig) => void;
    expect(() => configResolved(resolved(join(cwd, 'content')))).toThrow(RefusedOutput);
    expect(() => configResolved(resolved(cwd))).toThrow(RefusedOutput);
    expect(() => configResolved(resolved(join(cwd, 'dist')))).not.toThrow();
  });
});

describe('checkOutputFile', () => {
  const file = (out: string, cwd: string, force = false) => checkOutputFile(out, { cwd, extension: '.md', inputs: ['bank.gift'], force });

  it('refuses a folder, the file being read, a course file and a file of another kind', () => {
    const cwd = project();
    writeFileSync(join(cwd, 'bank.gift'), 'Q {T}');
    expect(refusal(() => file('content/course', cwd))).toBe('--out content/course is a folder, not a file');
    expect(refusal(() => file('notes.txt', cwd))).toBe('--out notes.txt must name a .md file');
    mkdirSync(join(cwd, 'quiz.md'));
    expect(refusal(() => file('quiz.md', cwd, true))).toBe('--out quiz.md is a folder, not a file');
    expect(refusal(() => checkOutputFile('bank.gift', { cwd, extension: '.gift', inputs: ['bank.gift'], force: true }))).toBe('--out bank.gift is the file being read');
    expect(refusal(() => file('content/course/course.md', cwd, true))).toBe('--out content/course/course.md is a course file');
    expect(refusal(() => file('package.json', cwd, true))).toBe('--out package.json must name a .md file');
  });

  it('replaces an existing file only with --force', () => {
    const cwd = project();
    expect(refusal(() => file('README.md', cwd))).toBe('--out README.md already exists');
    expect(file('README.md', cwd, true)).toBe(join(cwd, 'README.md'));
    expect(file('content/course/09-quiz.md', cwd)).toBe(join(cwd, 'content/course/09-quiz.md'));
  });
});
