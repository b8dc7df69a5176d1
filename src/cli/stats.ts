// `coursemark stats`: what each course holds, for a tutor planning or reviewing one: lessons,
// words, reading and study time, questions by type, blocks by kind. Text for people, --json for tools.
import { formatDiagnostic, summarise } from '../content/diagnostics.ts';
import { loadContent, type CompiledCourse } from '../content/pipeline.ts';
import type { Io } from './command.ts';
import { countActivities, countQuizQuestions, countWords, studyMinutes, WORDS_PER_MINUTE } from '../content/reading-time.ts';

export interface CourseStats {
  id: string;
  title: string;
  lessons: number;
  words: number;
  /** The words at 200 a minute. */
  readingMinutes: number;
  /** Reading plus activities and quiz questions (src/content/reading-time.ts), summed over the lessons. */
  studyMinutes: number;
  /** What the course file says. */
  estimatedMinutes: number;
  questions: Record<string, number>;
  blocks: Record<string, number>;
}

const tally = (names: string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const name of [...names].sort()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
};

export function courseStats(course: CompiledCourse): CourseStats {
  const { manifest } = course;
  let words = 0;
  let study = 0;
  for (const lesson of manifest.lessons) {
    const lessonWords = countWords(course.lessons.get(lesson.id)?.text ?? '');
    const quizzes = [...course.quizzes.values()].filter((q) => q.lessonId === lesson.id);
    words += lessonWords;
    study += studyMinutes(lessonWords, countActivities(lesson), countQuizQuestions(quizzes));
  }
  return {
    id: manifest.id,
    title: manifest.title,
    lessons: manifest.lessons.length,
    words,
    readingMinutes: Math.round(words / WORDS_PER_MINUTE),
    studyMinutes: study,
    estimatedMinutes: manifest.estimatedMinutes,
    questions: tally([...course.quizzes.values()].flatMap((q) => q.questions.map((question) => question.type))),
    blocks: tally(manifest.lessons.flatMap((l) => l.blocks.map((b) => b.kind))),
  };
}

const list = (counts: Record<string, number>): string =>
  Object.keys(counts).length ? Object.entries(counts).map(([name, n]) => `${name} ${n}`).join(', ') : 'none';

export function formatStats(stats: CourseStats[]): string {
  return stats
    .map((s) =>
      [
        `${s.title} (${s.id})`,
        `  lessons     ${s.lessons}`,
        `  words       ${s.words}`,
        `  reading     ${s.readingMinutes} min at ${WORDS_PER_MINUTE} words a minute`,
        `  study       ${s.studyMinutes} min with activities and quizzes (course file says ${s.estimatedMinutes})`,
        `  questions   ${Object.values(s.questions).reduce((a, b) => a + b, 0)}: ${list(s.questions)}`,
        `  blocks      ${Object.values(s.blocks).reduce((a, b) => a + b, 0)}: ${list(s.blocks)}`,
      ].join('\n'),
    )
    .join('\n\n');
}

/** Prints the stats of every course; a course with errors is reported like `check` does, exit 1. */
export function runStats(contentDir: string, json: boolean, io: Io): number {
  const result = loadContent(contentDir, { cwd: io.cwd });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    for (const d of errors) io.err(formatDiagnostic(d));
    io.err(`✗ ${summarise(errors)}: fix these first (coursemark check shows them all)`);
    return 1;
  }
  const stats = result.courses.map(courseStats);
  io.out(json ? JSON.stringify({ courses: stats }, null, 2) : formatStats(stats));
  return 0;
}
