// The player's entry: global styles, the build's content, the shell mounted over the <noscript>
// fallback, and the service worker. The first load carries a card per course; a course's lesson list
// comes with its home, and its lesson and quiz loaders in idle time after, so the first lesson need
// not wait (each its own small chunk: see src/content/vite/plugin.ts).
import { mount } from 'svelte';
import { catalogue, loadCourse, loadCourseLoaders } from 'virtual:coursemark/catalogue';
import { unpackCourse } from '../content/schema/course-pack.ts';
import type { CourseManifest } from '../content/schema/manifest.ts';
import type { ContentSource } from './routes/resolve.ts';
import './app.css';
import App from './App.svelte';
import { appUpdate } from './state/app-update.svelte.ts';
import type { ProgressStore } from '../storage/store.ts';

const details = () => import('virtual:coursemark/details');
const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1500));

const content: ContentSource = {
  catalogue,
  loadCourse: async (courseId): Promise<CourseManifest> => {
    const course = unpackCourse(await loadCourse(courseId));
    // Only warming the cache: a failure here shows up, with a retry, when a lesson is opened.
    idle(() => loadCourseLoaders(courseId).catch(() => {}));
    return course;
  },
  loadLesson: async (courseId, lessonId) => (await loadCourseLoaders(courseId)).loadLesson(lessonId),
  loadQuiz: async (courseId, quizId) => (await loadCourseLoaders(courseId)).loadQuiz(quizId),
  loadCourseDetails: async (courseId): Promise<CourseManifest> => (await details()).loadCourseDetails(courseId),
};

// LMS packages only (a build-time constant: in every other build this line and the adapter are gone).
// The LMS's copy of the learner's progress is restored before the player shows anything; whatever goes
// wrong with the LMS, the player still opens.
if (__COURSEMARK_LMS__ !== 'none') {
  const { getCourseProgress, sharedProgressStore } = await import('./state/progress-registry.ts');
  const host = { store: sharedProgressStore(), open: (course: CourseManifest, store: ProgressStore) => getCourseProgress(course.id, { course, store }) };
  await Promise.all(catalogue.courses.map((card) => content.loadCourse(card.id)))
    .then((courses) => import('../lms/connect.svelte.ts').then((lms) => lms.connectLms({ courses }, host)))
    .catch(() => {});
}

const target = document.getElementById('app');
if (!target) throw new Error('index.html needs an element with id="app" to mount the player in.');
target.replaceChildren();
mount(App, { target, props: { content } });
appUpdate.register();
