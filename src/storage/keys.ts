// Every name Coursemark stores or broadcasts under, in one place. The `v1` in a key is the layout of
// the key space; the shape of each record is versioned inside the record (see migrations.ts).

/** The localforage database and its object store (IndexedDB) or key prefix (localStorage). */
export const DATABASE_NAME = 'coursemark';
export const STORE_NAME = 'progress';

const PROGRESS_PREFIX = 'coursemark:v1:progress:';
const QUARANTINE_PREFIX = 'coursemark:quarantine:';

/** Where one course's progress record lives. */
export function progressKey(courseId: string): string {
  return `${PROGRESS_PREFIX}${courseId}`;
}

/** The course id of a progress key, or null for any other key. */
export function courseIdOfProgressKey(key: string): string | null {
  return key.startsWith(PROGRESS_PREFIX) && key.length > PROGRESS_PREFIX.length
    ? key.slice(PROGRESS_PREFIX.length)
    : null;
}

const ATTEMPT_PREFIX = 'coursemark:v1:attempt:';

/** The start of every attempt key of one course. Parts are URI-encoded, so none holds a `/`. */
export function attemptPrefix(courseId: string): string {
  return `${ATTEMPT_PREFIX}${encodeURIComponent(courseId)}/`;
}

/** The start of every attempt key of one quiz of a course. */
export function quizAttemptPrefix(courseId: string, quizId: string): string {
  return `${attemptPrefix(courseId)}${encodeURIComponent(quizId)}/`;
}

const attemptTime = (time: number): string => String(Math.max(0, Math.floor(time))).padStart(15, '0');

/** Every attempt key of the quiz finished at `time` or later sorts after this one. */
export function attemptsSinceKey(courseId: string, quizId: string, time: number): string {
  return `${quizAttemptPrefix(courseId, quizId)}${attemptTime(time)}`;
}

/**
 * Where one finished quiz attempt lives, written once and never rewritten. Keys sort by course,
 * quiz and finishing time (zero-padded epoch ms), so a course's or a quiz's attempts are one range.
 */
export function attemptKey(courseId: string, attempt: { quizId: string; finishedAt: number; id: string }): string {
  return `${quizAttemptPrefix(courseId, attempt.quizId)}${attemptTime(attempt.finishedAt)}/${encodeURIComponent(attempt.id)}`;
}

/**
 * Where a quiz attempt in progress is kept while the learner answers it (quiz-draft.ts), one per
 * course and quiz, removed when the attempt is submitted or abandoned. Parts are URI-encoded.
 */
export function draftKey(courseId: string, quizId: string): string {
  return `coursemark:v1:draft:${encodeURIComponent(courseId)}/${encodeURIComponent(quizId)}`;
}

/** Where an unreadable record is kept aside, never deleted, for support or a later build to recover. */
export function quarantineKey(courseId: string, at: number): string {
  return `${quarantinePrefix(courseId)}${at}`;
}

/** The start of every quarantine key of one course (course ids hold no `:`). */
export function quarantinePrefix(courseId: string): string {
  return `${QUARANTINE_PREFIX}${courseId}:`;
}

export function isQuarantineKey(key: string): boolean {
  return key.startsWith(QUARANTINE_PREFIX);
}

/**
 * The synchronous safety copy written to localStorage when the page is hidden or closed, for the
 * moment between a change and its asynchronous IndexedDB write (see journal.ts).
 */
export function journalKey(courseId: string): string {
  return `coursemark:v1:journal:${courseId}`;
}

/** The learner's display settings (theme, text size), in localStorage: read before the first paint. */
export const SETTINGS_KEY = 'coursemark.settings';

/** A throwaway key written once at start-up to find out whether storage accepts writes. */
export const PROBE_KEY = 'coursemark:probe';

/** The BroadcastChannel on which tabs showing one course tell each other what they saved. */
export function progressChannelName(courseId: string): string {
  return `coursemark:progress:${courseId}`;
}
