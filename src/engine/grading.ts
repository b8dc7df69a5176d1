// Grades one learner answer against one compiled question. Pure and DOM-free: it ships to the
// browser, so it imports types only (no zod at runtime).
//
// Grading rules (docs/authoring.md copies this list):
// - Every question is scored as a fraction f of its points (0 ≤ f ≤ 1); score = f × points, rounded
//   to 2 decimals. An unanswered question scores 0.
// - Single choice: the chosen option's weight (1 for the right option, 0 otherwise; GIFT may give
//   partial weights). A negative weight counts as 0.
// - Multiple choice: the sum of the chosen options' weights, clamped to [0, 1]. By default each of
//   the k correct options is worth +1/k and each wrong option −1/k, so ticking everything earns 0.
// - True/false: all or nothing.
// - Short answer: the learner's text and every accepted answer are trimmed and their inner
//   whitespace collapsed to one space; the comparison ignores case unless the question says
//   `case=sensitive`. A `*` in an accepted answer matches any text (GIFT wildcard; `\*` is a
//   literal star). The best weight among the matching accepted answers counts.
// - Numeric: the learner's text is read as a number: "1822", " 3.14 ", "1822.0", "-2", and a
//   decimal comma "3,14" are accepted; thousands separators are not ("1,822" reads as 1.822). The
//   best weight among the answers whose [min, max] contains the number counts (bounds are
//   compared with a relative slack of 1e-9 so that 3.1415 ± 0.0005 accepts 3.141).
// - Fill in the blanks: each blank is an equal share. A text blank compares like a short answer
//   (with the blank's case rule and alternatives); a drop-down blank compares exactly.
// - Matching: each pair is an equal share; the chosen answer must equal the pair's answer exactly.
// - Ordering: each item in its correct absolute position is an equal share (all-or-nothing would
//   give nothing for one swapped pair).
// - Essay: 'ungraded' until the learner assesses themselves against the model answer; then "got
//   it" = full points, "partly" = half, "missed" = 0.
// - Description: worth nothing (max 0), always 'ungraded'.
// Verdict: 'unanswered' when nothing was answered; otherwise 'correct' when score = max > 0,
// 'partial' when 0 < score < max, 'incorrect' when the score is 0. (A 0-point question takes its
// verdict from the fraction, so a right answer to it is still 'correct'.)
// Feedback, in order: the chosen option's / matching answer's feedback, then the question's correct
// or incorrect feedback, then its explanation (the explanation alone when unanswered).
// Answers name options, pairs, blanks and items by stable ids (src/content/quiz/answer-ids.ts);
// answers stored before those ids existed name them by position, and resolveAnswer reads both.
import type {
  BlanksQuestion,
  ChoiceOption,
  EssayQuestion,
  MatchingQuestion,
  MultipleChoiceQuestion,
  NumericQuestion,
  OrderingQuestion,
  Question,
  ShortAnswerQuestion,
  SingleChoiceQuestion,
  TrueFalseQuestion,
} from '../content/schema/quiz.ts';
import type { Answer } from './progress-types.ts';

export type Verdict = 'correct' | 'partial' | 'incorrect' | 'unanswered' | 'ungraded';

export interface Grade {
  score: number;
  max: number;
  verdict: Verdict;
  /** option/answer feedback first, then correct/incorrect feedback, then explanation */
  feedbackHtml: string[];
}

type AnswerOf<T extends Answer['type']> = Extract<Answer, { type: T }>;

/** What one type's grader found: the fraction of the points earned and answer-specific feedback. */
interface Marking {
  fraction: number;
  feedbackHtml: string[];
}

