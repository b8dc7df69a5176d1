// The file listing of a course: whatever sits in a course folder under a lesson's name (a folder
// called "x.md", a course.md that is a folder, a broken link) is a diagnostic, never a crash.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/main.ts';
import { formatDiagnostic } from './diagnostics.ts';
import { loadContent } from './pipeline.ts';

const VALID = resolve(import.meta.dirname, '../../tests/fixtures/valid/content');

function copyOfValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-files-'));
  cpSync(VALID, join(dir, 'content'), { recursive: true });
  return dir;
}

describe('lesson files that are not files', () => {
  it('reports a folder called x.md inside a course and reads the rest', () => {
    const dir = copyOfValid();
    mkdirSync(join(dir, 'content/every-block/x.md'));
    const result = loadContent('content', { cwd: dir });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'content/every-block/x.md:1:1: warning: "x.md" is a folder, not a lesson file; it is skipped [course/not-a-lesson]\n' +
        '  hint: rename it so its name does not end in .md, or start the name with "_" to keep it out of the course',
    ]);
    expect(result.courses[0]!.manifest.lessons.map((l) => l.id)).toEqual(['customers', 'reflect', 'quiz']);
  });

  it('makes `check` print the diagnostic and exit 0, with no stack trace', async () => {
    const dir = copyOfValid();
    mkdirSync(join(dir, 'content/every-block/02-x.md'));
    const err: string[] = [];
    const code = await run(['check'], { out: () => {}, err: (line) => err.push(line), cwd: dir });
    expect(code).toBe(0);
    expect(err.join('\n')).toContain('content/every-block/02-x.md:1:1: warning: "02-x.md" is a folder');
    expect(err.join('\n')).not.toMatch(/EISDIR|\n\s+at /);
  });

  it('reports a broken link named like a lesson', () => {
    const dir = copyOfValid();
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'content/every-block/05-gone.md'));
    const result = loadContent('content', { cwd: dir });
    expect(result.diagnostics.map((d) => `${d.file} ${d.rule} ${d.message}`)).toEqual([
      'content/every-block/05-gone.md course/not-a-lesson "05-gone.md" is not a file (a broken link?), not a lesson file; it is skipped',
    ]);
  });

  it('treats a folder called course.md as a missing course file', () => {
    const dir = copyOfValid();
    rmSync(join(dir, 'content/every-block/course.md'));
    mkdirSync(join(dir, 'content/every-block/course.md'));
    const result = loadContent('content', { cwd: dir });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(['content/every-block/course.md:1:1 course/missing']);
  });
});
