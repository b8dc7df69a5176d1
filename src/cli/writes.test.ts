// Every coursemark command that writes, run as a tutor would (and as a careless one would): what
// `build --out`, `import gift --out` and `new` refuse with exit 2, and what they write when allowed.
// Refusals that could reach a recursive delete run on content that fails `check`, so even a broken
// guard could not get as far as writing.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../content/pipeline.ts';
import { run } from './main.ts';
import { BUILD_MARKER, checkSiteFolder } from './output-guard.ts';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');

async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A tutor's project in a fresh temporary folder: package.json, README.md and content/ (valid, or with an error). */
function project(content: 'valid' | 'broken' = 'valid'): string {
  const dir = join(realpathSync(mkdtempSync(join(tmpdir(), 'coursemark-writes-'))), 'project');
  const source = content === 'valid' ? join(FIXTURES, 'valid/content') : join(FIXTURES, 'diagnostics/quiz-no-correct/content');
  cpSync(source, join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name": "my-course"}');
  writeFileSync(join(dir, 'README.md'), '# My course');
  return dir;
}

/** Every file under a folder with its text, to show that nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

describe('build --out refuses what it must not replace', () => {
  it('--out content: exit 2, every lesson kept', async () => {
    const dir = project();
    const before = snapshot(dir);
    const result = await cli(['build', '--out', 'content'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toBe('coursemark: --out content is the content folder; a build replaces its output folder whole\n  hint: build into a folder of its own, e.g. --out dist or --out ../site');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--out content with --single-file: exit 2 as well', async () => {
    const dir = project();
    const result = await cli(['build', '--single-file', '--out', 'content'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--out content is the content folder');
  });

  it('--out README.md: exit 2, the file stays a file', async () => {
    const dir = project();
    const result = await cli(['build', '--out', 'README.md'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --out README.md is a file, not a folder');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# My course');
  });

  it('--out .: exit 2, the project kept', async () => {
    const dir = project('broken');
    const before = snapshot(dir);
    const result = await cli(['build', '--out', '.'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --out . is the project (it holds package.json or .git)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--out ..: exit 2, the parent kept', async () => {
    const dir = project('broken');
    const before = snapshot(resolve(dir, '..'));
    const result = await cli(['build', '--out', '..'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --out .. holds the project (it holds package.json or .git)');
    expect(snapshot(resolve(dir, '..'))).toEqual(before);
  });

  it('--out /: exit 2', async () => {
    // Content that does not exist: were the guard ever gone, the build would stop at exit 1.
    const dir = project('broken');
    const result = await cli(['build', '--content', 'no-such-folder', '--out', '/'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --out / is the root of the file system');
  });

  it('a folder that holds something else: exit 2, kept', async () => {
    const dir = project('broken');
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site/notes.txt'), 'mine');
    const result = await cli(['build', '--out', 'site'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`--out site is a folder that does not hold a Coursemark build (no ${BUILD_MARKER} file)`);
    expect(readFileSync(join(dir, 'site/notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('build --out writes a marked site', () => {
  it('builds into a new folder, marks it, and leaves no temporary folder behind', { timeout: 300_000 }, async () => {
    const dir = project();
    const result = await cli(['build', '--out', 'site'], dir);
    expect(result.code, result.err).toBe(0);
    expect(existsSync(join(dir, 'site/index.html'))).toBe(true);
    // Readable by a web server running as another user, like any folder the tutor makes.
    expect(statSync(join(dir, 'site')).mode & 0o777).toBe(0o777 & ~process.umask());
    expect(JSON.parse(readFileSync(join(dir, 'site', BUILD_MARKER), 'utf8'))).toMatchObject({ builtBy: 'coursemark' });
    expect(readdirSync(dir).sort()).toEqual(['.coursemark', 'README.md', 'content', 'package.json', 'site']);
    // The next build may replace it.
    expect(checkSiteFolder('site', { cwd: dir, contentDir: 'content' })).toBe(join(dir, 'site'));
  });
});

describe('import gift --out', () => {
  const GIFT = 'Who is buried in Grant\'s tomb? {=no one ~Grant}\n';

  function withGift(): string {
    const dir = project();
    writeFileSync(join(dir, 'content/every-block/bank.gift'), GIFT);
    return dir;
  }

  it('refuses to overwrite an existing lesson, and replaces it with --force', async () => {
    const dir = withGift();
    const lesson = join(dir, 'content/every-block/01-customers.md');
    const before = readFileSync(lesson, 'utf8');
    const refused = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'content/every-block/01-customers.md'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe('coursemark: --out content/every-block/01-customers.md already exists\n  hint: give a new file name, or add --force to replace it');
    expect(readFileSync(lesson, 'utf8')).toBe(before);
    const forced = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'content/every-block/01-customers.md', '--force'], dir);
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(lesson, 'utf8')).toMatch(/^---\ntitle: Bank\n---\n\n:::quiz Bank \{#bank\}\n### Who is buried in Grant's tomb\?/);
  });

  it('never overwrites course.md, even with --force', async () => {
    const dir = withGift();
    const course = join(dir, 'content/every-block/course.md');
    const before = readFileSync(course, 'utf8');
    const result = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'content/every-block/course.md', '--force'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --out content/every-block/course.md is a course file');
    expect(readFileSync(course, 'utf8')).toBe(before);
  });

  it('never overwrites the .gift file itself', async () => {
    const dir = withGift();
    const result = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'content/every-block/bank.gift', '--force'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --out content/every-block/bank.gift must name a .md file');
    expect(readFileSync(join(dir, 'content/every-block/bank.gift'), 'utf8')).toBe(GIFT);
  });

  it('refuses any other existing file without --force', async () => {
    const dir = withGift();
    const result = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'README.md'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --out README.md already exists');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# My course');
  });

  it('answers --out <folder> with a message, not an EISDIR trace', async () => {
    const dir = withGift();
    mkdirSync(join(dir, 'quizzes.md'));
    const folder = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'content'], dir);
    expect(folder.code).toBe(2);
    expect(folder.err).toBe('coursemark: --out content is a folder, not a file\n  hint: give a file name inside it, e.g. --out content/quiz.md');
    const named = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'quizzes.md', '--force'], dir);
    expect(named.code).toBe(2);
    expect(named.err).toBe('coursemark: --out quizzes.md is a folder, not a file\n  hint: give a file name inside it, e.g. --out quizzes.md/quiz.md');
  });

  it('reads a folder given as FILE as an error, not an EISDIR trace', async () => {
    const dir = withGift();
    const result = await cli(['import', 'gift', 'content'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toBe('content:1:1: error: this is a folder, not a GIFT file [import/missing]');
  });

  it('writes a new lesson that check accepts', async () => {
    const dir = withGift();
    const result = await cli(['import', 'gift', 'content/every-block/bank.gift', '--out', 'content/every-block/04-bank.md'], dir);
    expect(result.code, result.err).toBe(0);
    expect(loadContent('content', { cwd: dir }).diagnostics).toEqual([]);
  });
});

describe('new course|lesson', () => {
  it('writes a course name with ":" and quotes as valid YAML that reads back as typed', async () => {
    const dir = project();
    const name = 'Customer care: the "basics" # 1';
    expect((await cli(['new', 'course', name], dir)).code).toBe(0);
    const title = 'Complaints: what to say, and "why"';
    expect((await cli(['new', 'lesson', 'customer-care-the-basics-1', title], dir)).code).toBe(0);
    const result = loadContent('content', { cwd: dir });
    expect(result.diagnostics).toEqual([]);
    const course = result.courses.find((c) => c.manifest.id === 'customer-care-the-basics-1')!;
    expect(course.manifest.title).toBe(name);
    expect(course.manifest.lessons.map((l) => l.title)).toEqual(['Introduction', title]);
  });

  it('refuses a line break in a name or title, so nothing can be injected into the frontmatter', async () => {
    const dir = project();
    const before = snapshot(dir);
    const course = await cli(['new', 'course', 'Care\nid: settings'], dir);
    expect(course.code).toBe(2);
    expect(course.err).toBe('coursemark: the course name contains a line break or control character (U+000A)\n  hint: write the course name on one line, in plain text');
    const lesson = await cli(['new', 'lesson', 'every-block', 'Intro\n---\nid: x'], dir);
    expect(lesson.code).toBe(2);
    expect(lesson.err).toContain('the lesson title contains a line break or control character (U+000A)');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a title with no letters or digits instead of writing "04-.md"', async () => {
    const dir = project();
    const before = snapshot(dir);
    const result = await cli(['new', 'lesson', 'every-block', '///'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toBe('coursemark: the title "///" has no letters or digits to name the lesson file\n  hint: write a title with words, e.g. "Handling complaints"');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a course that is not an id, so nothing lands outside the content folder', async () => {
    const dir = project();
    mkdirSync(join(dir, 'x'));
    writeFileSync(join(dir, 'x/course.md'), '---\ntitle: Not content\n---\n');
    const before = snapshot(resolve(dir, '..'));
    for (const course of ['../x', '..', '/tmp', 'every-block/../../x']) {
      const result = await cli(['new', 'lesson', course, 'Escape'], dir);
      expect(result.code, course).toBe(2);
      expect(result.err).toContain(`coursemark: "${course}" is not a course id: expected lowercase letters, digits and hyphens`);
    }
    expect(snapshot(resolve(dir, '..'))).toEqual(before);
  });

  it('refuses a --content that is a file', async () => {
    const dir = project();
    const result = await cli(['new', 'course', 'Care', '--content', 'README.md'], dir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coursemark: --content README.md is a file, not a folder');
  });

  it('refuses a lesson id the player keeps for itself, and one the course already has', async () => {
    const dir = project();
    expect((await cli(['new', 'lesson', 'every-block', 'Notes'], dir)).err).toContain('"notes" cannot be a lesson id');
    const duplicate = await cli(['new', 'lesson', 'every-block', 'Customers'], dir);
    expect(duplicate.code).toBe(1);
    expect(duplicate.err).toBe('coursemark: the course already has a lesson "customers" (01-customers.md); choose another title');
  });
});
