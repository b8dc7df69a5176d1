// Questions answered with `= ...` lines: true/false ("= true"), numeric ("= 1822", "= 3.14 +- 0.01",
// "= 3..4") and short answer (any other text), told apart by the answers unless {type=...} says.
import type { DiagnosticSink } from '../diagnostics.ts';
import type { AcceptedText, NumericAnswer, QuestionType } from '../schema/quiz.ts';
import { checkDuplicates, readWeight, renderBlock, requireText, sameText, type Built, type Context } from './answers.ts';
import { reportNumericAsText } from './checks.ts';
import {
  isNumericLine,
  NUMERIC_PLAIN,
  NUMERIC_RANGE,
  NUMERIC_TOLERANCE,
  plainNumberText,
  truncate,
  WEIGHT,
  type AnswerItem,
  type Pos,
} from './syntax.ts';

/** An `=` answer with its weight read. */
interface Weighed {
  item: AnswerItem;
  weight: number;
  text: string;
  textAt: Pos;
}

const TRUE_FALSE = /^(true|false)$/i;

export function buildEquals(ctx: Context, items: AnswerItem[], explicit: QuestionType | undefined, caseSensitive: boolean): Built | null {
  const first = items[0]!;
  if (explicit === 'truefalse' || (explicit === undefined && items.length === 1 && TRUE_FALSE.test(first.text))) return buildTrueFalse(ctx.sink, items);
  const numeric = explicit === 'numeric' || (explicit === undefined && items.every((item) => isNumericLine(item.text.replace(WEIGHT, ''))));
  let ok = true;
  const parsed = items.map((item): Weighed => {
    const weight = readWeight(item, 0, ctx.sink);
    if (weight.weight === undefined && WEIGHT.test(item.text)) ok = false;
    if (!requireText(ctx, item, weight.text, numeric ? '= 1822' : '= Ottawa')) ok = false;
    return { item, ...weight, weight: weight.weight ?? 1 };
  });
  if (!ok) return null;
  if (numeric) return buildNumeric(ctx, parsed);
  if (explicit === undefined) {
    const numberLike = parsed.find((p) => looksNumeric(p.text));
    const word = parsed.find((p) => !isNumericLine(p.text.trim()));
    if (numberLike && word) {
      reportNumericAsText(ctx.sink, numberLike.textAt, numberLike.text.trim(), word.text.trim());
      return null;
    }
  }
  return buildShort(ctx, parsed, caseSensitive);
}

function buildTrueFalse(sink: DiagnosticSink, items: AnswerItem[]): Built | null {
  const first = items[0]!;
  if (items.length !== 1 || !TRUE_FALSE.test(first.text)) {
    const where = items.length !== 1 ? items[1]! : first;
    sink.error(where.at.line, where.at.column, 'quiz/type-mismatch', `a true/false question takes one answer line: expected "= true" or "= false", received ${items.length === 1 ? `"= ${truncate(first.text)}"` : `${items.length} lines`}`, 'keep one line, "= true" or "= false"');
    return null;
  }
  const answer = first.text.toLowerCase() === 'true';
  const feedbackHtml = renderBlock(first.feedback);
  const feedback = feedbackHtml ? (answer ? { trueFeedbackHtml: feedbackHtml } : { falseFeedbackHtml: feedbackHtml }) : {};
  return { type: 'truefalse', answer, ...feedback };
}

function buildNumeric(ctx: Context, parsed: Weighed[]): Built | null {
  let ok = true;
  const answers: NumericAnswer[] = [];
  for (const { item, weight, text, textAt } of parsed) {
    const range = readNumeric(ctx, text, textAt);
    if (!range) {
      ok = false;
      continue;
    }
    const feedbackHtml = renderBlock(item.feedback);
    answers.push({ ...range, weight, ...(feedbackHtml ? { feedbackHtml } : {}) });
  }
  if (!ok) return null;
  if (!answers.some((a) => a.weight > 0)) {
    const first = parsed[0]!.item;
    ctx.sink.error(first.at.line, first.at.column, 'quiz/no-correct', 'no answer earns points: expected at least one answer above 0%', 'remove "%0%" from the right answer, e.g. "= 1822"');
    return null;
  }
  return { type: 'numeric', answers };
}

