// `coursemark import gift`: rewrites a Moodle GIFT file as a Coursemark quiz lesson in the house
// syntax, so the tutor edits Markdown from then on. The result is read back with the house quiz
// parser before it is handed over: whatever would not compile to the same questions is reported.
import { basename, extname } from 'node:path';
import { DiagnosticSink, type Diagnostic } from '../diagnostics.ts';
import { slugify } from '../markdown/attributes.ts';
import { parseGift, type GiftQuestion } from './parse.ts';
import { withAnswerIds } from '../quiz/answer-ids.ts';
import { parseQuizBody } from '../quiz/compile.ts';
import { serializeQuestion } from '../quiz/write.ts';
import { ID_PATTERN } from '../schema/course.ts';
import type { Question } from '../schema/quiz.ts';

export interface GiftImport {
  /** The complete lesson file: frontmatter, then one `:::quiz` block. */
  markdown: string;
  diagnostics: Diagnostic[];
  /** Questions written to the lesson. */
  count: number;
}

/** Converts a GIFT file (its bytes, or its text) to a Coursemark quiz lesson (house Markdown syntax). */
export function giftToMarkdown(source: string | Uint8Array, file: string, options: { title?: string; quizId?: string } = {}): GiftImport {
  const sink = new DiagnosticSink(file);
  const title = options.title?.replace(/\s+/g, ' ').trim() || titleFromFile(file);
  const quizId = options.quizId ?? (slugify(title) || 'quiz');
  if (!ID_PATTERN.test(quizId)) {
    sink.error(1, 1, 'import/bad-id', `invalid quiz id: expected lowercase letters, digits and hyphens, received "${quizId}"`, 'pass an id like "final-quiz"');
    return { markdown: '', diagnostics: sink.list, count: 0 };
  }
  // The same question ids as `:::quiz {#id gift="file.gift"}` gives, so stored progress survives
  // moving a quiz from the GIFT file into the lesson.
  const gift = parseGift(source, file, { idPrefix: quizId });
  sink.list.push(...gift.diagnostics);

  const body: string[] = [];
  /** Where each question starts and ends in `body` (0-based, end exclusive). */
  const spans: { question: GiftQuestion; start: number; end: number }[] = [];
  let category: string | undefined;
  for (const imported of gift.questions) {
    const lines = serializeQuestion(imported.question).trimEnd().split('\n');
    if (imported.category !== undefined && imported.category !== category) {
      // Under the heading: the house syntax reads a comment there as (empty) question text, while
      // between questions it would be stray text after the previous question's answers.
      lines.splice(1, 0, `<!-- GIFT category (this and the following questions): ${imported.category.replace(/--/g, '- -')} -->`);
      category = imported.category;
    }
    if (body.length > 0) body.push('');
    spans.push({ question: imported, start: body.length, end: body.length + lines.length });
    body.push(...lines);
  }

  const gradable = gift.questions.filter((q) => q.question.type !== 'description').length;
  if (gradable === 0 && !sink.hasErrors) {
    sink.error(1, 1, 'import/no-questions', 'no questions to import: expected at least one GIFT question with answers', 'write a question followed by its answers in braces, e.g. "Who is buried in Grant\'s tomb? {=no one ~Grant}"');
  }

  const header = ['---', `title: ${yamlString(title)}`, '---', '', `:::quiz ${title} {#${quizId}}`];
  const markdown = [...header, ...body, ':::', ''].join('\n');
  if (spans.length > 0) checkReadBack(sink, body, spans, header.length + 1, quizId, title);
  return { markdown, diagnostics: sink.list, count: gift.questions.length };
}

/**
 * Parses the written quiz with the house parser and compares every question with the one read
 * from GIFT, reporting at the question's place in the .gift file anything that did not survive.
 */
function checkReadBack(
  sink: DiagnosticSink,
  body: string[],
  spans: { question: GiftQuestion; start: number; end: number }[],
  startLine: number,
  quizId: string,
  title: string,
): void {
  const { quiz, diagnostics } = parseQuizBody({
    body: body.join('\n'),
    file: 'import.md',
    startLine,
    quizId,
    title,
    lessonId: quizId,
    attrs: {},
    coursePassMark: 0,
  });
  // Spans are in order and do not overlap: a binary search keeps a file of many failing questions linear.
  const spanAt = (line: number) => {
    let low = 0;
    let high = spans.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const span = spans[middle]!;
      if (line - startLine < span.start) high = middle - 1;
      else if (line - startLine >= span.end) low = middle + 1;
      else return span;
    }
    return undefined;
  };
  for (const d of diagnostics) {
    const span = spanAt(d.line);
    if (!span) continue;
    const { line, column } = span.question;
    sink.error(line, column, 'import/round-trip', `this question cannot be written in the house syntax: ${d.message}`, 'please report it; meanwhile keep the question in the .gift file (:::quiz {gift="file.gift"})');
  }
  if (!quiz) return;
  const readBack = new Map(quiz.questions.map((q) => [q.id, q]));
  for (const { question } of spans) {
    // A quiz gives a GIFT question the same answer ids as house syntax (made from the answers' text).
    const difference = firstDifference(withoutSource(withAnswerIds(question.question)), withoutSource(readBack.get(question.question.id)));
    if (difference === undefined) continue;
    sink.warning(
      question.line,
      question.column,
      'import/inexact',
      `the house syntax does not keep this question exactly: ${difference}`,
      'check the converted question in the lesson, or keep it in the .gift file (:::quiz {gift="file.gift"})',
    );
  }
}

function withoutSource(question: Question | undefined): unknown {
  if (!question) return undefined;
  const { source: _source, ...rest } = question;
  return rest;
}

/** The path and both values of the first place where two JSON-like values differ. */
function firstDifference(expected: unknown, received: unknown, path = 'question'): string | undefined {
  if (Object.is(expected, received)) return undefined;
  if (typeof expected === 'object' && expected !== null && typeof received === 'object' && received !== null) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(received)]);
    for (const key of keys) {
      const found = firstDifference((expected as Record<string, unknown>)[key], (received as Record<string, unknown>)[key], Array.isArray(expected) ? `${path}[${key}]` : `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return `${path} expected ${JSON.stringify(expected)}, received ${JSON.stringify(received)}`;
}

/** "moodle-examples.gift" → "Moodle examples". */
function titleFromFile(file: string): string {
  const words = basename(file, extname(file)).replace(/[-_.]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Imported quiz';
}

/** A YAML scalar: plain when it is safe, else double-quoted (JSON strings are valid YAML). */
function yamlString(text: string): string {
  return /^[A-Za-z0-9][^:#"'{}[\],&*!|>%@`\n]*$/.test(text) && text === text.trim() ? text : JSON.stringify(text);
}
