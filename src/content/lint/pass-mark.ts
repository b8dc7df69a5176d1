// A pass mark above the best score the quiz allows fails every learner: when no answer to a
// question earns full marks (a "%50%" weight on the best option), or a draw can pick only such questions.
import type { Question } from '../schema/quiz.ts';
import { quizFencePosition } from './lines.ts';
import type { LintRule } from './types.ts';

/** The largest share of its points a question can earn (see src/engine/grading.ts). */
export function bestShare(q: Question): number {
  const best = (weights: number[]) => Math.min(1, Math.max(0, ...weights));
  switch (q.type) {
    case 'single':
      return best(q.options.map((o) => o.weight));
    case 'multiple':
      return best([q.options.filter((o) => o.weight > 0).reduce((sum, o) => sum + o.weight, 0) + 1e-9]);
    case 'short':
      return best(q.accepted.map((a) => a.weight));
    case 'numeric':
      return best(q.answers.map((a) => a.weight));
    default:
      return 1;
  }
}

/** The best percentage an attempt can score: over all questions, or over the unluckiest draw. */
export function bestPercent(questions: Question[], draw: number | undefined): number {
  const graded = questions.filter((q) => q.type !== 'description').map((q) => ({ points: q.points, earned: q.points * bestShare(q) }));
  const ratio = (g: { points: number; earned: number }) => (g.points === 0 ? 1 : g.earned / g.points);
  const drawn = draw !== undefined && draw < graded.length ? [...graded].sort((a, b) => ratio(a) - ratio(b)).slice(0, draw) : graded;
  const points = drawn.reduce((n, g) => n + g.points, 0);
  if (points === 0) return 0;
  return (drawn.reduce((n, g) => n + g.earned, 0) / points) * 100;
}

export const passMark: LintRule = {
  id: 'quiz/pass-unreachable',
  summary: 'a pass mark higher than the best score the quiz allows',
  check({ lessons }, warn) {
    for (const lesson of lessons) {
      lesson.quizzes.forEach((quiz) => {
        const best = Math.floor(bestPercent(quiz.questions, quiz.settings.draw) * 100 + 1e-6) / 100;
        if (quiz.passMark <= best) return;
        const occurrence = lesson.quizzes.filter((q) => q.id === quiz.id).indexOf(quiz);
        warn({
          file: lesson.display,
          at: quizFencePosition(lesson.body, quiz.id, lesson.entry.id, occurrence),
          message: `the pass mark ${quiz.passMark}% of the quiz "${quiz.id}" cannot be reached: the best possible score is ${best}%`,
          hint: best === 0 ? 'give the questions points and a right answer worth full marks' : `write pass=${Math.floor(best)} on the quiz, or give each question an answer worth full marks (no "%50%" on its best answer)`,
        });
      });
    }
  },
};
