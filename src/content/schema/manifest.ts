// What the build hands the player: a small, typed description of every course (no lesson bodies).
// Lesson bodies are lazily loaded Svelte components; quizzes are lazily loaded JSON (schema/quiz.ts).
import type { BlockKind } from './block.ts';

export interface Catalogue {
  courses: CourseManifest[];
}

export interface CourseManifest {
  id: string;
  title: string;
  description: string;
  language: string;
  estimatedMinutes: number;
  outcomes: string[];
  passMark: number;
  version: string;
  author?: string;
  /** The course file's body as sanitised HTML (markdown/course-intro.ts), shown on the course home. */
  introHtml?: string;
  lessons: LessonEntry[];
  quizzes: QuizEntry[];
}

export interface LessonEntry {
  id: string;
  title: string;
  /** Module heading this lesson starts or belongs to, if the tutor grouped lessons. */
  module?: string;
  minutes: number;
  blocks: BlockEntry[];
}

export interface BlockEntry {
  id: string;
  kind: BlockKind;
  title?: string;
  /**
   * Whether the lesson counts as done only after this block's interaction: a challenge marked done,
   * a question's answer revealed. See "Lesson completion" in docs/authoring.md.
   */
  required: boolean;
  /** Reflection prompts and case-study questions: ids and plain text (for My notes). */
  prompts?: { id: string; text: string }[];
  /** Rating choices. */
  choices?: string[];
}

export interface QuizEntry {
  id: string;
  title: string;
  lessonId: string;
  questionCount: number;
  passMark: number;
  attempts?: number;
}
