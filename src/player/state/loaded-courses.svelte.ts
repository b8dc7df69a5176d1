// The courses the player has loaded so far. The first load knows each course by its card only; a
// course's lesson list is its own chunk, loaded when the learner opens a page in it (or a page that
// needs every course, such as Settings), and kept for the rest of the visit.
import type { CourseManifest } from '../../content/schema/manifest.ts';

export class LoadedCourses {
  /** Courses that arrived after a wait: reading one makes a page follow its arrival. */
  #arrived = $state.raw(new Map<string, CourseManifest>());
  /** Courses a source handed over at once, kept apart so that reading them never writes state. */
  #atHand = new Map<string, CourseManifest>();
  #pending = new Map<string, Promise<CourseManifest>>();
  readonly #load: (courseId: string) => CourseManifest | Promise<CourseManifest>;
  readonly #onload: (course: CourseManifest) => void;

  /** `onload` runs once per course, after it arrives and outside any rendering. */
  constructor(load: (courseId: string) => CourseManifest | Promise<CourseManifest>, onload: (course: CourseManifest) => void = () => {}) {
    this.#load = load;
    this.#onload = onload;
  }

  /** The course's manifest if it is here; a course the source has at hand is taken at once. */
  get(courseId: string): CourseManifest | undefined {
    const known = this.#arrived.get(courseId) ?? this.#atHand.get(courseId);
    if (known || this.#pending.has(courseId)) return known;
    const result = this.#load(courseId);
    if (result instanceof Promise) {
      this.#track(courseId, result);
      return undefined;
    }
    this.#atHand.set(courseId, result);
    queueMicrotask(() => this.#onload(result));
    return result;
  }

  /** Loads a course once; a failed load is not kept, so asking again retries. */
  request(courseId: string): Promise<CourseManifest> {
    const known = this.get(courseId);
    return known ? Promise.resolve(known) : (this.#pending.get(courseId) ?? this.#track(courseId, Promise.resolve(this.#load(courseId))));
  }

  /** Every course of a list, in its order. */
  requestAll(courseIds: readonly string[]): Promise<CourseManifest[]> {
    return Promise.all(courseIds.map((courseId) => this.request(courseId)));
  }

  #track(courseId: string, loading: Promise<CourseManifest>): Promise<CourseManifest> {
    const pending = loading.then(
      (course) => {
        this.#pending.delete(courseId);
        this.#arrived = new Map(this.#arrived).set(courseId, course);
        this.#onload(course);
        return course;
      },
      (error: unknown) => {
        this.#pending.delete(courseId);
        throw error;
      },
    );
    // The page that asked shows the failure (Lazy); nothing else waits on this copy.
    pending.catch(() => {});
    this.#pending.set(courseId, pending);
    return pending;
  }
}
