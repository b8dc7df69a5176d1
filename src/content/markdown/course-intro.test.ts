import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { loadContent } from '../pipeline.ts';

const FRONT = '---\ntitle: T\ndescription: D\nlanguage: en\nestimatedMinutes: 5\noutcomes:\n  - O\npassMark: 80\nversion: "1"\n---\n';

function load(body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-intro-'));
  mkdirSync(join(dir, 'content', 'c'), { recursive: true });
  writeFileSync(join(dir, 'content', 'c', 'course.md'), FRONT + body);
  writeFileSync(join(dir, 'content', 'c', '01-start.md'), '---\ntitle: Start\n---\nHello.\n');
  return loadContent('content', { cwd: dir });
}

describe('the course file body', () => {
  it('reaches the manifest as sanitised HTML, headings under the page\'s own, lesson links as routes', () => {
    const result = load('## Before you start\n\nWork through **every** lesson, starting with [the first](01-start.md).\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const html = result.courses[0]!.manifest.introHtml!;
    expect(html).toContain('<h3>Before you start</h3>');
    expect(html).toContain('<strong>every</strong>');
    expect(html).toContain('href="#/c/start"');
    expect(html).not.toMatch(/script|onerror/);
  });

  it('is absent when the body is empty, and blocks or images in it are reported', () => {
    expect(load('\n\n').courses[0]!.manifest.introHtml).toBeUndefined();
    const rules = load(':::theory X\nY\n:::\n\n![A chart](chart.png)\n').diagnostics.map((d) => d.rule);
    expect(rules).toEqual(['course/block-in-body', 'course/image-in-body']);
  });
});
