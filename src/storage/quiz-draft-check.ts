// Whether a stored quiz draft (quiz-draft.ts) can resume the quiz as it is now: a damaged value, or
// a draft of a quiz whose questions changed in a new course version, is discarded rather than
// trusted. Loaded with the attempt's code, only when there is a draft or an attempt.
import type { Question, Quiz } from '../content/schema/quiz.ts';
import type { Answer } from '../engine/progress-types.ts';
import { displayOrder } from '../engine/quiz-plan.ts';
import { clearDraft, DRAFT_VERSION, storedDraft, type QuizDraft } from './quiz-draft.ts';
import { isAnswer } from './record-check.ts';

export type DraftReading =
  | { kind: 'none' }
  | { kind: 'draft'; draft: QuizDraft }
  /** There was a draft and it was removed: `reason` says why, for the learner. */
  | { kind: 'discarded'; reason: 'damaged' | 'changed' };

/** The draft of this quiz, validated against the quiz as it is now; an unusable one is removed. */
export function readDraft(courseId: string, quiz: Quiz): DraftReading {
  const value = storedDraft(courseId, quiz.id);
  if (value === undefined) return { kind: 'none' };
  const problem = draftProblem(value, courseId, quiz);
  if (problem === null) return { kind: 'draft', draft: value as QuizDraft };
  clearDraft(courseId, quiz.id);
  return { kind: 'discarded', reason: problem };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isIdList = (value: unknown): value is string[] => Array.isArray(value) && value.every((id) => typeof id === 'string');
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && new Set(a).size === a.length && b.every((id) => a.includes(id));

/**
 * Why a stored value cannot resume this quiz: 'damaged' (not a draft of this course and quiz),
 * 'changed' (a sound draft that no longer fits the quiz's questions), or null when it fits.
 */
export function draftProblem(value: unknown, courseId: string, quiz: Quiz): 'damaged' | 'changed' | null {
  if (
    !isObject(value) ||
    value.version !== DRAFT_VERSION ||
    value.courseId !== courseId ||
    value.quizId !== quiz.id ||
    typeof value.attemptId !== 'string' ||
    !value.attemptId ||
    !isTime(value.startedAt) ||
    !isTime(value.savedAt) ||
    !(value.deadline === null || isTime(value.deadline)) ||
    !isIdList(value.questionIds) ||
    !isIdList(value.checked) ||
    !isObject(value.orders) ||
    !Object.values(value.orders).every(isIdList) ||
    !isObject(value.answers) ||
    !Object.values(value.answers).every(isAnswer) ||
    !Number.isInteger(value.index)
  ) {
    return 'damaged';
  }
  const draft = value as unknown as QuizDraft;
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  const questions = draft.questionIds.map((id) => byId.get(id));
  if (questions.some((question) => question === undefined) || new Set(draft.questionIds).size !== questions.length) return 'changed';
  const shown = questions as Question[];
  const steps = shown.filter((question) => question.type !== 'description').length;
  if (steps === 0 || draft.index < 0 || draft.index >= steps) return 'changed';
  for (const question of shown) {
    const order = Object.hasOwn(draft.orders, question.id) ? draft.orders[question.id]! : [];
    if (!sameSet(order, displayOrder(quiz, question, 0))) return 'changed';
  }
  for (const [id, answer] of Object.entries(draft.answers)) {
    const question = byId.get(id);
    if (!question || !draft.questionIds.includes(id) || !answerFits(question, answer, draft.orders[id] ?? [])) return 'changed';
  }
  return draft.checked.every((id) => draft.questionIds.includes(id)) ? null : 'changed';
}

/** The answer names only what the question has now (options, pairs, items, blanks). */
function answerFits(question: Question, answer: Answer, order: readonly string[]): boolean {
  if (answer.type !== question.type) return false;
  const has = (parts: readonly { id: string }[], id: string) => parts.some((part) => part.id === id);
  switch (answer.type) {
    case 'single':
      return question.type === 'single' && (answer.optionId === null || has(question.options, answer.optionId));
    case 'multiple':
      return question.type === 'multiple' && answer.optionIds.every((id) => has(question.options, id));
    case 'matching':
      return question.type === 'matching' && Object.entries(answer.chosen).every(([id, chosen]) => has(question.pairs, id) && (chosen === '' || order.includes(chosen)));
    case 'ordering':
      return sameSet(answer.order, order);
    case 'blanks':
      return question.type === 'blanks' && answer.values.length === question.blanks.length;
    default:
      return true;
  }
}
