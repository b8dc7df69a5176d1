// A synchronous safety copy for the last moment of a page. IndexedDB writes are asynchronous, and a
// reload or a closed tab can end the page between a learner's change and its write. On pagehide the
// state writes the pending progress here with localStorage (synchronous, so it completes); the next
// load merges it in and, once IndexedDB holds it, removes it. Attempts are left out: they are
// written the moment they are made, and they are the bulk of a record.
import type { CourseProgress } from '../engine/progress-types.ts';
import { journalKey } from './keys.ts';
import { restore } from './records.ts';
import { toRecord } from './record-check.ts';
import { localStore } from './local-storage.ts';

/** Writes the safety copy; false when localStorage is unavailable or full (nothing else to do then). */
export function writeJournal(progress: CourseProgress): boolean {
  const local = localStore();
  if (!local) return false;
  try {
    local.setItem(journalKey(progress.courseId), JSON.stringify(toRecord({ ...progress, attempts: [] })));
    return true;
  } catch {
    return false;
  }
}

/** The safety copy, validated like any stored record; null when there is none or it is not JSON. */
export async function readJournal(courseId: string, now: number): Promise<CourseProgress | null> {
  const local = localStore();
  let text: string | null = null;
  try {
    text = local?.getItem(journalKey(courseId)) ?? null;
  } catch {
    return null;
  }
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  // Validated and salvaged field by field like a stored record: a damaged copy gives what it can.
  const restored = await restore(parsed, courseId, now);
  return restored.progress.courseId === courseId ? restored.progress : null;
}

export function clearJournal(courseId: string): void {
  try {
    localStore()?.removeItem(journalKey(courseId));
  } catch {
    // Nothing to clear where storage is blocked.
  }
}
