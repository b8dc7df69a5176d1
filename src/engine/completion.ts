// When a lesson, a quiz and a course count as done, computed from the course manifest and the
// learner's progress. Pure; the player shows these figures, the LMS adapter reports them.
import type { BlockEntry, CourseManifest, LessonEntry } from '../content/schema/manifest.ts';
import { getOwn as own } from './id-map.ts';
import { blockKey, noteKey, type CourseProgress } from './progress-types.ts';
import { quizFigures } from './quiz-figures.ts';

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
      // Passed, not merely tried: a failed attempt leaves the lesson open. A quiz with a pass mark
      // of 0 passes on any finished attempt, so "attempted" is the rule there.
      return isQuizPassed(block.id, progress);
    default:
      // Reading blocks (purpose, theory, video, outcomes) ask for nothing beyond reaching the end.
      return true;
  }
}

/** A block holds its lesson open until done when the tutor marked it required; a quiz always does. */
function holdsLesson(block: BlockEntry): boolean {
  return block.required || block.kind === 'quiz';
}

/** The blocks still holding a lesson open (required and not yet done), in lesson order. */
export function pendingBlocks(lesson: LessonEntry, progress: CourseProgress): BlockEntry[] {
  return lesson.blocks.filter((block) => holdsLesson(block) && !blockSatisfied(lesson.id, block, progress));
}

/**
 * Done when the learner reached the end, did every block marked `required` and passed the lesson's
 * quiz; once a lesson has been stamped complete it stays complete.
 */
export function isLessonComplete(lesson: LessonEntry, progress: CourseProgress): boolean {
  const visited = own(progress.lessons, lesson.id);
  if (!visited) return false;
  if (visited.completedAt !== undefined) return true;
  if (visited.reachedEnd === undefined) return false;
  return pendingBlocks(lesson, progress).length === 0;
}

/**
 * Why a lesson read to the end is not done yet, in the learner's words ("1 challenge to mark as
 * done", "the quiz to pass"); empty when it is done, or when the end has not been reached (the
 * reading itself is what is left).
 */
export function lessonHolds(lesson: LessonEntry, progress: CourseProgress): string[] {
  const visited = own(progress.lessons, lesson.id);
  if (!visited || visited.completedAt !== undefined || visited.reachedEnd === undefined) return [];
  const counts = new Map<BlockEntry['kind'], number>();
  for (const block of pendingBlocks(lesson, progress)) counts.set(block.kind, (counts.get(block.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => holdText(kind, count));
}

const HOLDS: Partial<Record<BlockEntry['kind'], [one: string, many: string]>> = {
  challenge: ['challenge to mark as done', 'challenges to mark as done'],
  question: ['question to answer', 'questions to answer'],
  example: ['example to work through', 'examples to work through'],
  'case-study': ['case study to compare', 'case studies to compare'],
  reflection: ['reflection to write', 'reflections to write'],
  rating: ['rating to give', 'ratings to give'],
  quiz: ['quiz to pass', 'quizzes to pass'],
};

function holdText(kind: BlockEntry['kind'], count: number): string {
  const [one, many] = HOLDS[kind] ?? ['activity to do', 'activities to do'];
  return `${count} ${count === 1 ? one : many}`;
}

export function lessonState(lesson: LessonEntry, progress: CourseProgress): LessonState {
  if (isLessonComplete(lesson, progress)) return 'done';
  return own(progress.lessons, lesson.id) ? 'in-progress' : 'not-started';
}

export function isQuizPassed(quizId: string, progress: CourseProgress): boolean {
  return quizFigures(progress, quizId)?.passed ?? false;
}

export function courseCompletion(course: CourseManifest, progress: CourseProgress): CourseCompletion {
  const lessonsTotal = course.lessons.length;
  const quizzesTotal = course.quizzes.length;
  const lessonsDone = course.lessons.filter((lesson) => isLessonComplete(lesson, progress)).length;
  const quizzesPassed = course.quizzes.filter((quiz) => isQuizPassed(quiz.id, progress)).length;
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
