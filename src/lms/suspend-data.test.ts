// Suspend data: the learner's progress round-trips through the LMS, and never exceeds the version's
// limit; when it cannot all fit, completion, position and quiz results are what stays.
import { describe, expect, it } from 'vitest';
import { SUMMARY_LEVELS } from '../engine/progress-summary.ts';
import type { Answer, CourseProgress, QuizAttempt } from '../engine/progress-types.ts';
import { decodeProgress, encodeLevel, encodeProgress, SUSPEND_DATA_LIMITS } from './suspend-data.ts';

const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
const WORDS = ['customer', 'journey', 'complaints', 'standards', 'feedback', 'profiles', 'service', 'quality', 'records', 'tips'];

/** A course of `lessons` lessons, every one done, with quiz attempts holding `answered` answers in all. */
function bigProgress(lessons: number, answered: number): CourseProgress {
  const ids = Array.from({ length: lessons }, (_, i) => `${String(i + 1).padStart(3, '0')}-${WORDS[i % 10]}-${WORDS[(i * 7) % 10]}-${i % 13}`);
  const attempts: QuizAttempt[] = [];
  for (let a = 0; a * 25 < answered; a++) {
    const quizId = `quiz-${a % 8}`;
    const results = Array.from({ length: Math.min(25, answered - a * 25) }, (_, q) => ({
      questionId: `${quizId}-question-${WORDS[q % 10]}-${q}`,
      answer: (q % 2 ? { type: 'multiple', optionIds: [`option-${q}-a`, `option-${q}-c`] } : { type: 'short', text: `an answer typed by the learner, number ${q}` }) as Answer,
      score: q % 3 ? 1 : 0,
      max: 1,
    }));
    const score = results.reduce((sum, r) => sum + r.score, 0);
    attempts.push({
      id: `attempt-${a}-${(a * 2654435761) % 1e9}`,
      quizId,
      startedAt: T0 + a * 600_000,
      finishedAt: T0 + a * 600_000 + 300_000,
      questionIds: results.map((r) => r.questionId),
      results,
      score,
      maxScore: results.length,
      percent: Math.round((score / results.length) * 10000) / 100,
      passMark: 80,
      passed: score / results.length >= 0.8,
    });
  }
  const progress: CourseProgress = {
    courseId: 'big-course',
    lessons: Object.fromEntries(ids.map((id, i) => [id, { firstVisit: T0 + i * 1000, lastVisit: T0 + i * 2000, timeSpentMs: 61_000 + i, reachedEnd: T0 + i * 2000, completedAt: T0 + i * 2000 + 17 }])),
    blocks: Object.fromEntries(ids.map((id, i) => [`${id}/question-${i}`, { revealedAt: T0 + i * 3000 }])),
    notes: Object.fromEntries(ids.map((id, i) => [`${id}/reflection/prompt-${i}`, { text: `My own thoughts on ${WORDS[i % 10]}: what I would do differently next time, number ${i}.`, updatedAt: T0 + i * 4000 }])),
    ratings: { [`${ids[2]}/rating`]: { value: 'Good', at: T0 + 5000 } },
    attempts,
    position: { lessonId: ids[Math.floor(lessons * 0.75)]!, at: T0 + 9_000_000 },
    updatedAt: T0 + 9_000_000,
  };
  return progress;
}

const completed = (progress: CourseProgress) => Object.entries(progress.lessons).filter(([, l]) => l.completedAt !== undefined).map(([id]) => id).sort();

