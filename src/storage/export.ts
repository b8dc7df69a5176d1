// Export of all stored progress as one versioned JSON document, and the validation of a file the
// learner wants to import. An import file is untrusted: it is checked whole before anything is
// merged, and a bad one is refused with a message that says why.
import type { CourseProgress } from '../engine/progress-types.ts';
import { mergeProgress } from '../engine/progress-merge.ts';
import { withIdMaps } from '../engine/progress.ts';
import { readAllAttempts } from './attempt-log.ts';
import { parseJson } from './json.ts';
import { courseIdOfProgressKey } from './keys.ts';
import { canonicalAttempts, restoreProgress } from './restore.ts';
import { isPlainObject } from './salvage.ts';
import { CourseProgressSchema, describeIssues } from './schema.ts';
import type { ProgressStore } from './store.ts';
import { exportStudy, parseStudy, type StudyExport } from './study-export.ts';

export { importStudyTools, type StudyExport } from './study-export.ts';

export const EXPORT_FORMAT = 'coursemark-progress';
export const EXPORT_VERSION = 1;

/** Import limits: far above a real learner's progress, low enough to refuse a hostile file quickly. */
export const IMPORT_LIMITS = {
  /** An export of 10,000 attempts is about 20 MB. */
  bytes: 50 * 1024 * 1024,
  stringLength: 100_000,
  attempts: 100_000,
} as const;

/** The courses' progress, and the study tools beside them (study-export.ts; absent from older files). */
export interface ProgressExport extends StudyExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  courses: Record<string, CourseProgress>;
}

export interface ExportOutcome {
  document: ProgressExport;
  /** Courses or storage that could not be read; the document holds everything else. */
  warnings: string[];
}

function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Everything stored, merged with the progress of courses open right now (`live`), which is all
 * there is when storage is unavailable. Never fails: what cannot be read is named in `warnings`.
 */
export async function exportAll(
  store: ProgressStore,
  now: number,
  live: CourseProgress[] = [],
  local: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): Promise<ExportOutcome> {
  const courses: Record<string, CourseProgress> = {};
  const warnings: string[] = [];
  const keys = await store.keys();
  if (!keys.ok) warnings.push(`Saved progress could not be read (${keys.message}); the export holds this session's progress.`);
  for (const key of keys.ok ? keys.value : []) {
    const courseId = courseIdOfProgressKey(key);
    if (courseId === null) continue;
    const stored = await store.get(key);
    if (!stored.ok) {
      warnings.push(`Progress for "${courseId}" could not be read (${stored.message}).`);
      continue;
    }
    // Damaged parts stay in their quarantine copy; the export carries what restores cleanly.
    const summary = restoreProgress(stored.value, courseId, now).progress;
    const log = await readAllAttempts(store, courseId);
    if (!log.ok) warnings.push(`Quiz attempts for "${courseId}" could not be read (${log.message}).`);
    const logged = log.ok ? log.value.attempts.filter((attempt) => attempt.finishedAt >= (summary.resetAt ?? 0)) : [];
    setOwn(courses, courseId, mergeProgress(summary, { ...summary, attempts: logged }));
  }
  for (const progress of live) {
    const stored = Object.hasOwn(courses, progress.courseId) ? courses[progress.courseId] : undefined;
    setOwn(courses, progress.courseId, stored ? mergeProgress(stored, progress) : progress);
  }
  // Storage that could not be listed was reported above; its review queue is not tried again.
  const study = await exportStudy(keys.ok ? store : null, now, local);
  return {
    document: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), courses, ...study.part },
    warnings: [...warnings, ...study.warnings],
  };
}

export type ImportResult =
  /** `study` is there only when the file holds study tools to import. */
  | { ok: true; courses: Record<string, CourseProgress>; study?: StudyExport }
  | { ok: false; message: string };

function refuse(reason: string): ImportResult {
  return { ok: false, message: `This file can't be imported: ${reason}. Nothing was changed.` };
}

