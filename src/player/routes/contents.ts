// The course's contents as the learner reads them: lessons in order, grouped by module, each quiz
// inside the row of the lesson it sits in (one row, not two), with the learner's standing on it.
import type { CourseManifest, LessonEntry, QuizEntry } from '../../content/schema/manifest.ts';
import type { CourseProgress } from '../../engine/progress-types.ts';
import { quizFigures } from '../../engine/quiz-figures.ts';

export type ContentsItem =
  | { kind: 'lesson'; lesson: LessonEntry; number: number; quizzes: QuizEntry[] }
  | { kind: 'quiz'; quiz: QuizEntry };

export interface ContentsGroup {
  /** The module heading; absent for lessons before the first module (or a course without modules). */
  module?: string;
  items: ContentsItem[];
}

/**
 * A lesson with a `module` starts that module unless it is already the current one; a lesson
 * without one stays in the current module, so tutors may name the module on its first lesson only.
 */
export function courseContents(course: CourseManifest): ContentsGroup[] {
  const groups: ContentsGroup[] = [];
  let current: ContentsGroup | undefined;
  course.lessons.forEach((lesson, index) => {
    if (!current || (lesson.module !== undefined && lesson.module !== current.module)) {
      current = lesson.module === undefined ? { items: [] } : { module: lesson.module, items: [] };
      groups.push(current);
    }
    const quizzes = course.quizzes.filter((quiz) => quiz.lessonId === lesson.id);
    current.items.push({ kind: 'lesson', lesson, number: index + 1, quizzes });
  });
  // A quiz whose lesson is gone still deserves a place.
  const lessonIds = new Set(course.lessons.map((lesson) => lesson.id));
  const orphans = course.quizzes.filter((quiz) => !lessonIds.has(quiz.lessonId));
  if (orphans.length > 0) groups.push({ module: 'Quizzes', items: orphans.map((quiz) => ({ kind: 'quiz', quiz })) });
  return groups;
}

export interface QuizSummary {
  attempts: number;
  /** Best percent so far, undefined before the first attempt. */
  best?: number;
  passed: boolean;
}

export function quizSummary(quizId: string, progress: CourseProgress): QuizSummary {
  const figures = quizFigures(progress, quizId);
  if (!figures) return { attempts: 0, passed: false };
  return { attempts: figures.attempts, best: figures.best, passed: figures.passed };
}
