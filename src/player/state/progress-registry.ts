// One CourseProgressState per course, shared by every page that shows the course, and the one
// store they share unless a test or an LMS package hands in another.
import { CourseProgressState, type CourseProgressOptions } from './course-progress.svelte.ts';
import { forgetSharedStore, sharedProgressStore } from './shared-store.ts';

export { sharedProgressStore } from './shared-store.ts';

const instances = new Map<string, CourseProgressState>();

/**
 * The one CourseProgressState of a course (created on first use). Options apply when it is
 * created; a `course` given later is attached to the existing state.
 */
export function getCourseProgress(courseId: string, options: CourseProgressOptions = {}): CourseProgressState {
  let state = instances.get(courseId);
  if (!state) {
    state = new CourseProgressState(courseId, { ...options, store: options.store ?? sharedProgressStore() });
    instances.set(courseId, state);
  } else if (options.course) {
    state.setCourse(options.course);
  }
  return state;
}

/** The states of the courses open right now. */
export function openCourseProgress(): CourseProgressState[] {
  return [...instances.values()];
}

/** Saves and forgets every course's state, and the shared store (tests, or a full reset). */
export async function disposeCourseProgress(): Promise<void> {
  const states = [...instances.values()];
  instances.clear();
  forgetSharedStore();
  await Promise.all(states.map((state) => state.dispose()));
}
