// Matching questions: `- left -> right` pairs, and `- -> right` answers that match nothing
// (distractors); an answer's `{#id}` ends its line, after the right-hand side.
import { renderInline } from '../markdown/render.ts';
import { checkDuplicates, readAnswerId, sameText, type Built, type Context } from './answers.ts';
import { truncate, type AnswerItem } from './syntax.ts';

export function buildMatching(ctx: Context, items: AnswerItem[]): Built | null {
  const { sink } = ctx;
  let ok = true;
  const pairs: { id: string; promptHtml: string; answer: string }[] = [];
  const distractors: string[] = [];
  const ids = new Set<string>();
  for (const item of items) {
    // The id ends the line, so it is read from the right-hand side: "- Canada -> Ottawa {#canada}".
    const named = readAnswerId(ctx, item.right!.text, item.right!.at, ids);
    if (!named.ok) ok = false;
    const right = { ...item.right!, text: named.text };
    item.right = right;
    if (named.id !== undefined && item.text === '') {
      sink.error(right.at.line, right.at.column, 'quiz/bad-attribute', 'an id on a distractor: expected {#id} only on a pair ("- left -> right {#id}")', 'remove the {#id}: a distractor is stored by its text');
      ok = false;
    }
    if (right.text === '') {
      sink.error(right.at.line, right.at.column, 'quiz/empty-option', 'a matching line with no answer: expected text after "->"', `write e.g. "- ${item.text || 'Canada'} -> Ottawa"`);
      ok = false;
      continue;
    }
    if (item.text === '') distractors.push(right.text);
    else pairs.push({ id: named.id ?? '', promptHtml: renderInline(item.text), answer: right.text });
  }
  checkDuplicates(ctx, items.filter((item) => item.text !== '').map((item) => ({ text: item.text, at: item.textAt })), 'matching item');
  if (!checkDistractors(ctx, items)) ok = false;
  if (pairs.length < 2) {
    const first = items[0]!;
    sink.error(first.at.line, first.at.column, 'quiz/too-few-pairs', `a matching question needs at least 2 pairs: expected "- left -> right" lines, received ${pairs.length}`, 'add another pair, e.g. "- Italy -> Rome"');
    ok = false;
  }
  return ok ? { type: 'matching', pairs, distractors } : null;
}

/** A distractor that repeats an answer (or another distractor) would match something after all. */
function checkDistractors(ctx: Context, items: AnswerItem[]): boolean {
  let ok = true;
  const answers = new Set(items.filter((item) => item.text !== '').map((item) => sameText(item.right!.text)));
  const seenDistractors = new Set<string>();
  for (const item of items.filter((i) => i.text === '' && i.right!.text !== '')) {
    const key = sameText(item.right!.text);
    if (answers.has(key) || seenDistractors.has(key)) {
      ctx.sink.error(item.right!.at.line, item.right!.at.column, 'quiz/duplicate-option', `duplicate distractor: "${truncate(item.right!.text)}" is already an answer`, 'remove it or change its text');
      ok = false;
    }
    seenDistractors.add(key);
  }
  return ok;
}
