// Modules the coursemark() Vite plugin (src/content/vite/plugin.ts) generates from content/.
// Types are referenced with import('...') inline: an import statement inside `declare module` would
// silently turn them into `any`.

/** Which build this is: the static site (with a service worker), one self-contained HTML file, or an LMS package. */
declare const __COURSEMARK_TARGET__: 'site' | 'single-file' | 'lms';

/** Which LMS standard the player speaks (LMS packages only; 'none' elsewhere). */
declare const __COURSEMARK_LMS__: 'none' | 'scorm12' | 'scorm2004' | 'cmi5';

declare module 'virtual:coursemark/catalogue' {
  /** A card per course (title, description, counts): the first load carries nothing per lesson. */
  export const catalogue: import('./content/schema/course-pack.ts').CardCatalogue;
  /**
   * One course's lessons and quizzes, with only the blocks that lesson completion waits for, packed
   * by columns (its own chunk; see src/content/schema/course-pack.ts); rejects for an unknown course.
   */
  export function loadCourse(courseId: string): Promise<import('./content/schema/course-pack.ts').PackedCourse>;
  /** One course's lesson and quiz loaders (its own chunk); rejects for an unknown course. */
  export function loadCourseLoaders(courseId: string): Promise<{
    /** Loads one lesson's compiled component (its own chunk); rejects for an unknown lesson. */
    loadLesson(lessonId: string): Promise<import('svelte').Component>;
    /** Loads one quiz's compiled data (its own chunk); rejects for an unknown quiz. */
    loadQuiz(quizId: string): Promise<import('./content/schema/quiz.ts').Quiz>;
  }>;
}

declare module 'virtual:coursemark/details' {
  /** One course's full manifest: every block with its title, prompts and choices (My notes). */
  export function loadCourseDetails(courseId: string): Promise<import('./content/schema/manifest.ts').CourseManifest>;
}

declare module 'virtual:coursemark/search' {
  /** One course's full-text index (MiniSearch JSON, its own chunk); see src/content/search-index.ts. */
  export function loadSearchIndex(courseId: string): Promise<string>;
}
