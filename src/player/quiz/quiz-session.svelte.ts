// One quiz attempt while the learner takes it: the questions drawn for it, each one's display order,
// the answers so far and which were checked. The engine draws, grades and scores; this keeps state.
import type { DescriptionItem, Question, Quiz } from '../../content/schema/quiz.ts';
import type { Answer, QuizAttempt } from '../../engine/progress-types.ts';
import { emptyAnswer, gradeQuestion, isAnswered, type Grade } from '../../engine/grading.ts';
import { displayOrder, drawQuestions, scoreAttempt } from '../../engine/quiz-attempt.ts';
import { deriveSeed } from '../../engine/random.ts';

/** A random attempt id; getRandomValues works outside secure contexts too (an LMS frame over http). */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One page of the attempt: a question, with the text between questions that leads into it (and,
 * on the last page, any that follows). Text alone is never a step of its own.
 */
export interface QuizStep {
  before: DescriptionItem[];
  question: Question;
  after: DescriptionItem[];
}

function stepsOf(questions: Question[]): QuizStep[] {
  const steps: QuizStep[] = [];
  let pending: DescriptionItem[] = [];
  for (const question of questions) {
    if (question.type === 'description') pending.push(question);
    else {
      steps.push({ before: pending, question, after: [] });
      pending = [];
    }
  }
  const last = steps.at(-1);
  if (last) last.after = pending;
  return steps;
}

export class QuizSession {
  readonly quiz: Quiz;
  readonly id = randomId();
  readonly startedAt: number;
  /** A round over chosen questions ("Retry the ones I missed"): not saved, uses no attempt. */
  readonly practice: boolean;
  readonly questions: Question[];
  /** The pages the learner goes through, one per question. */
  readonly steps: QuizStep[];
  /** Per question id: this attempt's order of options, ordering items or matching answers. */
  readonly orders: Record<string, string[]> = {};
  /** Replaced, never mutated, so the attempt handed to storage holds plain objects, not proxies. */
  answers: Record<string, Answer> = $state.raw({});
  #checked: Record<string, true> = $state.raw({});
  index = $state(0);

  constructor(quiz: Quiz, only?: string[]) {
    this.quiz = quiz;
    this.startedAt = Date.now();
    this.practice = only !== undefined;
    const seed = deriveSeed(0, this.id);
    // A practice round keeps the order the learner met the questions in (missedQuestionIds order).
    this.questions = only ? only.flatMap((id) => quiz.questions.filter((q) => q.id === id)) : drawQuestions(quiz, seed);
    for (const question of this.questions) this.orders[question.id] = displayOrder(quiz, question, seed);
    this.steps = stepsOf(this.questions);
  }

  get step(): QuizStep {
    return this.steps[this.index]!;
  }

  get current(): Question {
    return this.step.question;
  }

  /** Questions without an answer yet (a description needs none). */
  get unanswered(): number {
    return this.questions.filter((q) => !this.hasAnswer(q)).length;
  }

  answer(question: Question): Answer {
    const given = this.answers[question.id];
    if (given) return given;
    // The order an ordering question shows is an answer the learner may check as it is.
    if (question.type === 'ordering') return { type: 'ordering', order: this.orders[question.id] ?? [] };
    return emptyAnswer(question);
  }

  hasAnswer(question: Question): boolean {
    return isAnswered(question, this.answer(question));
  }

  isChecked(question: Question): boolean {
    return this.#checked[question.id] === true;
  }

  /** The grade of a checked question; recomputed, so an essay's later self-assessment counts. */
  grade(question: Question): Grade | undefined {
    return this.isChecked(question) ? gradeQuestion(question, this.answer(question)) : undefined;
  }

  setAnswer(question: Question, answer: Answer): void {
    const current = this.answer(question);
    // A checked answer is locked, except an essay's self-assessment: that is the grading itself.
    const assessing = answer.type === 'essay' && current.type === 'essay' && answer.text === current.text;
    if (this.isChecked(question) && !assessing) return;
    this.answers = { ...this.answers, [question.id]: answer };
  }

  check(question: Question): Grade {
    this.#checked = { ...this.#checked, [question.id]: true };
    return gradeQuestion(question, this.answer(question));
  }

  finish(): QuizAttempt {
    const answers = Object.fromEntries(this.questions.map((question) => [question.id, this.answer(question)]));
    return scoreAttempt(this.quiz, this.questions, answers, { id: this.id, startedAt: this.startedAt, finishedAt: Date.now() });
  }
}
