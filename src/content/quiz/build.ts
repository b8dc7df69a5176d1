// One question as written (read.ts) → one compiled question: the prompt rendered with its blanks,
// the kind of answer decided (from the answers, or {type=...}) and handed to its builder, the
// `> label:` feedback checked, and answer ids filled in. Every mistake is reported, then null.
import type { DiagnosticSink } from '../diagnostics.ts';
import { beforeLastClose } from '../markdown/attributes.ts';
import { renderInline, renderMarkdown } from '../markdown/render.ts';
import type { Question, QuestionType } from '../schema/quiz.ts';
import { currentIds, withAnswerIds } from './answer-ids.ts';
import { renderBlock, trimBlankLines, type Built, type Context } from './answers.ts';
import { buildBlanks, type FoundBlank } from './blanks.ts';
import { reportPairWithoutArrow, reportUnclosedBlank, unclosedBlanks } from './checks.ts';
import { buildChoice } from './choice.ts';
import { buildEquals } from './equals.ts';
import type { HeadingAttributes } from './heading.ts';
import { buildMatching } from './matching.ts';
import { buildOrdering } from './ordering.ts';
import { at, codeLines, indentWidth, LABEL_FIELDS, TYPE_LABELS, type AnswerItem, type LabelName, type Pos, type QuestionSource } from './syntax.ts';

const BLANK = /(?<!\\)\[\[(.*?)\]\]/dg;

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

/** Builds one question, or null after reporting why it cannot be built. */
export function buildQuestion(source: QuestionSource, id: string, attributes: HeadingAttributes, sink: DiagnosticSink, file: string): Question | null {
  const ctx: Context = { sink, source };
  const { html: promptHtml, blanks } = renderPrompt(source);
  const sourceOk = checkSource(source, sink);
  const built = buildAnswers(ctx, blanks, attributes);
  const fields = readLabels(source, built, sink);
  // Only a description may leave its heading empty (its text is all in the paragraphs).
  const emptyHeading = source.text.trim() === '' && attributes.type?.value !== 'description';
  if (emptyHeading) {
    sink.error(source.headingAt.line, source.headingAt.column, 'quiz/empty-heading', 'a question heading with no text: expected the question after "###"', 'write the question on the heading line, e.g. "### What is the capital of Canada?"');
  }
  if (!built || !fields || emptyHeading || !sourceOk) return null;
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
  const isCode = codeLines();
  const rest = source.prompt.map((line) => (isCode(line.text) ? line.text : replaceBlanks(line.text, line.line, 0)));
  const restHtml = renderMarkdown(rest.join('\n').trim() === '' ? '' : trimBlankLines(rest).join('\n'));
  if (source.text.trim() === '') return { html: restHtml, blanks };
  return { html: restHtml ? `<p>${heading}</p>\n${restHtml}` : `<p>${heading}</p>`, blanks };
}

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

/** Which kinds of answer the question has, in source order, each with where it first appears. */
function answerGroups(source: QuestionSource, blanks: FoundBlank[]): { group: AnswerGroup; at: Pos }[] {
  const groups: { group: AnswerGroup; at: Pos }[] = [];
  const note = (group: AnswerGroup, where: Pos) => {
    if (!groups.some((g) => g.group === group)) groups.push({ group, at: where });
  };
  if (blanks.length > 0) note('blanks', blanks[0]!.at);
  for (const item of source.items) note(groupOf(item), item.at);
  if (source.modelAt) note('model', source.modelAt);
  return groups;
}

/** The type-specific part of the question from its one kind of answer, or null after reporting. */
function buildAnswers(ctx: Context, blanks: FoundBlank[], attributes: HeadingAttributes): Built | null {
  const { sink, source } = ctx;
  const explicit = attributes.type?.value;
  const caseSensitive = attributes.caseSensitive ?? false;
  const groups = answerGroups(source, blanks);
  if (groups.length > 1) {
    const second = groups[1]!;
    sink.error(
      second.at.line,
      second.at.column,
      'quiz/mixed-answers',
      `one question, two kinds of answer: expected only ${GROUP_NAMES[groups[0]!.group]}, received ${GROUP_NAMES[second.group]} too`,
      'keep one kind of answer per question, or split it into two questions with their own "### heading"',
    );
    return null;
  }
  if (groups.length === 0) {
    if (explicit === 'essay' || explicit === 'description') return { type: explicit };
    sink.error(
      source.textAt.line,
      source.textAt.column,
      'quiz/no-answer',
      'a question with no answers: expected options, "=" answers, pairs, a numbered list or [[blanks]], received none',
      'add the answers under the heading, e.g. "- (x) Ottawa" and "- ( ) Toronto", or write {type=essay} for a free-text question',
    );
    return null;
  }
  const group = groups[0]!.group;
  if (explicit && !GROUP_TYPES[group].includes(explicit)) {
    const where = attributes.type!.at;
    sink.error(where.line, where.column, 'quiz/type-mismatch', `type=${explicit} does not fit the answers: expected ${TYPE_NAMES[explicit]}, received ${GROUP_NAMES[group]}`, `remove type=${explicit} to infer the type from the answers, or rewrite the answers`);
    return null;
  }
  switch (group) {
    case 'choice':
      return buildChoiceGroup(ctx, attributes);
    case 'equals':
      return buildEquals(ctx, source.items, explicit, caseSensitive);
    case 'pair':
      return buildMatching(ctx, source.items);
    case 'order':
      return buildOrdering(ctx, source.items);
    case 'blanks':
      return buildBlanks(ctx, blanks, caseSensitive);
    case 'model': {
      const modelAnswerHtml = renderBlock(source.model ?? []);
      return { type: 'essay', ...(modelAnswerHtml ? { modelAnswerHtml } : {}) };
    }
  }
}

