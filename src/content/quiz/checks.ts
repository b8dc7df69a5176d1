// Diagnostics for quiz mistakes the line reader (read.ts) would otherwise let through: a `[[`
// that never closes, an answer that looks numeric in a question that compares text, a heading of
// the wrong level, a matching line without its "->". Kept apart so the reader stays about structure.
import type { DiagnosticSink } from '../diagnostics.ts';
import { codeLines, truncate, type Pos } from './syntax.ts';

/** The offset of the first unescaped "[[" with no "]]" after it, or -1. */
function firstUnclosed(text: string): number {
  let from = 0;
  for (;;) {
    const open = text.indexOf('[[', from);
    if (open === -1) return -1;
    if (open > 0 && text[open - 1] === '\\') {
      from = open + 2;
      continue;
    }
    const close = text.indexOf(']]', open + 2);
    if (close === -1) return open;
    from = close + 2;
  }
}

/** Every `[[` with no `]]` after it on its line, in the heading and the question text (not in code). */
export function unclosedBlanks(lines: { text: string; line: number; column: number }[]): (Pos & { after: string })[] {
  const found: (Pos & { after: string })[] = [];
  const isCode = codeLines();
  for (const { text, line, column } of lines) {
    if (isCode(text)) continue;
    // Step from blank to blank; the first "[[" with no "]]" after it never closes. One diagnostic a
    // line, in linear time: a line of 40,000 "[[" is one mistake and must stay cheap.
    const at = firstUnclosed(text);
    if (at >= 0) found.push({ line, column: column + at, after: text.slice(at + 2, at + 42) });
  }
  return found;
}

export function reportUnclosedBlank(sink: DiagnosticSink, at: Pos, after: string): void {
  const tail = after.trim();
  sink.error(
    at.line,
    at.column,
    'quiz/unclosed-blank',
    'a blank opened with "[[" is never closed: expected "]]" on the same line',
    `close it after the answer, e.g. "[[${tail.split(/\s+/)[0] || 'answer'}]]"; write "\\[[" for brackets that are not a blank`,
  );
}

/** A numeric-looking answer ("= 48 ± 2") in a question read as short answer because another answer is not a number. */
export function reportNumericAsText(sink: DiagnosticSink, at: Pos, answer: string, notNumber: string): void {
  sink.error(
    at.line,
    at.column,
    'quiz/numeric-as-text',
    `"= ${answer}" is compared as text, not as a number with a tolerance, because "= ${notNumber}" is not a number`,
    `write every answer of the question as a number (e.g. "= ${answer}"), or add {type=short} to the heading to compare the answers as text`,
  );
}

/** A heading that is not "###" where a question was expected. */
export function reportHeadingLevel(sink: DiagnosticSink, at: Pos, heading: string): void {
  const text = heading.replace(/^#+\s*/, '').trim();
  const level = /^#+/.exec(heading)?.[0].length ?? 0;
  sink.error(
    at.line,
    at.column,
    'quiz/heading-level',
    `a level-${level} heading inside a quiz: questions start with "###"`,
    `write "### ${text || 'Question text'}" to make it a question, or close the quiz with ":::" above it to make it part of the lesson`,
  );
}

/** A line in a list of matching pairs that has no "->". */
export function reportPairWithoutArrow(sink: DiagnosticSink, at: Pos, text: string): void {
  const words = text.replace(/^[-*+]\s+/, '').trim();
  sink.error(
    at.line,
    at.column,
    'quiz/pair-without-arrow',
    `a matching line without "->": expected "- left -> right", received "${truncate(words)}"`,
    `write it as a pair, e.g. "- ${words || 'Canada'} -> answer", or "- -> answer" for an answer that matches nothing`,
  );
}
