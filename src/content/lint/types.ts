// What a content-lint rule sees: one compiled course with, for each lesson that compiled cleanly,
// its source lines and frontmatter positions. Rules only warn; `check --strict` turns warnings into errors.
import type { SourceLine } from '../scan/index.ts';
import type { LessonEntry } from '../schema/manifest.ts';
import type { Quiz } from '../schema/quiz.ts';
import type { CompiledCourse } from '../pipeline.ts';

export interface Position {
  line: number;
  column: number;
}

export interface LintLesson {
  /** Absolute path, and the path as the tutor knows it. */
  file: string;
  display: string;
  /** The lines after the frontmatter, numbered as in the file. */
  body: SourceLine[];
  /** Where each frontmatter key's value starts. */
  keys: Map<string, Position>;
  /** `minutes:` as written, if it is. */
  minutes: number | undefined;
  entry: LessonEntry;
  quizzes: Quiz[];
  /** Plain text of the lesson (what a learner reads). */
  text: string;
}

export interface LintCourse {
  course: CompiledCourse;
  /** The course file, as the tutor knows it. */
  file: string;
  keys: Map<string, Position>;
  lessons: LintLesson[];
}

export interface Warning {
  file: string;
  at: Position;
  message: string;
  hint: string;
}

export interface LintRule {
  /** The rule id printed in brackets, e.g. "image/no-alt". */
  id: string;
  /** One line for the docs: what the rule looks for. */
  summary: string;
  check(course: LintCourse, warn: (warning: Warning) => void): void;
}
