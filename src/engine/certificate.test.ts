import { describe, expect, it } from 'vitest';
import type { CourseManifest } from '../content/schema/manifest.ts';
import { canonicalName, certificateFacts, certificateText, fnv1a64, verificationCode, type CertificateFacts } from './certificate.ts';
import { emptyProgress } from './progress.ts';
import type { CourseProgress, QuizAttempt } from './progress-types.ts';

const course: CourseManifest = {
  id: 'external-customers',
  title: 'External customers',
  description: '',
  language: 'en-GB',
  estimatedMinutes: 60,
  outcomes: [],
  passMark: 80,
  version: '1.2.0',
  lessons: [
    { id: 'one', title: 'One', minutes: 5, blocks: [] },
    { id: 'two', title: 'Two', minutes: 5, blocks: [] },
  ],
  quizzes: [{ id: 'final', title: 'Final', lessonId: 'two', questionCount: 10, passMark: 80 }],
};

const day = (d: number, h = 12) => new Date(2026, 10, d, h).getTime();

const attempt = (finishedAt: number, percent: number): QuizAttempt => ({
  id: `a${finishedAt}`,
  quizId: 'final',
  startedAt: finishedAt - 1,
  finishedAt,
  questionIds: [],
  results: [],
  score: percent,
  maxScore: 100,
  percent,
  passMark: 80,
  passed: percent >= 80,
});

function progress(attempts: QuizAttempt[], lessonsDone = 2): CourseProgress {
  const record = emptyProgress('external-customers', day(1));
  const ids = ['one', 'two'].slice(0, lessonsDone);
  return {
    ...record,
    lessons: Object.fromEntries(ids.map((id, i) => [id, { firstVisit: day(1), lastVisit: day(2 + i), reachedEnd: day(2 + i), completedAt: day(2 + i), timeSpentMs: 1 }])),
    attempts,
  };
}

const FACTS: CertificateFacts = { courseId: 'external-customers', courseVersion: '1.2.0', completedAt: day(20), score: 90 };

describe('certificate facts', () => {
  it('are there only when every lesson is done and the quiz passed', () => {
    expect(certificateFacts(course, progress([attempt(day(5), 50)]))).toBeNull();
    expect(certificateFacts(course, progress([attempt(day(5), 90)], 1))).toBeNull();
    expect(certificateFacts({ ...course, quizzes: [] }, progress([]))).toBeNull();
  });

  it('date the completion by the last lesson or the first pass, whichever came later, and score the best attempt', () => {
    const facts = certificateFacts(course, progress([attempt(day(5), 60), attempt(day(6), 85), attempt(day(9), 95)]));
    expect(facts).toEqual({ courseId: 'external-customers', courseVersion: '1.2.0', completedAt: day(6), score: 95 });
    expect(certificateFacts(course, progress([attempt(day(2, 9), 100)]))?.completedAt).toBe(day(3));
  });
});

describe('the verification code', () => {
  it('hashes with FNV-1a 64 (the published test vectors)', () => {
    expect(fnv1a64('')).toBe(0xcbf29ce484222325n);
    expect(fnv1a64('a')).toBe(0xaf63dc4c8601ec8cn);
    expect(fnv1a64('foobar')).toBe(0x85944171f73967e8n);
  });

  it('is computed from the documented text: course id, version, local day, score and name', () => {
    expect(certificateText(FACTS, '  Ana   María ')).toBe('coursemark-certificate-1\nexternal-customers\n1.2.0\n2026-11-20\n90\nAna María');
    // The top 50 bits of the hash, 5 bits per character, in Crockford base 32.
    const bits = fnv1a64(certificateText(FACTS, 'Ana María')) >> 14n;
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const expected = Array.from({ length: 10 }, (_, i) => alphabet[Number((bits >> BigInt(5 * (9 - i))) & 31n)]).join('');
    expect(verificationCode(FACTS, 'Ana María')).toBe(`${expected.slice(0, 5)}-${expected.slice(5)}`);
    expect(verificationCode(FACTS, 'Ana María')).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it('stays the same for the same record and changes with any one fact', () => {
    const code = verificationCode(FACTS, 'Ana María');
    // The same name typed with a decomposed accent or extra spaces is the same name.
    expect(verificationCode(FACTS, ' Ana  Mari\u0301a')).toBe(code);
    expect(canonicalName(' Ana  Mari\u0301a')).toBe('Ana María');
    const changed = [
      verificationCode({ ...FACTS, courseId: 'customer-service' }, 'Ana María'),
      verificationCode({ ...FACTS, courseVersion: '1.2.1' }, 'Ana María'),
      verificationCode({ ...FACTS, completedAt: day(21) }, 'Ana María'),
      verificationCode({ ...FACTS, score: 90.5 }, 'Ana María'),
      verificationCode(FACTS, 'Ana Maria'),
    ];
    expect(new Set([code, ...changed]).size).toBe(6);
  });
});
