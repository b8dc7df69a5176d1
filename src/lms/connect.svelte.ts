// The one seam between the player and an LMS, loaded only in LMS packages (src/player/main.ts): it
// starts the session before the player mounts, restores the LMS's copy of the learner's progress, then
// follows the progress state and reports at checkpoints (a lesson done, a quiz submitted) and when the
// page goes. The player itself knows nothing of LMSs.
import { mount, untrack } from 'svelte';
import type { Catalogue, CourseManifest } from '../content/schema/manifest.ts';
import type { CourseProgress } from '../engine/progress-types.ts';
import { getCourseProgress, sharedProgressStore, type CourseProgressState } from '../player/state/course-progress.svelte.ts';
import { learnerStore } from './learner-store.ts';
import { LmsNotices } from './lms-notices.svelte.ts';
import LmsStatus from './LmsStatus.svelte';
import { lmsReport } from './report.ts';
import { ScormSession, type ScormVersion } from './scorm-session.ts';
import { decodeProgress } from './suspend-data.ts';

export type LmsStandard = 'scorm12' | 'scorm2004' | 'cmi5';

/** Stored beside the learner's progress once the LMS has taken a report: the LMS has seen this device's work. */
const ACK_KEY = 'lms-acknowledged';

function showNotices(notices: LmsNotices): void {
  const host = document.createElement('div');
  document.body.prepend(host);
  mount(LmsStatus, { target: host, props: { notices } });
}

/** Opens the course home when the LMS launches the package without a route. */
function openCourse(course: CourseManifest): void {
  if (!location.hash || location.hash === '#' || location.hash === '#/') history.replaceState(null, '', `#/${course.id}`);
}

export async function connectLms(standard: LmsStandard, catalogue: Catalogue): Promise<void> {
  const course = catalogue.courses[0];
  if (!course) return;
  openCourse(course);
  const notices = new LmsNotices();
  showNotices(notices);
  if (standard === 'cmi5') {
    const { connectCmi5 } = await import('./cmi5-session.ts');
    await connectCmi5(course, notices);
    return;
  }
  const session = ScormSession.find(standard === 'scorm12' ? '1.2' : '2004');
  const launch = session?.start() ?? null;
  if (!session || !launch) {
    // Opened outside an LMS (or refused by it): the player works on its own, as it does anywhere.
    notices.set('standalone', true);
    return;
  }
  const store = learnerStore(sharedProgressStore(), launch.learnerId);
  const state = getCourseProgress(course.id, { course, store });
  await state.ready;
  await adoptLmsCopy(state, session, store);
  notices.set('review', session.readOnly);
  follow(state, session, course, notices, async () => void (await store.set(ACK_KEY, Date.now())));
}

/**
 * The LMS's copy wins: it is merged over the device's (completion and attempts only ever grow, and the
 * LMS's position is where the learner resumes). A new attempt in the LMS, after this device's work was
 * once taken by it, starts the device's copy afresh too; work the LMS never took is kept and sent.
 */
async function adoptLmsCopy(state: CourseProgressState, session: ScormSession, store: ReturnType<typeof learnerStore>): Promise<void> {
  const launch = session.launch!;
  const fromLms = decodeProgress(launch.suspendData, state.courseId);
  if (fromLms) {
    session.markReported(fromLms.attempts.map((attempt) => attempt.id));
    const device = state.progress.position;
    if (fromLms.position && device) fromLms.position = { ...fromLms.position, at: Math.max(fromLms.position.at, device.at + 1) };
    state.merge(fromLms);
    return;
  }
  const acknowledged = await store.get(ACK_KEY);
  if (launch.entry === 'ab-initio' && acknowledged.ok && acknowledged.value !== null) await state.reset();
}

const lessonsDone = (progress: CourseProgress): number => Object.values(progress.lessons).filter((lesson) => lesson.completedAt !== undefined).length;

/** Reports at checkpoints and finishes once when the page goes. */
function follow(state: CourseProgressState, session: ScormSession, course: CourseManifest, notices: LmsNotices, acknowledge: () => Promise<void>): void {
  const started = performance.now();
  let acknowledged = false;
  const report = (finish: boolean): void => {
    const progress = state.progress;
    const args = [lmsReport(course, progress), progress, performance.now() - started] as const;
    const outcome = finish ? session.finish(...args) : session.write(...args, true);
    if (session.readOnly) return;
    notices.set('failing', !outcome.ok && !finish);
    notices.set('notesLocal', outcome.notesLeftOut);
    if (outcome.ok && !acknowledged) {
      acknowledged = true;
      void acknowledge();
    }
  };
  // The first report tells the LMS the learner has started (incomplete rather than not attempted).
  report(false);
  let done = lessonsDone(state.progress);
  let attempts = state.progress.attempts.length;
  $effect.root(() => {
    $effect(() => {
      const progress = state.progress;
      untrack(() => {
        const checkpoint = lessonsDone(progress) > done || progress.attempts.length > attempts;
        done = lessonsDone(progress);
        attempts = progress.attempts.length;
        if (checkpoint) report(false);
      });
    });
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden' && !session.finished) report(false);
  });
  window.addEventListener('pagehide', () => report(true));
}
