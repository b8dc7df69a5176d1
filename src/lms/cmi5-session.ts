// cmi5 (xAPI) AU side: placeholder until the cmi5 session lands.
import type { CourseManifest } from '../content/schema/manifest.ts';
import type { LmsNotices } from './lms-notices.svelte.ts';

export async function connectCmi5(_course: CourseManifest, notices: LmsNotices): Promise<void> {
  notices.set('standalone', true);
}