export function round2(value: number): number {
  const rounded = Math.round((value + Math.sign(value) * Number.EPSILON) * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Clamps a fraction to [0, 1], snapping values within float error of either end: six options worth
 * 1/6 each add up to 0.9999999999999999, which must still be full marks (and 'correct').
 */
const clamp01 = (value: number): number => {
  if (value >= 1 - 1e-9) return 1;
  if (value <= 1e-9) return 0;
  return value;
};

/** The answer as the UI starts it: nothing chosen, nothing typed. */
export function emptyAnswer(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return { type: 'single', optionId: null };
    case 'multiple':
      return { type: 'multiple', optionIds: [] };
    case 'truefalse':
      return { type: 'truefalse', value: null };
    case 'short':
      return { type: 'short', text: '' };
    case 'numeric':
      return { type: 'numeric', text: '' };
    case 'blanks':
      return { type: 'blanks', values: question.blanks.map(() => ''), blankIds: question.blanks.map((blank) => blank.id) };
    case 'matching':
      return { type: 'matching', chosen: {} };
    case 'ordering':
      // Empty: the engine does not know the order an attempt shows. The player starts from that
      // order (quiz-session.svelte.ts), so the shown order can be checked as it is.
      return { type: 'ordering', order: [] };
    case 'essay':
      return { type: 'essay', text: '' };
    case 'description':
      return { type: 'description' };
  }
}

function answerAs<T extends Answer['type']>(answer: Answer, type: T): AnswerOf<T> | null {
  return answer.type === type ? (answer as AnswerOf<T>) : null;
}

/** Whether the learner gave anything to grade. A description has nothing to answer, so it counts as answered. */
export function isAnswered(question: Question, answer: Answer): boolean {
  if (question.type === 'description') return true;
  if (answer.type !== question.type) return false;
  switch (answer.type) {
    case 'single':
      return answer.optionId !== null;
    case 'multiple':
      return answer.optionIds.length > 0;
    case 'truefalse':
      return answer.value !== null;
    case 'short':
    case 'numeric':
      return answer.text.trim() !== '';
    case 'blanks':
      return answer.values.some((value) => value.trim() !== '');
    case 'matching':
      return Object.values(answer.chosen).some((value) => value !== '');
    case 'ordering':
      return answer.order.length > 0;
    case 'essay':
      return answer.text.trim() !== '' || answer.assessment !== undefined;
  }
}

/** 'a' → 0, 'z' → 25, 'aa' → 26: the positions older builds used as ids (their letterId). */
function letterIndex(id: string): number {
  let index = 0;
  for (const char of id) index = index * 26 + (char.charCodeAt(0) - 96);
  return index - 1;
}

/** A current id as it is; an id of one or two letters that matches none is an old position. */
function resolveId(parts: readonly { id: string }[], id: string): string {
  if (!/^[a-z]{1,2}$/.test(id) || parts.some((part) => part.id === id)) return id;
  return parts[letterIndex(id)]?.id ?? id;
}

/**
 * The answer with every part it names given by the question's current ids, and a blanks answer's
 * values lined up with the question's blanks. Stable ids make an answer survive edits to the
 * question; this also reads the positional ids ("a", "b", ... in source order; blanks by index) of
 * attempts stored before them, which derived and explicit ids never look like.
 */
export function resolveAnswer(question: Question, answer: Answer): Answer {
  if (answer.type === 'single' && question.type === 'single' && answer.optionId !== null) {
    return { ...answer, optionId: resolveId(question.options, answer.optionId) };
  }
  if (answer.type === 'multiple' && question.type === 'multiple') {
    return { ...answer, optionIds: answer.optionIds.map((id) => resolveId(question.options, id)) };
  }
  if (answer.type === 'matching' && question.type === 'matching') {
    return { ...answer, chosen: Object.fromEntries(Object.entries(answer.chosen).map(([id, value]) => [resolveId(question.pairs, id), value])) };
  }
  if (answer.type === 'ordering' && question.type === 'ordering') {
    return { ...answer, order: answer.order.map((id) => resolveId(question.items, id)) };
  }
  if (answer.type === 'blanks' && question.type === 'blanks') {
    const at = (id: string, i: number) => (answer.blankIds ? answer.blankIds.indexOf(id) : i);
    const values = question.blanks.map((blank, i) => answer.values[at(blank.id, i)] ?? '');
    return { type: 'blanks', values, blankIds: question.blanks.map((blank) => blank.id) };
  }
  return answer;
}

export function gradeQuestion(question: Question, given: Answer): Grade {
  const answer = resolveAnswer(question, given);
  const max = question.type === 'description' ? 0 : round2(question.points);
  if (question.type === 'description') return { score: 0, max: 0, verdict: 'ungraded', feedbackHtml: [] };
  const explanation = question.explanationHtml ? [question.explanationHtml] : [];
  if (!isAnswered(question, answer)) return { score: 0, max, verdict: 'unanswered', feedbackHtml: explanation };

  if (question.type === 'essay') {
    const essay = answerAs(answer, 'essay')!;
    if (essay.assessment === undefined) return { score: 0, max, verdict: 'ungraded', feedbackHtml: explanation };
  }

  const marking = mark(question, answer);
  const fraction = clamp01(marking.fraction);
  const score = Math.min(max, round2(fraction * question.points));
  const verdict: Verdict =
    max > 0
      ? score >= max
        ? 'correct'
        : score > 0
          ? 'partial'
          : 'incorrect'
      : fraction >= 1
        ? 'correct'
        : fraction > 0
          ? 'partial'
          : 'incorrect';
  const overall = verdict === 'correct' ? question.correctFeedbackHtml : question.incorrectFeedbackHtml;
  return {
    score,
    max,
    verdict,
    feedbackHtml: [...marking.feedbackHtml, ...(overall ? [overall] : []), ...explanation],
  };
}

function mark(question: Exclude<Question, { type: 'description' }>, answer: Answer): Marking {
  switch (question.type) {
    case 'single':
      return markSingle(question, answerAs(answer, 'single')!);
    case 'multiple':
      return markMultiple(question, answerAs(answer, 'multiple')!);
    case 'truefalse':
      return markTrueFalse(question, answerAs(answer, 'truefalse')!);
    case 'short':
      return markShort(question, answerAs(answer, 'short')!);
    case 'numeric':
      return markNumeric(question, answerAs(answer, 'numeric')!);
    case 'blanks':
      return markBlanks(question, answerAs(answer, 'blanks')!);
    case 'matching':
      return markMatching(question, answerAs(answer, 'matching')!);
    case 'ordering':
      return markOrdering(question, answerAs(answer, 'ordering')!);
    case 'essay':
      return markEssay(question, answerAs(answer, 'essay')!);
  }
}

const feedbackOf = (item: { feedbackHtml?: string | undefined } | undefined): string[] =>
  item?.feedbackHtml ? [item.feedbackHtml] : [];

function markSingle(question: SingleChoiceQuestion, answer: AnswerOf<'single'>): Marking {
  const option = question.options.find((o) => o.id === answer.optionId);
  return { fraction: Math.max(0, option?.weight ?? 0), feedbackHtml: feedbackOf(option) };
}

function markMultiple(question: MultipleChoiceQuestion, answer: AnswerOf<'multiple'>): Marking {
  const chosen = new Set(answer.optionIds);
  const picked: ChoiceOption[] = question.options.filter((o) => chosen.has(o.id));
  const sum = picked.reduce((total, o) => total + o.weight, 0);
  return { fraction: clamp01(sum), feedbackHtml: picked.flatMap(feedbackOf) };
}

function markTrueFalse(question: TrueFalseQuestion, answer: AnswerOf<'truefalse'>): Marking {
  const feedback = answer.value ? question.trueFeedbackHtml : question.falseFeedbackHtml;
  return { fraction: answer.value === question.answer ? 1 : 0, feedbackHtml: feedback ? [feedback] : [] };
}

/** Trim, collapse inner whitespace, and fold case unless told otherwise. */
export function normaliseText(text: string, caseSensitive: boolean): string {
  const collapsed = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  return caseSensitive ? collapsed : collapsed.toLowerCase();
}

/** Whether a learner's text matches an accepted answer; `*` is a wildcard, `\*` a literal star. */
export function matchesAccepted(learner: string, accepted: string, caseSensitive: boolean): boolean {
  const given = normaliseText(learner, caseSensitive);
  const wanted = normaliseText(accepted, caseSensitive);
  if (!wanted.includes('*')) return given === wanted;
  const pattern = wanted
    .split(/(\\\*|\*)/)
    .map((part) => (part === '*' ? '.*' : part === '\\*' ? '\\*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`, 's').test(given);
}

function markShort(question: ShortAnswerQuestion, answer: AnswerOf<'short'>): Marking {
  let best: ShortAnswerQuestion['accepted'][number] | undefined;
  for (const accepted of question.accepted) {
    if (!matchesAccepted(answer.text, accepted.text, question.caseSensitive)) continue;
    if (!best || accepted.weight > best.weight) best = accepted;
  }
  if (!best) return { fraction: 0, feedbackHtml: question.otherwiseFeedbackHtml ? [question.otherwiseFeedbackHtml] : [] };
  return { fraction: best.weight, feedbackHtml: feedbackOf(best) };
}

/** Reads a learner's number: "3.14", " 3,14 ", "-2", "1e3", "−5"; null when it is not one number. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/^\u2212/, '-');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

const slack = (bound: number): number => 1e-9 * Math.max(1, Math.abs(bound));

function markNumeric(question: NumericQuestion, answer: AnswerOf<'numeric'>): Marking {
  const value = parseNumber(answer.text);
  let best: NumericQuestion['answers'][number] | undefined;
  if (value !== null) {
    for (const candidate of question.answers) {
      const inside = value >= candidate.min - slack(candidate.min) && value <= candidate.max + slack(candidate.max);
      if (inside && (!best || candidate.weight > best.weight)) best = candidate;
    }
  }
  if (!best) return { fraction: 0, feedbackHtml: question.otherwiseFeedbackHtml ? [question.otherwiseFeedbackHtml] : [] };
  return { fraction: best.weight, feedbackHtml: feedbackOf(best) };
}

function markBlanks(question: BlanksQuestion, answer: AnswerOf<'blanks'>): Marking {
  const right = question.blanks.filter((blank, i) => {
    const value = answer.values[i] ?? '';
    if (blank.choices) return blank.accepted.includes(value);
    return value.trim() !== '' && blank.accepted.some((accepted) => matchesAccepted(value, accepted, blank.caseSensitive));
  }).length;
  return { fraction: right / question.blanks.length, feedbackHtml: [] };
}

function markMatching(question: MatchingQuestion, answer: AnswerOf<'matching'>): Marking {
  const right = question.pairs.filter((pair) => answer.chosen[pair.id] === pair.answer).length;
  return { fraction: right / question.pairs.length, feedbackHtml: [] };
}

function markOrdering(question: OrderingQuestion, answer: AnswerOf<'ordering'>): Marking {
  const right = question.items.filter((item, i) => answer.order[i] === item.id).length;
  return { fraction: right / question.items.length, feedbackHtml: [] };
}

function markEssay(_question: EssayQuestion, answer: AnswerOf<'essay'>): Marking {
  const fraction = answer.assessment === 'got' ? 1 : answer.assessment === 'partly' ? 0.5 : 0;
  return { fraction, feedbackHtml: [] };
}

/** The full-marks answer (for review "the right answer" and for tests). */
export function correctAnswer(question: Question): Answer {
  switch (question.type) {
    case 'single': {
      const best = question.options.reduce((a, b) => (b.weight > a.weight ? b : a));
      return { type: 'single', optionId: best.id };
    }
    case 'multiple':
      return { type: 'multiple', optionIds: question.options.filter((o) => o.weight > 0).map((o) => o.id) };
    case 'truefalse':
      return { type: 'truefalse', value: question.answer };
    case 'short': {
      const best = question.accepted.reduce((a, b) => (b.weight > a.weight ? b : a));
      return { type: 'short', text: best.text };
    }
    case 'numeric': {
      const best = question.answers.reduce((a, b) => (b.weight > a.weight ? b : a));
      const inside = best.value >= best.min && best.value <= best.max;
      return { type: 'numeric', text: String(inside ? best.value : (best.min + best.max) / 2) };
    }
    case 'blanks':
      return { type: 'blanks', values: question.blanks.map((blank) => blank.accepted[0]!), blankIds: question.blanks.map((blank) => blank.id) };
    case 'matching':
      return { type: 'matching', chosen: Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.answer])) };
    case 'ordering':
      return { type: 'ordering', order: question.items.map((item) => item.id) };
    case 'essay':
      return { type: 'essay', text: question.modelAnswerHtml ? htmlToText(question.modelAnswerHtml) : '', assessment: 'got' };
    case 'description':
      return { type: 'description' };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Plain text of a small piece of sanitised HTML (for review lists, exports, screen-reader labels). */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<\/(p|li|h\d|blockquote|tr)>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Canada: Ottawa"; a left side that ends in its own punctuation keeps it alone: "Who buys? The customer". */
export const pairText = (left: string, right: string): string => `${/[:?!.…]$/.test(left) ? left : `${left}:`} ${right}`;

/** Plain-text rendering of an answer for review lists and exports ("Ottawa, Rome"); "" when unanswered. */
export function describeAnswer(question: Question, given: Answer): string {
  const answer = resolveAnswer(question, given);
  if (question.type === 'description' || !isAnswered(question, answer)) return '';
  switch (answer.type) {
    case 'single':
    case 'multiple': {
      if (question.type !== 'single' && question.type !== 'multiple') return '';
      const ids = answer.type === 'single' ? [answer.optionId] : answer.optionIds;
      return question.options
        .filter((o) => ids.includes(o.id))
        .map((o) => htmlToText(o.html))
        .join(', ');
    }
    case 'truefalse':
      return answer.value ? 'True' : 'False';
    case 'short':
    case 'numeric':
      return answer.text.trim();
    case 'blanks':
      return answer.values.map((value) => value.trim() || '…').join(', ');
    case 'matching': {
      if (question.type !== 'matching') return '';
      return question.pairs
        .filter((pair) => answer.chosen[pair.id])
        .map((pair) => pairText(htmlToText(pair.promptHtml), answer.chosen[pair.id]!))
        .join('; ');
    }
    case 'ordering': {
      if (question.type !== 'ordering') return '';
      const byId = new Map(question.items.map((item) => [item.id, htmlToText(item.html)]));
      return answer.order.map((id) => byId.get(id) ?? id).join(', ');
    }
    case 'essay':
      return answer.text.trim();
    case 'description':
      return '';
  }
}
