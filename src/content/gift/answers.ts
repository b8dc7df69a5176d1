// The answers inside a GIFT question's braces, one reader per kind, as Moodle reads them: choices
// (`=right ~wrong`, with `%50%` weights), short answers (`=text`), numbers (`#1822:2`, `#3..4`),
// matching pairs (`=left -> right`) and true/false (`T`, `FALSE`), each with its `#feedback`.
import type { AcceptedText, ChoiceOption, NumericAnswer, Question } from '../schema/quiz.ts';
import { letterId } from '../quiz/answer-ids.ts';
import { precise } from '../quiz/syntax.ts';
import { find, isSyntax, splitAnswers, splitOnce, textOf, trim, type Cell, type Cells, type Piece } from './cells.ts';
import { GIFT_LIMITS } from './source.ts';
import type { Format, ReportError, Rich, Shape } from './text.ts';

/** The fields every question shares; parse.ts fills them before the answers are read. */
export interface Base {
  id: string;
  title?: string;
  promptHtml: string;
  points: number;
  explanationHtml?: string;
}

/** What reading one question's answers needs: where to report, how to render, the question's format and its "{". */
export interface AnswerContext {
  error: ReportError;
  rich(input: Cells, defaultFormat: Format, shape: Shape): Rich;
  format: Format;
  openCell: Cell;
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const NUMBER_HINT =
  'write a number such as 1822 or 3.1415, optionally with a tolerance (1822:2) or as a range (3.141..3.142); use a dot for decimals';

export function readChoice(ctx: AnswerContext, base: Base, answer: Cells): Question | undefined {
const { format, openCell } = ctx;
  const pieces = answerPieces(ctx, answer, '~=');
  if (!pieces || !checkLead(ctx, pieces[0]!, 'choice')) return undefined;
  const options: ChoiceOption[] = [];
  let single = false;
  for (const piece of pieces.slice(1)) {
    const marker = piece.marker!;
    let cells = trim(piece.cells);
    let weight = 0;
    if (marker.ch === '=') {
      single = true;
      weight = 1;
      if (isSyntax(cells[0], '%')) {
        ctx.error(cells[0]!, 'gift/bad-weight', `"=${textOf(cells.slice(0, find(cells, '%', 1) + 1))}" in a multiple-choice question: "=" already marks the full-credit answer`, 'write "~%50%answer" for partial credit, or drop the weight');
        return undefined;
      }
    } else if (isSyntax(cells[0], '%')) {
      const parsed = readWeight(ctx, cells, -100);
      if (!parsed) return undefined;
      ({ weight, cells } = parsed);
    }
    const [text, feedback] = splitOnce(cells, '#');
    if (trim(text).length === 0) {
      ctx.error(marker, 'gift/empty-answer', `"${marker.ch}" is followed by no answer text`, 'write the answer after the marker, e.g. "~Jefferson", or delete the marker (write "\\~" or "\\=" for a literal one)');
      return undefined;
    }
    const option = ctx.rich(text, format, 'inline');
    const optionFeedback = feedback ? ctx.rich(feedback, format, 'block') : undefined;
    options.push({
      id: letterId(options.length),
      html: option.html,
      correct: weight > 0,
      weight,
      ...(optionFeedback?.html ? { feedbackHtml: optionFeedback.html } : {}),
    });
  }
  if (options.length < 2) {
    ctx.error(openCell, 'gift/no-answers', `a multiple-choice question needs at least 2 answers, found ${options.length}`, 'add answers: "=" before the right one, "~" before each wrong one, e.g. {=no one ~Grant ~Jefferson}');
    return undefined;
  }
  if (single) return { ...base, type: 'single', options };
  // No "=" answer: Moodle makes a multiple-answer question, whose positive weights must make 100%.
  const total = options.reduce((sum, option) => sum + Math.max(option.weight, 0), 0);
  if (Math.round(total * 100) !== 100) {
    ctx.error(openCell, 'gift/bad-weight', `the right answers of a multiple-answer question add up to ${formatPercent(total)}, expected 100%`, 'give the right answers weights that add up to 100%, e.g. "~%50%Grant ~%50%Grant\'s wife", or mark the one right answer with "="');
    return undefined;
  }
  return { ...base, type: 'multiple', options };
}

export function readShortAnswer(ctx: AnswerContext, base: Base, answer: Cells): Question | undefined {
const { format, openCell } = ctx;
  const pieces = answerPieces(ctx, answer, '=');
  if (!pieces || !checkLead(ctx, pieces[0]!, 'short')) return undefined;
  const accepted: AcceptedText[] = [];
  let otherwise: string | undefined;
  for (const piece of pieces.slice(1)) {
    const marker = piece.marker!;
    const weighted = weightedAnswer(ctx, piece.cells);
    if (!weighted) return undefined;
    const { weight, value: textCells, feedback: feedbackCells } = weighted;
    const text = ctx.rich(textCells, format, 'inline').text;
    const feedback = feedbackCells ? ctx.rich(feedbackCells, format, 'block').html : '';
    if (text === '') {
      ctx.error(marker, 'gift/empty-answer', '"=" is followed by no answer text', 'write the accepted answer after "=", e.g. "=no one", or delete the "=" (write "\\=" for a literal one)');
      return undefined;
    }
    if (text === '*') {
      // Moodle's catch-all answer: it only carries the feedback for answers that match nothing.
      if (weight > 0) {
        ctx.error(marker, 'gift/unsupported', `a catch-all "*" answer worth ${formatPercent(weight)} cannot be imported: any answer would earn credit`, 'give the catch-all no credit ("=%0%*#feedback for other answers"), or list the accepted answers');
        return undefined;
      }
      if (feedback) otherwise = feedback;
      continue;
    }
    accepted.push({ text, weight, ...(feedback ? { feedbackHtml: feedback } : {}) });
  }
  if (accepted.length === 0) {
    ctx.error(openCell, 'gift/no-answers', 'a short-answer question needs at least one accepted answer', 'add an answer after "=", e.g. {=no one =nobody}');
    return undefined;
  }
  return { ...base, type: 'short', accepted, caseSensitive: false, ...(otherwise ? { otherwiseFeedbackHtml: otherwise } : {}) };
}

export function readNumeric(ctx: AnswerContext, base: Base, answer: Cells): Question | undefined {
const { format, openCell } = ctx;
  const body = answer.slice(1);
  const tilde = find(body, '~');
  const answers: NumericAnswer[] = [];
  let otherwise: string | undefined;
  if (tilde >= 0) {
    const wrong = trim(body.slice(tilde + 1));
    if (wrong.length > 0) {
      if (!isSyntax(wrong[0], '#')) {
        ctx.error(wrong[0]!, 'gift/bad-number', `expected "~#feedback" for wrong answers, received "~${textOf(wrong)}"`, 'write the feedback for any other answer as "~#Completely wrong"');
        return undefined;
      }
      otherwise = ctx.rich(wrong.slice(1), format, 'block').html || undefined;
    }
  }
  const pieces = answerPieces(ctx, tilde >= 0 ? body.slice(0, tilde) : body, '=');
  if (!pieces) return undefined;
  // `{#1822}` is the short form: the first number needs no "=".
  const candidates = trim(pieces[0]!.cells).length > 0 ? pieces : pieces.slice(1);
  for (const piece of candidates) {
    const weighted = weightedAnswer(ctx, piece.cells);
    if (!weighted) return undefined;
    const { weight, feedback: feedbackCells } = weighted;
    const value = trim(weighted.value);
    const range = numberRange(ctx, value, piece.marker ?? openCell);
    if (!range) return undefined;
    const feedback = feedbackCells ? ctx.rich(feedbackCells, format, 'block').html : '';
    answers.push({ ...range, weight, ...(feedback ? { feedbackHtml: feedback } : {}) });
  }
  if (answers.length === 0) {
    ctx.error(openCell, 'gift/no-answers', 'a numeric question needs at least one number after "#"', 'write the answer after "#", e.g. {#1822}, {#1822:2} (within 2) or {#1820..1824} (a range)');
    return undefined;
  }
  return { ...base, type: 'numeric', answers, ...(otherwise ? { otherwiseFeedbackHtml: otherwise } : {}) };
}

/** `1822`, `1822:2` (value and tolerance) or `1820..1824` (a range). */
function numberRange(ctx: AnswerContext, cells: Cells, fallback: Cell): Pick<NumericAnswer, 'min' | 'max' | 'value'> | undefined {
  const bad = (at: Cell | undefined, message: string, hint = NUMBER_HINT) => {
    ctx.error(at ?? fallback, 'gift/bad-number', message, hint);
    return undefined;
  };
  if (cells.length === 0) return bad(fallback, 'expected a number, found nothing');
  const dots = find(cells, '..');
  if (dots > 0) {
    const low = trim(cells.slice(0, dots));
    const high = trim(cells.slice(dots + 2));
    for (const part of [low, high]) {
      if (!NUMBER.test(textOf(part))) return bad(part[0] ?? cells[dots], `expected a range of two numbers, received "${textOf(cells)}"`);
    }
    const [min, max] = [Number(textOf(low)), Number(textOf(high))];
    if (min > max) return bad(cells[0], `the range "${textOf(cells)}" runs backwards`, `write the smaller number first: ${textOf(high)}..${textOf(low)}`);
    return { min, max, value: (min + max) / 2 };
  }
  const colon = find(cells, ':');
  const valueCells = colon > 0 ? trim(cells.slice(0, colon)) : cells;
  const toleranceCells = colon > 0 ? trim(cells.slice(colon + 1)) : undefined;
  const valueText = textOf(valueCells);
  if (!NUMBER.test(valueText)) return bad(valueCells[0], `expected a number, received "${valueText}"`);
  const toleranceText = toleranceCells ? textOf(toleranceCells) : '0';
  if (!NUMBER.test(toleranceText) || Number(toleranceText) < 0) {
    return bad(toleranceCells?.[0] ?? cells[colon], `expected a tolerance of zero or more after ":", received "${toleranceText}"`);
  }
  const value = Number(valueText);
  const tolerance = Number(toleranceText);
  // Plain arithmetic, exactly as the house syntax computes "value +- tolerance", so both agree.
  return { min: value - tolerance, max: value + tolerance, value };
}

export function readMatching(ctx: AnswerContext, base: Base, answer: Cells): Question | undefined {
const { format, openCell } = ctx;
  const pieces = answerPieces(ctx, answer, '=');
  if (!pieces || !checkLead(ctx, pieces[0]!, 'matching')) return undefined;
  const pairs: { id: string; promptHtml: string; answer: string }[] = [];
  const distractors: string[] = [];
  const hint = 'write each pair as "=question -> answer", e.g. "=Canada -> Ottawa"; "= -> Chat" adds an answer that matches nothing';
  for (const piece of pieces.slice(1)) {
    const marker = piece.marker!;
    const cells = trim(piece.cells);
    const arrow = find(cells, '->');
    if (arrow < 0) {
      ctx.error(cells[0] ?? marker, 'gift/bad-matching', `expected "question -> answer", received "${textOf(cells)}"`, hint);
      return undefined;
    }
    const hash = find(cells, '#');
    if (hash >= 0) {
      ctx.error(cells[hash]!, 'gift/bad-matching', 'matching pairs take no feedback after "#"', 'delete the feedback, or write "\\#" for a literal "#"');
      return undefined;
    }
    const right = textOf(trim(cells.slice(arrow + 2)));
    if (right === '') {
      ctx.error(cells[arrow]!, 'gift/bad-matching', 'the pair has no answer after "->"', hint);
      return undefined;
    }
    const left = ctx.rich(cells.slice(0, arrow), format, 'inline');
    if (left.text === '') distractors.push(right);
    else pairs.push({ id: letterId(pairs.length), promptHtml: left.html, answer: right });
  }
  if (pairs.length < 2) {
    ctx.error(openCell, 'gift/no-answers', `a matching question needs at least 2 pairs, found ${pairs.length}`, hint);
    return undefined;
  }
  return { ...base, type: 'matching', pairs, distractors };
}

export function readTrueFalse(ctx: AnswerContext, base: Base, answer: Cells): Question {
const { format } = ctx;
  const [word, rest] = splitOnce(answer, '#');
  const [wrongCells, rightCells] = rest ? splitOnce(rest, '#') : [undefined, undefined];
  const truth = ['T', 'TRUE'].includes(textOf(trim(word)));
  // Moodle: the first "#" is the feedback for the WRONG answer, the second for the right one.
  const wrong = wrongCells ? ctx.rich(wrongCells, format, 'block').html : '';
  const right = rightCells ? ctx.rich(rightCells, format, 'block').html : '';
  const [onTrue, onFalse] = truth ? [right, wrong] : [wrong, right];
  return {
    ...base,
    type: 'truefalse',
    answer: truth,
    ...(onTrue ? { trueFeedbackHtml: onTrue } : {}),
    ...(onFalse ? { falseFeedbackHtml: onFalse } : {}),
  };
}

/** The answers cut at their markers, or undefined after reporting more than GIFT_LIMITS.answers. */
function answerPieces(ctx: AnswerContext, cells: Cells, markers: string): Piece[] | undefined {
  const pieces = splitAnswers(cells, markers);
  const limit = GIFT_LIMITS.answers;
  if (pieces.length - 1 <= limit) return pieces;
  ctx.error(pieces[limit + 1]!.marker!, 'gift/too-many-answers', `a question with ${(pieces.length - 1).toLocaleString('en-GB')} answers, over the limit of ${limit}`, 'split it into several questions, or make it a short-answer question');
  return undefined;
}

/** Text before the first answer marker is not an answer in the GIFT syntax (Moodle guesses). */
function checkLead(ctx: AnswerContext, lead: Piece, kind: 'choice' | 'short' | 'matching'): boolean {
  const cells = trim(lead.cells);
  if (cells.length === 0) return true;
  const example = { choice: '{=no one ~Grant ~Jefferson}', short: '{=no one =nobody}', matching: '{=Canada -> Ottawa =Italy -> Rome}' }[kind];
  ctx.error(cells[0]!, 'gift/no-marker', `the answer "${textOf(cells).split('\n')[0]}" has no "=" or "~" in front`, `start each answer with "=" (right) or "~" (wrong), e.g. ${example}`);
  return false;
}

/**
 * An `=` answer of a short-answer or numeric question: an optional `%n%` weight (0 to 100, full
 * credit without one), the answer, then `#feedback`. Undefined after reporting a bad weight.
 */
function weightedAnswer(ctx: AnswerContext, input: Cells): { weight: number; value: Cells; feedback: Cells | undefined } | undefined {
  let cells = trim(input);
  let weight = 1;
  if (isSyntax(cells[0], '%')) {
    const parsed = readWeight(ctx, cells, 0);
    if (!parsed) return undefined;
    ({ weight, cells } = parsed);
  }
  const [value, feedback] = splitOnce(cells, '#');
  return { weight, value, feedback };
}

function readWeight(ctx: AnswerContext, cells: Cells, minimum: number): { weight: number; cells: Cells } | undefined {
  const end = find(cells, '%', 1);
  const inner = end > 0 ? textOf(cells.slice(1, end)).trim() : '';
  const written = end > 0 ? `%${inner}%` : textOf(cells).split(/\s/)[0]!;
  const range = minimum < 0 ? '-100% to 100%' : '0% to 100%';
  if (end < 0 || !NUMBER.test(inner)) {
    ctx.error(cells[0]!, 'gift/bad-weight', `expected a weight such as %50%, received "${written}"`, `write a percentage from ${range} between two "%" signs, e.g. "~%50%half right"`);
    return undefined;
  }
  const percent = Number(inner);
  if (percent < minimum || percent > 100) {
    const hint = minimum < 0
      ? 'a weight is a share of the points: 100% at most, and no less than -100% for a wrong choice'
      : 'a weight is a share of the points from 0% to 100%; only choice answers take negative weights';
    ctx.error(cells[0]!, 'gift/bad-weight', `expected a weight from ${range}, received "${written}"`, hint);
    return undefined;
  }
  return { weight: precise(percent / 100), cells: trim(cells.slice(end + 1)) };
}

function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(5))}%`;
}
