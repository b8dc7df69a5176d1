// Single- and multiple-choice questions: `- (x)` / `- ( )` options (one right answer) or `- [x]` /
// `- [ ]` (several), with optional `%50%` weights, `{#id}`s and feedback indented under each option.
import { renderInline } from '../markdown/render.ts';
import type { ChoiceOption } from '../schema/quiz.ts';
import { checkDuplicates, readAnswerId, readWeight, renderBlock, requireText, type Built, type Context } from './answers.ts';
import { truncate, WEIGHT, type AnswerItem, type Pos } from './syntax.ts';

type ChoiceKind = 'radio' | 'checkbox';

interface ReadOption {
  item: AnswerItem;
  weight: number | undefined;
  text: string;
  textAt: Pos;
  id: string | undefined;
}

export function buildChoice(ctx: Context, items: AnswerItem[], kind: ChoiceKind): Built | null {
  const marker = kind === 'radio' ? '( )' : '[ ]';
  let ok = true;
  const ids = new Set<string>();
  const parsed = items.map((item): ReadOption => {
    const weighed = readWeight(item, -100, ctx.sink);
    const named = readAnswerId(ctx, weighed.text, weighed.textAt, ids);
    if (!named.ok || !requireText(ctx, item, named.text, `- ${marker} Ottawa`)) ok = false;
    if (weighed.weight === undefined && WEIGHT.test(item.text)) ok = false;
    return { item, weight: weighed.weight, text: named.text, textAt: weighed.textAt, id: named.id };
  });
  checkDuplicates(ctx, parsed.map((p) => ({ text: p.text, at: p.textAt })), 'option');
  if (!checkMarks(ctx, items, kind, parsed[0]?.text.trim() || 'Ottawa')) ok = false;
  if (!checkWeights(ctx, parsed, kind)) ok = false;
  if (!ok) return null;
  const k = items.filter((item) => item.checked).length;
  const options: ChoiceOption[] = parsed.map(({ item, weight, text, id }) => {
    const resolved = weight ?? (kind === 'radio' ? (item.checked ? 1 : 0) : item.checked ? 1 / k : -1 / k);
    const feedbackHtml = renderBlock(item.feedback);
    return {
      // Empty until withAnswerIds derives one from the text (buildQuestion).
      id: id ?? '',
      html: renderInline(text),
      correct: resolved > 0,
      weight: resolved,
      ...(feedbackHtml ? { feedbackHtml } : {}),
    };
  });
  return kind === 'radio' ? { type: 'single', options } : { type: 'multiple', options };
}

/** At least two options, exactly one `(x)` or at least one `[x]`. */
function checkMarks(ctx: Context, items: AnswerItem[], kind: ChoiceKind, example: string): boolean {
  const { sink } = ctx;
  const first = items[0]!;
  const marker = kind === 'radio' ? '( )' : '[ ]';
  const checked = items.filter((item) => item.checked);
  let ok = true;
  if (items.length < 2) {
    sink.error(first.at.line, first.at.column, 'quiz/too-few-options', `a choice question needs at least 2 options, received ${items.length}`, `add another option, e.g. "- ${marker} Another answer"`);
    ok = false;
  }
  if (kind === 'radio' && checked.length !== 1) {
    const where = checked.length === 0 ? first : checked[1]!;
    sink.error(
      where.at.line,
      where.at.column,
      'quiz/one-correct',
      `a single-choice question needs exactly one correct option: expected one "(x)", received ${checked.length}`,
      checked.length === 0
        ? `mark the right option with (x), e.g. "- (x) ${truncate(example)}"`
        : 'keep (x) on one option and make the others ( ), or use "- [x]" / "- [ ]" for a question with several right answers',
    );
    ok = false;
  }
  if (kind === 'checkbox' && checked.length === 0) {
    sink.error(
      first.at.line,
      first.at.column,
      'quiz/no-correct',
      'a multiple-choice question needs at least one correct option: expected "[x]" on an option, received none',
      `tick each right option with [x], e.g. "- [x] ${truncate(example)}"`,
    );
    ok = false;
  }
  return ok;
}

/** A ticked option earns points; an unticked one of several right answers cannot. */
function checkWeights(ctx: Context, parsed: ReadOption[], kind: ChoiceKind): boolean {
  const marker = kind === 'radio' ? '( )' : '[ ]';
  let ok = true;
  for (const { item, weight } of parsed) {
    if (weight === undefined) continue;
    if (item.checked && weight <= 0) {
      ctx.sink.error(item.textAt.line, item.textAt.column, 'quiz/bad-weight', `a ticked option must earn points: expected a weight above 0%, received ${weight * 100}%`, `untick it ("${marker}") or give it a positive weight such as %50%`);
      ok = false;
    } else if (kind === 'checkbox' && !item.checked && weight > 0) {
      ctx.sink.error(item.textAt.line, item.textAt.column, 'quiz/bad-weight', `an unticked option cannot earn points: expected a weight of 0% or less, received ${weight * 100}%`, 'tick it with [x] if it is a right answer');
      ok = false;
    }
  }
  return ok;
}
