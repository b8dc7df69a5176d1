// Where a lesson sits and where "Previous" / "Next" lead from it. Apart from contents.ts so that it
// loads with the lesson page, not with the course home.
import type { CourseManifest } from '../../content/schema/manifest.ts';
import type { CourseProgress } from '../../engine/progress-types.ts';
import { isQuizPassed } from '../../engine/completion.ts';
import type { Route } from '../state/router.svelte.ts';
import { courseContents } from './contents.ts';

/** The module a lesson belongs to, by the same rule as the contents. */
export function moduleOf(course: CourseManifest, lessonId: string): string | undefined {
  for (const group of courseContents(course)) {
    if (group.items.some((item) => item.kind === 'lesson' && item.lesson.id === lessonId)) return group.module;
  }
  return undefined;
}

export interface Neighbour {
  route: Route;
  /** What the learner will find there, read out after "Previous" / "Next". */
  description: string;
}

/**
 * Where "Previous" and "Next" go from a lesson. Before the first lesson is the course home; after
 * the last comes the quiz on that lesson (the one the learner just saw) unless it is passed, then
 * the first other quiz not yet passed, or else the course home.
 */
export function lessonNeighbours(
  course: CourseManifest,
  lessonId: string,
  progress: CourseProgress,
): { previous: Neighbour; next: Neighbour } {
  const index = course.lessons.findIndex((lesson) => lesson.id === lessonId);
  const home: Neighbour = { route: { name: 'course', courseId: course.id }, description: 'Course contents' };
  const at = (i: number): Neighbour | undefined => {
    const lesson = course.lessons[i];
    return lesson && { route: { name: 'lesson', courseId: course.id, lessonId: lesson.id }, description: `Lesson ${i + 1}: ${lesson.title}` };
  };
  const open = course.quizzes.filter((entry) => !isQuizPassed(entry.id, progress));
  const quiz = open.find((entry) => entry.lessonId === lessonId) ?? open[0];
  const afterLast: Neighbour = quiz
    ? { route: { name: 'quiz', courseId: course.id, quizId: quiz.id }, description: `Quiz: ${quiz.title}` }
    : home;
  return {
    previous: (index > 0 && at(index - 1)) || home,
    next: (index >= 0 && at(index + 1)) || afterLast,
  };
}
