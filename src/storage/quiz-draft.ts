// A quiz attempt in progress, kept as the learner answers so that a reload, a crash or a closed tab
// resumes it: the questions drawn and their order, each one's option order, the answers, what was
// checked, the question on screen and, for a timed quiz, the deadline as wall-clock time (a reload
// must not restart the clock). It lives in localStorage under draftKey(): a write is synchronous, so
// the one made on pagehide completes before the page goes, and the quiz can open straight on the
// question. A draft is a few KB. Reading validates it against the quiz as it is now; anything that
// does not fit (damaged, or a quiz whose questions changed in a new course version) is discarded.
// Validation is apart (quiz-draft-check.ts), loaded only when there is a draft to resume.
import type { Answer } from '../engine/progress-types.ts';
import { draftKey } from './keys.ts';
import { localStore } from './local-storage.ts';

export const DRAFT_VERSION = 1;

export interface QuizDraft {
  version: typeof DRAFT_VERSION;
  courseId: string;
  quizId: string;
  /** The attempt's id: the finished attempt keeps it. */
  attemptId: string;
  startedAt: number;
  savedAt: number;
  /** When a timed attempt ends (epoch ms); null without a time limit. */
  deadline: number | null;
  /** The questions of the attempt in the order shown, text between questions included. */
  questionIds: string[];
  /** Per question id: the order its options, items or matching answers are shown in. */
  orders: Record<string, string[]>;
  answers: Record<string, Answer>;
  /** Questions whose answer was checked (locked). */
  checked: string[];
  /** The step on screen (0 = the first question). */
  index: number;
}

/** Writes the draft; false where localStorage is blocked or full (the attempt goes on in memory). */
export function writeDraft(draft: QuizDraft): boolean {
  try {
    const local = localStore();
    local?.setItem(draftKey(draft.courseId, draft.quizId), JSON.stringify(draft));
    return local !== null;
  } catch {
    return false;
  }
}

export function clearDraft(courseId: string, quizId: string): void {
  try {
    localStore()?.removeItem(draftKey(courseId, quizId));
  } catch {
    // Nothing to clear where storage is blocked.
  }
}

/** The stored draft of this quiz as written, parsed; undefined when there is none (or unreadable JSON: null). */
export function storedDraft(courseId: string, quizId: string): unknown {
  let text: string | null | undefined;
  try {
    text = localStore()?.getItem(draftKey(courseId, quizId));
  } catch {
    return undefined;
  }
  if (text === null || text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Whether a timed draft's deadline passed (while the page was closed). */
export const draftExpired = (draft: QuizDraft, now: number): boolean => draft.deadline !== null && now >= draft.deadline;
