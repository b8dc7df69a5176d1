import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics.ts';
import { idRecord, writeIdHistory } from './id-history.ts';
import { loadContent } from './pipeline.ts';

const VALID = resolve(import.meta.dirname, '../../tests/fixtures/valid');

function copyOfValidCourse(): string {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-ids-'));
  cpSync(VALID, dir, { recursive: true });
  const first = loadContent('content', { cwd: dir });
  writeIdHistory(dir, idRecord(first.courses[0]!, dir));
  return dir;
}

describe('id changes against the last build', () => {
  it('says nothing when nothing changed', () => {
    const dir = copyOfValidCourse();
    expect(loadContent('content', { cwd: dir }).diagnostics).toEqual([]);
  });

  it('warns when a renamed file changes a lesson id, and names the fix', () => {
    const dir = copyOfValidCourse();
    const course = join(dir, 'content', 'every-block');
    renameSync(join(course, '02-reflect.md'), join(course, '02-reflect-and-apply.md'));
    // The other lesson links to the old file name; keep that link valid.
    const first = join(course, '01-customers.md');
    writeFileSync(first, readFileSync(first, 'utf8').replace('02-reflect.md', '02-reflect-and-apply.md'));
    const lines = loadContent('content', { cwd: dir }).diagnostics.map(formatDiagnostic);
    expect(lines).toEqual([
      'content/every-block/02-reflect-and-apply.md:1:1: warning: the lesson id "reflect" ("Reflect and apply") was in the last build and is gone: it looks renamed to "reflect-and-apply"; learners\' progress on it will no longer show [id/changed]\n' +
        '  hint: add "id: reflect" to the frontmatter of content/every-block/02-reflect-and-apply.md to keep their progress',
    ]);
  });

  it('warns when a retitled block changes its derived id', () => {
    const dir = copyOfValidCourse();
    const file = join(dir, 'content', 'every-block', '01-customers.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(':::question Cereal', ':::question Breakfast cereal'));
    const [warning] = loadContent('content', { cwd: dir }).diagnostics;
    expect(warning).toMatchObject({ severity: 'warning', rule: 'id/changed', file: 'content/every-block/01-customers.md' });
    expect(warning!.message).toContain('"question-cereal"');
    expect(warning!.hint).toBe('if you renamed the block\'s title, pin its old id: add {#question-cereal} at the end of its ":::" line');
  });
});
