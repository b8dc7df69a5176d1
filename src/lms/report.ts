// What the player tells an LMS about a learner, from the course and the learner's progress: pure, and
// the same for SCORM 1.2, 2004 and cmi5 (each adapter writes it in its own vocabulary).
import type { CourseManifest } from '../content/schema/manifest.ts';
import { courseCompletion } from '../engine/completion.ts';
import type { CourseProgress } from '../engine/progress-types.ts';
import { quizFigures } from '../engine/quiz-figures.ts';

export interface LmsReport {
  /** Every lesson done and every quiz passed (the player's own rule for a finished course). */
  complete: boolean;
  /** Every lesson done. */
  lessonsDone: boolean;
  /** 0..1: lessons and quizzes done out of all. */
  progressMeasure: number;
  /** Only once a quiz has been submitted: the mean of each quiz's best percent, and whether every quiz is passed. */
  score: { percent: number; passed: boolean } | null;
  /** The lesson the learner is on. */
  location: string;
}

export function lmsReport(course: CourseManifest, progress: CourseProgress): LmsReport {
  const completion = courseCompletion(course, progress);
  const quizIds = course.quizzes.map((quiz) => quiz.id);
  const attempted = quizIds.filter((id) => quizFigures(progress, id) !== undefined);
  let score: LmsReport['score'] = null;
  if (attempted.length > 0) {
    const best = quizIds.map((id) => Math.max(0, quizFigures(progress, id)?.best ?? 0));
    const percent = Math.round((best.reduce((sum, value) => sum + value, 0) / quizIds.length) * 100) / 100;
    score = { percent, passed: completion.quizzesPassed === completion.quizzesTotal };
  }
  const total = completion.lessonsTotal + completion.quizzesTotal;
  return {
    complete: completion.complete,
    lessonsDone: completion.lessonsDone === completion.lessonsTotal && completion.lessonsTotal > 0,
    progressMeasure: total === 0 ? 0 : Math.round(((completion.lessonsDone + completion.quizzesPassed) / total) * 100) / 100,
    score,
    location: progress.position?.lessonId ?? '',
  };
}