function buildShort(ctx: Context, parsed: Weighed[], caseSensitive: boolean): Built | null {
  checkDuplicates(
    ctx,
    parsed.map((p) => ({ text: p.text, at: p.textAt })),
    'accepted answer',
    (text) => (caseSensitive ? text.trim().replace(/\s+/g, ' ') : sameText(text)),
  );
  if (!parsed.some((p) => p.weight > 0)) {
    const first = parsed[0]!.item;
    ctx.sink.error(first.at.line, first.at.column, 'quiz/no-correct', 'no answer earns points: expected at least one accepted answer above 0%', `remove "%0%" from the right answer, e.g. "= ${truncate(parsed[0]!.text)}"`);
    return null;
  }
  const accepted: AcceptedText[] = parsed.map(({ item, weight, text }) => {
    const feedbackHtml = renderBlock(item.feedback);
    return { text: text.trim(), weight, ...(feedbackHtml ? { feedbackHtml } : {}) };
  });
  return { type: 'short', accepted, caseSensitive };
}

/** An answer with a tolerance or a range ("48 ± 2", "3..4"), however the number is followed. */
const looksNumeric = (written: string): boolean => {
  const text = plainNumberText(written.trim());
  return NUMERIC_TOLERANCE.test(text) || NUMERIC_RANGE.test(text);
};

function readNumeric(ctx: Context, written: string, textAt: Pos): Omit<NumericAnswer, 'weight'> | null {
  const text = plainNumberText(written);
  const bad = (column: number, message: string, hint: string): null => {
    ctx.sink.error(textAt.line, column, 'quiz/bad-tolerance', message, hint);
    return null;
  };
  const plain = NUMERIC_PLAIN.exec(text);
  if (plain) {
    const value = Number(plain[1]);
    return { value, min: value, max: value };
  }
  const tolerance = NUMERIC_TOLERANCE.exec(text);
  if (tolerance) {
    const value = Number(tolerance[1]);
    const raw = (tolerance[2] ?? '').trim();
    const column = textAt.column + (tolerance.indices?.[2]?.[0] ?? 0);
    if (!NUMERIC_PLAIN.test(raw)) return bad(column, `invalid tolerance: expected a number after "+-", received "${raw}"`, `write e.g. "= ${tolerance[1]} +- 0.5"`);
    const plusMinus = Number(raw);
    if (plusMinus < 0) return bad(column, `negative tolerance: expected 0 or more, received ${raw}`, `write "= ${tolerance[1]} +- ${raw.replace(/^-/, '')}"`);
    return { value, min: value - plusMinus, max: value + plusMinus };
  }
  const range = NUMERIC_RANGE.exec(text);
  if (range) {
    const low = Number(range[1]);
    const raw = (range[2] ?? '').trim();
    const column = textAt.column + (range.indices?.[2]?.[0] ?? 0);
    if (!NUMERIC_PLAIN.test(raw)) return bad(column, `invalid range: expected a number after "..", received "${raw}"`, `write e.g. "= ${range[1]}..${low + 1}"`);
    const high = Number(raw);
    if (low > high) return bad(textAt.column, `empty range: expected the smaller number first, received ${range[1]}..${raw}`, `write "= ${raw}..${range[1]}"`);
    return { value: (low + high) / 2, min: low, max: high };
  }
  return bad(textAt.column, `not a number: expected a number, "value +- tolerance" or "min..max", received "${truncate(text)}"`, 'write e.g. "= 1822", "= 3.1415 +- 0.0005" or "= 3.141..3.142", or remove {type=numeric} to accept text');
}
