// The attempts the progress page charts, read from the attempt log a page at a time (never the whole
// history at once): one quiz's range of keys, keeping only the latest few. The one place the page
// reads attempts, so it can follow the log's newest-first paging when that comes.
import type { QuizAttempt } from '../../engine/progress-types.ts';
import { readAttemptPage } from '../../storage/attempt-log.ts';
import { attemptPrefix } from '../../storage/keys.ts';
import type { ProgressStore } from '../../storage/store.ts';

/** Attempts per read (attempt-log.ts reads 1,000 for a whole history; a page of the dashboard needs fewer). */
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
  const quizPrefix = `${attemptPrefix(courseId)}${encodeURIComponent(quizId)}/`;
  const byId = new Map<string, QuizAttempt>();
  // Every id read (ids only: the attempts themselves are let go as the pages pass).
  const seen = new Set<string>();
  // Keys sort by quiz, then time: starting just before this quiz's range reads only its attempts.
  let after: string | undefined = quizPrefix;
  while (after !== undefined) {
    const page = await readAttemptPage(store, courseId, { after, limit: pageSize });
    if (!page.ok) break;
    const mine = page.value.attempts.filter((attempt) => attempt.quizId === quizId);
    for (const attempt of mine) {
      seen.add(attempt.id);
      byId.set(attempt.id, attempt);
      // Keep only the latest: the log is in time order, so drop the oldest kept.
      if (byId.size > keep) byId.delete(byId.keys().next().value!);
    }
    const { next } = page.value;
    after = next !== null && next.startsWith(quizPrefix) && mine.length === page.value.attempts.length ? next : undefined;
  }
  for (const attempt of unsaved) {
    if (attempt.quizId !== quizId || seen.has(attempt.id)) continue;
    seen.add(attempt.id);
    byId.set(attempt.id, attempt);
  }
  const attempts = [...byId.values()].sort((a, b) => a.finishedAt - b.finishedAt || (a.id < b.id ? -1 : 1)).slice(-keep);
  return { attempts, total: seen.size };
}
