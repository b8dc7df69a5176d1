/** Which build this is: the static site (with a service worker) or one self-contained HTML file. */
declare const __COURSEMARK_TARGET__: 'site' | 'single-file';

// Modules the coursemark() Vite plugin (src/content/vite-plugin.ts) generates from content/.
declare module 'virtual:coursemark/catalogue' {
  import type { Catalogue } from './content/schema/manifest.ts';
  /**
   * Every course's manifest (titles, outcomes, lessons) with only the blocks that lesson completion
   * waits for (required ones and quizzes), without titles, prompts or choices: the first load.
   */
  export const catalogue: Catalogue;
}

declare module 'virtual:coursemark/details' {
  import type { CourseManifest } from './content/schema/manifest.ts';
  /** One course's full manifest: every block with its title, prompts and choices (My notes). */
  export function loadCourseDetails(courseId: string): Promise<CourseManifest>;
}

declare module 'virtual:coursemark/lessons' {
  import type { Component } from 'svelte';
  /** Loads one lesson's compiled component (its own chunk); rejects for an unknown lesson. */
  export function loadLesson(courseId: string, lessonId: string): Promise<Component>;
}

declare module 'virtual:coursemark/quizzes' {
  import type { Quiz } from './content/schema/quiz.ts';
  /** Loads one quiz's compiled data (its own chunk); rejects for an unknown quiz. */
  export function loadQuiz(courseId: string, quizId: string): Promise<Quiz>;
}
