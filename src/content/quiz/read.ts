// Reads a `:::quiz` body line by line into questions as written (QuestionSource), with the file
// position of every part, reporting lines that fit nowhere. Nothing is checked or rendered here:
// build.ts does that. The body is small and line-oriented, so it is read here rather than through
// mdsvex: `### heading {attrs}` starts a question; answers are `- ( )` / `- [ ]` options, `= answer`
// lines, `- left -> right` pairs and `1. item` lists; `> label: text` lines attach question-level
// feedback; lines indented under an answer (`  > ...`) are that answer's feedback.
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import { reportHeadingLevel, reportPairWithoutArrow } from './checks.ts';
import {
  at,
  codeLines,
  FENCE,
  groupColumn,
  indentWidth,
  LABEL_LIST,
  LABELS,
  truncate,
  type AnswerItem,
  type BodyLine,
  type LabelBlock,
  type LabelName,
  type QuestionSource,
} from './syntax.ts';

const HEADING = /^ {0,3}###(?=[ \t]|$)/;
const CHOICE = /^( {0,3})([-*+])[ \t]+(\(([ xX]?)\)|\[([ xX]?)\])(?=[ \t]|$)[ \t]*(.*)$/d;
const ORDER = /^( {0,3})(\d{1,9})[.)](?=[ \t]|$)[ \t]*(.*)$/d;
const EQUALS = /^( {0,3})=[ \t]*(.*)$/d;
const BULLET = /^( {0,3})([-*+])[ \t]+(.*)$/d;
const QUOTE = /^( ?)>[ \t]?(.*)$/d;
const LABEL = /^([A-Za-z][A-Za-z-]*)[ \t]*:(?!\/\/)[ \t]?(.*)$/d;

/** The intro (lines before the first question) and one run of lines per `###` heading. */
export interface QuizLines {
  intro: BodyLine[];
  runs: { heading: BodyLine; lines: BodyLine[] }[];
}

/** Splits the body at its `###` headings; headings inside code fences do not count. */
export function splitQuestions(lines: BodyLine[]): QuizLines {
  const intro: BodyLine[] = [];
  const runs: QuizLines['runs'] = [];
  const isCode = codeLines();
  for (const line of lines) {
    if (!isCode(line.text) && HEADING.test(line.text)) runs.push({ heading: line, lines: [] });
    else (runs.at(-1)?.lines ?? intro).push(line);
  }
  return { intro, runs };
}

/**
 * Answers written before any heading belong to no question; a "##" heading above them was meant as
 * one. Reports the first such answer; true when there was one.
 */
