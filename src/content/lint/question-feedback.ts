// A learner who gets a question wrong should learn why. A question with no explanation, no
// correct/incorrect feedback and no feedback on any answer only says "incorrect".
import type { Question } from '../schema/quiz.ts';
import { positionOf } from './lines.ts';
import type { LintRule } from './types.ts';

function hasFeedback(q: Question): boolean {
  if (q.explanationHtml || q.correctFeedbackHtml || q.incorrectFeedbackHtml) return true;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.options.some((o) => o.feedbackHtml);
    case 'truefalse':
      return Boolean(q.trueFeedbackHtml || q.falseFeedbackHtml);
    case 'short':
      return Boolean(q.otherwiseFeedbackHtml) || q.accepted.some((a) => a.feedbackHtml);
    case 'numeric':
      return Boolean(q.otherwiseFeedbackHtml) || q.answers.some((a) => a.feedbackHtml);
    case 'essay':
      return Boolean(q.modelAnswerHtml);
    case 'description':
      return true;
    default:
      return false;
  }
}

export const questionFeedback: LintRule = {
  id: 'quiz/no-feedback',
  summary: 'a question with no explanation, no correct/incorrect feedback and no feedback on its answers',
  check({ lessons }, warn) {
    for (const lesson of lessons) {
      for (const quiz of lesson.quizzes) {
        for (const question of quiz.questions) {
          if (hasFeedback(question)) continue;
          const where = positionOf(question.source);
          warn({
            file: where?.file ?? lesson.display,
            at: where ?? { line: 1, column: 1 },
            message: `the question "${question.id}" gives no feedback: a learner who gets it wrong is not told why`,
            hint: 'add "> explanation: ..." under its answers, or feedback indented under an answer ("  > ...")',
          });
        }
      }
    }
  },
};
