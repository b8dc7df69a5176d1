// The coursemark command as tutors and outside tests use it: output format, exit codes, and a
// failed build that writes nothing.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures');

async function cli(args: string[], cwd = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('coursemark check', () => {
  it('passes on the bundled seed courses', async () => {
    const result = await cli(['check', '--content', 'content']);
    expect(result.err).toContain('✓ 0 errors');
    expect(result.out).toMatch(/Checked 2 course\(s\), \d+ lesson\(s\) in content\./);
    expect(result.code).toBe(0);
  });

  it('prints every diagnostic as path:line:col and exits 1 on broken content', async () => {
    const result = await cli(['check', 'content'], join(FIXTURES, 'diagnostics/unknown-block'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      [
        'content/fixture/01-lesson.md:6:4: error: unknown block kind "exampel" [block/unknown]',
        '  hint: did you mean ":::example"? The kinds are: purpose, theory, example, question, challenge, video, case-study, reflection, rating, outcomes, quiz',
        '✗ 1 error, 0 warnings',
      ].join('\n'),
    );
  });

  it('collects the problems of several files in one run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-cli-'));
    cpSync(join(FIXTURES, 'diagnostics/unknown-block/content'), join(dir, 'content'), { recursive: true });
    cpSync(join(FIXTURES, 'diagnostics/question-no-answer/content/fixture/01-lesson.md'), join(dir, 'content/fixture/02-question.md'));
    const result = await cli(['check'], dir);
    expect(result.code).toBe(1);
    expect(result.err.match(/: error: /g)).toHaveLength(2);
    expect(result.err).toContain('content/fixture/02-question.md:4:1: error: this question has no answer [question/no-answer]');
  });

  it('exits 2 on bad usage', async () => {
    expect((await cli(['chek'])).code).toBe(2);
    expect((await cli(['check', '--contnet', 'x'])).err).toContain('coursemark: unknown option --contnet');
    expect((await cli(['build', '--out'])).code).toBe(2);
    expect((await cli([])).code).toBe(2);
  });

  it('reports a missing content folder as a content error', async () => {
    const result = await cli(['check', '--content', 'no-such-folder'], tmpdir());
    expect(result.code).toBe(1);
    expect(result.err).toContain('error: the content folder "no-such-folder" does not exist [content/missing]');
  });
});

describe('coursemark build', () => {
  it('writes nothing when the content has an error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-cli-'));
    cpSync(join(FIXTURES, 'diagnostics/quiz-no-correct/content'), join(dir, 'content'), { recursive: true });
    const result = await cli(['build', '--out', 'site'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Nothing was written to site.');
    expect(existsSync(join(dir, 'site'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['content']);
  });
});

describe('coursemark new', () => {
  it('scaffolds a course and a lesson that pass check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-cli-'));
    expect((await cli(['new', 'course', 'Customer care'], dir)).code).toBe(0);
    expect((await cli(['new', 'lesson', 'customer-care', 'Handling complaints'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'content/customer-care')).sort()).toEqual(['01-introduction.md', '02-handling-complaints.md', 'course.md']);
    const check = await cli(['check'], dir);
    expect(check.err).toBe('✓ 0 errors, 0 warnings');
    expect(check.code).toBe(0);
    expect((await cli(['new', 'course', 'Customer care'], dir)).code).toBe(1);
  });
});

describe('coursemark import gift', () => {
  it('converts both Moodle fixture files completely', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-cli-'));
    for (const [name, count] of [['moodle-examples.gift', 43], ['moodle-questions.gift', 9]] as const) {
      const out = join(dir, `${name}.md`);
      const result = await cli(['import', 'gift', join(ROOT, '../shared/fixtures/gift', name), '--out', out]);
      expect(result.code, result.err).toBe(0);
      expect(result.err).toContain(`Imported ${count} question(s)`);
      expect(readFileSync(out, 'utf8')).toMatch(/^---\ntitle: /);
    }
  });

  it('prints a GIFT error at its line and column and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-cli-'));
    writeFileSync(join(dir, 'broken.gift'), "// a question\n\nWho's buried in Grant's tomb?{~Grant =no one\n");
    const result = await cli(['import', 'gift', 'broken.gift'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^broken\.gift:3:\d+: error: .*\[gift\/unclosed-brace\]/m);
  });
});
