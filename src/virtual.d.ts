/** Which build this is: the static site (with a service worker) or one self-contained HTML file. */
declare const __COURSEMARK_TARGET__: 'site' | 'single-file';

// Modules the coursemark() Vite plugin (src/content/vite-plugin.ts) generates from content/.
declare module 'virtual:coursemark/catalogue' {
  import type { Catalogue } from './content/schema/manifest.ts';
  /** Every course's manifest (titles, outcomes, lessons, block ids): no lesson bodies. */
  export const catalogue: Catalogue;
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