/** Rounded up, so a file just over the limit never reads as exactly the limit. */
function formatSize(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

function byteLength(text: string): number {
  // Cheap bounds first: UTF-8 takes 1 to 3 bytes per UTF-16 unit.
  if (text.length * 3 <= IMPORT_LIMITS.bytes) return text.length;
  if (text.length > IMPORT_LIMITS.bytes) return text.length;
  return new TextEncoder().encode(text).length;
}

function quoteList(ids: string[]): string {
  const shown = ids.slice(0, 5).map((id) => `"${id.length > 60 ? `${id.slice(0, 60)}...` : id}"`);
  return ids.length > 5 ? `${shown.join(', ')} and ${ids.length - 5} more` : shown.join(', ');
}

/** Where a file holds maps keyed by id: courses, a course's lessons, blocks, notes, ratings and quiz figures, a matching answer, study plans, review cards. */
function isIdMapPath(path: readonly string[]): boolean {
  const [first, , third, , fifth, , seventh, eighth] = path;
  if (first === 'studyReminders') return path.length === 1;
  if (first === 'reviewQueue') return path.length === 2 && path[1] === 'cards';
  if (first !== 'courses') return false;
  if (path.length === 1) return true;
  if (path.length === 3) return third === 'lessons' || third === 'blocks' || third === 'notes' || third === 'ratings' || third === 'quizzes';
  return path.length === 8 && third === 'attempts' && fifth === 'results' && seventh === 'answer' && eighth === 'chosen';
}

/** The first `constructor` or `prototype` key found where the file's format has fixed field names. */
function reservedKeyOutsideIdMaps(value: unknown, path: string[]): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const idMap = !Array.isArray(value) && isIdMapPath(path);
  // Recursive: JSON.parse bounded the depth, and a depth error is caught by the caller's guard.
  for (const key of Object.keys(value)) {
    if (!idMap && (key === 'constructor' || key === 'prototype')) return key;
    const found = reservedKeyOutsideIdMaps((value as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return null;
}

/**
 * Validates an import file (its text). Refuses, with a message for the learner, a file that is not
 * JSON, not a Coursemark progress export, of another format version, too large, holding keys that
 * could tamper with objects, oversized texts, too many attempts, wrongly typed fields, progress (or
 * review questions, or study plans) for courses this site does not have, or study tools that are not
 * valid (study-export.ts).
 */
export function parseImport(text: string, knownCourseIds: readonly string[], now = Date.now()): ImportResult {
  const bytes = byteLength(text);
  if (bytes > IMPORT_LIMITS.bytes) {
    return refuse(`it is ${formatSize(bytes)}; a progress file can be at most ${IMPORT_LIMITS.bytes / (1024 * 1024)} MB`);
  }
  if (text.trim() === '') return refuse('it is empty');
  // `__proto__` is no id a course can have (ids are lowercase slugs); `constructor` and `prototype`
  // can be, so they are refused only where no id is expected.
  const parsed = parseJson(text, { maxStringLength: IMPORT_LIMITS.stringLength, forbiddenKeys: new Set(['__proto__']) });
  if (!parsed.ok) return refuse(parsed.message);
  const file = parsed.value;
  const reserved = reservedKeyOutsideIdMaps(file, []);
  if (reserved) return refuse(`it contains the key "${reserved}", which is not allowed`);
  if (!isPlainObject(file) || file.format !== EXPORT_FORMAT) {
    return refuse(`it is not a Coursemark progress export (expected "format": "${EXPORT_FORMAT}")`);
  }
  if (file.version !== EXPORT_VERSION) {
    return typeof file.version === 'number' && file.version > EXPORT_VERSION
      ? refuse(`it was exported by a newer version of Coursemark (format version ${file.version}); update this site and try again`)
      : refuse(`its format version ${JSON.stringify(file.version) ?? '(missing)'} is not one this site reads (expected ${EXPORT_VERSION})`);
  }
  if (!isPlainObject(file.courses)) return refuse('"courses" should be an object of course progress by course id');

  const entries = Object.entries(file.courses);
  let attempts = 0;
  for (const [, course] of entries) {
    if (isPlainObject(course) && Array.isArray(course.attempts)) attempts += course.attempts.length;
  }
  if (attempts > IMPORT_LIMITS.attempts) {
    return refuse(`it holds ${attempts.toLocaleString('en')} quiz attempts; the limit is ${IMPORT_LIMITS.attempts.toLocaleString('en')}`);
  }

  const known = new Set(knownCourseIds);
  const unknown = entries.map(([id]) => id).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return refuse(
      `it holds progress for ${unknown.length === 1 ? 'a course' : 'courses'} this site does not have (${quoteList(unknown)})`,
    );
  }

  const courses: Record<string, CourseProgress> = {};
  for (const [courseId, course] of entries) {
    const result = CourseProgressSchema.safeParse(course);
    if (!result.success) {
      const issues = describeIssues(result.error.issues);
      const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
      return refuse(`the progress for "${courseId}" is not valid: ${issues.slice(0, 3).join('; ')}${more}`);
    }
    const progress = result.data as CourseProgress;
    if (progress.courseId !== courseId) {
      return refuse(`the progress filed under "${courseId}" says it belongs to "${progress.courseId}"`);
    }
    setOwn(courses, courseId, withIdMaps({ ...progress, attempts: canonicalAttempts(progress.attempts) }));
  }
  const study = parseStudy(file, knownCourseIds, now);
  if (!study.ok) return refuse(study.reason);
  return study.value ? { ok: true, courses, study: study.value } : { ok: true, courses };
}
