// `coursemark stats` counts what the course files hold: checked against the fixture's own text.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');
const VALID = join(FIXTURES, 'valid/content/every-block');

async function cli(args: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('coursemark stats', () => {
  it('--json: lessons, words, reading time, questions by type and blocks by kind', async () => {
    const result = await cli(['stats', '--json', '--content', 'valid/content'], FIXTURES);
    expect(result.code).toBe(0);
    const [course] = JSON.parse(result.out).courses;
    const lessonFiles = readdirSync(VALID).filter((f) => /^\d.*\.md$/.test(f));
    const sources = lessonFiles.map((f) => readFileSync(join(VALID, f), 'utf8')).join('\n');
    const fences = [...sources.matchAll(/^:::([a-z-]+)/gm)].map((m) => m[1]!);
    const expectedBlocks: Record<string, number> = {};
    for (const kind of fences) expectedBlocks[kind] = (expectedBlocks[kind] ?? 0) + 1;
    expect(course).toMatchObject({ id: 'every-block', lessons: lessonFiles.length, estimatedMinutes: 20 });
    expect(course.blocks).toEqual(expectedBlocks);
    // The fixture's quiz: one "( )" question and one "[ ]" question.
    expect(course.questions).toEqual({ single: 1, multiple: 1 });
    expect(course.words).toBeGreaterThan(200);
    expect(course.words).toBeLessThan(sources.split(/\s+/).length);
    expect(course.readingMinutes).toBe(Math.round(course.words / 200));
    expect(course.studyMinutes).toBeGreaterThan(course.readingMinutes);
  });

  it('prints a table for people', async () => {
    const result = await cli(['stats', '--content', 'valid/content'], FIXTURES);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Every block \(every-block\)\n {2}lessons {5}3\n {2}words {7}\d+\n/);
    expect(result.out).toContain('  questions   2: multiple 1, single 1');
  });

  it('reports content errors instead of counting a broken course', async () => {
    const result = await cli(['stats'], join(FIXTURES, 'diagnostics/unknown-block'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('content/fixture/01-lesson.md:6:4: error: unknown block kind "exampel" [block/unknown]');
    expect(result.out).toBe('');
  });
});
