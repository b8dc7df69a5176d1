// The player's entry: global styles, the build's content, the shell mounted over the <noscript>
// fallback, and the service worker. Lesson, quiz and full-manifest loaders are imported on demand so
// the first load stays small; they are fetched in idle time so the first lesson need not wait.
import { mount } from 'svelte';
import { catalogue } from 'virtual:coursemark/catalogue';
import type { Catalogue, CourseManifest } from '../content/schema/manifest.ts';
import type { Quiz } from '../content/schema/quiz.ts';
import type { ContentSource } from './routes/resolve.ts';
import './app.css';
import App from './App.svelte';
import { appUpdate } from './state/app-update.svelte.ts';
import type { ProgressStore } from '../storage/store.ts';

const lessons = () => import('virtual:coursemark/lessons');
const quizzes = () => import('virtual:coursemark/quizzes');
const details = () => import('virtual:coursemark/details');

const content: ContentSource = {
  catalogue: catalogue as Catalogue,
  loadLesson: async (courseId, lessonId) => (await lessons()).loadLesson(courseId, lessonId),
  loadQuiz: async (courseId, quizId): Promise<Quiz> => (await quizzes()).loadQuiz(courseId, quizId),
  loadCourseDetails: async (courseId): Promise<CourseManifest> => (await details()).loadCourseDetails(courseId),
};

// LMS packages only (a build-time constant: in every other build this line and the adapter are gone).
// The LMS's copy of the learner's progress is restored before the player shows anything; whatever goes
// wrong with the LMS, the player still opens.
if (__COURSEMARK_LMS__ !== 'none') {
  const { getCourseProgress, sharedProgressStore } = await import('./state/progress-registry.ts');
  const host = { store: sharedProgressStore(), open: (course: CourseManifest, store: ProgressStore) => getCourseProgress(course.id, { course, store }) };
  await import('../lms/connect.svelte.ts').then((lms) => lms.connectLms(catalogue as Catalogue, host)).catch(() => {});
}

const target = document.getElementById('app');
if (!target) throw new Error('index.html needs an element with id="app" to mount the player in.');
target.replaceChildren();
mount(App, { target, props: { content } });
appUpdate.register();

const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1500));
idle(() => {
  // Only warming the cache: a failure here shows up, with a retry, when a lesson is opened.
  lessons().catch(() => {});
  quizzes().catch(() => {});
});
