// From a parsed route to the page to show: finds the course, lesson or quiz in the catalogue, and
// turns any id that is not there into a "not found" page that still knows which course it was in.
// A course known by its card but not loaded yet is a page of its own: the course is on its way.
import type { Component } from 'svelte';
import type { CardCatalogue } from '../../content/schema/course-pack.ts';
import type { CourseManifest, LessonEntry, QuizEntry } from '../../content/schema/manifest.ts';
import type { Quiz } from '../../content/schema/quiz.ts';
import type { Route } from '../state/router.svelte.ts';

/**
 * What the build provides (the `virtual:coursemark/*` modules, wired in main.ts). The shell takes it
 * as a value, so the loaders stay out of the first load and tests can hand in their own.
 */
export interface ContentSource {
  /** A card per course: the first load carries nothing per lesson. */
  catalogue: CardCatalogue;
  /**
   * One course's manifest, trimmed to what completion needs (no prompts or block titles); its own
   * chunk, loaded with the course's home. Rejects for an unknown course or a failed download. A
   * source that has the course at hand (a test, say) may return it as it is.
   */
  loadCourse(courseId: string): CourseManifest | Promise<CourseManifest>;
  /** One course's full manifest, with every block's title and prompts (My notes). */
  loadCourseDetails(courseId: string): Promise<CourseManifest>;
  /** Loads one lesson's compiled component; rejects for an unknown lesson or a failed download. */
  loadLesson(courseId: string, lessonId: string): Promise<Component>;
  /** Loads one quiz's data; rejects likewise. */
  loadQuiz(courseId: string, quizId: string): Promise<Quiz>;
}

export type Page =
  | { kind: 'catalogue' }
  | { kind: 'settings' }
  | { kind: 'review' }
  | { kind: 'loading-course'; courseId: string }
  | { kind: 'course'; course: CourseManifest }
  | { kind: 'notes'; course: CourseManifest }
  | { kind: 'progress'; course: CourseManifest }
  | { kind: 'certificate'; course: CourseManifest }
  | { kind: 'search'; course: CourseManifest }
  | { kind: 'plan'; course: CourseManifest }
  | { kind: 'lesson'; course: CourseManifest; lesson: LessonEntry }
  | { kind: 'quiz'; course: CourseManifest; quiz: QuizEntry; results: boolean; only?: string[] }
  | { kind: 'not-found'; course?: CourseManifest; missing: 'course' | 'lesson' | 'quiz' | 'page' };

/**
 * `loaded` gives a course's manifest once it has been loaded; until then a page inside a course the
 * catalogue lists is `loading-course`.
 */
export function resolvePage(route: Route, catalogue: CardCatalogue, loaded: (courseId: string) => CourseManifest | undefined): Page {
  switch (route.name) {
    case 'catalogue':
    case 'settings':
    case 'review':
      return { kind: route.name };
    case 'not-found':
      return { kind: 'not-found', missing: 'page' };
  }
  if (!catalogue.courses.some((entry) => entry.id === route.courseId)) return { kind: 'not-found', missing: 'course' };
  const course = loaded(route.courseId);
  if (!course) return { kind: 'loading-course', courseId: route.courseId };
  switch (route.name) {
    case 'course':
      return { kind: 'course', course };
    case 'notes':
      return { kind: 'notes', course };
    case 'progress':
    case 'certificate':
    case 'search':
    case 'plan':
      return { kind: route.name, course };
    case 'lesson': {
      const lesson = course.lessons.find((entry) => entry.id === route.lessonId);
      return lesson ? { kind: 'lesson', course, lesson } : { kind: 'not-found', course, missing: 'lesson' };
    }
    case 'quiz':
    case 'quiz-results': {
      const quiz = course.quizzes.find((entry) => entry.id === route.quizId);
      if (!quiz) return { kind: 'not-found', course, missing: 'quiz' };
      const page: Page = { kind: 'quiz', course, quiz, results: route.name === 'quiz-results' };
      if (route.name === 'quiz' && route.only) page.only = route.only;
      return page;
    }
  }
}

/** The course a page belongs to, if any. */
export function pageCourse(page: Page): CourseManifest | undefined {
  return 'course' in page ? page.course : undefined;
}
