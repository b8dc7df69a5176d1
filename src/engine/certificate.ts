// What a completion certificate says, and its verification code. Pure. The code ties a printed
// certificate to the record it came from: anyone holding the same facts (course id and version,
// completion date, score, name) recomputes the same code, and changing any one of them changes it.
// It is a checksum for honest records, not a signature: it cannot stop a forger who knows the recipe.
import type { CourseManifest } from '../content/schema/manifest.ts';
import { courseCompletion, isLessonComplete } from './completion.ts';
import { round2 } from './grading.ts';
import type { CourseProgress } from './progress-types.ts';
import { quizFigures } from './quiz-figures.ts';

export interface CertificateFacts {
  courseId: string;
  courseVersion: string;
  /** When the course became complete: the last lesson done or the first pass of the last quiz, epoch ms. */
  completedAt: number;
  /** 0..100: the best score of each quiz, averaged over the course's quizzes (one quiz: its best). */
  score: number;
}

/** The facts, or null while the course is not complete with every quiz passed. */
export function certificateFacts(course: CourseManifest, progress: CourseProgress): CertificateFacts | null {
  if (course.quizzes.length === 0 || !courseCompletion(course, progress).complete) return null;
  const times: number[] = [];
  for (const lesson of course.lessons) {
    if (!isLessonComplete(lesson, progress)) return null;
    const entry = progress.lessons[lesson.id];
    times.push(entry?.completedAt ?? entry?.reachedEnd ?? entry?.lastVisit ?? 0);
  }
  const bests: number[] = [];
  for (const quiz of course.quizzes) {
    const figures = quizFigures(progress, quiz.id);
    times.push(figures?.firstPassedAt ?? Infinity);
    bests.push(figures?.best ?? -Infinity);
  }
  const score = round2(bests.reduce((sum, best) => sum + best, 0) / bests.length);
  return { courseId: course.id, courseVersion: course.version, completedAt: Math.max(...times), score };
}

/** The completion date as the code uses it: the learner's local calendar day, YYYY-MM-DD. */
export function dayStamp(epochMs: number): string {
  const day = new Date(epochMs);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** A name as the code reads it: Unicode NFC, outer spaces trimmed, inner runs of spaces made one. */
export function canonicalName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * The text the code is computed from, one field per line:
 * `coursemark-certificate-1`, course id, course version, completion day, score, name.
 */
export function certificateText(facts: CertificateFacts, name: string): string {
  return ['coursemark-certificate-1', facts.courseId, facts.courseVersion, dayStamp(facts.completedAt), String(facts.score), canonicalName(name)].join('\n');
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, over the UTF-8 bytes of `text`. */
export function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash;
}

// Crockford's base 32: no I, L, O or U, so a code read aloud or retyped is not mistaken.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The verification code: the top 50 bits of the hash in base 32, as `XXXXX-XXXXX`. */
export function verificationCode(facts: CertificateFacts, name: string): string {
  let bits = fnv1a64(certificateText(facts, name)) >> 14n;
  let code = '';
  for (let i = 0; i < 10; i++) {
    code = ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
