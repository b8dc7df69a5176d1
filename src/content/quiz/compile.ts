// The house quiz syntax (the body of a `:::quiz` block, docs/authoring.md) → the compiled Quiz, with
// a diagnostic at file:line:col for every mistake in one pass; and serializeQuestion, which writes
// a compiled question back as house syntax for `coursemark import gift`.
//
// The body is small and line-oriented, so it is read line by line here rather than through mdsvex:
// `### heading {attrs}` starts a question; answers are `- ( )` / `- [ ]` options, `= answer` lines,
// `- left -> right` pairs and `1. item` lists; `> label: text` lines attach question-level
// feedback; lines indented under an answer (`  > ...`) are that answer's feedback.
import { DiagnosticSink, didYouMean, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { ID_PATTERN } from '../schema/course.ts';
import type {
  AcceptedText,
  ChoiceOption,
  NumericAnswer,
  Question,
  QuestionType,
  Quiz,
  QuizSettings,
} from '../schema/quiz.ts';
import { currentIds, explicitIdProblem, splitExplicitId, withAnswerIds } from './answer-ids.ts';
import { beforeLastClose } from '../markdown/attributes.ts';
import { renderInline, renderMarkdown } from '../markdown/render.ts';
import {
  plainNumberText,
  reportHeadingLevel,
  reportNumericAsText,
  reportPairWithoutArrow,
  reportUnclosedBlank,
  unclosedBlanks,
} from './checks.ts';

export interface QuizBodyInput {
  /** The lines between the `:::quiz` fence and its closing `:::`, joined with "\n". */
  body: string;
  /** Path for diagnostics, e.g. "content/external-customers/09-quiz.md". */
  file: string;
  /** 1-based line number (in the file) of the first body line; columns are 1-based in the file too. */
  startLine: number;
  quizId: string;
  title: string;
  lessonId: string;
  /** Fence attributes, already validated: see BlockAttributeSchemas.quiz in src/content/schema/block.ts. */
  attrs: {
    pass?: number;
    attempts?: number;
    shuffle?: 'questions' | 'options' | 'all' | 'none';
    draw?: number;
    feedback?: 'immediate' | 'end';
    time?: number;
  };
  coursePassMark: number;
  /** Extra questions already parsed from a GIFT file (attrs.gift); appended after the Markdown ones. */
  extraQuestions?: Question[];
}

const QUESTION_TYPES: readonly QuestionType[] = [
  'single',
  'multiple',
  'truefalse',
  'short',
  'numeric',
  'blanks',
  'matching',
  'ordering',
  'essay',
  'description',
];
const HEADING_ATTRIBUTES = ['id', 'points', 'type', 'case', 'title'] as const;
const COMMON_LABELS = ['hint', 'explanation', 'correct', 'incorrect'] as const;
/** Labels that only some question types take: answer-specific feedback of true/false, and "no match" feedback. */
const TYPE_LABELS = { true: ['truefalse'], false: ['truefalse'], otherwise: ['short', 'numeric'] } as const;
type LabelName = (typeof COMMON_LABELS)[number] | keyof typeof TYPE_LABELS;
const LABELS: readonly string[] = [...COMMON_LABELS, ...Object.keys(TYPE_LABELS)];
const LABEL_LIST = `${COMMON_LABELS.join(', ')}, or true/false (true/false questions), otherwise (short and numeric answers)`;

const LABEL_FIELDS = {
  hint: 'hintHtml',
  explanation: 'explanationHtml',
  correct: 'correctFeedbackHtml',
  incorrect: 'incorrectFeedbackHtml',
  true: 'trueFeedbackHtml',
  false: 'falseFeedbackHtml',
  otherwise: 'otherwiseFeedbackHtml',
} as const satisfies Record<LabelName, string>;

// ---------------------------------------------------------------------------------------------
// Reading the lines of a question

interface Pos {
  line: number;
  column: number;
}
interface BodyLine {
  text: string;
  line: number;
}
type ItemKind = 'radio' | 'checkbox' | 'equals' | 'pair' | 'order';

/** One answer line (option, `=` answer, matching pair, ordering item) with what is indented under it. */
interface AnswerItem {
  kind: ItemKind;
  /** The marker: `(`, `[`, `=`, the bullet, or the number. */
  at: Pos;
  /** Where the item's own text starts. */
  textAt: Pos;
  checked: boolean;
  /** The text after the marker; indented continuation lines are joined with "\n". */
  text: string;
  /** Matching pairs: the answer after `->` and where it starts. */
  right?: { text: string; at: Pos };
  /** Lines of the indented `> ` feedback, without the `>`. */
  feedback: string[];
}

interface LabelBlock {
  name: LabelName;
  at: Pos;
  lines: string[];
}

interface QuestionSource {
  headingAt: Pos;
  textAt: Pos;
  /** Heading text without its attribute list. */
  text: string;
  attributes: { text: string; at: Pos } | null;
  prompt: BodyLine[];
  items: AnswerItem[];
  labels: LabelBlock[];
  /** Essay: the lines after `???`. */
  model: string[] | null;
  modelAt: Pos | null;
}

const HEADING = /^ {0,3}###(?=[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CHOICE = /^( {0,3})([-*+])[ \t]+(\(([ xX]?)\)|\[([ xX]?)\])(?=[ \t]|$)[ \t]*(.*)$/d;
const ORDER = /^( {0,3})(\d{1,9})[.)](?=[ \t]|$)[ \t]*(.*)$/d;
const EQUALS = /^( {0,3})=[ \t]*(.*)$/d;
const BULLET = /^( {0,3})([-*+])[ \t]+(.*)$/d;
const QUOTE = /^( ?)>[ \t]?(.*)$/d;
const LABEL = /^([A-Za-z][A-Za-z-]*)[ \t]*:(?!\/\/)[ \t]?(.*)$/d;
const BLANK = /(?<!\\)\[\[(.*?)\]\]/dg;
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?`;
const NUMERIC_PLAIN = new RegExp(`^(${NUMBER})$`);
const NUMERIC_TOLERANCE = new RegExp(`^(${NUMBER})[ \\t]*(?:\\+-|±|\\+/-)[ \\t]*(.*)$`, 'd');
const NUMERIC_RANGE = new RegExp(`^(${NUMBER})[ \\t]*\\.\\.[ \\t]*(.*)$`, 'd');
const WEIGHT = /^%(-?\d+(?:\.\d+)?)%[ \t]*/;

function indentWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

const at = (line: number, column: number): Pos => ({ line, column });

/** Column (1-based) of a capture group of a `d`-flag match. */
function groupColumn(match: RegExpExecArray, group: number, offset = 0): number {
  return (match.indices?.[group]?.[0] ?? 0) + 1 + offset;
}

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
  if (bullet) {
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
  return null;
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

function readQuestion(heading: BodyLine, lines: BodyLine[], sink: DiagnosticSink): QuestionSource {
  const source: QuestionSource = { ...splitHeading(heading), prompt: [], items: [], labels: [], model: null, modelAt: null };
  let fence: string | null = null;
  let item: AnswerItem | null = null;
  let itemInFeedback = false;
  /** The label whose text a following `>` line (or a lazy line) continues; closed by a blank line. */
  let label: LabelBlock | null = null;

  for (const line of lines) {
    const raw = line.text;
    const trimmed = raw.trim();
    const indent = indentWidth(raw);
    const region = source.model ? 'model' : source.items.length > 0 ? 'answers' : 'prompt';

    if (fence !== null) {
      if (source.model) source.model.push(raw);
      else source.prompt.push(line);
      if (trimmed.startsWith(fence) && trimmed.replace(/^[`~]+/, '').trim() === '') fence = null;
      continue;
    }
    if (trimmed === '') {
      label = null;
      if (source.model) source.model.push('');
      else if (region === 'prompt') source.prompt.push(line);
      else if (item && itemInFeedback) item.feedback.push('');
      continue;
    }
    // A comment under the answers (a tutor's note, a commented-out option) is not stray text.
    if (region === 'answers' && /^<!--.*-->$/.test(trimmed)) continue;
    const fenceOpen = region !== 'answers' ? FENCE.exec(raw) : null;
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      if (source.model) source.model.push(raw);
      else source.prompt.push(line);
      continue;
    }
    // Lines indented under an answer belong to it: `  > feedback`, or more of the answer's text.
    if (item && indent >= 2) {
      const content = raw.trimStart();
      if (content.startsWith('>')) {
        item.feedback.push(content.replace(/^>[ \t]?/, ''));
        itemInFeedback = true;
      } else if (itemInFeedback) item.feedback.push(content);
      else item.text += `\n${content}`;
      continue;
    }
    const quote = indent < 2 ? QUOTE.exec(raw) : null;
    if (quote) {
      const content = quote[2] ?? '';
      const labelled = LABEL.exec(content);
      if (labelled) {
        const name = labelled[1]!.toLowerCase();
        const labelAt = at(line.line, groupColumn(quote, 2, labelled.indices?.[1]?.[0] ?? 0));
        if (LABELS.includes(name)) {
          label = { name: name as LabelName, at: labelAt, lines: [labelled[2] ?? ''] };
          source.labels.push(label);
          item = null;
          continue;
        }
        const suggestion = didYouMean(name, LABELS);
        // A near-miss of a label is a typo wherever it is; any other `word:` is ordinary text in
        // the question or the model answer, or more of an open label.
        if (suggestion || (!label && region === 'answers')) {
          sink.error(
            labelAt.line,
            labelAt.column,
            'quiz/unknown-feedback',
            `unknown feedback label: expected one of ${LABEL_LIST}, received "${labelled[1]}"`,
            suggestion
              ? `did you mean "> ${suggestion}: ..."?`
              : `write "> hint: ...", "> explanation: ...", "> correct: ..." or "> incorrect: ..." ("> true:", "> false:" on a true/false question, "> otherwise:" on a short or numeric one), or indent the line by two spaces to make it the feedback of the answer above`,
          );
          label = null;
          item = null;
          continue;
        }
      }
      if (label) {
        label.lines.push(content);
        continue;
      }
      if (source.model) {
        source.model.push(raw);
        continue;
      }
      if (region === 'prompt') {
        source.prompt.push(line);
        continue;
      }
      sink.error(
        line.line,
        indent + 1,
        'quiz/unknown-feedback',
        `a blockquote under the answers needs a label: expected "> hint:", "> explanation:", "> correct:" or "> incorrect:", received "${trimmed}"`,
        'indent it by two spaces ("  > ...") to make it the feedback of the answer above, or start it with a label, e.g. "> explanation: ..."',
      );
      item = null;
      continue;
    }
    if (trimmed === '???') {
      if (source.model) {
        sink.error(line.line, indent + 1, 'quiz/unexpected-text', 'a second "???" line: a question has one model answer', 'remove this line');
      } else {
        source.model = [];
        source.modelAt = at(line.line, indent + 1);
      }
      item = null;
      label = null;
      continue;
    }
    if (source.model) {
      source.model.push(raw);
      label = null;
      continue;
    }
    const answer = matchItem(line);
    if (answer) {
      source.items.push(answer);
      item = answer;
      itemInFeedback = false;
      label = null;
      continue;
    }
    if (label) {
      label.lines.push(trimmed);
      continue;
    }
    if (region === 'prompt') {
      source.prompt.push(line);
      continue;
    }
    if (/^#{1,6}(?=[ \t]|$)/.test(trimmed)) {
      reportHeadingLevel(sink, at(line.line, indent + 1), trimmed);
      item = null;
      continue;
    }
    if (/^[-*+][ \t]/.test(trimmed) && source.items.some((answer) => answer.kind === 'pair')) {
      reportPairWithoutArrow(sink, at(line.line, indent + 1), trimmed);
      item = null;
      continue;
    }
    sink.error(
      line.line,
      indent + 1,
      'quiz/unexpected-text',
      `text after the answers: expected an answer, a "> label:" line or the next "### question", received "${truncate(trimmed)}"`,
      /^[-*+]\s/.test(trimmed)
        ? 'write the option as "- ( ) text" (one right answer) or "- [ ] text" (several), or move the list above the answers to make it part of the question'
        : 'move the text above the answers to make it part of the question, or indent it by two spaces to continue the answer above',
    );
    item = null;
  }
  return source;
}

