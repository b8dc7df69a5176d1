// Finished quiz attempts, each stored once under its own key (keys.ts: attemptKey) and never
// rewritten: a save writes only the attempts that are new, and a long history is read page by page.
// The course's summary record (records.ts) holds everything else.
import { compareAttempts } from '../engine/progress.ts';
import type { QuizAttempt } from '../engine/progress-types.ts';
import { attemptKey, attemptPrefix, attemptsSinceKey, quizAttemptPrefix } from './keys.ts';
import { isAttempt } from './record-check.ts';
import type { ProgressStore, StoreResult } from './store.ts';

/** Attempts per read: about 2 MB of values, one short task to copy out of IndexedDB. */
export const ATTEMPT_PAGE = 1000;

/** Writes each attempt under its key. Writing one already there writes the same value again. */
export async function writeAttempts(store: ProgressStore, courseId: string, attempts: readonly QuizAttempt[]): Promise<StoreResult<void>> {
  for (const attempt of attempts) {
    const written = await store.set(attemptKey(courseId, attempt), attempt);
    if (!written.ok) return written;
  }
  return { ok: true, value: undefined };
}

export interface AttemptPage {
  attempts: QuizAttempt[];
  /** Pass as `after` for the next page; null when this was the last. */
  next: string | null;
  /** Keys whose values are not attempts (damaged), for the caller to report. */
  damaged: string[];
}

export interface PageOptions {
  /** One quiz's attempts only. */
  quizId?: string;
  /** The key a previous page returned as `next`. */
  after?: string;
  limit?: number;
  /** Newest first (a history page): `next` then continues with older attempts. */
  newestFirst?: boolean;
}

/** One page of a course's (or a quiz's) attempts in key order (quiz, then time), or newest first. */
export async function readAttemptPage(store: ProgressStore, courseId: string, options: PageOptions = {}): Promise<StoreResult<AttemptPage>> {
  const limit = options.limit ?? ATTEMPT_PAGE;
  const prefix = options.quizId === undefined ? attemptPrefix(courseId) : quizAttemptPrefix(courseId, options.quizId);
  const page = await store.range(prefix, options.newestFirst ? { before: options.after, limit, newestFirst: true } : { after: options.after, limit });
  if (!page.ok) return page;
  const attempts: QuizAttempt[] = [];
  const damaged: string[] = [];
  for (const { key, value } of page.value) {
    if (isAttempt(value)) attempts.push(value as QuizAttempt);
    else damaged.push(key);
  }
  const last = page.value[page.value.length - 1];
  return { ok: true, value: { attempts, damaged, next: page.value.length === limit && last ? last.key : null } };
}

/** Every attempt of a course, in canonical order, read a page at a time (each page its own task). */
export async function readAllAttempts(
  store: ProgressStore,
  courseId: string,
): Promise<StoreResult<{ attempts: QuizAttempt[]; damaged: string[] }>> {
  const attempts: QuizAttempt[] = [];
  const damaged: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await readAttemptPage(store, courseId, { after });
    if (!page.ok) return page;
    attempts.push(...page.value.attempts);
    damaged.push(...page.value.damaged);
    if (page.value.next === null) break;
    after = page.value.next;
  }
  return { ok: true, value: { attempts: attempts.sort(compareAttempts), damaged } };
}

/** How many attempts of a quiz the log holds, finished at `since` or later (the last reset). */
export function countAttempts(store: ProgressStore, courseId: string, quizId: string, since: number | undefined): Promise<StoreResult<number>> {
  const prefix = quizAttemptPrefix(courseId, quizId);
  return store.count(prefix, since === undefined ? {} : { after: attemptsSinceKey(courseId, quizId, since) });
}

/** Removes every attempt of a course (the learner started it again). */
export async function removeAttempts(store: ProgressStore, courseId: string): Promise<StoreResult<void>> {
  for (;;) {
    const page = await store.range(attemptPrefix(courseId), { limit: ATTEMPT_PAGE });
    if (!page.ok) return page;
    for (const { key } of page.value) {
      const removed = await store.remove(key);
      if (!removed.ok) return removed;
    }
    if (page.value.length < ATTEMPT_PAGE) return { ok: true, value: undefined };
  }
}
