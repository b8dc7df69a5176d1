// Ordering questions: a numbered list written in the right order; the player shuffles it.
import { renderInline } from '../markdown/render.ts';
import { checkDuplicates, readAnswerId, requireText, type Built, type Context } from './answers.ts';
import type { AnswerItem } from './syntax.ts';

export function buildOrdering(ctx: Context, items: AnswerItem[]): Built | null {
  let ok = true;
  const ids = new Set<string>();
  const named = items.map((item) => {
    const read = readAnswerId(ctx, item.text, item.textAt, ids);
    if (!read.ok) ok = false;
    item.text = read.text;
    return read.id;
  });
  for (const item of items) if (!requireText(ctx, item, item.text, '1. First step')) ok = false;
  checkDuplicates(ctx, items.map((item) => ({ text: item.text, at: item.textAt })), 'ordering item');
  if (items.length < 2) {
    const first = items[0]!;
    ctx.sink.error(first.at.line, first.at.column, 'quiz/too-few-items', `an ordering question needs at least 2 items: expected a numbered list, received ${items.length}`, 'add the next step, e.g. "2. Second step"');
    ok = false;
  }
  return ok ? { type: 'ordering', items: items.map((item, i) => ({ id: named[i] ?? '', html: renderInline(item.text) })) } : null;
}
