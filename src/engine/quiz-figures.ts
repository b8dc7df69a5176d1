// Per-quiz figures kept in the course's summary record, so that the course home, its contents and
// completion never read the attempt log (each finished attempt is stored once, apart: see
// src/storage/attempt-log.ts). They are an index over the log: folded in as attempts are added,
// merged between copies by rules that hold whatever either copy has seen, and the count is made
// exact again by storage, which counts the log's keys when it saves (records.ts).
import { getOwn, setOwn, emptyIdMap } from './id-map.ts';
import type { CourseProgress, QuizAttempt, QuizFigures } from './progress-types.ts';

/** The figures of a list of attempts (all of one quiz). */
export function figuresOf(attempts: readonly QuizAttempt[]): QuizFigures | undefined {
  let figures: QuizFigures | undefined;
  for (const attempt of attempts) figures = foldAttempt(figures, attempt);
  return figures;
}

/** `figures` with one more attempt: counted once by the caller, who knows the attempt is new. */
export function foldAttempt(figures: QuizFigures | undefined, attempt: QuizAttempt): QuizFigures {
  const folded = mergeFigures(figures, {
    attempts: 1,
    best: attempt.percent,
    lastPercent: attempt.percent,
    lastAt: attempt.finishedAt,
    passed: attempt.passed,
    ...(attempt.passed ? { firstPassedAt: attempt.finishedAt } : {}),
  });
  return { ...folded, attempts: (figures?.attempts ?? 0) + 1 };
}

/**
 * Two copies' figures: the best and a pass only grow, the last attempt is the later one. Each count
 * is of a subset of the union of both copies' attempts, so the larger is a lower bound of the union;
 * a save counts the log and stores the exact figure.
 */
export function mergeFigures(a: QuizFigures | undefined, b: QuizFigures | undefined): QuizFigures {
  if (!a || !b) return (a ?? b)!;
  const last = b.lastAt > a.lastAt ? b : a;
  const passes = [a.firstPassedAt, b.firstPassedAt].filter((time): time is number => time !== undefined);
  const merged: QuizFigures = {
    attempts: Math.max(a.attempts, b.attempts),
    best: Math.max(a.best, b.best),
    lastPercent: last.lastPercent,
    lastAt: last.lastAt,
    passed: a.passed || b.passed,
  };
  if (passes.length > 0) merged.firstPassedAt = Math.min(...passes);
  return merged;
}

/** Both copies' figures of every quiz (see mergeFigures). */
export function mergeQuizMaps(
  a: Record<string, QuizFigures> | undefined,
  b: Record<string, QuizFigures> | undefined,
): Record<string, QuizFigures> | undefined {
  if (!a || !b) return a ?? b;
  const out = emptyIdMap<QuizFigures>();
  for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) setOwn(out, id, mergeFigures(getOwn(a, id), getOwn(b, id)));
  return out;
}

/**
 * What the learner has done in one quiz: the stored figures, with any attempt held in memory that
 * they may not have seen yet (progress built from attempts alone, an import before its save).
 */
export function quizFigures(progress: CourseProgress, quizId: string): QuizFigures | undefined {
  const stored = progress.quizzes ? getOwn(progress.quizzes, quizId) : undefined;
  const held = figuresOf(progress.attempts.filter((attempt) => attempt.quizId === quizId));
  return stored && held ? mergeFigures(stored, held) : (stored ?? held);
}

/** The figures of every quiz the attempts touch, computed afresh (a migration, a whole log). */
export function figuresByQuiz(attempts: readonly QuizAttempt[]): Record<string, QuizFigures> {
  const out = emptyIdMap<QuizFigures>();
  for (const attempt of attempts) setOwn(out, attempt.quizId, foldAttempt(getOwn(out, attempt.quizId), attempt));
  return out;
}
