// Lesson headings get ids (anchor links land on them) and `{decorative}` images keep an empty alt
// without the marker showing, through the real pipeline.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../pipeline.ts';
import { HeadingIds, headingText } from './heading-ids.ts';

const COURSE = '---\ntitle: T\ndescription: D.\nlanguage: en\nestimatedMinutes: 5\noutcomes:\n  - O\npassMark: 80\nversion: "1"\n---\n';

function lessonSource(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-headings-'));
  mkdirSync(join(dir, 'content/c/media'), { recursive: true });
  writeFileSync(join(dir, 'content/c/course.md'), COURSE);
  writeFileSync(join(dir, 'content/c/media/line.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'content/c/01-lesson.md'), `---\ntitle: Lesson\n---\n${body}\n`);
  const result = loadContent('content', { cwd: dir });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.courses[0]!.lessons.get('lesson')!.source;
}

describe('heading ids', () => {
  it("gives every h2–h6 an id from its text, a repeat a suffix, and never the shell's or a block's ids", () => {
    const source = lessonSource("## Definitions\n\n### The customer's *needs*\n\n## Definitions\n\n## Main\n\n## Block purpose");
    expect(source).toContain('<h2 id="definitions">');
    expect(source).toContain('<h3 id="the-customer-s-needs">');
    expect(source).toContain('<h2 id="definitions-2">');
    expect(source).toContain('<h2 id="main-2">');
    expect(source).toContain('<h2 id="heading-block-purpose">');
  });

  it('names headings from Markdown source the way the page names them', () => {
    const ids = new HeadingIds();
    expect(["The customer's *needs*", '[Linked](x.md) `code`'].map((t) => ids.next(headingText(t)))).toEqual(['the-customer-s-needs', 'linked-code']);
  });
});

describe('decorative images', () => {
  it('drops the {decorative} marker and keeps the image with an empty alt', () => {
    const source = lessonSource('A divider: ![](media/line.svg){decorative} and text.');
    expect(source).toMatch(/<img [^>]*alt=""/);
    expect(source).not.toContain('decorative');
  });
});
