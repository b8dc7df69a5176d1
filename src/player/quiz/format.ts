// Words the quiz shows for scores and verdicts, in one place so the player, the live region and the
// results page say the same thing.
import type { Grade } from '../../engine/grading.ts';
import { percent, plural, points } from '../ui/format.ts';

// Numbers and counts are worded by the shell's one formatting module, so a score reads the same everywhere.
export { percent, plural, points };

/** What the learner reads (and hears) after "Check answer" and in the review. */
export function verdictText(grade: Grade): string {
  switch (grade.verdict) {
    case 'correct':
      return 'Correct';
    case 'partial':
      return `Partly right: ${points(grade.score)} of ${points(grade.max)} ${grade.max === 1 ? 'point' : 'points'}`;
    case 'incorrect':
      return 'Not quite';
    case 'unanswered':
      return 'Not answered';
    case 'ungraded':
      return 'Not marked';
  }
}

/** Items listed in the order given by `order` (ids this attempt shuffled); any the order misses go last. */
export function inOrder<T>(items: readonly T[], order: readonly string[], key: (item: T) => string): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...items].sort((a, b) => (rank.get(key(a)) ?? order.length) - (rank.get(key(b)) ?? order.length));
}
