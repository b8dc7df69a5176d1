// What every answer builder (choice.ts, equals.ts, blanks.ts, matching.ts, ordering.ts) shares:
// weights, duplicate and empty answers, the tutor's `{#id}` on an answer, and rendering a run of
// lines, so each rule is written once and reported the same way for every question type.
import type { DiagnosticSink } from '../diagnostics.ts';
import { renderMarkdown } from '../markdown/render.ts';
import type { Question } from '../schema/quiz.ts';
import { explicitIdProblem, splitExplicitId } from './answer-ids.ts';
import { at, precise, truncate, WEIGHT, type AnswerItem, type Pos, type QuestionSource } from './syntax.ts';

export interface Context {
  sink: DiagnosticSink;
  source: QuestionSource;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The type-specific part of a question; the common fields are added by buildQuestion. */
export type Built = DistributiveOmit<
  Question,
  'id' | 'title' | 'promptHtml' | 'points' | 'hintHtml' | 'explanationHtml' | 'correctFeedbackHtml' | 'incorrectFeedbackHtml' | 'source'
>;

export function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

/** Lines of Markdown (feedback, a model answer, the intro) as HTML, or undefined when there is no text. */
export const renderBlock = (lines: string[]): string | undefined => {
  const text = trimBlankLines(lines).join('\n');
  return text === '' ? undefined : renderMarkdown(text);
};

/** Text compared for duplicates: case and spacing do not make two options different. */
export const sameText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** `%50%` in front of an answer: the weight as a fraction, and the text after it. */
export function readWeight(item: AnswerItem, min: number, sink: DiagnosticSink): { weight: number | undefined; text: string; textAt: Pos } {
  const match = WEIGHT.exec(item.text);
  if (!match) return { weight: undefined, text: item.text, textAt: item.textAt };
  const percent = Number(match[1]);
  const textAt = at(item.textAt.line, item.textAt.column + match[0].length);
  if (percent < min || percent > 100) {
    sink.error(
      item.textAt.line,
      item.textAt.column,
      'quiz/bad-weight',
      `weight out of range: expected a percentage from ${min} to 100, received "${match[0].trim()}"`,
      min < 0 ? 'write e.g. "%50%" for half the points or "%-50%" to take half away' : 'write e.g. "%50%" for half the points',
    );
    return { weight: undefined, text: item.text.slice(match[0].length), textAt };
  }
  return { weight: precise(percent / 100), text: item.text.slice(match[0].length), textAt };
}

export function checkDuplicates(ctx: Context, entries: { text: string; at: Pos }[], what: string, key = sameText): void {
  const seen = new Map<string, Pos>();
  for (const entry of entries) {
    const key_ = key(entry.text);
    const first = seen.get(key_);
    if (first) {
      ctx.sink.error(
        entry.at.line,
        entry.at.column,
        'quiz/duplicate-option',
        `duplicate ${what}: "${truncate(entry.text.trim())}" is already on line ${first.line}`,
        `remove one of them or change its text`,
      );
    } else seen.set(key_, entry.at);
  }
}

export function requireText(ctx: Context, item: AnswerItem, text: string, example: string): boolean {
  if (text.trim() !== '') return true;
  ctx.sink.error(item.at.line, item.at.column, 'quiz/empty-option', 'an answer line with no text: expected some text after the marker', `write e.g. "${example}"`);
  return false;
}

/**
 * Splits the tutor's `{#id}` off the end of an answer's text (docs/authoring.md, "Answer ids") and
 * checks it; `ids` collects the ids of one question so a repeat is reported. The id is undefined
 * when none was written or it was reported as wrong (then `ok` is false).
 */
export function readAnswerId(ctx: Context, text: string, textAt: Pos, ids: Set<string>): { text: string; id?: string; ok: boolean } {
  const split = splitExplicitId(text);
  if (split.id === undefined) return { text, ok: true };
  const column = textAt.column + split.column!;
  const problem = explicitIdProblem(split.id);
  if (problem) {
    ctx.sink.error(textAt.line, column, 'quiz/bad-attribute', `invalid answer id: ${problem}`, 'write the id like {#ottawa} at the end of the answer, or "\\{" for a brace that is part of the text');
    return { text: split.text, ok: false };
  }
  if (ids.has(split.id)) {
    ctx.sink.error(textAt.line, column, 'quiz/duplicate-id', `duplicate answer id: "${split.id}" is already used in this question`, 'give each answer its own id');
    return { text: split.text, ok: false };
  }
  ids.add(split.id);
  return { text: split.text, id: split.id, ok: true };
}
