// One attempt at a quiz once answered: how it is scored and which questions it missed. Which
// questions it shows and what is left to try are in quiz-plan.ts, re-exported here.
import type { Question, Quiz } from '../content/schema/quiz.ts';
import { emptyAnswer, gradeQuestion, round2 } from './grading.ts';
import type { Answer, QuizAttempt } from './progress-types.ts';

// Which questions an attempt shows and what is left to try need no grading (quiz-plan.ts): they are
// re-exported here for everything that scores.
export { attemptsLeft, bestAttempt, displayOrder, drawQuestions } from './quiz-plan.ts';

/** Score a finished attempt. Questions without an answer count as unanswered. */
export function scoreAttempt(
  quiz: Quiz,
  questions: Question[],
  answers: Record<string, Answer>,
  meta: { id: string; startedAt: number; finishedAt: number },
): QuizAttempt {
  const results = questions.map((question) => {
    const answer = answers[question.id] ?? emptyAnswer(question);
    const grade = gradeQuestion(question, answer);
    return { questionId: question.id, answer, score: grade.score, max: grade.max };
  });
  const score = round2(results.reduce((sum, r) => sum + r.score, 0));
  const maxScore = round2(results.reduce((sum, r) => sum + r.max, 0));
  // A quiz worth nothing (only 0-point questions) cannot be failed.
  const percent = maxScore > 0 ? round2((score / maxScore) * 100) : 100;
  return {
    id: meta.id,
    quizId: quiz.id,
    startedAt: meta.startedAt,
    finishedAt: meta.finishedAt,
    questionIds: questions.map((q) => q.id),
    results,
    score,
    maxScore,
    percent,
    passMark: quiz.passMark,
    passed: percent >= quiz.passMark,
  };
}

/** Ids of questions not answered fully right in an attempt ("Retry the ones I missed"), in the order shown. */
export function missedQuestionIds(attempt: QuizAttempt): string[] {
  return attempt.results.filter((r) => r.max > 0 && r.score < r.max).map((r) => r.questionId);
}
