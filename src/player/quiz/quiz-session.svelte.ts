// One quiz attempt while the learner takes it: the questions drawn for it, each one's display order,
// the answers so far, which were checked and, when timed, its deadline. The engine draws, grades and
// scores; this keeps state, and turns it into a draft (storage/quiz-draft.ts) and back, so an
// attempt survives a reload. Grading is loaded on demand (quiz-code.svelte.ts): the player awaits
// it before `check` and `finish`.
import type { DescriptionItem, Question, Quiz } from '../../content/schema/quiz.ts';
import type { Answer, QuizAttempt } from '../../engine/progress-types.ts';
import type { Grade } from '../../engine/grading.ts';
import { emptyAnswer, isAnswered } from '../../engine/answers.ts';
import { displayOrder, drawQuestions } from '../../engine/quiz-plan.ts';
import { deriveSeed } from '../../engine/random.ts';
import { DRAFT_VERSION, type QuizDraft } from '../../storage/quiz-draft.ts';
import { grading } from './quiz-code.svelte.ts';

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

function graders() {
  if (!grading.value) throw new Error('the quiz grading is not loaded yet: await grading.load() first');
  return grading.value;
}

export class QuizSession {
  readonly quiz: Quiz;
  readonly id: string;
  readonly startedAt: number;
  /** When a timed, counted attempt ends (wall-clock ms, so a reload keeps it); null otherwise. */
  readonly deadline: number | null;
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
  /** Submitted: nothing more is saved of it as a draft. */
  done = false;

  /** A new attempt, or (with `draft`, checked by readDraft against this quiz) the one it saved. */
  constructor(quiz: Quiz, only?: string[], draft?: QuizDraft) {
    this.quiz = quiz;
    this.practice = only !== undefined;
    if (draft) {
      this.id = draft.attemptId;
      this.startedAt = draft.startedAt;
      this.deadline = draft.deadline;
      this.questions = draft.questionIds.flatMap((id) => quiz.questions.filter((q) => q.id === id));
      for (const question of this.questions) this.orders[question.id] = draft.orders[question.id] ?? [];
      this.answers = { ...draft.answers };
      this.#checked = Object.fromEntries(draft.checked.map((id) => [id, true as const]));
      this.index = draft.index;
    } else {
      this.id = randomId();
      this.startedAt = Date.now();
      const limit = quiz.settings.timeLimit;
      this.deadline = limit && !this.practice ? this.startedAt + limit * 60_000 : null;
      const seed = deriveSeed(0, this.id);
      // A practice round keeps the order the learner met the questions in (missedQuestionIds order).
      this.questions = only ? only.flatMap((id) => quiz.questions.filter((q) => q.id === id)) : drawQuestions(quiz, seed);
      for (const question of this.questions) this.orders[question.id] = displayOrder(quiz, question, seed);
    }
    this.steps = stepsOf(this.questions);
  }

  /** What storage keeps of the attempt so far (reads every piece of state, so an effect tracks them). */
  toDraft(courseId: string): QuizDraft {
    return {
      version: DRAFT_VERSION,
      courseId,
      quizId: this.quiz.id,
      attemptId: this.id,
      startedAt: this.startedAt,
      savedAt: Date.now(),
      deadline: this.deadline,
      questionIds: this.questions.map((q) => q.id),
      orders: this.orders,
      answers: this.answers,
      checked: Object.keys(this.#checked),
      index: this.index,
    };
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

  /**
   * The grade of a checked question; recomputed, so an essay's later self-assessment counts. Undefined
   * until the grading is here (a resumed attempt with checked answers shows their marks when it is).
   */
  grade(question: Question): Grade | undefined {
    const graders = grading.value;
    return graders && this.isChecked(question) ? graders.gradeQuestion(question, this.answer(question)) : undefined;
  }

  setAnswer(question: Question, answer: Answer): void {
    const current = this.answer(question);
    // A checked answer is locked, except an essay's self-assessment: that is the grading itself.
    const assessing = answer.type === 'essay' && current.type === 'essay' && answer.text === current.text;
    if (this.isChecked(question) && !assessing) return;
    this.answers = { ...this.answers, [question.id]: answer };
  }

  /** Locks and grades the answer; the grading must be loaded (`await grading.load()`). */
  check(question: Question): Grade {
    this.#checked = { ...this.#checked, [question.id]: true };
    return graders().gradeQuestion(question, this.answer(question));
  }

  /** The scored attempt, finished now or at `finishedAt` (a deadline passed); needs the grading loaded. */
  finish(finishedAt = Date.now()): QuizAttempt {
    const answers = Object.fromEntries(this.questions.map((question) => [question.id, this.answer(question)]));
    return graders().scoreAttempt(this.quiz, this.questions, answers, { id: this.id, startedAt: this.startedAt, finishedAt });
  }
}