/** Options: all `( )` or all `[ ]`, and a type that fits the marker. */
function buildChoiceGroup(ctx: Context, attributes: HeadingAttributes): Built | null {
  const { sink, source } = ctx;
  const explicit = attributes.type?.value;
  const firstKind = source.items[0]!.kind as 'radio' | 'checkbox';
  const other = source.items.find((item) => item.kind !== firstKind);
  if (other) {
    sink.error(
      other.at.line,
      other.at.column,
      'quiz/mixed-options',
      `one question mixes "( )" and "[ ]" options: expected all ${firstKind === 'radio' ? '"( )" (one right answer)' : '"[ ]" (several right answers)'}, received "${firstKind === 'radio' ? '[ ]' : '( )'}"`,
      'use "- ( )" / "- (x)" on every option for one right answer, or "- [ ]" / "- [x]" on every option for several',
    );
    return null;
  }
  const type = firstKind === 'radio' ? 'single' : 'multiple';
  if (explicit && explicit !== type) {
    const where = attributes.type!.at;
    sink.error(where.line, where.column, 'quiz/type-mismatch', `type=${explicit} does not fit the answers: expected ${TYPE_NAMES[explicit]}, received ${TYPE_NAMES[type]}`, `remove type=${explicit}; "( )" options make a single-choice question, "[ ]" options a multiple-choice one`);
    return null;
  }
  return buildChoice(ctx, source.items, firstKind);
}

/** Question-level `> label:` feedback as the question's fields, or null after reporting a mistake. */
function readLabels(source: QuestionSource, built: Built | null, sink: DiagnosticSink): Record<string, string> | null {
  const fields: Record<string, string> = {};
  const seen = new Map<LabelName, Pos>();
  let ok = true;
  for (const label of source.labels) {
    const previous = seen.get(label.name);
    if (previous) {
      sink.error(label.at.line, label.at.column, 'quiz/duplicate-feedback', `a second "> ${label.name}:" in one question: the first is on line ${previous.line}`, `merge them into one "> ${label.name}:" (continue it on the next line with "> ...")`);
      ok = false;
      continue;
    }
    seen.set(label.name, label.at);
    const html = renderBlock(label.lines);
    if (!html) {
      sink.error(label.at.line, label.at.column, 'quiz/empty-feedback', `"> ${label.name}:" with no text: expected some text after the colon`, `write e.g. "> ${label.name}: ..." or remove the line`);
      ok = false;
      continue;
    }
    if (built && LABEL_FIELDS[label.name] in built) {
      sink.error(label.at.line, label.at.column, 'quiz/duplicate-feedback', `"> ${label.name}:" repeats the feedback indented under the answer`, 'keep one of them');
      ok = false;
      continue;
    }
    if (!labelApplies(label.name, label.at, built, sink)) {
      ok = false;
      continue;
    }
    fields[LABEL_FIELDS[label.name]] = html;
  }
  return ok ? fields : null;
}

/** `> true:`, `> false:` and `> otherwise:` belong to some question types only. */
function labelApplies(name: LabelName, where: Pos, built: Built | null, sink: DiagnosticSink): boolean {
  if (!(name in TYPE_LABELS) || !built) return true;
  const allowed: readonly QuestionType[] = TYPE_LABELS[name as keyof typeof TYPE_LABELS];
  if (allowed.includes(built.type)) return true;
  sink.error(where.line, where.column, 'quiz/unknown-feedback', `"> ${name}:" does not apply here: expected a ${allowed.join(' or ')} question, received ${built.type}`, `use "> correct:" or "> incorrect:" instead`);
  return false;
}