const truncate = (text: string, length = 40): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

// ---------------------------------------------------------------------------------------------
// Heading attributes

interface HeadingAttributes {
  id?: { value: string; at: Pos };
  points?: number;
  type?: { value: QuestionType; at: Pos };
  caseSensitive?: boolean;
  title?: string;
}

const ATTRIBUTE_TOKEN = /#([^\s}]*)|([A-Za-z][\w-]*)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']*))|(\S+)/g;

function readAttributes(source: QuestionSource, sink: DiagnosticSink): HeadingAttributes {
  const result: HeadingAttributes = {};
  if (!source.attributes) return result;
  const { text, at: start } = source.attributes;
  // One unreadable token is enough to say so; "{a, b}" is one mistake, not two.
  let strayReported = false;
  for (const token of text.matchAll(ATTRIBUTE_TOKEN)) {
    const column = start.column + token.index;
    const [whole, hashId, key, quoted, singleQuoted, bare, stray] = token;
    if (hashId !== undefined) {
      if (!ID_PATTERN.test(hashId)) {
        sink.error(start.line, column, 'quiz/bad-attribute', `invalid question id: expected lowercase letters, digits and hyphens, received "${whole}"`, `write the id like {#capital-of-canada}`);
      } else result.id = { value: hashId, at: at(start.line, column) };
      continue;
    }
    if (stray !== undefined) {
      if (strayReported) continue;
      strayReported = true;
      const asType = didYouMean(stray, QUESTION_TYPES);
      sink.error(
        start.line,
        column,
        'quiz/bad-attribute',
        `unreadable heading attribute: expected key=value or #id, received "${stray}"`,
        asType ? `did you mean "type=${asType}"?` : 'write attributes like {#my-id points=2 type=short case=sensitive}, or "\\{" for a brace that is part of the question',
      );
      continue;
    }
    const name = key!;
    const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (singleQuoted ?? bare ?? '');
    const valueColumn = column + whole.length - value.length - (quoted !== undefined || singleQuoted !== undefined ? 1 : 0);
    switch (name) {
      case 'id':
        if (!ID_PATTERN.test(value)) {
          sink.error(start.line, valueColumn, 'quiz/bad-attribute', `invalid question id: expected lowercase letters, digits and hyphens, received "${value}"`, 'write the id like {#capital-of-canada}');
        } else result.id = { value, at: at(start.line, column) };
        break;
      case 'points': {
        const points = Number(value);
        if (value === '' || !Number.isFinite(points) || points < 0) {
          sink.error(start.line, valueColumn, 'quiz/bad-attribute', `invalid points: expected a number of 0 or more, received "${value}"`, 'write e.g. {points=2}');
        } else result.points = points;
        break;
      }
      case 'type': {
        if ((QUESTION_TYPES as readonly string[]).includes(value)) {
          result.type = { value: value as QuestionType, at: at(start.line, valueColumn) };
        } else {
          const suggestion = didYouMean(value, QUESTION_TYPES);
          sink.error(
            start.line,
            valueColumn,
            'quiz/bad-attribute',
            `unknown question type: expected one of ${QUESTION_TYPES.join(', ')}, received "${value}"`,
            suggestion ? `did you mean "type=${suggestion}"?` : 'leave type out to infer it from the answers, or write e.g. {type=essay}',
          );
        }
        break;
      }
      case 'case':
        if (value === 'sensitive' || value === 'insensitive') result.caseSensitive = value === 'sensitive';
        else {
          sink.error(start.line, valueColumn, 'quiz/bad-attribute', `invalid case rule: expected "sensitive" or "insensitive", received "${value}"`, 'write {case=sensitive} to compare answers case-sensitively');
        }
        break;
      case 'title':
        if (value.trim() === '') {
          sink.error(start.line, valueColumn, 'quiz/bad-attribute', 'empty question title: expected some text', 'write e.g. {title="Kanji origins"} or leave it out');
        } else result.title = value;
        break;
      default: {
        const suggestion = didYouMean(name, HEADING_ATTRIBUTES);
        sink.error(
          start.line,
          column,
          'quiz/unknown-attribute',
          `unknown question attribute: expected one of ${HEADING_ATTRIBUTES.join(', ')}, received "${name}"`,
          suggestion ? `did you mean "${suggestion}"?` : 'remove it; a question takes {#id points=2 type=short case=sensitive title="..."}',
        );
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Building a question

interface FoundBlank {
  content: string;
  at: Pos;
}

/** The prompt's HTML with each `[[...]]` replaced by a `<cm-blank n="i">` marker, and the blanks found. */
function renderPrompt(source: QuestionSource): { html: string; blanks: FoundBlank[] } {
  const blanks: FoundBlank[] = [];
  // Only up to the last "]]", so a line of many unclosed "[[" stays linear.
  const replaceBlanks = (text: string, line: number, offset: number): string =>
    beforeLastClose(text, ']]', (head) =>
      head.replace(BLANK, (_whole, content: string, index: number) => {
        blanks.push({ content, at: at(line, offset + index + 1) });
        return `<cm-blank n="${blanks.length - 1}"></cm-blank>`;
      }),
    );
  const heading = renderInline(replaceBlanks(source.text, source.textAt.line, source.textAt.column - 1));
  let fence: string | null = null;
  const rest = source.prompt.map((line) => {
    const open = FENCE.exec(line.text);
    if (fence !== null) {
      if (line.text.trim().startsWith(fence)) fence = null;
      return line.text;
    }
    if (open) {
      fence = open[1]!;
      return line.text;
    }
    return replaceBlanks(line.text, line.line, 0);
  });
  const restHtml = renderMarkdown(rest.join('\n').trim() === '' ? '' : trimBlankLines(rest).join('\n'));
  if (source.text.trim() === '') return { html: restHtml, blanks };
  return { html: restHtml ? `<p>${heading}</p>\n${restHtml}` : `<p>${heading}</p>`, blanks };
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start++;
  while (end > start && lines[end - 1]!.trim() === '') end--;
  return lines.slice(start, end);
}

const renderBlock = (lines: string[]): string | undefined => {
  const text = trimBlankLines(lines).join('\n');
  return text === '' ? undefined : renderMarkdown(text);
};

/** Text compared for duplicates: case and spacing do not make two options different. */
const sameText = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

function readWeight(item: AnswerItem, min: number, sink: DiagnosticSink): { weight: number | undefined; text: string; textAt: Pos } {
  const match = WEIGHT.exec(item.text);
  if (!match) return { weight: undefined, text: item.text, textAt: item.textAt };
  const percent = Number(match[1]);
  const textAt = at(item.textAt.line, item.textAt.column + match[0].length);
  if (percent < min || percent > 100) {
    sink.error(
      item.textAt.line,
      item.textAt.column,
      'quiz/bad-weight',
      `weight out of range: expected a percentage from ${min} to 100, received "${match[0].trim()}"`,
      min < 0 ? 'write e.g. "%50%" for half the points or "%-50%" to take half away' : 'write e.g. "%50%" for half the points',
    );
    return { weight: undefined, text: item.text.slice(match[0].length), textAt };
  }
  return { weight: Number((percent / 100).toPrecision(12)), text: item.text.slice(match[0].length), textAt };
}

interface Context {
  sink: DiagnosticSink;
  source: QuestionSource;
}

function checkDuplicates(ctx: Context, entries: { text: string; at: Pos }[], what: string, key = sameText): void {
  const seen = new Map<string, Pos>();
  for (const entry of entries) {
    const key_ = key(entry.text);
    const first = seen.get(key_);
    if (first) {
      ctx.sink.error(
        entry.at.line,
        entry.at.column,
        'quiz/duplicate-option',
        `duplicate ${what}: "${truncate(entry.text.trim())}" is already on line ${first.line}`,
        `remove one of them or change its text`,
      );
    } else seen.set(key_, entry.at);
  }
}

function requireText(ctx: Context, item: AnswerItem, text: string, example: string): boolean {
  if (text.trim() !== '') return true;
  ctx.sink.error(item.at.line, item.at.column, 'quiz/empty-option', 'an answer line with no text: expected some text after the marker', `write e.g. "${example}"`);
  return false;
}

/**
 * Splits the tutor's `{#id}` off the end of an answer's text (docs/authoring.md, "Answer ids") and
 * checks it; `ids` collects the ids of one question so a repeat is reported. The id is undefined
 * when none was written or it was reported as wrong (then `ok` is false).
 */
function readAnswerId(ctx: Context, text: string, textAt: Pos, ids: Set<string>): { text: string; id?: string; ok: boolean } {
  const split = splitExplicitId(text);
  if (split.id === undefined) return { text, ok: true };
  const column = textAt.column + split.column!;
  const problem = explicitIdProblem(split.id);
  if (problem) {
    ctx.sink.error(textAt.line, column, 'quiz/bad-attribute', `invalid answer id: ${problem}`, 'write the id like {#ottawa} at the end of the answer, or "\\{" for a brace that is part of the text');
    return { text: split.text, ok: false };
  }
  if (ids.has(split.id)) {
    ctx.sink.error(textAt.line, column, 'quiz/duplicate-id', `duplicate answer id: "${split.id}" is already used in this question`, 'give each answer its own id');
    return { text: split.text, ok: false };
  }
  ids.add(split.id);
  return { text: split.text, id: split.id, ok: true };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** The type-specific part of a question; the common fields are added by buildQuestion. */
type Built = DistributiveOmit<
  Question,
  'id' | 'title' | 'promptHtml' | 'points' | 'hintHtml' | 'explanationHtml' | 'correctFeedbackHtml' | 'incorrectFeedbackHtml' | 'source'
>;

function buildChoice(ctx: Context, items: AnswerItem[], kind: 'radio' | 'checkbox'): Built | null {
  const { sink } = ctx;
  const first = items[0]!;
  const marker = kind === 'radio' ? '( )' : '[ ]';
  const checked = items.filter((item) => item.checked);
  let ok = true;
  const ids = new Set<string>();
  const parsed = items.map((item) => {
    const weighed = readWeight(item, -100, sink);
    const named = readAnswerId(ctx, weighed.text, weighed.textAt, ids);
    const weight = { ...weighed, text: named.text };
    if (!named.ok || !requireText(ctx, item, weight.text, `- ${marker} Ottawa`)) ok = false;
    if (weight.weight === undefined && WEIGHT.test(item.text)) ok = false;
    return { item, ...weight, id: named.id };
  });
  checkDuplicates(ctx, parsed.map((p) => ({ text: p.text, at: p.textAt })), 'option');
  if (items.length < 2) {
    sink.error(first.at.line, first.at.column, 'quiz/too-few-options', `a choice question needs at least 2 options, received ${items.length}`, `add another option, e.g. "- ${marker} Another answer"`);
    ok = false;
  }
  const example = parsed[0]?.text.trim() || 'Ottawa';
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
  for (const { item, weight } of parsed) {
    if (weight === undefined) continue;
    if (item.checked && weight <= 0) {
      sink.error(item.textAt.line, item.textAt.column, 'quiz/bad-weight', `a ticked option must earn points: expected a weight above 0%, received ${weight * 100}%`, `untick it ("${marker}") or give it a positive weight such as %50%`);
      ok = false;
    } else if (kind === 'checkbox' && !item.checked && weight > 0) {
      sink.error(item.textAt.line, item.textAt.column, 'quiz/bad-weight', `an unticked option cannot earn points: expected a weight of 0% or less, received ${weight * 100}%`, 'tick it with [x] if it is a right answer');
      ok = false;
    }
  }
  if (!ok) return null;
  const k = checked.length;
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

/**
 * "a", "b", ... "z", "aa", "ab", ...: the positional ids of older builds. Kept for the GIFT reader,
 * whose ids compileQuizBody replaces with stable ones (src/content/markdown/answer-ids.ts).
 */
export function letterId(index: number): string {
  let id = '';
  let n = index;
  do {
    id = String.fromCharCode(97 + (n % 26)) + id;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return id;
}

function isNumericLine(written: string): boolean {
  const text = plainNumberText(written);
  return NUMERIC_PLAIN.test(text) || NUMERIC_TOLERANCE.test(text) || NUMERIC_RANGE.test(text);
}

/** An answer with a tolerance or a range ("48 ± 2", "3..4"), however the number is followed. */
const looksNumeric = (written: string): boolean => {
  const text = plainNumberText(written.trim());
  return NUMERIC_TOLERANCE.test(text) || NUMERIC_RANGE.test(text);
};

function readNumeric(ctx: Context, written: string, textAt: Pos): Omit<NumericAnswer, 'weight'> | null {
  const { sink } = ctx;
  const text = plainNumberText(written);
  const bad = (column: number, message: string, hint: string): null => {
    sink.error(textAt.line, column, 'quiz/bad-tolerance', message, hint);
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

function buildEquals(ctx: Context, items: AnswerItem[], explicit: QuestionType | undefined, caseSensitive: boolean): Built | null {
  const { sink } = ctx;
  const first = items[0]!;
  const isTrueFalse = explicit === 'truefalse' || (explicit === undefined && items.length === 1 && /^(true|false)$/i.test(first.text));
  if (isTrueFalse) {
    if (items.length !== 1 || !/^(true|false)$/i.test(first.text)) {
      const where = items.length !== 1 ? items[1]! : first;
      sink.error(where.at.line, where.at.column, 'quiz/type-mismatch', `a true/false question takes one answer line: expected "= true" or "= false", received ${items.length === 1 ? `"= ${truncate(first.text)}"` : `${items.length} lines`}`, 'keep one line, "= true" or "= false"');
      return null;
    }
    const answer = first.text.toLowerCase() === 'true';
    const feedbackHtml = renderBlock(first.feedback);
    const feedback = feedbackHtml ? (answer ? { trueFeedbackHtml: feedbackHtml } : { falseFeedbackHtml: feedbackHtml }) : {};
    return { type: 'truefalse', answer, ...feedback };
  }
  const numeric = explicit === 'numeric' || (explicit === undefined && items.every((item) => isNumericLine(item.text.replace(WEIGHT, ''))));
  let ok = true;
  const parsed = items.map((item) => {
    const weight = readWeight(item, 0, sink);
    if (weight.weight === undefined && WEIGHT.test(item.text)) ok = false;
    if (!requireText(ctx, item, weight.text, numeric ? '= 1822' : '= Ottawa')) ok = false;
    return { item, ...weight, weight: weight.weight ?? 1 };
  });
  if (!ok) return null;
  if (!numeric && explicit === undefined) {
    const numberLike = parsed.find((p) => looksNumeric(p.text));
    const word = parsed.find((p) => !isNumericLine(p.text.trim()));
    if (numberLike && word) {
      reportNumericAsText(sink, numberLike.textAt, numberLike.text.trim(), word.text.trim());
      return null;
    }
  }
  if (numeric) {
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
      sink.error(first.at.line, first.at.column, 'quiz/no-correct', 'no answer earns points: expected at least one answer above 0%', 'remove "%0%" from the right answer, e.g. "= 1822"');
      return null;
    }
    return { type: 'numeric', answers };
  }
  checkDuplicates(
    ctx,
    parsed.map((p) => ({ text: p.text, at: p.textAt })),
    'accepted answer',
    (text) => (caseSensitive ? text.trim().replace(/\s+/g, ' ') : sameText(text)),
  );
  if (!parsed.some((p) => p.weight > 0)) {
    sink.error(first.at.line, first.at.column, 'quiz/no-correct', 'no answer earns points: expected at least one accepted answer above 0%', `remove "%0%" from the right answer, e.g. "= ${truncate(parsed[0]!.text)}"`);
    return null;
  }
  const accepted: AcceptedText[] = parsed.map(({ item, weight, text }) => {
    const feedbackHtml = renderBlock(item.feedback);
    return { text: text.trim(), weight, ...(feedbackHtml ? { feedbackHtml } : {}) };
  });
  return { type: 'short', accepted, caseSensitive };
}

function buildBlanks(ctx: Context, found: FoundBlank[], caseSensitive: boolean): Built | null {
  const { sink } = ctx;
  let ok = true;
  const ids = new Set<string>();
  const blanks = found.map(({ content: written, at: blankAt }) => {
    const named = readAnswerId(ctx, written, at(blankAt.line, blankAt.column + 2), ids);
    if (!named.ok) ok = false;
    return { id: named.id ?? '', ...readBlank(named.text, blankAt) };
  });
  return ok ? { type: 'blanks', blanks } : null;

  function readBlank(content: string, blankAt: Pos) {
    const empty = (message: string, hint: string) => {
      sink.error(blankAt.line, blankAt.column, 'quiz/empty-blank', message, hint);
      ok = false;
    };
    if (content.trim() === '') {
      empty('an empty blank: expected the answer between [[ and ]], received nothing', 'write the right answer inside, e.g. "[[Ottawa]]", or alternatives "[[colour|color]]"');
      return { accepted: ['?'], caseSensitive };
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
      return { accepted: accepted.length ? accepted : ['?'], caseSensitive, choices };
    }
    const accepted = content.split('|').map((alternative) => alternative.trim());
    if (accepted.some((alternative) => alternative === '')) {
      empty(`an empty alternative in a blank: expected text on both sides of "|", received "[[${content}]]"`, 'write alternatives like "[[colour|color]]"');
    }
    return { accepted: accepted.filter(Boolean), caseSensitive };
  }
}

function buildMatching(ctx: Context, items: AnswerItem[]): Built | null {
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
  const answers = new Set(items.filter((item) => item.text !== '').map((item) => sameText(item.right!.text)));
  const seenDistractors = new Set<string>();
  for (const item of items.filter((i) => i.text === '' && i.right!.text !== '')) {
    const key = sameText(item.right!.text);
    if (answers.has(key) || seenDistractors.has(key)) {
      sink.error(item.right!.at.line, item.right!.at.column, 'quiz/duplicate-option', `duplicate distractor: "${truncate(item.right!.text)}" is already an answer`, 'remove it or change its text');
      ok = false;
    }
    seenDistractors.add(key);
  }
  if (pairs.length < 2) {
    const first = items[0]!;
    sink.error(first.at.line, first.at.column, 'quiz/too-few-pairs', `a matching question needs at least 2 pairs: expected "- left -> right" lines, received ${pairs.length}`, 'add another pair, e.g. "- Italy -> Rome"');
    ok = false;
  }
  return ok ? { type: 'matching', pairs, distractors } : null;
}

function buildOrdering(ctx: Context, items: AnswerItem[]): Built | null {
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

const TYPE_NAMES: Record<QuestionType, string> = {
  single: 'single-choice options "- ( ) ..."',
  multiple: 'multiple-choice options "- [ ] ..."',
  truefalse: '"= true" or "= false"',
  short: 'accepted answers "= ..."',
  numeric: 'numeric answers "= 1822"',
  blanks: 'blanks "[[...]]" in the question text',
  matching: 'pairs "- left -> right"',
  ordering: 'a numbered list "1. ..."',
  essay: 'no answers, or "???" and a model answer',
  description: 'no answers',
};

type AnswerGroup = 'choice' | 'equals' | 'pair' | 'order' | 'blanks' | 'model';
const GROUP_NAMES: Record<AnswerGroup, string> = {
  choice: 'options',
  equals: '"=" answers',
  pair: 'matching pairs',
  order: 'a numbered list',
  blanks: '[[blanks]]',
  model: 'a "???" model answer',
};
const GROUP_TYPES: Record<AnswerGroup, readonly QuestionType[]> = {
  choice: ['single', 'multiple'],
  equals: ['truefalse', 'short', 'numeric'],
  pair: ['matching'],
  order: ['ordering'],
  blanks: ['blanks'],
  model: ['essay'],
};

const groupOf = (item: AnswerItem): AnswerGroup =>
  item.kind === 'radio' || item.kind === 'checkbox' ? 'choice' : item.kind === 'equals' ? 'equals' : item.kind;

/** Mistakes in the question's lines that no builder sees: a "[[" never closed, a pair's first line without "->". */
function checkSource(source: QuestionSource, sink: DiagnosticSink): boolean {
  const lines = [{ text: source.text, line: source.textAt.line, column: source.textAt.column }, ...source.prompt.map((l) => ({ ...l, column: 1 }))];
  const unclosed = unclosedBlanks(lines);
  for (const blank of unclosed) reportUnclosedBlank(sink, blank, blank.after);
  const first = source.items[0];
  const before = source.prompt.at(-1);
  if (first?.kind === 'pair' && before && before.line === first.at.line - 1 && /^ {0,3}[-*+][ \t]+\S/.test(before.text)) {
    reportPairWithoutArrow(sink, at(before.line, indentWidth(before.text) + 1), before.text.trim());
    return false;
  }
  return unclosed.length === 0;
}

/** Builds one question, or null after reporting why it cannot be built. */
function buildQuestion(source: QuestionSource, id: string, attributes: HeadingAttributes, sink: DiagnosticSink, file: string): Question | null {
  const ctx: Context = { sink, source };
  const { html: promptHtml, blanks } = renderPrompt(source);
  const sourceOk = checkSource(source, sink);
  const explicit = attributes.type?.value;
  const caseSensitive = attributes.caseSensitive ?? false;

  // Which kinds of answer the question has, in source order.
  const groups: { group: AnswerGroup; at: Pos }[] = [];
  const note = (group: AnswerGroup, where: Pos) => {
    if (!groups.some((g) => g.group === group)) groups.push({ group, at: where });
  };
  if (blanks.length > 0) note('blanks', blanks[0]!.at);
  for (const item of source.items) note(groupOf(item), item.at);
  if (source.modelAt) note('model', source.modelAt);

  let built: Built | null = null;
  if (groups.length > 1) {
    const second = groups[1]!;
    sink.error(
      second.at.line,
      second.at.column,
      'quiz/mixed-answers',
      `one question, two kinds of answer: expected only ${GROUP_NAMES[groups[0]!.group]}, received ${GROUP_NAMES[second.group]} too`,
      'keep one kind of answer per question, or split it into two questions with their own "### heading"',
    );
  } else if (groups.length === 0) {
    if (explicit === 'essay' || explicit === 'description') built = { type: explicit };
    else {
      sink.error(
        source.textAt.line,
        source.textAt.column,
        'quiz/no-answer',
        'a question with no answers: expected options, "=" answers, pairs, a numbered list or [[blanks]], received none',
        'add the answers under the heading, e.g. "- (x) Ottawa" and "- ( ) Toronto", or write {type=essay} for a free-text question',
      );
    }
  } else {
    const group = groups[0]!.group;
    if (explicit && !GROUP_TYPES[group].includes(explicit)) {
      const where = attributes.type!.at;
      sink.error(where.line, where.column, 'quiz/type-mismatch', `type=${explicit} does not fit the answers: expected ${TYPE_NAMES[explicit]}, received ${GROUP_NAMES[group]}`, `remove type=${explicit} to infer the type from the answers, or rewrite the answers`);
    } else if (group === 'choice') {
      const kinds = source.items.map((item) => item.kind);
      const firstKind = kinds[0] as 'radio' | 'checkbox';
      const other = source.items.find((item) => item.kind !== firstKind);
      if (other) {
        sink.error(
          other.at.line,
          other.at.column,
          'quiz/mixed-options',
          `one question mixes "( )" and "[ ]" options: expected all ${firstKind === 'radio' ? '"( )" (one right answer)' : '"[ ]" (several right answers)'}, received "${firstKind === 'radio' ? '[ ]' : '( )'}"`,
          'use "- ( )" / "- (x)" on every option for one right answer, or "- [ ]" / "- [x]" on every option for several',
        );
      } else if (explicit && explicit !== (firstKind === 'radio' ? 'single' : 'multiple')) {
        const where = attributes.type!.at;
        sink.error(where.line, where.column, 'quiz/type-mismatch', `type=${explicit} does not fit the answers: expected ${TYPE_NAMES[explicit]}, received ${TYPE_NAMES[firstKind === 'radio' ? 'single' : 'multiple']}`, `remove type=${explicit}; "( )" options make a single-choice question, "[ ]" options a multiple-choice one`);
      } else built = buildChoice(ctx, source.items, firstKind);
    } else if (group === 'equals') built = buildEquals(ctx, source.items, explicit, caseSensitive);
    else if (group === 'pair') built = buildMatching(ctx, source.items);
    else if (group === 'order') built = buildOrdering(ctx, source.items);
    else if (group === 'blanks') built = buildBlanks(ctx, blanks, caseSensitive);
    else {
      const modelAnswerHtml = renderBlock(source.model ?? []);
      built = { type: 'essay', ...(modelAnswerHtml ? { modelAnswerHtml } : {}) };
    }
  }

  // Question-level feedback labels.
  const fields: Record<string, string> = {};
  const seen = new Map<LabelName, Pos>();
  let labelsOk = true;
  for (const label of source.labels) {
    const previous = seen.get(label.name);
    if (previous) {
      sink.error(label.at.line, label.at.column, 'quiz/duplicate-feedback', `a second "> ${label.name}:" in one question: the first is on line ${previous.line}`, `merge them into one "> ${label.name}:" (continue it on the next line with "> ...")`);
      labelsOk = false;
      continue;
    }
    seen.set(label.name, label.at);
    const html = renderBlock(label.lines);
    if (!html) {
      sink.error(label.at.line, label.at.column, 'quiz/empty-feedback', `"> ${label.name}:" with no text: expected some text after the colon`, `write e.g. "> ${label.name}: ..." or remove the line`);
      labelsOk = false;
      continue;
    }
    if (built && LABEL_FIELDS[label.name] in built) {
      sink.error(label.at.line, label.at.column, 'quiz/duplicate-feedback', `"> ${label.name}:" repeats the feedback indented under the answer`, 'keep one of them');
      labelsOk = false;
      continue;
    }
    if (label.name in TYPE_LABELS && built) {
      const allowed: readonly QuestionType[] = TYPE_LABELS[label.name as keyof typeof TYPE_LABELS];
      if (!allowed.includes(built.type)) {
        sink.error(
          label.at.line,
          label.at.column,
          'quiz/unknown-feedback',
          `"> ${label.name}:" does not apply here: expected a ${allowed.join(' or ')} question, received ${built.type}`,
          `use "> correct:" or "> incorrect:" instead`,
        );
        labelsOk = false;
        continue;
      }
    }
    fields[LABEL_FIELDS[label.name]] = html;
  }
  // Only a description may leave its heading empty (its text is all in the paragraphs).
  const emptyHeading = source.text.trim() === '' && explicit !== 'description';
  if (emptyHeading) {
    sink.error(source.headingAt.line, source.headingAt.column, 'quiz/empty-heading', 'a question heading with no text: expected the question after "###"', 'write the question on the heading line, e.g. "### What is the capital of Canada?"');
  }
  if (!built || !labelsOk || emptyHeading || !sourceOk) return null;
  const question = {
    id,
    ...(attributes.title ? { title: attributes.title } : {}),
    promptHtml,
    points: attributes.points ?? 1,
    ...fields,
    source: `${file}:${source.headingAt.line}:${source.headingAt.column}`,
    ...built,
  } as Question;
  // Parts without a tutor's {#id} get one made from their text (answer-ids.ts).
  return withAnswerIds(question, currentIds(question));
}

/** A stable id from the heading text: lowercase words joined by hyphens, at most six words. */
export function slugify(text: string): string {
  // Each pattern only up to its last closing delimiter, so unclosed "[[", "](" or "<" stay linear.
  const withoutBlanks = beforeLastClose(text, ']]', (head) => head.replace(/(?<!\\)\[\[.*?\]\]/g, ' '));
  const withoutLinks = beforeLastClose(withoutBlanks, ')', (head) => head.replace(/\]\([^)]*\)/g, ' '));
  const plain = beforeLastClose(withoutLinks, '>', (head) => head.replace(/<[^>]*>/g, ' '))
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '');
  return plain.split(/[^a-z0-9]+/).filter(Boolean).slice(0, 6).join('-') || 'question';
}

// ---------------------------------------------------------------------------------------------
// The quiz

export function parseQuizBody(input: QuizBodyInput): { quiz: Quiz | null; introHtml: string; diagnostics: Diagnostic[] } {
  const sink = new DiagnosticSink(input.file);
  const fenceLine = Math.max(1, input.startLine - 1);
  const lines: BodyLine[] = input.body.split('\n').map((text, i) => ({ text: text.replace(/\r$/, ''), line: input.startLine + i }));

  // Split into the intro and one run of lines per `###` heading (headings inside code fences do not count).
  const intro: BodyLine[] = [];
  const runs: { heading: BodyLine; lines: BodyLine[] }[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const open = FENCE.exec(line.text);
    if (fence === null && HEADING.test(line.text)) {
      runs.push({ heading: line, lines: [] });
      continue;
    }
    if (fence !== null && line.text.trim().startsWith(fence)) fence = null;
    else if (fence === null && open) fence = open[1]!;
    (runs.at(-1)?.lines ?? intro).push(line);
  }

  // Answers written before any heading belong to no question; a "##" heading above them was meant as one.
  let strayAnswers = false;
  let otherHeading: BodyLine | null = null;
  fence = null;
  for (const line of intro) {
    const open = FENCE.exec(line.text);
    if (fence !== null) {
      if (line.text.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (open) {
      fence = open[1]!;
      continue;
    }
    if (/^ {0,3}#{1,6}(?=[ \t]|$)/.test(line.text)) otherHeading = line;
    const item = matchItem(line);
    if (item && otherHeading && (item.kind === 'radio' || item.kind === 'checkbox' || item.kind === 'equals' || item.kind === 'pair')) {
      reportHeadingLevel(sink, at(otherHeading.line, indentWidth(otherHeading.text) + 1), otherHeading.text.trim());
      strayAnswers = true;
      break;
    }
    if (item && (item.kind === 'radio' || item.kind === 'checkbox' || item.kind === 'equals')) {
      sink.error(
        line.line,
        item.at.column,
        'quiz/missing-heading',
        'an answer before the first question: expected a "### question" heading above it',
        'start each question with a heading, e.g. "### Which city is the capital of Canada?"',
      );
      strayAnswers = true;
      break;
    }
  }

  const sources = runs.map((run) => readQuestion(run.heading, run.lines, sink));
  const attributes = sources.map((source) => readAttributes(source, sink));

  // Explicit ids first, so a derived id never takes an id the tutor chose.
  // GIFT has no id syntax: every part of its questions takes the id made from its text.
  const extra = (input.extraQuestions ?? []).map((question) => withAnswerIds(question));
  const taken = new Set<string>();
  for (const [i, attrs] of attributes.entries()) {
    const explicit = attrs.id;
    if (!explicit) continue;
    if (taken.has(explicit.value)) {
      sink.error(explicit.at.line, explicit.at.column, 'quiz/duplicate-id', `duplicate question id: "${explicit.value}" is already used in this quiz`, `give each question its own id, e.g. {#${explicit.value}-${i + 1}}`);
    }
    taken.add(explicit.value);
  }
  for (const question of extra) {
    if (taken.has(question.id)) {
      const where = attributes.find((a) => a.id?.value === question.id)?.id?.at ?? at(fenceLine, 1);
      sink.error(where.line, where.column, 'quiz/duplicate-id', `duplicate question id: "${question.id}" is also a question in the GIFT file${question.source ? ` (${question.source})` : ''}`, 'rename one of them; in a GIFT file the id comes from the "::title::"');
    }
    taken.add(question.id);
  }
  // The next suffix to try per base, so a pool of questions with the same text stays linear.
  const nextSuffix = new Map<string, number>();
  const ids = sources.map((source, i) => {
    const explicit = attributes[i]!.id?.value;
    if (explicit) return explicit;
    const base = slugify(source.text);
    let id = base;
    let n = nextSuffix.get(base) ?? 2;
    for (; taken.has(id); n++) id = `${base}-${n}`;
    nextSuffix.set(base, n);
    taken.add(id);
    return id;
  });

  const built = sources.map((source, i) => buildQuestion(source, ids[i]!, attributes[i]!, sink, input.file));
  const questions = [...built.filter((q): q is Question => q !== null), ...extra];
  const gradable = questions.filter((q) => q.type !== 'description').length;

  if (runs.length === 0 && extra.length === 0 && !strayAnswers) {
    sink.error(
      fenceLine,
      1,
      'quiz/empty',
      'a quiz with no questions: expected at least one "### question" heading, received none',
      'add a question under the intro, e.g. "### Which city is the capital of Canada?" followed by "- (x) Ottawa" and "- ( ) Toronto"',
    );
  } else if (gradable === 0 && !sink.hasErrors) {
    sink.error(fenceLine, 1, 'quiz/empty', 'a quiz with nothing to answer: expected at least one question that is not {type=description}', 'add a question with answers');
  }

  // Count what the tutor wrote, so a question with an error elsewhere does not also shrink the pool.
  const pool = attributes.filter((a) => a.type?.value !== 'description').length + extra.filter((q) => q.type !== 'description').length;
  const draw = input.attrs.draw;
  if (draw !== undefined && pool > 0 && draw > pool) {
    sink.error(fenceLine, 1, 'quiz/draw-too-large', `draw=${draw} is more than the quiz has: expected at most ${pool}, received ${draw}`, `write draw=${pool} or fewer, or add more questions to the pool`);
  }

  const shuffle = input.attrs.shuffle ?? 'none';
  const settings: QuizSettings = {
    ...(input.attrs.pass !== undefined ? { passMark: input.attrs.pass } : {}),
    ...(input.attrs.attempts !== undefined ? { attempts: input.attrs.attempts } : {}),
    shuffleQuestions: shuffle === 'questions' || shuffle === 'all',
    shuffleOptions: shuffle === 'options' || shuffle === 'all',
    ...(draw !== undefined ? { draw } : {}),
    feedback: input.attrs.feedback ?? 'immediate',
    ...(input.attrs.time !== undefined ? { timeLimit: input.attrs.time } : {}),
  };
  const introText = trimBlankLines(intro.map((line) => line.text)).join('\n');
  const introHtml = introText === '' ? '' : renderMarkdown(introText);
  const quiz: Quiz | null = sink.hasErrors
    ? null
    : {
        id: input.quizId,
        title: input.title.trim() || 'Quiz',
        lessonId: input.lessonId,
        settings,
        passMark: input.attrs.pass ?? input.coursePassMark,
        questions,
      };
  return { quiz, introHtml, diagnostics: sortDiagnostics(sink.list) };
}

// ---------------------------------------------------------------------------------------------
// Writing a question back as house syntax

type HtmlNode = HtmlText | HtmlElement;
interface HtmlText {
  kind: 'text';
  raw: string;
}
interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
}

const VOID_TAGS = new Set(['br', 'img', 'hr', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** A forgiving parser for the sanitised HTML that render.ts produces. */
function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [], start: 0, openEnd: 0, closeStart: html.length, end: html.length };
  const stack: HtmlElement[] = [root];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    const parent = stack.at(-1)!;
    if (match.index > last) parent.children.push({ kind: 'text', raw: html.slice(last, match.index) });
    last = match.index + match[0].length;
    const tag = match[2]!.toLowerCase();
    if (match[1] === '/') {
      let open = stack.length - 1;
      while (open > 0 && stack[open]!.tag !== tag) open--;
      if (open > 0) {
        for (const el of stack.splice(open)) {
          el.closeStart = match.index;
          el.end = last;
        }
      }
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const attr of (match[3] ?? '').matchAll(ATTRIBUTE)) attrs[attr[1]!.toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
    const element: HtmlElement = { kind: 'element', tag, attrs, children: [], start: match.index, openEnd: last, closeStart: last, end: last };
    parent.children.push(element);
    if (!VOID_TAGS.has(tag) && match[4] !== '/') stack.push(element);
  }
  if (last < html.length) stack.at(-1)!.children.push({ kind: 'text', raw: html.slice(last) });
  for (const el of stack.slice(1)) {
    el.closeStart = html.length;
    el.end = html.length;
  }
  return root.children;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Backslash-escapes what Markdown (and the quiz syntax) would otherwise read as markup. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|{}]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/(?<=[a-z]):\/\//gi, '\\://')
    .replace(/\bwww\./gi, 'www\\.');
}

/** Escapes the starts of lines that Markdown or the quiz syntax would read as lists, answers, weights, headings or labels. */
function escapeLineStarts(markdown: string, quoted: boolean): string {
  return markdown
    .split('\n')
    .map((line) => {
      let escaped = line
        .replace(/^(\s*)(#{1,6})(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*)([-+])(?=\s|$|>|-)/, '$1\\$2')
        .replace(/^(\s*)=/, '$1\\=')
        .replace(/^(\s*)%(?=-?\d)/, '$1\\%')
        .replace(/^(\s*)\?(?=\?\?\s*$)/, '$1\\?')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
      if (quoted) escaped = escaped.replace(/^(\s*[A-Za-z][A-Za-z-]*\s*):/, '$1\\:');
      return escaped;
    })
    .join('\n');
}

interface MarkdownOptions {
  /** Lines of the output sit inside a `>` quote, where `word:` would read as a label. */
  quoted: boolean;
  /** The question text, where numbered lists would read as ordering items. */
  prompt: boolean;
}

const plainElement = (el: HtmlElement, ...allowed: string[]): boolean => Object.keys(el.attrs).every((name) => allowed.includes(name));

function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

const destination = (url: string): string => (/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url);
const titlePart = (title: string | undefined): string => (title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '');

function textContent(nodes: HtmlNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? decodeEntities(node.raw) : textContent(node.children))).join('');
}

/** Inline HTML → Markdown. `raw` keeps every tag as HTML (the fallback when the pretty form does not render back identically). */
function inlineMarkdown(nodes: HtmlNode[], html: string, options: MarkdownOptions, raw: boolean): string {
  return nodes
    .map((node): string => {
      if (node.kind === 'text') return escapeText(decodeEntities(node.raw));
      const inner = () => inlineMarkdown(node.children, html, options, raw);
      if (!raw) {
        if ((node.tag === 'strong' || node.tag === 'em' || node.tag === 'del') && plainElement(node)) {
          const mark = node.tag === 'strong' ? '**' : node.tag === 'em' ? '*' : '~~';
          return `${mark}${inner()}${mark}`;
        }
        if (node.tag === 'code' && plainElement(node) && node.children.every((c) => c.kind === 'text')) return codeSpan(textContent(node.children));
        if (node.tag === 'a' && plainElement(node, 'href', 'title') && node.attrs.href !== undefined) {
          return `[${inner()}](${destination(node.attrs.href)}${titlePart(node.attrs.title)})`;
        }
        if (node.tag === 'img' && plainElement(node, 'src', 'alt', 'title') && node.attrs.src !== undefined) {
          return `![${escapeText(node.attrs.alt ?? '')}](${destination(node.attrs.src)}${titlePart(node.attrs.title)})`;
        }
      }
      if (VOID_TAGS.has(node.tag)) return html.slice(node.start, node.end);
      return `${html.slice(node.start, node.openEnd)}${inner()}${html.slice(node.closeStart, node.end)}`;
    })
    .join('');
}

/**
 * Inline HTML (an option, a heading) as one line of Markdown that renderInline turns back into it.
 * A line cannot hold a soft line break, so those become spaces.
 */
function inlineToMarkdown(html: string, options: MarkdownOptions): string {
  const nodes = parseHtml(html);
  const attempt = (raw: boolean) => escapeLineStarts(inlineMarkdown(nodes, html, options, raw).replace(/\s*\n\s*/g, ' ').trim(), options.quoted);
  const pretty = attempt(false);
  return renderInline(pretty) === html.replace(/\s*\n\s*/g, ' ').trim() ? pretty : attempt(true);
}

/** Block HTML (a prompt, feedback, a model answer) as Markdown that renderMarkdown turns back into it. */
function blocksToMarkdown(html: string, options: MarkdownOptions): string {
  const nodes = parseHtml(html);
  const blocks: string[] = [];
  let inlineRun: HtmlNode[] = [];
  let previousList: string | null = null;
  let previousAlternate = false;
  const flushInline = () => {
    if (inlineRun.some((node) => node.kind === 'element' || node.raw.trim() !== '')) {
      blocks.push(escapeLineStarts(inlineMarkdown(inlineRun, html, options, false).trim(), options.quoted));
      previousList = null;
    }
    inlineRun = [];
  };
  for (const node of nodes) {
    if (node.kind === 'text' || !BLOCK_TAGS.has(node.tag)) {
      inlineRun.push(node);
      continue;
    }
    flushInline();
    // Two lists in a row need different markers, or Markdown reads them as one loose list.
    const alternate: boolean = previousList === node.tag && !previousAlternate;
    const pretty = blockMarkdown(node, html, options, alternate);
    if (pretty !== null && renderMarkdown(pretty) === html.slice(node.start, node.end)) {
      blocks.push(pretty);
      previousList = node.tag === 'ul' || node.tag === 'ol' ? node.tag : null;
      previousAlternate = alternate;
      continue;
    }
    // Kept as HTML, which Markdown passes through until a blank line. Marked drops the line break
    // after such a block, so everything after it stays in the same HTML block to keep its breaks.
    blocks.push(html.slice(node.start).trim().replace(/\n\s*\n/g, '\n'));
    inlineRun = [];
    break;
  }
  flushInline();
  return blocks.join('\n\n');
}

const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'hr', 'div']);

/** Inline Markdown for a whole paragraph or list item: spaces at its edges, which Markdown would trim, written as entities. */
function edgeSafe(markdown: string): string {
  return markdown.replace(/^ +| +$/g, (spaces) => '&#32;'.repeat(spaces.length)).trim();
}

function blockMarkdown(node: HtmlElement, html: string, options: MarkdownOptions, alternate = false): string | null {
  if (!plainElement(node)) return null;
  switch (node.tag) {
    case 'p':
      return escapeLineStarts(edgeSafe(inlineMarkdown(node.children, html, options, false)), options.quoted);
    case 'ul':
    case 'ol': {
      if (node.tag === 'ol' && options.prompt) return null;
      const items = node.children.filter((child): child is HtmlElement => child.kind === 'element' && child.tag === 'li');
      const lines = items.map((item, i) => {
        const marker = node.tag === 'ul' ? (alternate ? '* ' : '- ') : `${i + 1}${alternate ? ')' : '.'} `;
        const loose = item.children.some((child) => child.kind === 'element' && BLOCK_TAGS.has(child.tag));
        const body = loose
          ? blocksToMarkdown(html.slice(item.openEnd, item.closeStart), options)
          : escapeLineStarts(edgeSafe(inlineMarkdown(item.children, html, options, false)), options.quoted);
        // "- ( ) x" would read as an option ("[" is escaped already).
        const safe = body.replace(/^\(/, '\\(');
        return marker + safe.split('\n').join(`\n${' '.repeat(marker.length)}`);
      });
      return lines.join('\n');
    }
    case 'blockquote': {
      const inner = blocksToMarkdown(html.slice(node.openEnd, node.closeStart), { ...options, quoted: true });
      return inner
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    }
    case 'pre': {
      const code = node.children.find((child): child is HtmlElement => child.kind === 'element' && child.tag === 'code');
      if (!code || !plainElement(code)) return null;
      const text = textContent(code.children);
      const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
    }
    default:
      return null;
  }
}

/** Splits a question's HTML into the heading (first paragraph) and the rest. */
function splitPrompt(html: string): { heading: string | null; rest: string } {
  const first = /^\s*<p>([\s\S]*?)<\/p>\s*/.exec(html);
  if (!first || /<p[\s>]/.test(first[1]!)) return { heading: null, rest: html };
  return { heading: first[1]!, rest: html.slice(first[0].length) };
}

const formatNumber = (value: number): string => String(value);
const precise = (value: number): number => Number(value.toPrecision(12));
const percent = (weight: number): string => `%${precise(weight * 100)}%`;

/** The shortest of "value", "value +- tolerance" and "min..max" that reads back as exactly this answer. */
function numericMarkdown(answer: NumericAnswer): string {
  if (answer.min === answer.value && answer.max === answer.value) return formatNumber(answer.value);
  const tolerance = precise(answer.value - answer.min);
  const plusMinus = `${formatNumber(answer.value)} +- ${formatNumber(tolerance)}`;
  const range = `${formatNumber(answer.min)}..${formatNumber(answer.max)}`;
  const exact = [
    ...(tolerance >= 0 && answer.value - tolerance === answer.min && answer.value + tolerance === answer.max ? [plusMinus] : []),
    ...((answer.min + answer.max) / 2 === answer.value ? [range] : []),
  ];
  if (exact.length === 0) return tolerance >= 0 ? plusMinus : range;
  return exact.reduce((a, b) => (b.length < a.length ? b : a));
}

/** Plain-text answers live on one line of the syntax. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function blankMarkdown(blank: Extract<Question, { type: 'blanks' }>['blanks'][number] | undefined): string {
  if (!blank) return '[[]]';
  if (blank.choices) return `[[${blank.choices.map((choice) => `${blank.accepted.includes(choice) ? '=' : '~'}${oneLine(choice)}`).join(' ')}]]`;
  return `[[${blank.accepted.map(oneLine).join('|')}]]`;
}

/** An answer's own feedback, indented under it (labels are not read there, so no colon needs escaping). */
const feedbackLines = (html: string | undefined, indent: string): string[] => {
  if (!html) return [];
  return blocksToMarkdown(html, { quoted: false, prompt: false })
    .split('\n')
    .map((line) => (line === '' ? `${indent}>` : `${indent}> ${line}`));
};

function labelLines(name: LabelName, html: string | undefined): string[] {
  if (!html) return [];
  const [first = '', ...rest] = blocksToMarkdown(html, { quoted: true, prompt: false }).split('\n');
  return [`> ${name}: ${first}`, ...rest.map((line) => (line === '' ? '>' : `> ${line}`))];
}

/** The type the parser would infer from the answer lines serializeQuestion writes. */
function inferredType(question: Question): QuestionType {
  if (question.type !== 'short') return question.type;
  const texts = question.accepted.map((a) => a.text);
  if (texts.length === 1 && /^(true|false)$/i.test(texts[0]!)) return 'truefalse';
  return texts.every(isNumericLine) ? 'numeric' : 'short';
}

/** Writes one question back as house syntax (used by `coursemark import gift`), so parse(serialize(q)) equals q up to ids/source. */
export function serializeQuestion(q: Question): string {
  // Blanks travel through the HTML → Markdown conversion as plain words, then become [[...]].
  const blanks = q.type === 'blanks' ? q.blanks : [];
  const withBlanks = (markdown: string) => markdown.replace(/cmblank(\d+)x/g, (_m, n: string) => blankMarkdown(blanks[Number(n)]));
  const promptHtml = q.promptHtml.replace(/<cm-blank n="(\d+)"><\/cm-blank>/g, (_m, n: string) => `cmblank${n}x`);
  const prompt: MarkdownOptions = { quoted: false, prompt: true };
  const { heading: headingHtml, rest } = splitPrompt(promptHtml);
  // Without a first paragraph there is nothing to put on the heading line: a description may have
  // an empty heading; a question falls back to its title (so its text gains that first line).
  const heading =
    headingHtml !== null
      ? withBlanks(inlineToMarkdown(headingHtml, prompt))
      : q.type === 'description'
        ? ''
        : escapeLineStarts(escapeText(oneLine(q.title ?? 'Question')), false);

  const attributes: string[] = [];
  if (q.id !== slugify(heading) && ID_PATTERN.test(q.id)) attributes.push(`#${q.id}`);
  if (q.points !== 1) attributes.push(`points=${q.points}`);
  // A short answer that looks like a number beside text ones would be read as a mistake (quiz/numeric-as-text).
  const numberAsText = q.type === 'short' && q.accepted.some((a) => isNumericLine(a.text));
  if (inferredType(q) !== q.type || numberAsText || q.type === 'essay' || q.type === 'description') attributes.push(`type=${q.type}`);
  const caseSensitive = q.type === 'short' ? q.caseSensitive : q.type === 'blanks' ? q.blanks.some((b) => b.caseSensitive) : false;
  if (caseSensitive) attributes.push('case=sensitive');
  if (q.title) attributes.push(`title="${oneLine(q.title).replace(/["\\]/g, '\\$&')}"`);

  const out: string[] = [`### ${heading}${attributes.length ? `${heading ? ' ' : ''}{${attributes.join(' ')}}` : ''}`];
  if (rest.trim() !== '') out.push('', withBlanks(blocksToMarkdown(rest, prompt)));
  const answers: string[] = [];
  const inline = (html: string) => inlineToMarkdown(html, { quoted: false, prompt: false });

  switch (q.type) {
    case 'single': {
      const best = q.options.reduce((a, b) => (b.weight > a.weight ? b : a));
      for (const option of q.options) {
        const isBest = option === best;
        const weight = isBest ? (option.weight === 1 ? '' : `${percent(option.weight)} `) : option.weight === 0 ? '' : `${percent(option.weight)} `;
        answers.push(`- ${isBest ? '(x)' : '( )'} ${weight}${inline(option.html)}`, ...feedbackLines(option.feedbackHtml, '  '));
      }
      break;
    }
    case 'multiple': {
      const k = q.options.filter((o) => o.weight > 0).length;
      for (const option of q.options) {
        const ticked = option.weight > 0;
        const standard = ticked ? 1 / k : -1 / k;
        const weight = option.weight === standard ? '' : `${percent(option.weight)} `;
        answers.push(`- ${ticked ? '[x]' : '[ ]'} ${weight}${inline(option.html)}`, ...feedbackLines(option.feedbackHtml, '  '));
      }
      break;
    }
    case 'truefalse':
      answers.push(`= ${q.answer}`, ...labelLines('true', q.trueFeedbackHtml), ...labelLines('false', q.falseFeedbackHtml));
      break;
    case 'short':
      for (const accepted of q.accepted) {
        answers.push(`= ${accepted.weight === 1 ? '' : `${percent(accepted.weight)} `}${oneLine(accepted.text)}`, ...feedbackLines(accepted.feedbackHtml, '  '));
      }
      answers.push(...labelLines('otherwise', q.otherwiseFeedbackHtml));
      break;
    case 'numeric':
      for (const answer of q.answers) {
        answers.push(`= ${answer.weight === 1 ? '' : `${percent(answer.weight)} `}${numericMarkdown(answer)}`, ...feedbackLines(answer.feedbackHtml, '  '));
      }
      answers.push(...labelLines('otherwise', q.otherwiseFeedbackHtml));
      break;
    case 'matching':
      // "- (x) Ottawa -> A" would read as an option.
      for (const pair of q.pairs) answers.push(`- ${inline(pair.promptHtml).replace(/^\(/, '\\(')} -> ${oneLine(pair.answer)}`);
      for (const distractor of q.distractors) answers.push(`- -> ${oneLine(distractor)}`);
      break;
    case 'ordering':
      q.items.forEach((item, i) => answers.push(`${i + 1}. ${inline(item.html)}`));
      break;
    case 'essay':
      if (q.modelAnswerHtml) answers.push('???', blocksToMarkdown(q.modelAnswerHtml, { quoted: false, prompt: false }));
      break;
    case 'blanks':
    case 'description':
      break;
  }
  const labels = [
    ...labelLines('hint', q.hintHtml),
    ...labelLines('explanation', q.explanationHtml),
    ...labelLines('correct', q.correctFeedbackHtml),
    ...labelLines('incorrect', q.incorrectFeedbackHtml),
  ];
  if (answers.length) out.push('', ...answers);
  if (labels.length) out.push('', ...labels);
  return `${out.join('\n')}\n`;
}
