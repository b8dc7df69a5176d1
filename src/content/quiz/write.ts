// A compiled question → house quiz syntax (used by `coursemark import gift`, src/content/gift/to-house.ts),
// written so that parseQuizBody reads it back as the same question up to ids and source: the
// heading and its attributes, the answers in the form each question type takes, then the labels.
import { ID_PATTERN } from '../schema/course.ts';
import type { BlanksQuestion, NumericAnswer, Question, QuestionType } from '../schema/quiz.ts';
import { isNumericLine, precise, questionSlug, type LabelName } from './syntax.ts';
import { blocksToMarkdown, escapeLineStarts, escapeText, inlineToMarkdown, type MarkdownOptions } from './to-markdown.ts';

const PROMPT: MarkdownOptions = { quoted: false, prompt: true };
const ANSWER: MarkdownOptions = { quoted: false, prompt: false };

/** Writes one question back as house syntax, so parse(serialize(q)) equals q up to ids/source. */
export function serializeQuestion(q: Question): string {
  const { heading, rest } = promptMarkdown(q);
  const attributes = headingAttributes(q, heading);
  const out: string[] = [`### ${heading}${attributes.length ? `${heading ? ' ' : ''}{${attributes.join(' ')}}` : ''}`];
  if (rest !== null) out.push('', rest);
  const answers = (ANSWER_WRITERS[q.type] as (question: Question) => string[])(q);
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

/** The heading line's text and the paragraphs under it, with blanks written back as `[[...]]`. */
function promptMarkdown(q: Question): { heading: string; rest: string | null } {
  // Blanks travel through the HTML → Markdown conversion as plain words, then become [[...]].
  const blanks = q.type === 'blanks' ? q.blanks : [];
  const withBlanks = (markdown: string) => markdown.replace(/cmblank(\d+)x/g, (_m, n: string) => blankMarkdown(blanks[Number(n)]));
  const promptHtml = q.promptHtml.replace(/<cm-blank n="(\d+)"><\/cm-blank>/g, (_m, n: string) => `cmblank${n}x`);
  const { heading: headingHtml, rest } = splitPrompt(promptHtml);
  // Without a first paragraph there is nothing to put on the heading line: a description may have
  // an empty heading; a question falls back to its title (so its text gains that first line).
  const heading =
    headingHtml !== null
      ? withBlanks(inlineToMarkdown(headingHtml, PROMPT))
      : q.type === 'description'
        ? ''
        : escapeLineStarts(escapeText(oneLine(q.title ?? 'Question')), false);
  return { heading, rest: rest.trim() === '' ? null : withBlanks(blocksToMarkdown(rest, PROMPT)) };
}

/** Splits a question's HTML into the heading (first paragraph) and the rest. */
function splitPrompt(html: string): { heading: string | null; rest: string } {
  const first = /^\s*<p>([\s\S]*?)<\/p>\s*/.exec(html);
  if (!first || /<p[\s>]/.test(first[1]!)) return { heading: null, rest: html };
  return { heading: first[1]!, rest: html.slice(first[0].length) };
}

/** `{#id points=2 type=... case=sensitive title="..."}`, each only where the reader would not infer it. */
function headingAttributes(q: Question, heading: string): string[] {
  const attributes: string[] = [];
  if (q.id !== questionSlug(heading) && ID_PATTERN.test(q.id)) attributes.push(`#${q.id}`);
  if (q.points !== 1) attributes.push(`points=${q.points}`);
  // A short answer that looks like a number beside text ones would be read as a mistake (quiz/numeric-as-text).
  const numberAsText = q.type === 'short' && q.accepted.some((a) => isNumericLine(a.text));
  if (inferredType(q) !== q.type || numberAsText || q.type === 'essay' || q.type === 'description') attributes.push(`type=${q.type}`);
  const caseSensitive = q.type === 'short' ? q.caseSensitive : q.type === 'blanks' ? q.blanks.some((b) => b.caseSensitive) : false;
  if (caseSensitive) attributes.push('case=sensitive');
  if (q.title) attributes.push(`title="${oneLine(q.title).replace(/["\\]/g, '\\$&')}"`);
  return attributes;
}

/** The type the parser would infer from the answer lines serializeQuestion writes. */
function inferredType(question: Question): QuestionType {
  if (question.type !== 'short') return question.type;
  const texts = question.accepted.map((a) => a.text);
  if (texts.length === 1 && /^(true|false)$/i.test(texts[0]!)) return 'truefalse';
  return texts.every(isNumericLine) ? 'numeric' : 'short';
}

const inline = (html: string) => inlineToMarkdown(html, ANSWER);
const formatNumber = (value: number): string => String(value);
const percent = (weight: number): string => `%${precise(weight * 100)}%`;
/** Plain-text answers live on one line of the syntax. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

type Writers = { [T in QuestionType]: (question: Extract<Question, { type: T }>) => string[] };

/** The answer lines of each question type. */
const ANSWER_WRITERS: Writers = {
  single(q) {
    const best = q.options.reduce((a, b) => (b.weight > a.weight ? b : a));
    return q.options.flatMap((option) => {
      const isBest = option === best;
      const weight = isBest ? (option.weight === 1 ? '' : `${percent(option.weight)} `) : option.weight === 0 ? '' : `${percent(option.weight)} `;
      return [`- ${isBest ? '(x)' : '( )'} ${weight}${inline(option.html)}`, ...feedbackLines(option.feedbackHtml, '  ')];
    });
  },
  multiple(q) {
    const k = q.options.filter((o) => o.weight > 0).length;
    return q.options.flatMap((option) => {
      const ticked = option.weight > 0;
      const standard = ticked ? 1 / k : -1 / k;
      const weight = option.weight === standard ? '' : `${percent(option.weight)} `;
      return [`- ${ticked ? '[x]' : '[ ]'} ${weight}${inline(option.html)}`, ...feedbackLines(option.feedbackHtml, '  ')];
    });
  },
  truefalse: (q) => [`= ${q.answer}`, ...labelLines('true', q.trueFeedbackHtml), ...labelLines('false', q.falseFeedbackHtml)],
  short: (q) => [
    ...q.accepted.flatMap((accepted) => [`= ${accepted.weight === 1 ? '' : `${percent(accepted.weight)} `}${oneLine(accepted.text)}`, ...feedbackLines(accepted.feedbackHtml, '  ')]),
    ...labelLines('otherwise', q.otherwiseFeedbackHtml),
  ],
  numeric: (q) => [
    ...q.answers.flatMap((answer) => [`= ${answer.weight === 1 ? '' : `${percent(answer.weight)} `}${numericMarkdown(answer)}`, ...feedbackLines(answer.feedbackHtml, '  ')]),
    ...labelLines('otherwise', q.otherwiseFeedbackHtml),
  ],
  matching: (q) => [
    // "- (x) Ottawa -> A" would read as an option.
    ...q.pairs.map((pair) => `- ${inline(pair.promptHtml).replace(/^\(/, '\\(')} -> ${oneLine(pair.answer)}`),
    ...q.distractors.map((distractor) => `- -> ${oneLine(distractor)}`),
  ],
  ordering: (q) => q.items.map((item, i) => `${i + 1}. ${inline(item.html)}`),
  essay: (q) => (q.modelAnswerHtml ? ['???', blocksToMarkdown(q.modelAnswerHtml, ANSWER)] : []),
  // The blanks are in the question text.
  blanks: () => [],
  description: () => [],
};

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

function blankMarkdown(blank: BlanksQuestion['blanks'][number] | undefined): string {
  if (!blank) return '[[]]';
  if (blank.choices) return `[[${blank.choices.map((choice) => `${blank.accepted.includes(choice) ? '=' : '~'}${oneLine(choice)}`).join(' ')}]]`;
  return `[[${blank.accepted.map(oneLine).join('|')}]]`;
}

/** An answer's own feedback, indented under it (labels are not read there, so no colon needs escaping). */
const feedbackLines = (html: string | undefined, indent: string): string[] => {
  if (!html) return [];
  return blocksToMarkdown(html, ANSWER)
    .split('\n')
    .map((line) => (line === '' ? `${indent}>` : `${indent}> ${line}`));
};

function labelLines(name: LabelName, html: string | undefined): string[] {
  if (!html) return [];
  const [first = '', ...rest] = blocksToMarkdown(html, { quoted: true, prompt: false }).split('\n');
  return [`> ${name}: ${first}`, ...rest.map((line) => (line === '' ? '>' : `> ${line}`))];
}
