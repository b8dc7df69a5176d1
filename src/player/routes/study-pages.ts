// The learner's study tools beyond the course itself (spaced review, the certificate, search):
// each is its own lazily loaded chunk, and the shell reaches them all through loadStudyPage(), so a
// new tool adds a line to study-page-table.ts rather than code to the first load.
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

export type StudyPageLoader = () => Promise<{ default: Component<StudyPageProps> }>;

/** Every page kind the shell does not render itself: TypeScript insists each has a loader. */
export type StudyPageKind = Exclude<Page['kind'], 'catalogue' | 'settings' | 'loading-course' | 'course' | 'notes' | 'progress' | 'lesson' | 'quiz' | 'not-found'>;

/** Loads a study page's component: the table of pages first (one small chunk), then the page. */
export async function loadStudyPage(kind: StudyPageKind): Promise<{ default: Component<StudyPageProps> }> {
  const { STUDY_PAGES } = await import('./study-page-table.ts');
  return STUDY_PAGES[kind]();
}
