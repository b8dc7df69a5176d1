// Fill-in-the-blanks: each `[[answer]]` in the question text is a gap, with `|` between accepted
// alternatives or `~wrong =right` choices for a drop-down; build.ts finds them in the prompt.
import type { BlanksQuestion } from '../schema/quiz.ts';
import { readAnswerId, type Built, type Context } from './answers.ts';
import { at, truncate, type Pos } from './syntax.ts';

/** One `[[...]]` found in the prompt: what is between the brackets, and where the "[[" stands. */
export interface FoundBlank {
  content: string;
  at: Pos;
}

type Blank = Omit<BlanksQuestion['blanks'][number], 'id'>;

export function buildBlanks(ctx: Context, found: FoundBlank[], caseSensitive: boolean): Built | null {
  let ok = true;
  const ids = new Set<string>();
  const blanks = found.map(({ content: written, at: blankAt }) => {
    const named = readAnswerId(ctx, written, at(blankAt.line, blankAt.column + 2), ids);
    const read = readBlank(ctx, named.text, blankAt, caseSensitive);
    if (!named.ok || !read.ok) ok = false;
    return { id: named.id ?? '', ...read.blank };
  });
  return ok ? { type: 'blanks', blanks } : null;
}

function readBlank(ctx: Context, content: string, blankAt: Pos, caseSensitive: boolean): { blank: Blank; ok: boolean } {
  const { sink } = ctx;
  let ok = true;
  const empty = (message: string, hint: string) => {
    sink.error(blankAt.line, blankAt.column, 'quiz/empty-blank', message, hint);
    ok = false;
  };
  if (content.trim() === '') {
    empty('an empty blank: expected the answer between [[ and ]], received nothing', 'write the right answer inside, e.g. "[[Ottawa]]", or alternatives "[[colour|color]]"');
    return { blank: { accepted: ['?'], caseSensitive }, ok };
  }
  const trimmed = content.trim();
  if (trimmed.startsWith('~') || trimmed.startsWith('=')) {
    const choices: string[] = [];
    const accepted: string[] = [];
    for (const part of trimmed.matchAll(/([~=])([^~=]*)/g)) {
      const text = (part[2] ?? '').trim();
      if (text === '') {
        empty(`an empty choice in a drop-down blank: expected text after "${part[1]}"`, 'write each choice as "~wrong" or "=right", e.g. "[[~buried =entombed ~living]]"');
        continue;
      }
      if (choices.includes(text)) {
        sink.error(blankAt.line, blankAt.column, 'quiz/duplicate-option', `duplicate choice in a drop-down blank: "${truncate(text)}"`, 'remove one of them');
        ok = false;
      }
      choices.push(text);
      if (part[1] === '=') accepted.push(text);
    }
    if (choices.length > 0 && accepted.length === 0) {
      sink.error(blankAt.line, blankAt.column, 'quiz/no-correct', 'a drop-down blank needs a right choice: expected one "=choice", received none', `mark the right one with "=", e.g. "[[~${choices[0]} =${choices[1] ?? 'right'}]]"`);
      ok = false;
    }
    return { blank: { accepted: accepted.length ? accepted : ['?'], caseSensitive, choices }, ok };
  }
  const accepted = content.split('|').map((alternative) => alternative.trim());
  if (accepted.some((alternative) => alternative === '')) {
    empty(`an empty alternative in a blank: expected text on both sides of "|", received "[[${content}]]"`, 'write alternatives like "[[colour|color]]"');
  }
  return { blank: { accepted: accepted.filter(Boolean), caseSensitive }, ok };
}
