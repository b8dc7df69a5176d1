// The quiz mistakes checks.ts catches, through the real parser: what used to pass silently.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { parseQuizBody } from './compile.ts';

const parse = (lines: string[]) =>
  parseQuizBody({ body: lines.join('\n'), file: 'quiz.md', startLine: 2, quizId: 'q', title: 'Q', lessonId: 'l', attrs: {}, coursePassMark: 80 });

describe('numbers as word processors write them', () => {
  it('reads "48 ± 2" with no-break spaces and a real minus sign as a number with a tolerance', () => {
    for (const answer of ['= 48\u00a0±\u00a02', '= 48 ± 2', '= 48±2', '= 48 +- 2']) {
      const { quiz, diagnostics } = parse(['### How many?', answer]);
      expect(diagnostics).toEqual([]);
      expect(quiz!.questions[0]).toMatchObject({ type: 'numeric', answers: [{ value: 48, min: 46, max: 50 }] });
    }
    const { quiz } = parse(['### How cold?', '= \u22124 ± 1']);
    expect(quiz!.questions[0]).toMatchObject({ type: 'numeric', answers: [{ value: -4, min: -5, max: -3 }] });
  });

  it('says so when a tolerance would be compared as text, and accepts it when type=short says it is meant', () => {
    expect(parse(['### How many?', '= 48 ± 2', '= forty-eight']).diagnostics.map((d) => d.rule)).toEqual(['quiz/numeric-as-text']);
    expect(parse(['### How many? {type=short}', '= 48 ± 2', '= forty-eight']).diagnostics).toEqual([]);
  });
});

describe('blanks, headings and pairs', () => {
  it('reports a "[[" that never closes, in the heading or the text, and not an escaped one', () => {
    expect(parse(['### A [[customer buys.']).diagnostics.map(formatDiagnostic).join('\n')).toContain('quiz.md:2:7: error: a blank opened with "[[" is never closed');
    expect(parse(['### Complete it.', 'A [[customer]] buys; a [[consumer uses.']).diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[3, 24, 'quiz/unclosed-blank']]);
    expect(parse(['### Complete it.', 'A [[customer]] buys \\[[not a blank.']).diagnostics).toEqual([]);
  });

  it('reports a "##" heading above answers at the heading, not at the answer', () => {
    expect(parse(['## Who buys?', '- (x) The customer', '- ( ) The consumer']).diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([[2, 1, 'quiz/heading-level']]);
  });

  it('gives matching advice for a pair without "->", first or later in the list', () => {
    expect(parse(['### Match.', '- Canada -> Ottawa', '- Italy Rome']).diagnostics.map((d) => [d.line, d.rule])).toContainEqual([4, 'quiz/pair-without-arrow']);
    expect(parse(['### Match.', '- Canada Ottawa', '- Italy -> Rome', '- Peru -> Lima']).diagnostics.map((d) => [d.line, d.rule])).toEqual([[3, 'quiz/pair-without-arrow']]);
  });
});
