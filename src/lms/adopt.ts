// Relaunch in an LMS: the LMS's copy of the learner's progress wins over the device's.
import type { CourseProgress } from '../engine/progress-types.ts';
import type { LmsProgress } from './progress-host.ts';

/**
 * Merges the LMS's copy over the device's: completion and attempts only ever grow (both are this
 * learner's own work), and the LMS's position is where the learner resumes, however recent the
 * device's. Notes the LMS could not hold stay as the device has them.
 */
export function adoptLmsProgress(state: LmsProgress, fromLms: CourseProgress): void {
  const device = state.progress.position;
  const position = fromLms.position && device ? { ...fromLms.position, at: Math.max(fromLms.position.at, device.at + 1) } : fromLms.position;
  state.merge({ ...fromLms, position });
}