describe('suspend data', () => {
  it('round-trips a small course whole, to the second', () => {
    const progress = bigProgress(5, 10);
    const encoded = encodeProgress(progress, SUSPEND_DATA_LIMITS['1.2']);
    expect(encoded.level).toBe('everything');
    expect(encoded.notesLeftOut).toBe(false);
    const back = decodeProgress(encoded.data!, 'big-course')!;
    expect(back.notes).toEqual(progress.notes);
    expect(back.blocks).toEqual(progress.blocks);
    expect(back.ratings).toEqual(progress.ratings);
    expect(back.position).toEqual(progress.position);
    expect(back.attempts).toEqual(progress.attempts.map((a) => ({ ...a, startedAt: a.startedAt, finishedAt: a.finishedAt })));
    const lesson = Object.keys(progress.lessons)[3]!;
    expect(back.lessons[lesson]!.completedAt).toBe(Math.round(progress.lessons[lesson]!.completedAt! / 1000) * 1000);
    expect(back.lessons[lesson]!.timeSpentMs).toBe(61_000);
  });

  it('200 lessons and 500 answered questions: within 4,096 characters for SCORM 1.2, keeping completion, position and every quiz result', () => {
    const progress = bigProgress(200, 500);
    const encoded = encodeProgress(progress, SUSPEND_DATA_LIMITS['1.2']);
    expect(encoded.data).not.toBeNull();
    expect(encoded.data!.length).toBeLessThanOrEqual(4096);
    expect(encoded.notesLeftOut).toBe(true);
    const back = decodeProgress(encoded.data!, 'big-course')!;
    expect(completed(back)).toEqual(completed(progress));
    expect(completed(back)).toHaveLength(200);
    expect(back.position?.lessonId).toBe(progress.position!.lessonId);
    // Quiz results: each quiz's best and latest attempt at least, with score and pass/fail.
    for (const quizId of new Set(progress.attempts.map((a) => a.quizId))) {
      const best = Math.max(...progress.attempts.filter((a) => a.quizId === quizId).map((a) => a.percent));
      expect(back.attempts.filter((a) => a.quizId === quizId).map((a) => a.percent)).toContain(best);
    }
    expect(back.notes).toEqual({});
    console.info(`200 lessons, 500 answers: ${encoded.data!.length} characters in SCORM 1.2 at level "${encoded.level}"`);
  });

  it('200 lessons and 500 answered questions: SCORM 2004 keeps everything, notes included, within 64,000', () => {
    const progress = bigProgress(200, 500);
    const encoded = encodeProgress(progress, SUSPEND_DATA_LIMITS['2004']);
    expect(encoded.data!.length).toBeLessThanOrEqual(64000);
    expect(encoded.level).toBe('everything');
    const back = decodeProgress(encoded.data!, 'big-course')!;
    expect(back.attempts.flatMap((a) => a.results)).toHaveLength(500);
    expect(back.attempts.flatMap((a) => a.results.map((r) => r.answer))).toEqual(progress.attempts.flatMap((a) => a.results.map((r) => r.answer)));
    expect(Object.keys(back.notes)).toHaveLength(200);
    console.info(`200 lessons, 500 answers: ${encoded.data!.length} characters in SCORM 2004, everything kept`);
  });

  it('steps down level by level, each smaller than the last', () => {
    const progress = bigProgress(200, 500);
    const sizes = SUMMARY_LEVELS.map((level) => encodeLevel(progress, level).length);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThan(sizes[i - 1]!);
    expect(encodeProgress(progress, sizes[2]!).level).toBe(SUMMARY_LEVELS[2]);
    expect(encodeProgress(progress, sizes[2]! - 1).level).toBe(SUMMARY_LEVELS[3]);
  });

  it('gives up (writes nothing) rather than exceed the limit', () => {
    expect(encodeProgress(bigProgress(200, 500), 100)).toMatchObject({ data: null, notesLeftOut: true });
  });

  it('reads nothing from foreign, damaged or hostile suspend data', () => {
    const good = encodeProgress(bigProgress(3, 5), 4096).data!;
    expect(decodeProgress('', 'big-course')).toBeNull();
    expect(decodeProgress('{"lesson":3}', 'big-course')).toBeNull();
    expect(decodeProgress(good, 'another-course')).toBeNull();
    expect(decodeProgress(good.slice(0, -8), 'big-course')).toBeNull();
    expect(decodeProgress('cm1:!!!not base64', 'big-course')).toBeNull();
    const hostile = encodeLevel({ ...bigProgress(1, 0), notes: JSON.parse('{"__proto__":{"text":"x","updatedAt":1}}') }, 'everything');
    const back = decodeProgress(hostile, 'big-course')!;
    expect(Object.getPrototypeOf(back.notes)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
  });
});

describe('the seed courses, fully completed', () => {
  it.each(['customer-service', 'external-customers'])('%s: every lesson, note, rating and answer fits SCORM 1.2 with nothing left out', async (courseId) => {
    const { loadContent } = await import('../content/pipeline.ts');
    const compiled = loadContent('content').courses.find((c) => c.manifest.id === courseId)!;
    const course = compiled.manifest;
    const progress: CourseProgress = { courseId: course.id, lessons: {}, blocks: {}, notes: {}, ratings: {}, attempts: [], position: null, updatedAt: T0 };
    for (const [i, lesson] of course.lessons.entries()) {
      const at = T0 + i * 600_000;
      progress.lessons[lesson.id] = { firstVisit: at, lastVisit: at + 300_000, timeSpentMs: 300_000, reachedEnd: at + 290_000, completedAt: at + 290_000 };
      for (const block of lesson.blocks) {
        if (block.kind === 'question' || block.kind === 'example' || block.kind === 'case-study') progress.blocks[`${lesson.id}/${block.id}`] = { revealedAt: at + 1000 };
        if (block.kind === 'challenge') progress.blocks[`${lesson.id}/${block.id}`] = { doneAt: at + 2000, changedAt: at + 2000 };
        if (block.kind === 'rating') progress.ratings[`${lesson.id}/${block.id}`] = { value: block.choices?.[0] ?? 'Good', at: at + 3000 };
        for (const prompt of block.prompts ?? []) {
          progress.notes[`${lesson.id}/${block.id}/${prompt.id}`] = { text: `My answer to "${prompt.text.slice(0, 40)}": a few sentences of my own, written with care.`, updatedAt: at + 4000 };
        }
      }
      progress.position = { lessonId: lesson.id, at };
    }
    for (const quiz of compiled.quizzes.values()) {
      const results = quiz.questions.map((question) => ({ questionId: question.id, answer: { type: 'short', text: 'an answer' } as Answer, score: 1, max: 1 }));
      progress.attempts.push({ id: `attempt-${quiz.id}`, quizId: quiz.id, startedAt: T0, finishedAt: T0 + 900_000, questionIds: results.map((r) => r.questionId), results, score: results.length, maxScore: results.length, percent: 100, passMark: 80, passed: true });
    }
    const encoded = encodeProgress(progress, SUSPEND_DATA_LIMITS['1.2']);
    expect(encoded.level).toBe('everything');
    expect(encoded.data!.length).toBeLessThanOrEqual(4096);
    expect(decodeProgress(encoded.data!, course.id)!.notes).toEqual(progress.notes);
    console.info(`${courseId} fully completed: ${encoded.data!.length} characters of suspend data (${Object.keys(progress.notes).length} notes, ${course.lessons.length} lessons)`);
  }, 60_000);
});
