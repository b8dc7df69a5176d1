// What `coursemark dev` does when a content file is saved: compare the new content with the last
// content that had no errors, and update the open page as little as possible. A changed lesson
// body is a hot update of that lesson's module alone (Svelte swaps it in place, the page and the
// learner's progress stay); a changed course structure (titles, blocks, quizzes) reloads the page.
import type { Diagnostic } from './diagnostics.ts';
import type { ContentResult } from './pipeline.ts';

export interface DevUpdate {
  /** The page must reload: the catalogue, a course's details or a quiz changed. */
  reload: boolean;
  /** "courseId/lessonId" of every lesson whose module changed. */
  lessons: string[];
}

/** The manifest without estimated minutes, which shift by a word and must not force a reload. */
function structure(result: ContentResult): string {
  return JSON.stringify(
    result.courses.map((c) => ({
      ...c.manifest,
      lessons: c.manifest.lessons.map(({ minutes: _minutes, ...lesson }) => lesson),
      quizzes: [...c.quizzes.values()],
    })),
  );
}

export function planUpdate(previous: ContentResult | undefined, next: ContentResult): DevUpdate {
  if (!previous || structure(previous) !== structure(next)) return { reload: true, lessons: [] };
  const lessons: string[] = [];
  for (const course of next.courses) {
    const before = previous.courses.find((c) => c.manifest.id === course.manifest.id);
    for (const [id, lesson] of course.lessons) {
      if (before?.lessons.get(id)?.source !== lesson.source) lessons.push(`${course.manifest.id}/${id}`);
    }
  }
  return { reload: false, lessons };
}

/** What the page's overlay shows: every diagnostic, errors first. */
export interface DiagnosticsPayload {
  diagnostics: Diagnostic[];
}

export function diagnosticsPayload(result: ContentResult): DiagnosticsPayload {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return { diagnostics: [...result.diagnostics].sort((a, b) => rank(a) - rank(b)) };
}
