// SCORM 1.2 and 2004 in the player: start the session, restore the LMS's copy of the learner's
// progress, and report at checkpoints through follow(). Loaded by connect.svelte.ts in SCORM packages.
import type { CourseManifest } from '../content/schema/manifest.ts';
import { adoptLmsProgress } from './adopt.ts';
import { follow, type Reporter } from './follow.svelte.ts';
import { ACKNOWLEDGED_KEY, learnerStore } from './learner-store.ts';
import type { LmsNotices } from './lms-notices.svelte.ts';
import type { LmsProgress, ProgressHost } from './progress-host.ts';
import { lmsReport } from './report.ts';
import { ScormSession, type ScormVersion } from './scorm-session.ts';
import { decodeProgress } from './suspend-data.ts';

export async function connectScorm(version: ScormVersion, course: CourseManifest, notices: LmsNotices, host: ProgressHost): Promise<void> {
  const session = ScormSession.find(version);
  const launch = session?.start() ?? null;
  if (!session || !launch) {
    // Opened outside an LMS (or refused by it): the player works on its own, as it does anywhere.
    notices.set('standalone', true);
    return;
  }
  const store = learnerStore(host.store, launch.learnerId);
  const state = host.open(course, store);
  await state.ready;
  await adoptLmsCopy(state, session, store);
  notices.set('review', session.readOnly);
  follow(state, scormReporter(session, course, () => void store.set(ACKNOWLEDGED_KEY, Date.now())), notices);
}

/**
 * The LMS's copy wins (adopt.ts). A new attempt in the LMS, after this device's work was once taken by
 * it, starts the device's copy afresh too; work the LMS never took is kept and sent.
 */
async function adoptLmsCopy(state: LmsProgress, session: ScormSession, store: ReturnType<typeof learnerStore>): Promise<void> {
  const launch = session.launch!;
  const fromLms = decodeProgress(launch.suspendData, state.courseId);
  if (fromLms) {
    session.markReported(fromLms.attempts.map((attempt) => attempt.id));
    adoptLmsProgress(state, fromLms);
    return;
  }
  const acknowledged = await store.get(ACKNOWLEDGED_KEY);
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
