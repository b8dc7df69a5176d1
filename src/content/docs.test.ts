// The examples in docs/authoring.md cannot rot: every ```md lesson block is compiled as a lesson of
// a throwaway course, through the whole pipeline down to JavaScript, with no diagnostic (not even a
// lint warning) allowed.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './diagnostics.ts';
import { loadContent } from './pipeline.ts';
import { lessonToJs } from './compile.ts';

const DOCS = resolve(import.meta.dirname, '../../docs/authoring.md');
const markdown = readFileSync(DOCS, 'utf8');
const examples = [...markdown.matchAll(/^```md lesson\n([\s\S]*?)^```$/gm)].map((m) => ({
  source: m[1]!,
  line: markdown.slice(0, m.index).split('\n').length,
}));

const COURSE = `---
title: Docs examples
description: Every example of the authoring guide.
language: en-GB
estimatedMinutes: 10
outcomes:
  - Read the guide
passMark: 80
version: "1.0.0"
---
`;

describe('docs/authoring.md examples', () => {
  it('has an example for every block and question type', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20);
    const all = examples.map((e) => e.source).join('\n');
    for (const kind of ['purpose', 'theory', 'example', 'question', 'challenge', 'video', 'case-study', 'reflection', 'rating', 'outcomes', 'quiz']) {
      expect(all, `no example of :::${kind}`).toContain(`:::${kind}`);
    }
  });

  for (const [n, example] of examples.entries()) {
    it(`example ${n + 1} (docs/authoring.md line ${example.line}) compiles`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'coursemark-docs-'));
      mkdirSync(join(dir, 'content', 'docs'), { recursive: true });
      writeFileSync(join(dir, 'content', 'docs', 'course.md'), COURSE);
      // Examples with images use the fixture course's picture.
      cpSync(resolve(import.meta.dirname, '../../tests/fixtures/valid/content/every-block/media'), join(dir, 'content', 'docs', 'media'), { recursive: true });
      writeFileSync(join(dir, 'content', 'docs', '01-example.md'), example.source);
      // Lint included: the guide's examples are the ones tutors copy, so they model good practice.
      const result = loadContent('content', { cwd: dir, lint: true });
      expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
      const course = result.courses[0]!;
      const lesson = course.lessons.get('example')!;
      const { code } = await lessonToJs(lesson.source, lesson.file);
      expect(code).toContain('export default function');
    });
  }
});
