// The learner's study tools beyond the course itself (spaced review, the certificate, search):
// each is its own lazily loaded chunk, and the shell reaches them all through this one table, so a
// new tool adds a line here rather than code to the first load.
import type { Component } from 'svelte';
import type { CourseManifest } from '../../content/schema/manifest.ts';
import type { ProgressApi } from '../../engine/progress-api.ts';
import type { ContentSource, Page } from './resolve.ts';

/** What every study page gets from the shell. */
export interface StudyPageProps {
  page: Page;
  courses: CourseManifest[];
  progressOf: (courseId: string) => ProgressApi;
  content: ContentSource;
}

type Loader = () => Promise<{ default: Component<StudyPageProps> }>;

/** Every page kind the shell does not render itself: TypeScript insists each has a loader. */
type StudyPageKind = Exclude<Page['kind'], 'catalogue' | 'settings' | 'course' | 'notes' | 'progress' | 'lesson' | 'quiz' | 'not-found'>;

export const STUDY_PAGES: Record<StudyPageKind, Loader> = {
  review: () => import('./ReviewPage.svelte'),
  certificate: () => import('./CertificatePage.svelte'),
  search: () => import('./SearchPage.svelte'),
};
