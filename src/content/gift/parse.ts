// Reads Moodle GIFT question files into the compiled quiz model, following the semantics of Moodle's
// own importer (question/format/gift) so a file that imports into Moodle imports here question for
// question, and reporting what Moodle would silently mangle as diagnostics with exact positions.
import { didYouMean, DiagnosticSink, type Diagnostic } from '../diagnostics.ts';
import type { AcceptedText, ChoiceOption, NumericAnswer, Question } from '../schema/quiz.ts';
import { IdAllocator, slugify } from '../markdown/attributes.ts';
import { letterId } from '../quiz/answer-ids.ts';
import { escapeMarkup } from '../escape.ts';
import { renderInline, renderMarkdown, sanitize } from '../markdown/render.ts';
import { GIFT_LIMITS, giftText, readGiftFile } from './source.ts';
import { markdownProblem } from '../markdown/markdown-limits.ts';
import { find, findLast, isSyntax, splitAnswers, splitBlocks, splitOnce, textOf, toCells, trim, type Block, type Cell, type Cells, type ContentLine, type Piece } from './cells.ts';

export interface GiftQuestion {
  question: Question;
  /** The `$CATEGORY:` in force for this question, as written (e.g. "$course$/top/Animals"). */
  category?: string;
  /** 1-based position of the question's first character in the .gift file. */
  line: number;
  column: number;
}

export interface GiftResult {
  questions: GiftQuestion[];
  diagnostics: Diagnostic[];
}

type Format = 'html' | 'moodle' | 'plain' | 'markdown';
const FORMATS: readonly Format[] = ['html', 'moodle', 'plain', 'markdown'];
const FORMAT_LIST = '[html], [moodle], [plain] and [markdown]';

/**
 * Stands for the answers of a missing-word question ("Grant is {...} in Grant's tomb.") while the
 * text is rendered; a private-use character no Markdown or HTML rule touches.
 */
const BLANK = '\uE000';
/** What the learner sees where the braces were, as in Moodle. */
const BLANK_TEXT = '_____';

/**
 * Parses a whole GIFT file, given as its bytes (so bad encodings are found at their line) or as
 * text. Questions with errors are left out; every error is reported. Time and memory grow linearly
 * with the file, which GIFT_LIMITS bounds.
 */
export function parseGift(input: string | Uint8Array, file: string, options: { idPrefix?: string } = {}): GiftResult {
  const reader = new GiftReader(file, options.idPrefix ?? 'gift');
  const source = giftText(input, reader.sink);
  const blocks = source === undefined ? [] : splitBlocks(source);
  let questions = 0;
  for (const [index, block] of blocks.entries()) {
    if (!reader.readBlock(block, blocks[index + 1])) continue;
    if (++questions < GIFT_LIMITS.questions) continue;
    const isQuestion = (line: ContentLine) => !line.text.startsWith('$CATEGORY:');
    const first = blocks.slice(index + 1).find((later) => later.lines.some(isQuestion))?.lines.find(isQuestion);
    if (first) {
      reader.sink.error(first.line, first.column, 'gift/too-many-questions', `more than ${GIFT_LIMITS.questions.toLocaleString('en-GB')} questions in one GIFT file; the rest of the file is not read`, 'split the questions into several .gift files');
    }
    break;
  }
  return { questions: reader.questions, diagnostics: reader.sink.list };
}

/** Reads and parses a GIFT file on disk, never reading more of it than GIFT_LIMITS.bytes. */
export function parseGiftFile(path: string, file: string, options: { idPrefix?: string } = {}): GiftResult {
  const sink = new DiagnosticSink(file);
  const bytes = readGiftFile(path, sink);
  return bytes ? parseGift(bytes, file, options) : { questions: [], diagnostics: sink.list };
}

