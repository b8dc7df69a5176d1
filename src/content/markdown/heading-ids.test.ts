// Lesson headings get ids (anchor links land on them) and `{decorative}` images get an empty alt,
// through the real mdsvex compile.
import { describe, expect, it } from 'vitest';
import { lessonToSvelte } from '../compile.ts';
import { HeadingIds, headingText } from './heading-ids.ts';

const index = { courseId: 'c', courseDir: '/tmp', lessonIdsByFile: new Map<string, string>(), coursePassMark: 80 };
const compile = (markdown: string) => lessonToSvelte(`<script>\n</script>\n\n${markdown}\n`, '/tmp/lesson.md', index);

describe('heading ids', () => {
  it('gives every h2–h6 an id from its text, a repeat a suffix, and never the shell\'s own ids', async () => {
    const html = await compile("## Definitions\n\n### The customer's *needs*\n\n## Definitions\n\n## Main\n\n## Block purpose");
    expect(html).toContain('<h2 id="definitions">');
    expect(html).toContain('<h3 id="the-customer-s-needs">');
    expect(html).toContain('<h2 id="definitions-2">');
    expect(html).toContain('<h2 id="main-2">');
    expect(html).toContain('<h2 id="heading-block-purpose">');
  });

  it('names headings from Markdown source the way the page names them', () => {
    const ids = new HeadingIds();
    expect(["The customer's *needs*", '[Linked](x.md) `code`'].map((t) => ids.next(headingText(t)))).toEqual(['the-customer-s-needs', 'linked-code']);
  });
});

describe('decorative images', () => {
  it('drops the {decorative} marker and gives the image an empty alt', async () => {
    const html = await compile('A divider: ![](media/line.svg){decorative} and text.');
    expect(html).toMatch(/<img [^>]*src="media\/line.svg"[^>]* alt>/);
    expect(html).not.toContain('decorative');
  });
});
