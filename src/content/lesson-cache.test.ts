// The lesson cache that dev keeps across saves: a lesson is compiled again when it or its course's
// lesson index changed, and the cache stays the size of the course, not of its square (each key used
// to hold the lesson's text and the whole index of the course).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, type LessonCache } from './pipeline.ts';

function course(lessons: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-cache-'));
  mkdirSync(join(dir, 'content', 'course'), { recursive: true });
  writeFileSync(join(dir, 'content', 'course', 'course.md'), '---\ntitle: A course\n---\n');
  for (let n = 1; n <= lessons; n++) addLesson(dir, n);
  return dir;
}

function addLesson(dir: string, n: number): void {
  const name = `${String(n).padStart(3, '0')}-lesson-with-a-long-file-name-${n}.md`;
  writeFileSync(join(dir, 'content', 'course', name), `---\ntitle: Lesson ${n}\n---\n:::purpose\n${'Why this lesson matters. '.repeat(20)}\n:::\n`);
}

function keys(cache: LessonCache): string[] {
  return [...cache.values()].map((entry) => entry.key);
}

describe('the dev lesson cache', () => {
  it('keeps keys of one size whatever the course', () => {
    const small = new Map() as LessonCache;
    const large = new Map() as LessonCache;
    loadContent('content', { cwd: course(3), cache: small });
    loadContent('content', { cwd: course(60), cache: large });
    expect(large.size).toBe(60);
    const longest = Math.max(...keys(large).map((key) => key.length));
    expect(longest).toBe(Math.max(...keys(small).map((key) => key.length)));
    expect(longest).toBeLessThan(100);
  });

  it('hits when nothing changed, and misses for every lesson when the lesson index changed', () => {
    const dir = course(4);
    const cache = new Map() as LessonCache;
    loadContent('content', { cwd: dir, cache });
    const first = [...cache.values()];
    loadContent('content', { cwd: dir, cache });
    expect([...cache.values()].map((entry) => entry.result)).toEqual(first.map((entry) => entry.result));
    expect([...cache.values()].every((entry, n) => entry.result === first[n]!.result)).toBe(true);
    addLesson(dir, 5);
    loadContent('content', { cwd: dir, cache });
    const after = [...cache.values()].slice(0, 4);
    expect(after.every((entry, n) => entry.key !== first[n]!.key && entry.result !== first[n]!.result)).toBe(true);
  });
});