/** Text with its format resolved and rendered. */
interface Rich {
  html: string;
  /** The text as written, after escapes, without its format tag. */
  text: string;
  format: Format;
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const NUMBER_HINT =
  'write a number such as 1822 or 3.1415, optionally with a tolerance (1822:2) or as a range (3.141..3.142); use a dot for decimals';

class GiftReader {
  readonly sink: DiagnosticSink;
  readonly questions: GiftQuestion[] = [];
  readonly #ids = new IdAllocator();
  #category: string | undefined;
  /** The block being read, the one after it, and a block already consumed as part of another. */
  #block: Block | undefined;
  #next: Block | undefined;
  #skip: Block | undefined;
  /** What the id of the question being read is made from. */
  #idWords = '';

  constructor(
    readonly file: string,
    readonly idPrefix: string,
  ) {
    this.sink = new DiagnosticSink(file);
  }

  /** Reads one block; true when it held a question (read or reported). */
  readBlock(block: Block, next: Block | undefined): boolean {
    if (this.#skip === block) return false;
    let lines = block.lines;
    const first = lines[0]!;
    if (first.text.startsWith('$CATEGORY:')) {
      this.#category = textOf(toCells([first]).slice('$CATEGORY:'.length)).trim() || undefined;
      const rest = lines.slice(1);
      if (rest.length === 0) return false;
      // Moodle would read the following lines as part of the category name.
      const question = rest[0]!;
      this.sink.warning(
        question.line,
        question.column,
        'gift/category-line',
        'a question follows "$CATEGORY:" without a blank line; Moodle would read it as part of the category name',
        'put a blank line after the "$CATEGORY:" line',
      );
      lines = rest;
    }
    this.#block = block;
    this.#next = next;
    const size = lines.reduce((sum, line) => sum + line.text.length + 1, 0);
    if (size > GIFT_LIMITS.questionCharacters) {
      this.sink.error(lines[0]!.line, lines[0]!.column, 'gift/too-large', `this question is ${size.toLocaleString('en-GB')} characters long, over the limit of ${GIFT_LIMITS.questionCharacters.toLocaleString('en-GB')}`, 'shorten it: long texts belong in a lesson, and images in files rather than data: URLs');
      return true;
    }
    const cells = trim(toCells(lines));
    if (cells.length === 0) return false;
    const mark = this.sink.list.length;
    const question = this.#readQuestion(cells);
    // Only this question's own diagnostics are looked at, so a file of many broken questions stays linear.
    if (question && !this.sink.list.slice(mark).some((d) => d.severity === 'error')) {
      const start = cells[0]!;
      question.id = this.#questionId();
      question.source = `${this.file}:${start.line}:${start.column}`;
      this.questions.push({
        question,
        ...(this.#category !== undefined ? { category: this.#category } : {}),
        line: start.line,
        column: start.column,
      });
    }
    return true;
  }

  #error(at: Cell, rule: string, message: string, hint: string): void {
    this.sink.error(at.line, at.column, rule, message, hint);
  }

  #readQuestion(block: Cells): Question | undefined {
    let body = block;
    let title: string | undefined;
    if (find(body, '::') === 0) {
      const end = find(body, '::', 2);
      if (end < 0) {
        this.#error(body[0]!, 'gift/unclosed-title', 'the question title opened with "::" is never closed', 'end the title with "::", e.g. "::Grant\'s tomb::Who is buried in Grant\'s tomb?{=no one}"');
        return undefined;
      }
      title = textOf(body.slice(2, end)).replace(/\s+/g, ' ').trim() || undefined;
      body = trim(body.slice(end + 2));
    }

    const open = find(body, '{');
    const close = find(body, '}');
    if (open < 0 && close < 0) {
      if (body.length === 0) {
        this.#error(block[0]!, 'gift/empty-question', 'the question has a title but no text', 'write the question after the title, e.g. "::Tomb::Who is buried in Grant\'s tomb?{=no one}"');
        return undefined;
      }
      return { ...this.#base(title, this.#rich(body, 'moodle', 'block')), type: 'description', points: 0 };
    }
    if (open >= 0 && close < 0) {
      this.#unclosed(body[open]!);
      return undefined;
    }
    if (open < 0 || close < open) {
      this.#error(body[close]!, 'gift/stray-brace', 'found "}" with no "{" before it', 'open the answers with "{", or write "\\}" for a literal brace');
      return undefined;
    }
    const nested = find(body, '{', open + 1);
    if (nested >= 0 && nested < close) {
      const opened = body[open]!;
      this.#error(body[nested]!, 'gift/stray-brace', `found a second "{" before the answers opened at ${opened.line}:${opened.column} were closed`, 'close the answers with "}" first, or write "\\{" for a literal brace');
      return undefined;
    }
    const extra = [find(body, '{', close + 1), find(body, '}', close + 1)].filter((i) => i >= 0);
    if (extra.length > 0) {
      const closed = body[close]!;
      const at = body[Math.min(...extra)]!;
      this.#error(at, 'gift/stray-brace', `found "${at.ch}" after the answers closed at ${closed.line}:${closed.column}; a question has one set of answers`, `separate questions with a blank line, or write "\\${at.ch}" for a literal brace`);
      return undefined;
    }

    const openCell = body[open]!;
    const before = body.slice(0, open);
    const after = body.slice(close + 1);
    // As in Moodle: text after the closing brace makes a missing-word question, whose text shows a
    // blank where the answers were. We keep the question's own type (a 'single' for choices rather
    // than a 'blanks' drop-down) because blanks carry no per-option feedback or partial weights.
    const blank: Cell = { ch: BLANK, literal: true, line: openCell.line, column: openCell.column };
    const promptCells = trim(after).length > 0 ? trim([...before, blank, ...after]) : trim(before);
    if (promptCells.length === 0) {
      this.#error(openCell, 'gift/empty-question', 'the question has answers but no text', 'write the question before the "{", e.g. "Who is buried in Grant\'s tomb?{=no one}"');
      return undefined;
    }
    const prompt = this.#rich(promptCells, 'moodle', 'block');

    let answer = trim(body.slice(open + 1, close));
    let explanation: Rich | undefined;
    const general = findLast(answer, '####');
    if (general >= 0) {
      explanation = this.#rich(answer.slice(general + 4), prompt.format, 'block');
      answer = trim(answer.slice(0, general));
    }
    const base = this.#base(title, prompt, explanation);

    if (answer.length === 0) return { ...base, type: 'essay' };
    if (isSyntax(answer[0], '#')) return this.#numeric(base, answer, openCell, prompt.format);
    if (find(answer, '~') >= 0) return this.#choice(base, answer, openCell, prompt.format);
    if (find(answer, '=') >= 0 && find(answer, '->') >= 0) return this.#matching(base, answer, openCell, prompt.format);
    const [word] = splitOnce(answer, '#');
    const tf = textOf(trim(word));
    if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) return this.#trueFalse(base, answer, prompt.format);
    if (/^(t|true|f|false)$/i.test(tf)) {
      this.#error(trim(word)[0]!, 'gift/bad-truefalse', `expected T, TRUE, F or FALSE in capitals, received "${tf}"`, `write {${tf.toUpperCase()}} for a true/false question, or {=${tf}} for a short answer "${tf}"`);
      return undefined;
    }
    return this.#shortAnswer(base, answer, openCell, prompt.format);
  }

