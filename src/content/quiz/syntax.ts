// The house quiz syntax's shared vocabulary (docs/authoring.md): the shapes the line reader
// (read.ts) hands to the builders, the feedback labels, the question types, and the few patterns
// that the reader, the builders and the writer (write.ts) must read the same way.
import { slugify } from '../markdown/attributes.ts';
import type { QuestionType } from '../schema/quiz.ts';

export const QUESTION_TYPES: readonly QuestionType[] = [
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

const COMMON_LABELS = ['hint', 'explanation', 'correct', 'incorrect'] as const;
/** Labels that only some question types take: answer-specific feedback of true/false, and "no match" feedback. */
export const TYPE_LABELS = { true: ['truefalse'], false: ['truefalse'], otherwise: ['short', 'numeric'] } as const;
export type LabelName = (typeof COMMON_LABELS)[number] | keyof typeof TYPE_LABELS;
export const LABELS: readonly string[] = [...COMMON_LABELS, ...Object.keys(TYPE_LABELS)];
export const LABEL_LIST = `${COMMON_LABELS.join(', ')}, or true/false (true/false questions), otherwise (short and numeric answers)`;

/** The field of the compiled question each `> label:` fills. */
export const LABEL_FIELDS = {
  hint: 'hintHtml',
  explanation: 'explanationHtml',
  correct: 'correctFeedbackHtml',
  incorrect: 'incorrectFeedbackHtml',
  true: 'trueFeedbackHtml',
  false: 'falseFeedbackHtml',
  otherwise: 'otherwiseFeedbackHtml',
} as const satisfies Record<LabelName, string>;

/** A place in the tutor's file: 1-based line and column. */
export interface Pos {
  line: number;
  column: number;
}
export interface BodyLine {
  text: string;
  line: number;
}
type ItemKind = 'radio' | 'checkbox' | 'equals' | 'pair' | 'order';

/** One answer line (option, `=` answer, matching pair, ordering item) with what is indented under it. */
export interface AnswerItem {
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

export interface LabelBlock {
  name: LabelName;
  at: Pos;
  lines: string[];
}

/** One question as written: what read.ts found under its `###` heading, before any checking. */
export interface QuestionSource {
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

export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Follows code fences through lines given in order: true for a fence line or a line inside a fenced
 * block, where nothing is quiz syntax (a `###`, a `[[` or an answer in code is code).
 */
export function codeLines(): (text: string) => boolean {
  let fence: string | null = null;
  return (text) => {
    if (fence !== null) {
      if (text.trim().startsWith(fence)) fence = null;
      return true;
    }
    const open = FENCE.exec(text);
    if (open) fence = open[1]!;
    return open !== null;
  };
}
/** `%50%` in front of an answer's text. */
export const WEIGHT = /^%(-?\d+(?:\.\d+)?)%[ \t]*/;
const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?`;
export const NUMERIC_PLAIN = new RegExp(`^(${NUMBER})$`);
export const NUMERIC_TOLERANCE = new RegExp(`^(${NUMBER})[ \\t]*(?:\\+-|±|\\+/-)[ \\t]*(.*)$`, 'd');
export const NUMERIC_RANGE = new RegExp(`^(${NUMBER})[ \\t]*\\.\\.[ \\t]*(.*)$`, 'd');

/** Word processors put no-break spaces around "±" and write "−" for minus; numbers read the same with plain ones. */
export function plainNumberText(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/\u2212/g, '-');
}

/**
 * Weights are read and written to 12 significant digits, in the house syntax and from GIFT alike,
 * so "%33.33333%" is 0.3333333 (not 0.33333329999999994) and both read the same file the same way.
 */
export const precise = (value: number): number => Number(value.toPrecision(12));

/** An answer line a numeric question reads: "1822", "3.1415 +- 0.0005" or "3.141..3.142". */
export function isNumericLine(written: string): boolean {
  const text = plainNumberText(written);
  return NUMERIC_PLAIN.test(text) || NUMERIC_TOLERANCE.test(text) || NUMERIC_RANGE.test(text);
}

/** Columns count a tab up to the next multiple of four, as Markdown does. */
export function indentWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (char === ' ') width++;
    else if (char === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

export const at = (line: number, column: number): Pos => ({ line, column });

/** Column (1-based) of a capture group of a `d`-flag match. */
export function groupColumn(match: RegExpExecArray, group: number, offset = 0): number {
  return (match.indices?.[group]?.[0] ?? 0) + 1 + offset;
}

/** Quoted text in a diagnostic stays short. */
export const truncate = (text: string, length = 40): string => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** A question's id made from its heading: lowercase words joined by hyphens, at most six words. */
export const questionSlug = (heading: string): string => slugify(heading, { question: true }) || 'question';
