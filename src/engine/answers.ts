// What an answer is before it is graded: empty as the UI starts it, or answered enough to check.
// Apart from grading.ts so that showing a question does not load the graders (the quiz code budget).
import type { Question } from '../content/schema/quiz.ts';
import type { Answer } from './progress-types.ts';

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