  /**
   * Authors often space answers out with a blank line, which ends the question in GIFT. When the
   * next block closes the brace, say so once and skip that block instead of reporting a stray "}".
   */
  #unclosed(open: Cell): void {
    const next = this.#next;
    const blankLine = this.#block?.blankLine;
    if (next && blankLine !== undefined) {
      const cells = toCells(next.lines);
      const close = find(cells, '}');
      const reopen = find(cells, '{');
      if (close >= 0 && (reopen < 0 || close < reopen)) {
        this.#skip = next;
        this.#error(open, 'gift/unclosed-brace', `the answers opened with "{" are cut off by the blank line at line ${blankLine}`, 'a blank line ends a question in GIFT: remove the blank lines between "{" and "}"');
        return;
      }
    }
    this.#error(open, 'gift/unclosed-brace', 'the answers opened with "{" are never closed with "}"', 'close the answers with "}" before the next blank line (a blank line ends a question), or write "\\{" for a literal brace');
  }

  /** The fields every question shares; the id is given once the question proves valid. */
  #base(title: string | undefined, prompt: Rich, explanation?: Rich): Base {
    this.#idWords = title ?? prompt.text.replaceAll(BLANK, ' ');
    return {
      id: '',
      ...(title !== undefined ? { title } : {}),
      promptHtml: prompt.html,
      points: 1,
      ...(explanation?.html ? { explanationHtml: explanation.html } : {}),
    };
  }

  /** `${prefix}-${slug of the title, else of the first words}`, with -2, -3 ... on repeats. */
  #questionId(): string {
    const slug = slugify(this.#idWords.replace(/['\u2019]/g, '')) || 'question';
    return this.#ids.unique(`${this.idPrefix}-${slug}`);
  }

  #choice(base: Base, answer: Cells, openCell: Cell, format: Format): Question | undefined {
    const pieces = this.#answers(answer, '~=');
    if (!pieces || !this.#checkLead(pieces[0]!, 'choice')) return undefined;
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
          this.#error(cells[0]!, 'gift/bad-weight', `"=${textOf(cells.slice(0, find(cells, '%', 1) + 1))}" in a multiple-choice question: "=" already marks the full-credit answer`, 'write "~%50%answer" for partial credit, or drop the weight');
          return undefined;
        }
      } else if (isSyntax(cells[0], '%')) {
        const parsed = this.#weight(cells, -100);
        if (!parsed) return undefined;
        ({ weight, cells } = parsed);
      }
      const [text, feedback] = splitOnce(cells, '#');
      if (trim(text).length === 0) {
        this.#error(marker, 'gift/empty-answer', `"${marker.ch}" is followed by no answer text`, 'write the answer after the marker, e.g. "~Jefferson", or delete the marker (write "\\~" or "\\=" for a literal one)');
        return undefined;
      }
      const option = this.#rich(text, format, 'inline');
      const optionFeedback = feedback ? this.#rich(feedback, format, 'block') : undefined;
      options.push({
        id: letterId(options.length),
        html: option.html,
        correct: weight > 0,
        weight,
        ...(optionFeedback?.html ? { feedbackHtml: optionFeedback.html } : {}),
      });
    }
    if (options.length < 2) {
      this.#error(openCell, 'gift/no-answers', `a multiple-choice question needs at least 2 answers, found ${options.length}`, 'add answers: "=" before the right one, "~" before each wrong one, e.g. {=no one ~Grant ~Jefferson}');
      return undefined;
    }
    if (single) return { ...base, type: 'single', options };
    // No "=" answer: Moodle makes a multiple-answer question, whose positive weights must make 100%.
    const total = options.reduce((sum, option) => sum + Math.max(option.weight, 0), 0);
    if (Math.round(total * 100) !== 100) {
      this.#error(openCell, 'gift/bad-weight', `the right answers of a multiple-answer question add up to ${formatPercent(total)}, expected 100%`, 'give the right answers weights that add up to 100%, e.g. "~%50%Grant ~%50%Grant\'s wife", or mark the one right answer with "="');
      return undefined;
    }
    return { ...base, type: 'multiple', options };
  }

  #shortAnswer(base: Base, answer: Cells, openCell: Cell, format: Format): Question | undefined {
    const pieces = this.#answers(answer, '=');
    if (!pieces || !this.#checkLead(pieces[0]!, 'short')) return undefined;
    const accepted: AcceptedText[] = [];
    let otherwise: string | undefined;
    for (const piece of pieces.slice(1)) {
      const marker = piece.marker!;
      const weighted = this.#weightedAnswer(piece.cells);
      if (!weighted) return undefined;
      const { weight, value: textCells, feedback: feedbackCells } = weighted;
      const text = this.#rich(textCells, format, 'inline').text;
      const feedback = feedbackCells ? this.#rich(feedbackCells, format, 'block').html : '';
      if (text === '') {
        this.#error(marker, 'gift/empty-answer', '"=" is followed by no answer text', 'write the accepted answer after "=", e.g. "=no one", or delete the "=" (write "\\=" for a literal one)');
        return undefined;
      }
      if (text === '*') {
        // Moodle's catch-all answer: it only carries the feedback for answers that match nothing.
        if (weight > 0) {
          this.#error(marker, 'gift/unsupported', `a catch-all "*" answer worth ${formatPercent(weight)} cannot be imported: any answer would earn credit`, 'give the catch-all no credit ("=%0%*#feedback for other answers"), or list the accepted answers');
          return undefined;
        }
        if (feedback) otherwise = feedback;
        continue;
      }
      accepted.push({ text, weight, ...(feedback ? { feedbackHtml: feedback } : {}) });
    }
    if (accepted.length === 0) {
      this.#error(openCell, 'gift/no-answers', 'a short-answer question needs at least one accepted answer', 'add an answer after "=", e.g. {=no one =nobody}');
      return undefined;
    }
    return { ...base, type: 'short', accepted, caseSensitive: false, ...(otherwise ? { otherwiseFeedbackHtml: otherwise } : {}) };
  }

  #numeric(base: Base, answer: Cells, openCell: Cell, format: Format): Question | undefined {
    const body = answer.slice(1);
    const tilde = find(body, '~');
    const answers: NumericAnswer[] = [];
    let otherwise: string | undefined;
    if (tilde >= 0) {
      const wrong = trim(body.slice(tilde + 1));
      if (wrong.length > 0) {
        if (!isSyntax(wrong[0], '#')) {
          this.#error(wrong[0]!, 'gift/bad-number', `expected "~#feedback" for wrong answers, received "~${textOf(wrong)}"`, 'write the feedback for any other answer as "~#Completely wrong"');
          return undefined;
        }
        otherwise = this.#rich(wrong.slice(1), format, 'block').html || undefined;
      }
    }
    const pieces = this.#answers(tilde >= 0 ? body.slice(0, tilde) : body, '=');
    if (!pieces) return undefined;
    // `{#1822}` is the short form: the first number needs no "=".
    const candidates = trim(pieces[0]!.cells).length > 0 ? pieces : pieces.slice(1);
    for (const piece of candidates) {
      const weighted = this.#weightedAnswer(piece.cells);
      if (!weighted) return undefined;
      const { weight, feedback: feedbackCells } = weighted;
      const value = trim(weighted.value);
      const range = this.#numberRange(value, piece.marker ?? openCell);
      if (!range) return undefined;
      const feedback = feedbackCells ? this.#rich(feedbackCells, format, 'block').html : '';
      answers.push({ ...range, weight, ...(feedback ? { feedbackHtml: feedback } : {}) });
    }
    if (answers.length === 0) {
      this.#error(openCell, 'gift/no-answers', 'a numeric question needs at least one number after "#"', 'write the answer after "#", e.g. {#1822}, {#1822:2} (within 2) or {#1820..1824} (a range)');
      return undefined;
    }
    return { ...base, type: 'numeric', answers, ...(otherwise ? { otherwiseFeedbackHtml: otherwise } : {}) };
  }

  /** `1822`, `1822:2` (value and tolerance) or `1820..1824` (a range). */
  #numberRange(cells: Cells, fallback: Cell): Pick<NumericAnswer, 'min' | 'max' | 'value'> | undefined {
    const bad = (at: Cell | undefined, message: string, hint = NUMBER_HINT) => {
      this.#error(at ?? fallback, 'gift/bad-number', message, hint);
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

  #matching(base: Base, answer: Cells, openCell: Cell, format: Format): Question | undefined {
    const pieces = this.#answers(answer, '=');
    if (!pieces || !this.#checkLead(pieces[0]!, 'matching')) return undefined;
    const pairs: { id: string; promptHtml: string; answer: string }[] = [];
    const distractors: string[] = [];
    const hint = 'write each pair as "=question -> answer", e.g. "=Canada -> Ottawa"; "= -> Chat" adds an answer that matches nothing';
    for (const piece of pieces.slice(1)) {
      const marker = piece.marker!;
      const cells = trim(piece.cells);
      const arrow = find(cells, '->');
      if (arrow < 0) {
        this.#error(cells[0] ?? marker, 'gift/bad-matching', `expected "question -> answer", received "${textOf(cells)}"`, hint);
        return undefined;
      }
      const hash = find(cells, '#');
      if (hash >= 0) {
        this.#error(cells[hash]!, 'gift/bad-matching', 'matching pairs take no feedback after "#"', 'delete the feedback, or write "\\#" for a literal "#"');
        return undefined;
      }
      const right = textOf(trim(cells.slice(arrow + 2)));
      if (right === '') {
        this.#error(cells[arrow]!, 'gift/bad-matching', 'the pair has no answer after "->"', hint);
        return undefined;
      }
      const left = this.#rich(cells.slice(0, arrow), format, 'inline');
      if (left.text === '') distractors.push(right);
      else pairs.push({ id: letterId(pairs.length), promptHtml: left.html, answer: right });
    }
    if (pairs.length < 2) {
      this.#error(openCell, 'gift/no-answers', `a matching question needs at least 2 pairs, found ${pairs.length}`, hint);
      return undefined;
    }
    return { ...base, type: 'matching', pairs, distractors };
  }

  #trueFalse(base: Base, answer: Cells, format: Format): Question {
    const [word, rest] = splitOnce(answer, '#');
    const [wrongCells, rightCells] = rest ? splitOnce(rest, '#') : [undefined, undefined];
    const truth = ['T', 'TRUE'].includes(textOf(trim(word)));
    // Moodle: the first "#" is the feedback for the WRONG answer, the second for the right one.
    const wrong = wrongCells ? this.#rich(wrongCells, format, 'block').html : '';
    const right = rightCells ? this.#rich(rightCells, format, 'block').html : '';
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
  #answers(cells: Cells, markers: string): Piece[] | undefined {
    const pieces = splitAnswers(cells, markers);
    const limit = GIFT_LIMITS.answers;
    if (pieces.length - 1 <= limit) return pieces;
    this.#error(pieces[limit + 1]!.marker!, 'gift/too-many-answers', `a question with ${(pieces.length - 1).toLocaleString('en-GB')} answers, over the limit of ${limit}`, 'split it into several questions, or make it a short-answer question');
    return undefined;
  }

  /** Text before the first answer marker is not an answer in the GIFT syntax (Moodle guesses). */
  #checkLead(lead: Piece, kind: 'choice' | 'short' | 'matching'): boolean {
    const cells = trim(lead.cells);
    if (cells.length === 0) return true;
    const example = { choice: '{=no one ~Grant ~Jefferson}', short: '{=no one =nobody}', matching: '{=Canada -> Ottawa =Italy -> Rome}' }[kind];
    this.#error(cells[0]!, 'gift/no-marker', `the answer "${textOf(cells).split('\n')[0]}" has no "=" or "~" in front`, `start each answer with "=" (right) or "~" (wrong), e.g. ${example}`);
    return false;
  }

  /** Reads `%50%` at the start of an answer. */
  /**
   * An `=` answer of a short-answer or numeric question: an optional `%n%` weight (0 to 100, full
   * credit without one), the answer, then `#feedback`. Undefined after reporting a bad weight.
   */
  #weightedAnswer(input: Cells): { weight: number; value: Cells; feedback: Cells | undefined } | undefined {
    let cells = trim(input);
    let weight = 1;
    if (isSyntax(cells[0], '%')) {
      const parsed = this.#weight(cells, 0);
      if (!parsed) return undefined;
      ({ weight, cells } = parsed);
    }
    const [value, feedback] = splitOnce(cells, '#');
    return { weight, value, feedback };
  }

  #weight(cells: Cells, minimum: number): { weight: number; cells: Cells } | undefined {
    const end = find(cells, '%', 1);
    const inner = end > 0 ? textOf(cells.slice(1, end)).trim() : '';
    const written = end > 0 ? `%${inner}%` : textOf(cells).split(/\s/)[0]!;
    const range = minimum < 0 ? '-100% to 100%' : '0% to 100%';
    if (end < 0 || !NUMBER.test(inner)) {
      this.#error(cells[0]!, 'gift/bad-weight', `expected a weight such as %50%, received "${written}"`, `write a percentage from ${range} between two "%" signs, e.g. "~%50%half right"`);
      return undefined;
    }
    const percent = Number(inner);
    if (percent < minimum || percent > 100) {
      const hint = minimum < 0
        ? 'a weight is a share of the points: 100% at most, and no less than -100% for a wrong choice'
        : 'a weight is a share of the points from 0% to 100%; only choice answers take negative weights';
      this.#error(cells[0]!, 'gift/bad-weight', `expected a weight from ${range}, received "${written}"`, hint);
      return undefined;
    }
    // 12 significant digits, as the house syntax reads weights: %33.33333% is 0.3333333, not 0.33333329999999994.
    return { weight: Number((percent / 100).toPrecision(12)), cells: trim(cells.slice(end + 1)) };
  }

  /** Resolves an optional `[format]` tag at the start and renders the text to sanitised HTML. */
  #rich(input: Cells, defaultFormat: Format, shape: Shape): Rich {
    let cells = trim(input);
    let format = defaultFormat;
    if (isSyntax(cells[0], '[')) {
      const end = find(cells, ']');
      const name = end > 0 ? textOf(cells.slice(1, end)) : '';
      if ((FORMATS as readonly string[]).includes(name)) {
        format = name as Format;
        cells = trim(cells.slice(end + 1));
      } else if (/^[a-z]+$/i.test(name)) {
        // Moodle keeps an unknown tag as text; we only object when it looks like a mistyped format.
        const suggestion = FORMATS.find((f) => f === name.toLowerCase()) ?? didYouMean(name, FORMATS);
        if (suggestion) {
          this.#error(cells[0]!, 'gift/unknown-format', `unknown text format "[${name}]"`, `did you mean "[${suggestion}]"? GIFT knows ${FORMAT_LIST}`);
        }
      }
    }
    const text = textOf(cells);
    const problem = format === 'markdown' ? markdownProblem(text) : undefined;
    if (problem) {
      this.#error(cells[problem.offset] ?? cells[0]!, 'gift/too-large', problem.message, problem.hint);
      return { html: '', text, format };
    }
    try {
      return { html: toHtml(text, format, shape), text, format };
    } catch (error) {
      // The renderer is a library: whatever it cannot take is this text's problem, never a crash.
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.#error(cells[0] ?? input[0]!, 'gift/unrenderable', `this text cannot be rendered: ${reason}`, 'simplify it, or write it as [plain]');
      return { html: '', text, format };
    }
  }
}

interface Base {
  id: string;
  title?: string;
  promptHtml: string;
  points: number;
  explanationHtml?: string;
}

/**
 * Question text and feedback are blocks (paragraphs), options and matching items one line each:
 * the same shapes the house quiz syntax compiles to, so a GIFT question and its house-syntax
 * translation compile to the same HTML.
 */
type Shape = 'block' | 'inline';
const BLOCK_TAG = /<(p|ul|ol|li|blockquote|pre|h[1-6]|table|hr|div)[\s>]/i;

function toHtml(text: string, format: Format, shape: Shape): string {
  if (text.trim() === '') return '';
  let html: string;
  if (format === 'markdown') html = shape === 'block' ? renderMarkdown(text) : renderInline(text);
  else {
    // Moodle's auto-format and plain text keep line breaks; we show any markup in them as typed.
    html = format === 'html' ? sanitize(text).trim() : sanitize(escapeMarkup(text).replace(/\n/g, '<br>'));
    if (shape === 'block' && !BLOCK_TAG.test(html)) html = sanitize(`<p>${html}</p>`);
  }
  return html.replaceAll(BLANK, BLANK_TEXT).trim();
}

function formatPercent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(5))}%`;
}
