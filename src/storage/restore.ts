// Load = restore: whatever was found under a progress key (current, older, newer or damaged) becomes
// a valid CourseProgress, with every loss reported so the caller can keep the original aside.
import { emptyProgress, withIdMaps } from '../engine/progress.ts';
import { withoutCycles } from './cycles.ts';
import type { CourseProgress, QuizAttempt } from '../engine/progress-types.ts';
import { parseJson } from './json.ts';
import { RECORD_FORMATS, isRecordVersion, migrateToCurrent, type RecordVersion } from './migrations.ts';
import { ProblemLog, isPlainObject, salvage } from './salvage.ts';
import { CURRENT_RECORD_VERSION, type ProgressRecord } from './schema.ts';
import { canonicalAttempts } from './record-check.ts';

export interface Restored {
  progress: CourseProgress;
  /**
   * What could not be read, one line each (capped). Non-empty means the stored value differs from
   * what was restored, and the original must be kept aside before anything overwrites it.
   */
  problems: string[];
  /** The version the record was migrated from, or null when it was current (or absent). */
  migratedFrom: number | null;
}

function restoreFields(
  record: Record<string, unknown>,
  version: RecordVersion,
  courseId: string,
  now: number,
  log: ProblemLog,
): Record<string, unknown> {
  const format = RECORD_FORMATS[version];
  const defaults = format.defaults(courseId, now);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(format.fields, key)) {
      // Unknown fields are kept as found: a newer build wrote them.
      Object.defineProperty(out, key, { value: record[key], enumerable: true, writable: true, configurable: true });
    }
  }
  for (const [field, schema] of Object.entries(format.fields)) {
    if (field === 'version') continue; // already decided by the caller
    const value = record[field];
    const restored = value === undefined ? undefined : salvage(value, schema, field, log);
    out[field] = restored === undefined ? defaults[field] : restored;
  }
  out.version = version;
  return out;
}

function inferVersion(record: Record<string, unknown>): RecordVersion {
  return 'completed' in record || 'reflections' in record || 'savedAt' in record ? 1 : CURRENT_RECORD_VERSION;
}

export { canonicalAttempts } from './record-check.ts';

/**
 * Turns a stored value into CourseProgress: validates it, fills defaults, migrates older versions,
 * salvages a damaged record field by field, and keeps unknown fields.
 */
export function restoreProgress(stored: unknown, courseId: string, now: number): Restored {
  if (stored === null || stored === undefined) {
    return { progress: emptyProgress(courseId, now), problems: [], migratedFrom: null };
  }
  const log = new ProblemLog();
  let raw: unknown = stored;
  if (typeof raw === 'string') {
    // An older or foreign writer may have stored the record as JSON text.
    const parsed = parseJson(raw);
    if (!parsed.ok) {
      return { progress: emptyProgress(courseId, now), problems: [`the record is text, and ${parsed.message}`], migratedFrom: null };
    }
    log.add('the record was stored as text instead of an object');
    raw = parsed.value;
  }
  raw = withoutCycles(raw, log);
  if (!isPlainObject(raw)) {
    const kind = Array.isArray(raw) ? 'a list' : typeof raw;
    return { progress: emptyProgress(courseId, now), problems: [`the record is ${kind}, not an object`], migratedFrom: null };
  }

  let version: RecordVersion;
  if (isRecordVersion(raw.version)) {
    version = raw.version;
  } else {
    version = inferVersion(raw);
    if (typeof raw.version === 'number' && raw.version > CURRENT_RECORD_VERSION) {
      // Written by a newer build: read what this build understands; the original is kept aside.
      log.add(`the record was saved by a newer version of Coursemark (record version ${raw.version})`);
      version = CURRENT_RECORD_VERSION;
    } else {
      const found = raw.version === undefined ? 'nothing' : typeof raw.version === 'string' ? `"${raw.version}"` : String(raw.version);
      log.add(`version: expected a record version, found ${found}`);
    }
  }

  // Field by field even for a record that would parse whole: maps by id must keep every id.
  const fields = restoreFields(raw, version, courseId, now, log);
  const record: ProgressRecord = migrateToCurrent(fields as never, version);

  if (record.courseId !== courseId) {
    log.add(`courseId: the record belongs to "${record.courseId}", expected "${courseId}"`);
    record.courseId = courseId;
  }
  // `version` and `writeId` describe the stored copy, not the learner's progress.
  const { version: _version, writeId: _writeId, ...progress } = record;
  progress.attempts = canonicalAttempts(progress.attempts);
  return {
    progress: withIdMaps(progress),
    problems: log.report(),
    migratedFrom: version < CURRENT_RECORD_VERSION ? version : null,
  };
}
