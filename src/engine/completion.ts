// When a lesson, a quiz and a course count as done, computed from the course manifest and the
// learner's progress. Pure; the player shows these figures, the LMS adapter reports them.
import type { BlockEntry, CourseManifest, LessonEntry } from '../content/schema/manifest.ts';
import { getOwn as own } from './id-map.ts';
import { blockKey, noteKey, type CourseProgress } from './progress-types.ts';

export type LessonState = 'not-started' | 'in-progress' | 'done';

export interface CourseCompletion {
  lessonsDone: number;
  lessonsTotal: number;
  /** 0..100, whole number; lessons and quizzes count alike. 100 only when `complete`. */
  percent: number;
  quizzesPassed: number;
  quizzesTotal: number;
  /** Every lesson done and every quiz passed at least once. */
  complete: boolean;
}


/** Whether the interaction a required block asks for has happened. */
function blockSatisfied(lessonId: string, block: BlockEntry, progress: CourseProgress): boolean {
  const interaction = own(progress.blocks, blockKey(lessonId, block.id));
  const revealed = interaction?.revealedAt !== undefined;
  switch (block.kind) {
    case 'challenge':
      return typeof interaction?.doneAt === 'number';
    case 'question':
    case 'example':
      return revealed;
    case 'case-study':
      // The player may record reveals per question (keyed like notes) as well as for the block.
      return (
        revealed ||
        (!!block.prompts?.length &&
          block.prompts.every((prompt) => own(progress.blocks, noteKey(lessonId, block.id, prompt.id))?.revealedAt !== undefined))
      );
    case 'reflection':
      return (block.prompts ?? []).every(
        (prompt) => (own(progress.notes, noteKey(lessonId, block.id, prompt.id))?.text.trim() ?? '') !== '',
      );
    case 'rating':
      return own(progress.ratings, blockKey(lessonId, block.id)) !== undefined;
    case 'quiz':
      return progress.attempts.some((attempt) => attempt.quizId === block.id);
    default:
      // Reading blocks (purpose, theory, video, outcomes) ask for nothing beyond reaching the end.
      return true;
  }
}

/**
 * Done when the learner reached the end and did every block marked `required`; once a lesson has
 * been stamped complete it stays complete.
 */
export function isLessonComplete(lesson: LessonEntry, progress: CourseProgress): boolean {
  const visited = own(progress.lessons, lesson.id);
  if (!visited) return false;
  if (visited.completedAt !== undefined) return true;
  if (visited.reachedEnd === undefined) return false;
  return lesson.blocks.every((block) => !block.required || blockSatisfied(lesson.id, block, progress));
}

export function lessonState(lesson: LessonEntry, progress: CourseProgress): LessonState {
  if (isLessonComplete(lesson, progress)) return 'done';
  return own(progress.lessons, lesson.id) ? 'in-progress' : 'not-started';
}

export function isQuizPassed(quizId: string, progress: CourseProgress): boolean {
  return progress.attempts.some((attempt) => attempt.quizId === quizId && attempt.passed);
}

export function courseCompletion(course: CourseManifest, progress: CourseProgress): CourseCompletion {
  const lessonsTotal = course.lessons.length;
  const quizzesTotal = course.quizzes.length;
  const lessonsDone = course.lessons.filter((lesson) => isLessonComplete(lesson, progress)).length;
  const passedIds = new Set(progress.attempts.filter((attempt) => attempt.passed).map((attempt) => attempt.quizId));
  const quizzesPassed = course.quizzes.filter((quiz) => passedIds.has(quiz.id)).length;
  const total = lessonsTotal + quizzesTotal;
  const complete = lessonsTotal > 0 && lessonsDone === lessonsTotal && quizzesPassed === quizzesTotal;
  // Floor, so 199 of 200 reads 99% and 100% always means complete.
  const percent = total === 0 ? 0 : Math.floor(((lessonsDone + quizzesPassed) / total) * 100);
  return { lessonsDone, lessonsTotal, percent, quizzesPassed, quizzesTotal, complete };
}

/**
 * Where "Resume" takes the learner: the lesson they were last on, if the course still has it;
 * otherwise the first lesson not yet done; otherwise the first lesson. Undefined for an empty course.
 */
export function resumeLesson(course: CourseManifest, progress: CourseProgress): LessonEntry | undefined {
  const saved = progress.position && course.lessons.find((lesson) => lesson.id === progress.position?.lessonId);
  return saved || course.lessons.find((lesson) => !isLessonComplete(lesson, progress)) || course.lessons[0];
}
