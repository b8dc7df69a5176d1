// The "? prompt" lines of case studies and reflections, and the ": " model answers under them:
// line-oriented like the block fences, so they are found by the same kind of scan.
import { CodeFenceTracker, type SourceLine } from './lines.ts';

export interface Prompt {
  /** The prompt's text after "? " (with any {#id}). */
  text: string;
  line: number;
  /** The lines after the prompt, up to the next one: a case study's model answer, or more of a reflection's prompt. */
  answer: SourceLine[];
}

const PROMPT = /^\s{0,3}\?\s+(.*)$/;
const MODEL_ANSWER_MARK = /^(\s{0,3}:\s?)(.*)$/;

/** Splits a case study or reflection body into its introduction and its "? " prompts. */
export function splitPrompts(body: SourceLine[]): { intro: SourceLine[]; prompts: Prompt[] } {
  const intro: SourceLine[] = [];
  const prompts: Prompt[] = [];
  const code = new CodeFenceTracker();
  for (const line of body) {
    const inCode = code.step(line.text);
    const match = inCode ? null : PROMPT.exec(line.text);
    if (match) prompts.push({ text: match[1]!.trim(), line: line.line, answer: [] });
    else if (prompts.length) prompts[prompts.length - 1]!.answer.push(line);
    else intro.push(line);
  }
  return { intro, prompts };
}

/** The first line of a model answer starts with ": ". */
export const isModelAnswer = (text: string): boolean => MODEL_ANSWER_MARK.test(text);

/**
 * A case-study model answer without its ": " marker. Lines after the first that are indented to
 * sit under the answer's text (a list written as ": - one" then "  - two") are dedented by the
 * marker's width, so they continue the answer as written instead of nesting under its first line.
 */
export function modelAnswerLines(answer: SourceLine[]): SourceLine[] {
  const first = answer.findIndex((line) => line.text.trim() !== '');
  const match = first >= 0 ? MODEL_ANSWER_MARK.exec(answer[first]!.text) : null;
  if (!match) return answer;
  const width = match[1]!.length;
  return answer.map((line, i) => {
    if (i < first) return line;
    if (i === first) return { ...line, text: match[2]! };
    const indent = /^ */.exec(line.text)![0].length;
    return indent >= width ? { ...line, text: line.text.slice(width) } : line;
  });
}
