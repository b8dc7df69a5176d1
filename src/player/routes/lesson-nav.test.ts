import { describe, expect, it } from 'vitest';
import type { CourseManifest } from '../../content/schema/manifest.ts';
import { emptyProgress } from '../../engine/progress.ts';
import type { CourseProgress, QuizAttempt } from '../../engine/progress-types.ts';
import { lessonNeighbours } from './lesson-nav.ts';

// Two quizzes: one in the middle of the course, one on its last lesson.
const course: CourseManifest = {
  id: 'course',
  title: 'Course',
  description: '',
  language: 'en',
  estimatedMinutes: 30,
  outcomes: [],
  passMark: 80,
  version: '1',
  lessons: [
    { id: 'one', title: 'One', minutes: 10, blocks: [{ id: 'check', kind: 'quiz', required: false }] },
    { id: 'two', title: 'Two', minutes: 10, blocks: [{ id: 'final', kind: 'quiz', required: false }] },
  ],
  quizzes: [
    { id: 'check', title: 'Check-in', lessonId: 'one', questionCount: 2, passMark: 80 },
    { id: 'final', title: 'Final quiz', lessonId: 'two', questionCount: 10, passMark: 80 },
  ],
};

function passed(progress: CourseProgress, quizId: string): CourseProgress {
  const attempt: QuizAttempt = {
    id: `a-${quizId}`, quizId, startedAt: 1, finishedAt: 2, questionIds: [], results: [],
    score: 1, maxScore: 1, percent: 100, passMark: 80, passed: true,
  };
  return { ...progress, attempts: [...progress.attempts, attempt] };
}

describe('lessonNeighbours', () => {
  it('leads from the last lesson to the quiz on that lesson, even while an earlier quiz is not passed', () => {
    const { next } = lessonNeighbours(course, 'two', emptyProgress('course', 0));
    expect(next).toEqual({ route: { name: 'quiz', courseId: 'course', quizId: 'final' }, description: 'Quiz: Final quiz' });
  });

  it('once that quiz is passed, leads to the first quiz not yet passed, then home', () => {
    const finalPassed = passed(emptyProgress('course', 0), 'final');
    expect(lessonNeighbours(course, 'two', finalPassed).next.route).toEqual({ name: 'quiz', courseId: 'course', quizId: 'check' });
    expect(lessonNeighbours(course, 'two', passed(finalPassed, 'check')).next.route).toEqual({ name: 'course', courseId: 'course' });
  });

  it('leads from a middle lesson to the next lesson', () => {
    expect(lessonNeighbours(course, 'one', emptyProgress('course', 0)).next.description).toBe('Lesson 2: Two');
  });
});