export function reportStrayAnswers(intro: BodyLine[], sink: DiagnosticSink): boolean {
  let otherHeading: BodyLine | null = null;
  const isCode = codeLines();
  for (const line of intro) {
    if (isCode(line.text)) continue;
    if (/^ {0,3}#{1,6}(?=[ \t]|$)/.test(line.text)) otherHeading = line;
    const item = matchItem(line);
    if (item && otherHeading && (item.kind === 'radio' || item.kind === 'checkbox' || item.kind === 'equals' || item.kind === 'pair')) {
      reportHeadingLevel(sink, at(otherHeading.line, indentWidth(otherHeading.text) + 1), otherHeading.text.trim());
      return true;
    }
    if (item && (item.kind === 'radio' || item.kind === 'checkbox' || item.kind === 'equals')) {
      sink.error(
        line.line,
        item.at.column,
        'quiz/missing-heading',
        'an answer before the first question: expected a "### question" heading above it',
        'start each question with a heading, e.g. "### Which city is the capital of Canada?"',
      );
      return true;
    }
  }
  return false;
}

/** An answer line of any kind, or null. */
function matchItem(line: BodyLine): AnswerItem | null {
  const { text } = line;
  const choice = CHOICE.exec(text);
  if (choice) {
    const radio = choice[4] !== undefined;
    const mark = (radio ? choice[4] : choice[5]) ?? '';
    return {
      kind: radio ? 'radio' : 'checkbox',
      at: at(line.line, groupColumn(choice, 3)),
      textAt: at(line.line, groupColumn(choice, 6)),
      checked: mark.toLowerCase() === 'x',
      text: (choice[6] ?? '').trim(),
      feedback: [],
    };
  }
  const order = ORDER.exec(text);
  if (order) {
    return {
      kind: 'order',
      at: at(line.line, groupColumn(order, 2)),
      textAt: at(line.line, groupColumn(order, 3)),
      checked: false,
      text: (order[3] ?? '').trim(),
      feedback: [],
    };
  }
  const equals = EQUALS.exec(text);
  // A line of "==" or more underlines a heading in Markdown; a lone "=" is an answer with its text missing.
  if (equals && !/^={2,}$/.test(text.trim())) {
    return {
      kind: 'equals',
      at: at(line.line, (equals[1]?.length ?? 0) + 1),
      textAt: at(line.line, groupColumn(equals, 2)),
      checked: false,
      text: (equals[2] ?? '').trim(),
      feedback: [],
    };
  }
  const bullet = BULLET.exec(text);
  return bullet ? matchPair(line, bullet) : null;
}

/** A bullet line with "->" in it: a matching pair, or (with nothing on the left) a distractor. */
function matchPair(line: BodyLine, bullet: RegExpExecArray): AnswerItem | null {
  const rest = bullet[3] ?? '';
  const restColumn = groupColumn(bullet, 3);
  const arrow = rest.startsWith('->') ? 0 : rest.search(/\s->(\s|$)/) + 1;
  if (arrow === 0 && !rest.startsWith('->')) return null;
  const after = rest.slice(arrow + 2);
  const rightOffset = arrow + 2 + (after.length - after.trimStart().length);
  return {
    kind: 'pair',
    at: at(line.line, groupColumn(bullet, 2)),
    textAt: at(line.line, restColumn),
    checked: false,
    text: rest.slice(0, arrow).trim(),
    right: { text: after.trim(), at: at(line.line, restColumn + rightOffset) },
    feedback: [],
  };
}

function splitHeading(line: BodyLine): Pick<QuestionSource, 'headingAt' | 'textAt' | 'text' | 'attributes'> {
  const hashes = line.text.indexOf('###');
  let start = hashes + 3;
  while (start < line.text.length && /[ \t]/.test(line.text[start]!)) start++;
  const full = line.text.slice(start).trimEnd();
  const attributes = /(?<!\\)\{([^{}]*)\}$/d.exec(full);
  const text = attributes ? full.slice(0, attributes.index).trimEnd() : full;
  return {
    headingAt: at(line.line, hashes + 1),
    textAt: at(line.line, start + 1),
    text,
    attributes: attributes ? { text: attributes[1] ?? '', at: at(line.line, start + attributes.index + 2) } : null,
  };
}

/** Reads one question: its heading and the lines up to the next heading. */
export function readQuestion(heading: BodyLine, lines: BodyLine[], sink: DiagnosticSink): QuestionSource {
  const reader = new QuestionReader(heading, sink);
  for (const line of lines) reader.read(line);
  return reader.source;
}

type Region = 'prompt' | 'answers' | 'model';

/** One line as the reader sees it. */
interface Seen {
  line: BodyLine;
  raw: string;
  trimmed: string;
  indent: number;
  /** Where the question stood before this line: its text, its answers, or its model answer. */
  region: Region;
}

/** Takes a question's lines in order; each step below either takes the line or leaves it to the next. */
class QuestionReader {
  readonly source: QuestionSource;
  readonly #sink: DiagnosticSink;
  /** The closing fence of an open code block. */
  #fence: string | null = null;
  /** The answer that indented lines continue. */
  #item: AnswerItem | null = null;
  #itemInFeedback = false;
  /** The label whose text a following `>` line (or a lazy line) continues; closed by a blank line. */
  #label: LabelBlock | null = null;

  constructor(heading: BodyLine, sink: DiagnosticSink) {
    this.source = { ...splitHeading(heading), prompt: [], items: [], labels: [], model: null, modelAt: null };
    this.#sink = sink;
  }

  read(line: BodyLine): void {
    const { source } = this;
    const raw = line.text;
    const seen: Seen = { line, raw, trimmed: raw.trim(), indent: indentWidth(raw), region: source.model ? 'model' : source.items.length > 0 ? 'answers' : 'prompt' };
    if (this.#fence !== null) return this.#inFence(seen);
    if (seen.trimmed === '') return this.#blank(seen);
    // A comment under the answers (a tutor's note, a commented-out option) is not stray text.
    if (seen.region === 'answers' && /^<!--.*-->$/.test(seen.trimmed)) return;
    const fenceOpen = seen.region !== 'answers' ? FENCE.exec(raw) : null;
    if (fenceOpen) {
      this.#fence = fenceOpen[1]!;
      return this.#keep(seen);
    }
    // Lines indented under an answer belong to it: `  > feedback`, or more of the answer's text.
    if (this.#item && seen.indent >= 2) return this.#underAnswer(this.#item, raw);
    const quote = seen.indent < 2 ? QUOTE.exec(raw) : null;
    if (quote) return this.#quote(seen, quote);
    if (seen.trimmed === '???') return this.#modelMarker(seen);
    if (source.model) {
      source.model.push(raw);
      this.#label = null;
      return;
    }
    const answer = matchItem(line);
    if (answer) {
      source.items.push(answer);
      this.#item = answer;
      this.#itemInFeedback = false;
      this.#label = null;
      return;
    }
    if (this.#label) return void this.#label.lines.push(seen.trimmed);
    if (seen.region === 'prompt') return void source.prompt.push(line);
    this.#afterAnswers(seen);
  }

  /** Text of the question or of the model answer, kept as written. */
  #keep(seen: Seen): void {
    if (this.source.model) this.source.model.push(seen.raw);
    else this.source.prompt.push(seen.line);
  }

  #inFence(seen: Seen): void {
    this.#keep(seen);
    if (seen.trimmed.startsWith(this.#fence!) && seen.trimmed.replace(/^[`~]+/, '').trim() === '') this.#fence = null;
  }

  #blank(seen: Seen): void {
    this.#label = null;
    if (this.source.model) this.source.model.push('');
    else if (seen.region === 'prompt') this.source.prompt.push(seen.line);
    else if (this.#item && this.#itemInFeedback) this.#item.feedback.push('');
  }

  #underAnswer(item: AnswerItem, raw: string): void {
    const content = raw.trimStart();
    if (content.startsWith('>')) {
      item.feedback.push(content.replace(/^>[ \t]?/, ''));
      this.#itemInFeedback = true;
    } else if (this.#itemInFeedback) item.feedback.push(content);
    else item.text += `\n${content}`;
  }

  /** A `>` line: a feedback label, more of an open label, or a quote in the question or model answer. */
  #quote(seen: Seen, quote: RegExpExecArray): void {
    const content = quote[2] ?? '';
    const labelled = LABEL.exec(content);
    if (labelled && this.#labelLine(seen, quote, labelled)) return;
    if (this.#label) return void this.#label.lines.push(content);
    if (this.source.model) return void this.source.model.push(seen.raw);
    if (seen.region === 'prompt') return void this.source.prompt.push(seen.line);
    this.#sink.error(
      seen.line.line,
      seen.indent + 1,
      'quiz/unknown-feedback',
      `a blockquote under the answers needs a label: expected "> hint:", "> explanation:", "> correct:" or "> incorrect:", received "${seen.trimmed}"`,
      'indent it by two spaces ("  > ...") to make it the feedback of the answer above, or start it with a label, e.g. "> explanation: ..."',
    );
    this.#item = null;
  }

  /** `> word: ...`: true when the line was taken as a label, or reported as a mistyped one. */
  #labelLine(seen: Seen, quote: RegExpExecArray, labelled: RegExpExecArray): boolean {
    const name = labelled[1]!.toLowerCase();
    const labelAt = at(seen.line.line, groupColumn(quote, 2, labelled.indices?.[1]?.[0] ?? 0));
    if (LABELS.includes(name)) {
      this.#label = { name: name as LabelName, at: labelAt, lines: [labelled[2] ?? ''] };
      this.source.labels.push(this.#label);
      this.#item = null;
      return true;
    }
    const suggestion = didYouMean(name, LABELS);
    // A near-miss of a label is a typo wherever it is; any other `word:` is ordinary text in
    // the question or the model answer, or more of an open label.
    if (!suggestion && (this.#label || seen.region !== 'answers')) return false;
    this.#sink.error(
      labelAt.line,
      labelAt.column,
      'quiz/unknown-feedback',
      `unknown feedback label: expected one of ${LABEL_LIST}, received "${labelled[1]}"`,
      suggestion
        ? `did you mean "> ${suggestion}: ..."?`
        : `write "> hint: ...", "> explanation: ...", "> correct: ..." or "> incorrect: ..." ("> true:", "> false:" on a true/false question, "> otherwise:" on a short or numeric one), or indent the line by two spaces to make it the feedback of the answer above`,
    );
    this.#label = null;
    this.#item = null;
    return true;
  }

  /** `???` starts an essay's model answer. */
  #modelMarker(seen: Seen): void {
    if (this.source.model) {
      this.#sink.error(seen.line.line, seen.indent + 1, 'quiz/unexpected-text', 'a second "???" line: a question has one model answer', 'remove this line');
    } else {
      this.source.model = [];
      this.source.modelAt = at(seen.line.line, seen.indent + 1);
    }
    this.#item = null;
    this.#label = null;
  }

  /** A line under the answers that is none of the above. */
  #afterAnswers(seen: Seen): void {
    const { line, trimmed, indent } = seen;
    this.#item = null;
    if (/^#{1,6}(?=[ \t]|$)/.test(trimmed)) return reportHeadingLevel(this.#sink, at(line.line, indent + 1), trimmed);
    if (/^[-*+][ \t]/.test(trimmed) && this.source.items.some((answer) => answer.kind === 'pair')) {
      return reportPairWithoutArrow(this.#sink, at(line.line, indent + 1), trimmed);
    }
    this.#sink.error(
      line.line,
      indent + 1,
      'quiz/unexpected-text',
      `text after the answers: expected an answer, a "> label:" line or the next "### question", received "${truncate(trimmed)}"`,
      /^[-*+]\s/.test(trimmed)
        ? 'write the option as "- ( ) text" (one right answer) or "- [ ] text" (several), or move the list above the answers to make it part of the question'
        : 'move the text above the answers to make it part of the question, or indent it by two spaces to continue the answer above',
    );
  }
}
