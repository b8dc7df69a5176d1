// One attempt before any grading: which questions it shows and in what order (stable for the
// attempt's seed, so a reload shows the same attempt), and what is left to try. Apart from
// quiz-attempt.ts (scoring) so that the quiz can open and show its questions without the graders.
import type { Question, Quiz } from '../content/schema/quiz.ts';
import type { QuizAttempt } from './progress-types.ts';
import { deriveSeed, mulberry32, shuffle } from './random.ts';

/**
 * The questions of one attempt: draw `settings.draw` of them (pool) and shuffle if asked, stable
 * for a seed. Description items are kept in place and never drawn away: they keep their positions
 * among the question slots, and the drawn questions fill the slots in order (with fewer questions
 * drawn, descriptions that followed the last filled slot come at the end).
 */
export function drawQuestions(quiz: Quiz, seed: number): Question[] {
  const pool = quiz.questions.filter((q) => q.type !== 'description');
  const random = mulberry32(deriveSeed(seed, `${quiz.id}/questions`));
  const draw = quiz.settings.draw;
  let chosen = pool;
  if (draw !== undefined && draw < pool.length) {
    const picked = new Set(shuffle(pool, random).slice(0, draw));
    chosen = pool.filter((q) => picked.has(q));
  }
  if (quiz.settings.shuffleQuestions) chosen = shuffle(chosen, random);

  const shown: Question[] = [];
  let slot = 0;
  for (const question of quiz.questions) {
    if (question.type === 'description') shown.push(question);
    else if (slot < chosen.length) shown.push(chosen[slot++]!);
  }
  return shown;
}

const isIdentity = (order: readonly string[], original: readonly string[]): boolean =>
  order.every((id, i) => id === original[i]);

/**
 * Display order of a question's options / ordering items / matching answers for an attempt, stable
 * for a seed; unshuffled where the settings say so (ordering items are ALWAYS shuffled, never shown
 * in the right order unless only 1 permutation exists; matching answers always shuffled). Returns
 * ids (option ids, ordering item ids) or answer strings (matching); [] for other question types.
 */
export function displayOrder(quiz: Quiz, question: Question, seed: number): string[] {
  const random = mulberry32(deriveSeed(seed, `${quiz.id}/${question.id}`));
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = question.options.map((o) => o.id);
      return quiz.settings.shuffleOptions ? shuffle(ids, random) : ids;
    }
    case 'ordering': {
      const ids = question.items.map((item) => item.id);
      // Items with the same text are still distinct ids, so only a single item has one permutation.
      if (ids.length < 2) return ids;
      let order = shuffle(ids, random);
      // A few redraws keep the order uniform among the wrong ones; rotating is the deterministic last resort.
      for (let tries = 0; tries < 8 && isIdentity(order, ids); tries++) order = shuffle(ids, random);
      return isIdentity(order, ids) ? [...ids.slice(1), ids[0]!] : order;
    }
    case 'matching': {
      const answers = [...new Set([...question.pairs.map((pair) => pair.answer), ...question.distractors])];
      return shuffle(answers, random);
    }
    default:
      return [];
  }
}

/** Attempts the learner may still start on this quiz; null = unlimited. */
export function attemptsLeft(quiz: Quiz, attempts: QuizAttempt[]): number | null {
  if (quiz.settings.attempts === undefined) return null;
  const used = attempts.filter((a) => a.quizId === quiz.id).length;
  return Math.max(0, quiz.settings.attempts - used);
}

/** The attempt that counts: highest percent, then highest score, then the earliest to reach it. */
export function bestAttempt(attempts: QuizAttempt[]): QuizAttempt | undefined {
  let best: QuizAttempt | undefined;
  for (const attempt of attempts) {
    if (
      !best ||
      attempt.percent > best.percent ||
      (attempt.percent === best.percent &&
        (attempt.score > best.score || (attempt.score === best.score && attempt.finishedAt < best.finishedAt)))
    ) {
      best = attempt;
    }
  }
  return best;
}
