// Reads Moodle GIFT question files into the compiled quiz model, following the semantics of Moodle's
// own importer (question/format/gift) so a file that imports into Moodle imports here question for
// question, and reporting what Moodle would silently mangle as diagnostics with exact positions.
import { DiagnosticSink, type Diagnostic } from '../diagnostics.ts';
import { IdAllocator, slugify } from '../markdown/attributes.ts';
import type { Question } from '../schema/quiz.ts';
import { readChoice, readMatching, readNumeric, readShortAnswer, readTrueFalse, type AnswerContext, type Base } from './answers.ts';
import { find, findLast, isSyntax, splitBlocks, splitOnce, textOf, toCells, trim, type Block, type Cell, type Cells, type ContentLine } from './cells.ts';
import { GIFT_LIMITS, giftText, readGiftFile } from './source.ts';
import { BLANK, readRich, type Format, type ReportError, type Rich, type Shape } from './text.ts';

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

/** Reads a file's blocks in order, keeping the ids, the category in force and the diagnostics. */
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
  readonly #report: ReportError = (at, rule, message, hint) => this.sink.error(at.line, at.column, rule, message, hint);

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

  #rich(input: Cells, defaultFormat: Format, shape: Shape): Rich {
    return readRich(input, defaultFormat, shape, this.#report);
  }

  #readQuestion(block: Cells): Question | undefined {
    const titled = this.#title(block);
    if (!titled) return undefined;
    const { title, body } = titled;
    const open = find(body, '{');
    const close = find(body, '}');
    if (open < 0 && close < 0) {
      if (body.length === 0) {
        this.#report(block[0]!, 'gift/empty-question', 'the question has a title but no text', 'write the question after the title, e.g. "::Tomb::Who is buried in Grant\'s tomb?{=no one}"');
        return undefined;
      }
      return { ...this.#base(title, this.#rich(body, 'moodle', 'block')), type: 'description', points: 0 };
    }
    if (!this.#oneSetOfBraces(body, open, close)) return undefined;
    return this.#withAnswers(title, body, open, close);
  }

  /** A `::title::` at the start: the title and the text after it, or undefined after reporting it unclosed. */
  #title(block: Cells): { title: string | undefined; body: Cells } | undefined {
    if (find(block, '::') !== 0) return { title: undefined, body: block };
    const end = find(block, '::', 2);
    if (end < 0) {
      this.#report(block[0]!, 'gift/unclosed-title', 'the question title opened with "::" is never closed', 'end the title with "::", e.g. "::Grant\'s tomb::Who is buried in Grant\'s tomb?{=no one}"');
      return undefined;
    }
    const title = textOf(block.slice(2, end)).replace(/\s+/g, ' ').trim() || undefined;
    return { title, body: trim(block.slice(end + 2)) };
  }

  /** Exactly one "{" and one "}" after it; otherwise reports the first brace out of place. */
  #oneSetOfBraces(body: Cells, open: number, close: number): boolean {
    if (open >= 0 && close < 0) {
      this.#unclosed(body[open]!);
      return false;
    }
    if (open < 0 || close < open) {
      this.#report(body[close]!, 'gift/stray-brace', 'found "}" with no "{" before it', 'open the answers with "{", or write "\\}" for a literal brace');
      return false;
    }
    const nested = find(body, '{', open + 1);
    if (nested >= 0 && nested < close) {
      const opened = body[open]!;
      this.#report(body[nested]!, 'gift/stray-brace', `found a second "{" before the answers opened at ${opened.line}:${opened.column} were closed`, 'close the answers with "}" first, or write "\\{" for a literal brace');
      return false;
    }
    const extra = [find(body, '{', close + 1), find(body, '}', close + 1)].filter((i) => i >= 0);
    if (extra.length > 0) {
      const closed = body[close]!;
      const at = body[Math.min(...extra)]!;
      this.#report(at, 'gift/stray-brace', `found "${at.ch}" after the answers closed at ${closed.line}:${closed.column}; a question has one set of answers`, `separate questions with a blank line, or write "\\${at.ch}" for a literal brace`);
      return false;
    }
    return true;
  }

  /** A question with answers: its text around the braces, the general feedback, then the answers. */
  #withAnswers(title: string | undefined, body: Cells, open: number, close: number): Question | undefined {
    const openCell = body[open]!;
    const before = body.slice(0, open);
    const after = body.slice(close + 1);
    // As in Moodle: text after the closing brace makes a missing-word question, whose text shows a
    // blank where the answers were. We keep the question's own type (a 'single' for choices rather
    // than a 'blanks' drop-down) because blanks carry no per-option feedback or partial weights.
    const blank: Cell = { ch: BLANK, literal: true, line: openCell.line, column: openCell.column };
    const promptCells = trim(after).length > 0 ? trim([...before, blank, ...after]) : trim(before);
    if (promptCells.length === 0) {
      this.#report(openCell, 'gift/empty-question', 'the question has answers but no text', 'write the question before the "{", e.g. "Who is buried in Grant\'s tomb?{=no one}"');
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
    return this.#typed(base, answer, { error: this.#report, rich: (input, format, shape) => this.#rich(input, format, shape), format: prompt.format, openCell });
  }

  /** The kind of question, told from its answers as Moodle tells it. */
  #typed(base: Base, answer: Cells, ctx: AnswerContext): Question | undefined {
    if (answer.length === 0) return { ...base, type: 'essay' };
    if (isSyntax(answer[0], '#')) return readNumeric(ctx, base, answer);
    if (find(answer, '~') >= 0) return readChoice(ctx, base, answer);
    if (find(answer, '=') >= 0 && find(answer, '->') >= 0) return readMatching(ctx, base, answer);
    const [word] = splitOnce(answer, '#');
    const tf = textOf(trim(word));
    if (['T', 'TRUE', 'F', 'FALSE'].includes(tf)) return readTrueFalse(ctx, base, answer);
    if (/^(t|true|f|false)$/i.test(tf)) {
      this.#report(trim(word)[0]!, 'gift/bad-truefalse', `expected T, TRUE, F or FALSE in capitals, received "${tf}"`, `write {${tf.toUpperCase()}} for a true/false question, or {=${tf}} for a short answer "${tf}"`);
      return undefined;
    }
    return readShortAnswer(ctx, base, answer);
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
        this.#report(open, 'gift/unclosed-brace', `the answers opened with "{" are cut off by the blank line at line ${blankLine}`, 'a blank line ends a question in GIFT: remove the blank lines between "{" and "}"');
        return;
      }
    }
    this.#report(open, 'gift/unclosed-brace', 'the answers opened with "{" are never closed with "}"', 'close the answers with "}" before the next blank line (a blank line ends a question), or write "\\{" for a literal brace');
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
}
