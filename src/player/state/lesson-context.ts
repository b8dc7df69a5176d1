// The context a lesson page gives the block components inside a compiled lesson: which course and
// lesson they are in, and the learner's progress. Typed get/set helpers keyed by a Symbol.
import { getContext, setContext } from 'svelte';
import type { CourseManifest } from '../../content/schema/manifest.ts';
import type { ProgressApi } from '../../engine/progress-api.ts';

export interface LessonContext {
  course: CourseManifest;
  lessonId: string;
  progress: ProgressApi;
}

const KEY = Symbol('coursemark.lesson');

export function setLessonContext(context: LessonContext): LessonContext {
  return setContext(KEY, context);
}

export function getLessonContext(): LessonContext {
  const context = getContext<LessonContext | undefined>(KEY);
  if (!context) throw new Error('A block component must be rendered inside a lesson (setLessonContext).');
  return context;
}
