// The one seam between the player and an LMS, loaded only in LMS packages (src/player/main.ts): before
// the player mounts, it opens the course, shows the connection's notices, and starts the standard's
// adapter (scorm-connect.ts or cmi5-session.ts), which restores the LMS's copy of the learner's
// progress and then reports at checkpoints (follow.svelte.ts). The player itself knows nothing of LMSs;
// it hands in its progress through the ProgressHost interface (progress-host.ts).
import { mount } from 'svelte';
import type { Catalogue, CourseManifest } from '../content/schema/manifest.ts';
import { LmsNotices } from './lms-notices.svelte.ts';
import type { ProgressHost } from './progress-host.ts';
import LmsStatus from './LmsStatus.svelte';

function showNotices(notices: LmsNotices): void {
  const host = document.createElement('div');
  document.body.prepend(host);
  mount(LmsStatus, { target: host, props: { notices } });
}

/** Opens the course home when the LMS launches the package without a route. */
function openCourse(course: CourseManifest): void {
  if (!location.hash || location.hash === '#' || location.hash === '#/') history.replaceState(null, '', `#/${course.id}`);
}

export async function connectLms(catalogue: Catalogue, host: ProgressHost): Promise<void> {
  const course = catalogue.courses[0];
  if (!course) return;
  openCourse(course);
  const notices = new LmsNotices();
  showNotices(notices);
  // A build-time constant: each package carries only its own standard's code.
  if (__COURSEMARK_LMS__ === 'cmi5') {
    await (await import('./cmi5-session.ts')).connectCmi5(course, notices, host);
  } else {
    await (await import('./scorm-connect.ts')).connectScorm(__COURSEMARK_LMS__ === 'scorm12' ? '1.2' : '2004', course, notices, host);
  }
}
