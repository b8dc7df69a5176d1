// Follows a course's progress state and reports to the LMS at checkpoints (a lesson done, a quiz
// submitted), when the page is hidden, and once, finally, when it goes. Shared by SCORM and cmi5:
// each supplies a Reporter that writes in its own standard.
import { untrack } from 'svelte';
import type { CourseProgress } from '../engine/progress-types.ts';
import type { LmsProgress } from './progress-host.ts';
import type { LmsNotices } from './lms-notices.svelte.ts';

export interface ReportOutcome {
  /** The LMS took the report (false: refused, threw or unreachable; the device keeps everything). */
  ok: boolean;
  /** The learner's notes did not fit and stay on the device. */
  notesLeftOut: boolean;
}

export interface Reporter {
  /** Review or browse: nothing is written to the LMS. */
  readonly readOnly: boolean;
  report(progress: CourseProgress, sessionMs: number): ReportOutcome | Promise<ReportOutcome>;
  /** The last report and the end of the session; called once, as the page goes (so it cannot wait). */
  finish(progress: CourseProgress, sessionMs: number): void;
  /** Remembers that the LMS has taken this device's work (see connect.svelte.ts). */
  acknowledge?(): void;
}

const lessonsDone = (progress: CourseProgress): number => Object.values(progress.lessons).filter((lesson) => lesson.completedAt !== undefined).length;

export function follow(state: LmsProgress, reporter: Reporter, notices: LmsNotices): void {
  const started = performance.now();
  let acknowledged = false;
  let finished = false;
  // One report at a time, in order (cmi5's are requests); a report that fails never breaks the chain.
  let queue: Promise<void> = Promise.resolve();
  const report = (): void => {
    queue = queue.then(async () => {
      if (finished) return;
      const outcome = await Promise.resolve(reporter.report(state.progress, performance.now() - started)).catch(() => ({ ok: false, notesLeftOut: false }));
      if (reporter.readOnly) return;
      notices.set('failing', !outcome.ok);
      notices.set('notesLocal', outcome.notesLeftOut);
      if (outcome.ok && !acknowledged) {
        acknowledged = true;
        reporter.acknowledge?.();
      }
    });
  };
  // The first report tells the LMS the learner has started.
  report();
  let done = lessonsDone(state.progress);
  let attempts = state.progress.attempts.length;
  $effect.root(() => {
    $effect(() => {
      const progress = state.progress;
      untrack(() => {
        const checkpoint = lessonsDone(progress) > done || progress.attempts.length > attempts;
        done = lessonsDone(progress);
        attempts = progress.attempts.length;
        if (checkpoint) report();
      });
    });
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') report();
  });
  window.addEventListener('pagehide', () => {
    if (finished) return;
    finished = true;
    try {
      reporter.finish(state.progress, performance.now() - started);
    } catch {
      // The page is going; an LMS that fails now has the last checkpoint's report.
    }
  });
}
