// What the LMS adapter needs of the learner's progress, handed in by the player (src/player/main.ts):
// the adapter depends on this interface and on storage, never on the player's state modules.
import type { CourseManifest } from '../content/schema/manifest.ts';
import type { CourseProgress } from '../engine/progress-types.ts';
import type { ProgressStore } from '../storage/store.ts';

/** One course's live progress, as the adapter follows and restores it. */
export interface LmsProgress {
  readonly courseId: string;
  /** Reactive: follow.svelte.ts reports when it changes. */
  readonly progress: CourseProgress;
  readonly ready: Promise<void>;
  /** Merges the LMS's copy in; nothing is replaced. */
  merge(progress: CourseProgress): void;
  /** Starts the course again (a new attempt in the LMS). */
  reset(): Promise<{ ok: boolean; message: string }>;
}

export interface ProgressHost {
  /** The player's store; the adapter keeps each learner's copy under their own keys in it. */
  readonly store: ProgressStore;
  /** The course's progress, kept in `store`. */
  open(course: CourseManifest, store: ProgressStore): LmsProgress;
}
