// The learner's progress summary as SCORM suspend_data: JSON, deflated (fflate) and base64-encoded,
// stepped down level by level until it fits the version's limit (4,096 characters in SCORM 1.2,
// 64,000 in 2004). The LMS is lenient about the limit (scorm-again is); we are not.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { progressFromSummary, summariseProgress, SUMMARY_LEVELS, type SummaryLevel } from '../engine/progress-summary.ts';
import type { CourseProgress } from '../engine/progress-types.ts';

/** Marks our format (and its version), so suspend data written by another tool is never misread. */
const PREFIX = 'cm1:';

export const SUSPEND_DATA_LIMITS = { '1.2': 4096, '2004': 64000 } as const;

export interface EncodedProgress {
  /** The suspend data, at most `limit` characters; null when even the smallest summary is too big. */
  data: string | null;
  level: SummaryLevel;
  /** The learner's notes could not be included (they stay on the device). */
  notesLeftOut: boolean;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** One summary level, encoded. */
export function encodeLevel(progress: CourseProgress, level: SummaryLevel): string {
  return PREFIX + toBase64(deflateSync(strToU8(JSON.stringify(summariseProgress(progress, level))), { level: 9 }));
}

/** The most detailed summary that fits in `limit` characters. */
export function encodeProgress(progress: CourseProgress, limit: number): EncodedProgress {
  const hasNotes = Object.keys(progress.notes).length > 0;
  for (const level of SUMMARY_LEVELS) {
    const data = encodeLevel(progress, level);
    if (data.length <= limit) return { data, level, notesLeftOut: hasNotes && level !== 'everything' };
  }
  return { data: null, level: SUMMARY_LEVELS[SUMMARY_LEVELS.length - 1]!, notesLeftOut: hasNotes };
}

/** The progress in suspend data we wrote, or null for empty, foreign or damaged data. */
export function decodeProgress(data: string, courseId: string): CourseProgress | null {
  if (!data.startsWith(PREFIX)) return null;
  try {
    const json = strFromU8(inflateSync(fromBase64(data.slice(PREFIX.length))));
    return progressFromSummary(JSON.parse(json), courseId);
  } catch {
    return null;
  }
}
