// The attempts the progress page charts, read from the attempt log newest first, a page at a time,
// and only as many as the page shows: what a learner with 10,000 attempts opens costs a page, not
// the history. The count comes from the store's key count, not from reading the attempts.
import type { QuizAttempt } from '../../engine/progress-types.ts';
import { readAttemptPage } from '../../storage/attempt-log.ts';
import { attemptKey, quizAttemptPrefix } from '../../storage/keys.ts';
import type { ProgressStore } from '../../storage/store.ts';

/** Attempts per read at most (attempt-log.ts reads 1,000 for a whole history; the page shows fewer). */
const SCORE_PAGE = 500;

export interface ScoreHistory {
  /** The latest attempts (at most `keep`), oldest first. */
  attempts: QuizAttempt[];
  /** How many attempts the quiz has in all. */
  total: number;
}

/**
 * A quiz's latest `keep` attempts and its count. `unsaved` are attempts this tab holds that may not
 * be in the log yet (they are counted once, by id).
 */
export async function readScoreHistory(
  store: ProgressStore,
  courseId: string,
  quizId: string,
  keep: number,
  unsaved: readonly QuizAttempt[] = [],
  pageSize = SCORE_PAGE,
): Promise<ScoreHistory> {
  const byId = new Map<string, QuizAttempt>();
  let before: string | undefined;
  // Newest first until the page has what it shows (or the log ends).
  while (byId.size < keep) {
    const page = await readAttemptPage(store, courseId, { quizId, after: before, limit: Math.min(pageSize, keep - byId.size), newestFirst: true });
    if (!page.ok) break;
    for (const attempt of page.value.attempts) if (attempt.quizId === quizId) byId.set(attempt.id, attempt);
    if (page.value.next === null) break;
    before = page.value.next;
  }
  const counted = await store.count(quizAttemptPrefix(courseId, quizId));
  let total = counted.ok ? counted.value : byId.size;
  for (const attempt of unsaved) {
    if (attempt.quizId !== quizId || byId.has(attempt.id)) continue;
    // Held but not among the attempts read: counted unless the log already has it.
    const stored = await store.count(attemptKey(courseId, attempt));
    if (!stored.ok || stored.value === 0) total += 1;
    byId.set(attempt.id, attempt);
  }
  const attempts = [...byId.values()].sort((a, b) => a.finishedAt - b.finishedAt || (a.id < b.id ? -1 : 1)).slice(-keep);
  return { attempts, total };
}
