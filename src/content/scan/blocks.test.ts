import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { loadContent } from '../pipeline.ts';
import { modelAnswerLines, type SourceLine } from './index.ts';

const lines = (...texts: string[]): SourceLine[] => texts.map((text, i) => ({ text, line: i + 1 }));

const COURSE = '---\ntitle: T\ndescription: D\nlanguage: en\nestimatedMinutes: 5\noutcomes:\n  - O\npassMark: 80\nversion: "1"\n---\n';

/** The lesson's generated Svelte source: our components around the tutor's rendered HTML. */
async function compiledHtml(lesson: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-blocks-'));
  mkdirSync(join(dir, 'content', 'c'), { recursive: true });
  writeFileSync(join(dir, 'content', 'c', 'course.md'), COURSE);
  writeFileSync(join(dir, 'content', 'c', '01-case.md'), lesson);
  const result = loadContent('content', { cwd: dir });
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  return result.courses[0]!.lessons.get('case')!.source;
}

describe('modelAnswerLines', () => {
  it('drops the ": " marker and dedents lines written under the answer text', () => {
    expect(modelAnswerLines(lines('', ': - one', '  - two', '    more of two', '  - three')).map((l) => l.text)).toEqual(['', '- one', '- two', '  more of two', '- three']);
  });

  it('leaves lines that are not indented under the answer as they are', () => {
    expect(modelAnswerLines(lines(': The two roles are:', '', '- review', '- improve')).map((l) => l.text)).toEqual(['The two roles are:', '', '- review', '- improve']);
  });
});

describe('a list inside a case-study answer', () => {
  it('keeps every item at the same level (the John Lewis example of docs/authoring.md)', async () => {
    const html = await compiledHtml(
      '---\ntitle: Case\n---\n:::case-study John Lewis\nIntro.\n\n' +
        '? Which two organisations did John Lewis work with to improve the safety of products?\n' +
        ': - The British Retail Consortium (BRC), on labelling and testing of fancy dress.\n' +
        '  - RoSPA, on a customer safety guide for Halloween.\n' +
        '  - A third item.\n:::\n',
    );
    const list = /<ul>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(list.match(/<li>/g)).toHaveLength(3);
    expect(list).not.toContain('<ul>');
    expect(list).toContain('RoSPA');
  });
});

describe('a table in a lesson', () => {
  it('sits in a focusable region named after its headings, so it scrolls inside its card', async () => {
    const html = await compiledHtml('---\ntitle: Case\n---\n| Service | Target | Measured by |\n|---|---|---|\n| Calls | 20 s | Phone system |\n');
    expect(html.replace(/\s+/g, " ")).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Service, Target, Measured by"><table>');
  });
});
