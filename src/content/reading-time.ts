// How long a lesson takes to study, estimated one way for the lint rules and `coursemark stats`:
// 200 words a minute (as the lesson compiler's default `minutes`), a minute and a half for each
// thing the learner does (a question, a challenge, a prompt to answer), a minute per quiz question.
import type { LessonEntry } from './schema/manifest.ts';
import type { Quiz } from './schema/quiz.ts';

export const WORDS_PER_MINUTE = 200;
export const MINUTES_PER_ACTIVITY = 1.5;
export const MINUTES_PER_QUIZ_QUESTION = 1;

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The activities of a lesson: required blocks (questions, challenges) and every reflection or case-study prompt. */
export function countActivities(entry: LessonEntry): number {
  return entry.blocks.reduce((n, block) => n + (block.required ? 1 : 0) + (block.prompts?.length ?? 0), 0);
}

/** Questions a learner answers in one attempt of each quiz (a draw counts what is drawn). */
export function countQuizQuestions(quizzes: readonly Quiz[]): number {
  return quizzes.reduce((n, quiz) => n + (quiz.settings.draw ?? quiz.questions.filter((q) => q.type !== 'description').length), 0);
}

export function studyMinutes(words: number, activities: number, quizQuestions = 0): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + activities * MINUTES_PER_ACTIVITY + quizQuestions * MINUTES_PER_QUIZ_QUESTION));
}
