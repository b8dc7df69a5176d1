// Code that ships or runs outside the test suite imports nothing from tests/ (the bench and the
// scripts share scripts/lib/ with the tests instead), and no code lives among the fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|mts|mjs|js|svelte)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((match) => match[1]!);
}

describe('imports', () => {
  it('scripts/ imports nothing from tests/', () => {
    const offenders = sourceFiles(join(ROOT, 'scripts')).flatMap((file) =>
      imports(file)
        .filter((specifier) => specifier.startsWith('.') && relative(ROOT, resolve(file, '..', specifier)).startsWith('tests'))
        .map((specifier) => `${relative(ROOT, file)} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no code is filed under tests/fixtures/', () => {
    const code = sourceFiles(join(ROOT, 'tests/fixtures')).map((file) => relative(ROOT, file));
    expect(code).toEqual([]);
  });
});
