// The one seam between the player and an LMS, loaded only in LMS packages (src/player/main.ts): it
// starts the session before the player mounts, restores the LMS's copy of the learner's progress, then
// follows the progress state and reports at checkpoints (a lesson done, a quiz submitted) and when the
// page goes. The player itself knows nothing of LMSs.
import { mount } from 'svelte';
import type { Catalogue, CourseManifest } from '../content/schema/manifest.ts';
import { getCourseProgress, sharedProgressStore, type CourseProgressState } from '../player/state/course-progress.svelte.ts';
import { adoptLmsProgress } from './adopt.ts';
import { follow, type Reporter } from './follow.svelte.ts';
import { learnerStore } from './learner-store.ts';
import { LmsNotices } from './lms-notices.svelte.ts';
import LmsStatus from './LmsStatus.svelte';
import { lmsReport } from './report.ts';
import { ScormSession } from './scorm-session.ts';
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
  follow(state, scormReporter(session, course, () => void store.set(ACK_KEY, Date.now())), notices);
}

/**
 * The LMS's copy wins (adopt.ts). A new attempt in the LMS, after this device's work was once taken by
 * it, starts the device's copy afresh too; work the LMS never took is kept and sent.
 */
async function adoptLmsCopy(state: CourseProgressState, session: ScormSession, store: ReturnType<typeof learnerStore>): Promise<void> {
  const launch = session.launch!;
  const fromLms = decodeProgress(launch.suspendData, state.courseId);
  if (fromLms) {
    session.markReported(fromLms.attempts.map((attempt) => attempt.id));
    adoptLmsProgress(state, fromLms);
    return;
  }
  const acknowledged = await store.get(ACK_KEY);
  if (launch.entry === 'ab-initio' && acknowledged.ok && acknowledged.value !== null) await state.reset();
}

/** The SCORM session as a Reporter for follow(). */
function scormReporter(session: ScormSession, course: CourseManifest, acknowledge: () => void): Reporter {
  return {
    get readOnly() {
      return session.readOnly;
    },
    report: (progress, sessionMs) => session.write(lmsReport(course, progress), progress, sessionMs, true),
    finish: (progress, sessionMs) => void session.finish(lmsReport(course, progress), progress, sessionMs),
    acknowledge,
  };
}
