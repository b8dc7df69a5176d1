// Learners' progress is keyed by ids, so an id that silently changes strands their work. The build
// records every course's ids in .coursemark/ids/<course>.json; check and build compare against it
// and warn for each id that disappeared, with the fix (pin the old id).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from './diagnostics.ts';
import type { CompiledCourse } from './pipeline.ts';

export interface IdRecord {
  course: string;
  lessons: Record<string, { title: string; blocks: string[]; file: string }>;
  quizzes: Record<string, { title: string; questions: string[] }>;
}

export function idRecord(course: CompiledCourse, cwd: string): IdRecord {
  const lessons: IdRecord['lessons'] = {};
  for (const entry of course.manifest.lessons) {
    lessons[entry.id] = { title: entry.title, blocks: entry.blocks.map((b) => b.id), file: relative(cwd, course.lessons.get(entry.id)?.file ?? '') };
  }
  const quizzes: IdRecord['quizzes'] = {};
  for (const [id, quiz] of course.quizzes) quizzes[id] = { title: quiz.title, questions: quiz.questions.map((q) => q.id) };
  return { course: course.manifest.id, lessons, quizzes };
}

const historyFile = (cwd: string, courseId: string) => join(cwd, '.coursemark', 'ids', `${courseId}.json`);

export function readIdHistory(cwd: string, courseId: string): IdRecord | null {
  const file = historyFile(cwd, courseId);
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as IdRecord;
  } catch {
    return null;
  }
}

export function writeIdHistory(cwd: string, record: IdRecord): void {
  const file = historyFile(cwd, record.course);
  mkdirSync(join(cwd, '.coursemark', 'ids'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
}

/** Warnings for every lesson, block, quiz or question id present in the last build and gone now. */
export function compareIds(previous: IdRecord, current: IdRecord, courseFile: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const warn = (file: string, message: string, hint: string) =>
    warnings.push({ file, line: 1, column: 1, severity: 'warning', rule: 'id/changed', message, hint });
  const newLessons = Object.keys(current.lessons).filter((id) => !(id in previous.lessons));
  for (const [id, old] of Object.entries(previous.lessons)) {
    const now = current.lessons[id];
    if (!now) {
      const renamed = newLessons.find((n) => current.lessons[n]!.title === old.title);
      warn(
        renamed ? current.lessons[renamed]!.file : courseFile,
        `the lesson id "${id}" ("${old.title}") was in the last build and is gone${renamed ? `: it looks renamed to "${renamed}"` : ''}; learners' progress on it will no longer show`,
        renamed ? `add "id: ${id}" to the frontmatter of ${current.lessons[renamed]!.file} to keep their progress` : `if the lesson was renamed, add "id: ${id}" to its frontmatter; if it was removed on purpose, ignore this`,
      );
      continue;
    }
    for (const block of old.blocks) {
      if (!now.blocks.includes(block)) {
        warn(now.file, `the block id "${block}" was in the last build of lesson "${id}" and is gone; learners' answers on it will no longer show`, `if you renamed the block's title, pin its old id: add {#${block}} at the end of its ":::" line`);
      }
    }
  }
  for (const [id, old] of Object.entries(previous.quizzes)) {
    const now = current.quizzes[id];
    if (!now) {
      warn(courseFile, `the quiz id "${id}" ("${old.title}") was in the last build and is gone; learners' attempts will no longer show`, `if you renamed the quiz, pin its old id: :::quiz Title {#${id}}`);
      continue;
    }
    for (const question of old.questions) {
      if (!now.questions.includes(question)) {
        warn(courseFile, `the question id "${question}" of quiz "${id}" was in the last build and is gone`, `if you reworded the question, pin its old id at the end of its heading: {#${question}}`);
      }
    }
  }
  return warnings;
}
