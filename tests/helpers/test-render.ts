// Shared set-up for the block tests: render a block (or a sample lesson) inside a stand-in lesson
// page with an in-memory progress, and write children as HTML the way the build hands them over.
import { render } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { createRawSnippet, type Component, type Snippet } from 'svelte';
import type { CourseManifest } from '../../src/content/schema/manifest.ts';
import { TestProgress } from './test-progress.svelte.ts';
import TestLesson from './TestLesson.svelte';

export const LESSON_ID = 'test-lesson';

/** Children as the compiled Markdown would be (one root element, as raw snippets require). */
export function html(markup: string): Snippet {
  return createRawSnippet(() => ({ render: () => `<div>${markup}</div>` }));
}

export function renderInLesson(
  block: Component<any>,
  props: Record<string, unknown> = {},
  options: { progress?: TestProgress; course?: CourseManifest } = {},
) {
  const progress = options.progress ?? new TestProgress();
  const user = userEvent.setup();
  const result = render(TestLesson, {
    props: { progress, block, props, lessonId: LESSON_ID, ...(options.course ? { course: options.course } : {}) },
  });
  return { ...result, progress, user };
}
