// The props every question component takes, so the player can hand any of them the same things.
import type { Question } from '../../content/schema/quiz.ts';
import type { Answer } from '../../engine/progress-types.ts';
import type { Grade } from '../../engine/grading.ts';

/** The answer shape that belongs to one question type. */
export type AnswerFor<T extends Question['type']> = Extract<Answer, { type: T }>;

export interface QuestionProps<Q extends Question> {
  question: Q;
  answer: AnswerFor<Q['type']>;
  /** Display order for this attempt: option ids, ordering item ids or matching answers. */
  order: string[];
  /** The answer was checked: inputs are read-only for the rest of the attempt. */
  locked: boolean;
  /** Present once the answer is checked: per-option feedback and right/wrong marks show. */
  grade?: Grade;
  /** The learner changed the answer; the player owns the state and passes the new value back. */
  onchange: (answer: AnswerFor<Q['type']>) => void;
}
