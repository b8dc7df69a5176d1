// What `coursemark new` writes is a model course: it passes `check --strict`, lint included.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.ts';

async function cli(args: string[], cwd: string) {
  const err: string[] = [];
  const code = await run(args, { out: () => {}, err: (l) => err.push(l), cwd });
  return { code, err: err.join('\n') };
}

describe('coursemark new', () => {
  it('scaffolds a course and lessons that pass check --strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-scaffold-'));
    expect((await cli(['new', 'course', 'Customer care'], dir)).code).toBe(0);
    expect((await cli(['new', 'lesson', 'customer-care', 'Handling complaints'], dir)).code).toBe(0);
    expect((await cli(['new', 'lesson', 'customer-care', 'Recording what customers say'], dir)).code).toBe(0);
    const check = await cli(['check', '--strict'], dir);
    expect(check.err).toBe('✓ 0 errors, 0 warnings');
    expect(check.code).toBe(0);
  });
});

describe('coursemark check --strict', () => {
  it('passes with warnings, fails with --strict, and prints the warning as an error', async () => {
    const dir = join(import.meta.dirname, '../../tests/fixtures/diagnostics/lint-link-not-https');
    const plain = await cli(['check'], dir);
    expect(plain.code).toBe(0);
    expect(plain.err).toContain('01-lesson.md:4:10: warning: the link "http://example.org/standard" is not https [link/not-https]');
    const strict = await cli(['check', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.err).toContain('01-lesson.md:4:10: error: the link "http://example.org/standard" is not https [link/not-https]');
    expect(strict.err).toContain('✗ 1 error, 0 warnings');
  });
});
