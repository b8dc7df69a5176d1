// Modules the coursemark() Vite plugin (src/content/vite/plugin.ts) generates from content/.
// Types are referenced with import('...') inline: an import statement inside `declare module` would
// silently turn them into `any`.

/** Which build this is: the static site (with a service worker), one self-contained HTML file, or an LMS package. */
declare const __COURSEMARK_TARGET__: 'site' | 'single-file' | 'lms';

/** Which LMS standard the player speaks (LMS packages only; 'none' elsewhere). */
declare const __COURSEMARK_LMS__: 'none' | 'scorm12' | 'scorm2004' | 'cmi5';

declare module 'virtual:coursemark/catalogue' {
  /**
   * Every course's manifest (titles, outcomes, lessons) with only the blocks that lesson completion
   * waits for (required ones and quizzes), without titles, prompts or choices: the first load.
   */
  export const catalogue: import('./content/schema/manifest.ts').Catalogue;
}

declare module 'virtual:coursemark/details' {
  /** One course's full manifest: every block with its title, prompts and choices (My notes). */
  export function loadCourseDetails(courseId: string): Promise<import('./content/schema/manifest.ts').CourseManifest>;
}

declare module 'virtual:coursemark/lessons' {
  /** Loads one lesson's compiled component (its own chunk); rejects for an unknown lesson. */
  export function loadLesson(courseId: string, lessonId: string): Promise<import('svelte').Component>;
}

declare module 'virtual:coursemark/quizzes' {
  /** Loads one quiz's compiled data (its own chunk); rejects for an unknown quiz. */
  export function loadQuiz(courseId: string, quizId: string): Promise<import('./content/schema/quiz.ts').Quiz>;
}

declare module 'virtual:coursemark/search' {
  /** One course's full-text index (MiniSearch JSON, its own chunk); see src/content/search-index.ts. */
  export function loadSearchIndex(courseId: string): Promise<string>;
}
