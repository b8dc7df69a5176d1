// The content lint: a table of rules, each in its own module, run over every course that compiled
// without errors. Rules only warn; `coursemark check --strict` makes every warning an error.
// Two more warnings come from the lesson compiler itself: video/no-captions and video/no-transcript.
import type { Diagnostic } from '../diagnostics.ts';
import { emptyBlocks } from './empty-blocks.ts';
import { headingLevels } from './heading-levels.ts';
import { imageAlt } from './image-alt.ts';
import { anchorLinks, plainHttp } from './links.ts';
import { passMark } from './pass-mark.ts';
import { questionFeedback } from './question-feedback.ts';
import { courseTime, lessonTime } from './times.ts';
import type { LintCourse, LintRule } from './types.ts';

export type { LintCourse, LintLesson, LintRule } from './types.ts';

export const LINT_RULES: readonly LintRule[] = [
  imageAlt,
  headingLevels,
  emptyBlocks,
  questionFeedback,
  passMark,
  courseTime,
  lessonTime,
  plainHttp,
  anchorLinks,
];

export function lintCourse(course: LintCourse, rules: readonly LintRule[] = LINT_RULES): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    rule.check(course, ({ file, at, message, hint }) => {
      found.push({ file, line: at.line, column: at.column, severity: 'warning', rule: rule.id, message, hint });
    });
  }
  return found;
}
