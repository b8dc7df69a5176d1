// The build-time pipeline, pure of Vite: content/ in, validated course manifests, lesson sources
// and quizzes out, with every diagnostic of the run. The Vite plugin and the CLI both call it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { CourseFrontmatterSchema, ID_PATTERN } from './schema/course.ts';
import { LessonFrontmatterSchema } from './schema/lesson.ts';
import type { Catalogue, CourseManifest } from './schema/manifest.ts';
import type { Quiz } from './schema/quiz.ts';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { readFrontmatter, splitFrontmatter } from './markdown/frontmatter.ts';
import { compileLesson, type LessonIndex } from './markdown/lesson.ts';
import { courseIntroHtml } from './markdown/course-intro.ts';
import { compareIds, idRecord, readIdHistory } from './id-history.ts';

export interface CompiledCourse {
  manifest: CourseManifest;
  dir: string;
  /** The course file's body (shown on the course home), as Markdown. */
  lessons: Map<string, { file: string; source: string; text: string }>;
  quizzes: Map<string, Quiz>;
}

export interface ContentResult {
  courses: CompiledCourse[];
  diagnostics: Diagnostic[];
  /** Every file read, for watching in dev. */
  files: string[];
}

const COURSE_EXAMPLE = 'title: External customers\n  description: What external customers need and how to serve them.\n  language: en-GB\n  estimatedMinutes: 360\n  outcomes:\n    - Understand the meaning of external customers\n  passMark: 80\n  version: "1.0.0"';
const LESSON_EXAMPLE = 'title: Customer or consumer?';

/** Lesson id from a file name: "02-customer-or-consumer.md" → "customer-or-consumer". */
export function lessonIdFromFile(file: string): string {
  return basename(file, '.md').replace(/^\d+[-_ .]*/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Whether the path is a file (following links): a folder named "course.md" is not one. */
function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The lesson files of a course in order. Anything named *.md that is not a readable file (a folder
 * called "x.md", a broken link) is reported and skipped, so it can never crash the run.
 */
function listLessonFiles(dir: string, diagnostics: Diagnostic[], display: (file: string) => string): string[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md') && name !== 'course.md' && !name.startsWith('_'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const files: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (isFile(path)) {
      files.push(path);
      continue;
    }
    const what = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? 'a folder' : 'not a file (a broken link?)';
    const at = new DiagnosticSink(display(path));
    at.warning(1, 1, 'course/not-a-lesson', `"${name}" is ${what}, not a lesson file; it is skipped`, 'rename it so its name does not end in .md, or start the name with "_" to keep it out of the course');
    diagnostics.push(...at.list);
  }
  return files;
}

export function loadContent(contentDir: string, options: { cwd?: string } = {}): ContentResult {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, contentDir);
  const display = (file: string) => relative(cwd, file) || file;
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  const courses: CompiledCourse[] = [];

  if (!existsSync(root) || !statSync(root).isDirectory()) {
    diagnostics.push({
      file: display(root),
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'content/missing',
      message: `the content folder "${contentDir}" does not exist`,
      hint: 'create it with one folder per course, or pass --content DIR (try: npx coursemark new course my-course)',
    });
    return { courses, diagnostics, files };
  }

  const courseIds = new Map<string, string>();
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !d.name.startsWith('_'))
    .map((d) => join(root, d.name))
    .sort();

  for (const dir of folders) {
    const courseFile = join(dir, 'course.md');
    const sink = new DiagnosticSink(display(courseFile));
    if (!isFile(courseFile)) {
      sink.error(1, 1, 'course/missing', `the course folder "${display(dir)}" has no course.md`, `create ${display(courseFile)} with frontmatter:\n  ---\n  ${COURSE_EXAMPLE}\n  ---`);
      diagnostics.push(...sink.list);
      continue;
    }
    files.push(courseFile);
    const split = splitFrontmatter(readFileSync(courseFile, 'utf8'));
    const front = readFrontmatter(split, CourseFrontmatterSchema, sink, COURSE_EXAMPLE);
    const folderId = basename(dir).toLowerCase();
    const courseId = front?.id ?? folderId;
    if (!front?.id && !ID_PATTERN.test(folderId)) {
      sink.error(1, 1, 'course/bad-id', `the folder name "${basename(dir)}" cannot be a course id`, 'rename the folder with lowercase letters, digits and hyphens, or set "id:" in the frontmatter');
    }
    if (courseId === 'settings') {
      sink.error(split.yamlLine, 1, 'course/bad-id', '"settings" cannot be a course id: the player uses #/settings', 'set another "id:" in the frontmatter or rename the folder');
    }
    const other = courseIds.get(courseId);
    if (other) {
      sink.error(split.yamlLine, 1, 'course/duplicate-id', `the course id "${courseId}" is also used by ${other}`, 'give each course its own "id:"');
    }
    courseIds.set(courseId, display(courseFile));

    const lessonFiles = listLessonFiles(dir, diagnostics, display);
    if (lessonFiles.length === 0) {
      sink.error(1, 1, 'course/no-lessons', `the course "${courseId}" has no lessons`, `add lesson files next to course.md, e.g. ${display(join(dir, '01-introduction.md'))}`);
    }

    // First pass: every lesson's frontmatter and id, so links and duplicates can be checked.
    const parsed = lessonFiles.map((file) => {
      files.push(file);
      const lessonSink = new DiagnosticSink(display(file));
      const lessonSplit = splitFrontmatter(readFileSync(file, 'utf8'));
      const lessonFront = readFrontmatter(lessonSplit, LessonFrontmatterSchema, lessonSink, LESSON_EXAMPLE);
      const id = lessonFront?.id ?? lessonIdFromFile(file);
      return { file, sink: lessonSink, split: lessonSplit, front: lessonFront, id };
    });
    const lessonIdsByFile = new Map<string, string>();
    const seenLessons = new Map<string, string>();
    for (const lesson of parsed) {
      const previous = seenLessons.get(lesson.id);
      if (previous) {
        lesson.sink.error(1, 1, 'lesson/duplicate-id', `the lesson id "${lesson.id}" is also used by ${previous}`, 'rename one of the files, or set a different "id:" in its frontmatter');
      } else if (!ID_PATTERN.test(lesson.id) || lesson.id === 'notes' || lesson.id === 'progress') {
        lesson.sink.error(1, 1, 'lesson/bad-id', `"${lesson.id}" cannot be a lesson id`, 'rename the file (e.g. 03-customer-journey.md) or set "id:" in the frontmatter; notes and progress are reserved');
      }
      seenLessons.set(lesson.id, display(lesson.file));
      lessonIdsByFile.set(lesson.file, lesson.id);
    }

    const front2 = front ?? { passMark: 80 };
    const introHtml = courseIntroHtml(split.body, { courseId, courseFile, lessonIdsByFile }, sink);
    const index: LessonIndex = { courseId, courseDir: dir, lessonIdsByFile, coursePassMark: front2.passMark };
    const compiled: CompiledCourse = {
      manifest: {
        id: courseId,
        title: front?.title ?? courseId,
        description: front?.description ?? '',
        language: front?.language ?? 'en',
        estimatedMinutes: front?.estimatedMinutes ?? 0,
        outcomes: front?.outcomes ?? [],
        passMark: front2.passMark,
        version: front?.version ?? '0',
        ...(front?.author ? { author: front.author } : {}),
        ...(introHtml ? { introHtml } : {}),
        lessons: [],
        quizzes: [],
      },
      dir,
      lessons: new Map(),
      quizzes: new Map(),
    };
    let module: string | undefined;
    for (const lesson of parsed) {
      if (!lesson.front) {
        diagnostics.push(...lesson.sink.list);
        continue;
      }
      module = lesson.front.module ?? module;
      const result = compileLesson(lesson.file, display(lesson.file), lesson.id, lesson.front.title, lesson.split.body, index, lesson.sink, {
        ...(lesson.front.minutes ? { minutes: lesson.front.minutes } : {}),
        ...(module ? { module } : {}),
      });
      for (const quiz of result.quizzes) {
        if (compiled.quizzes.has(quiz.id)) {
          lesson.sink.error(1, 1, 'quiz/duplicate-id', `the quiz id "${quiz.id}" is used twice in this course`, 'give each quiz its own id: :::quiz Title {#my-quiz}');
          continue;
        }
        compiled.quizzes.set(quiz.id, quiz);
        compiled.manifest.quizzes.push({
          id: quiz.id,
          title: quiz.title,
          lessonId: lesson.id,
          questionCount: quiz.settings.draw ?? quiz.questions.filter((q) => q.type !== 'description').length,
          passMark: quiz.passMark,
          ...(quiz.settings.attempts ? { attempts: quiz.settings.attempts } : {}),
        });
      }
      compiled.manifest.lessons.push(result.entry);
      compiled.lessons.set(lesson.id, { file: lesson.file, source: result.source, text: result.text });
      diagnostics.push(...lesson.sink.list);
    }
    diagnostics.push(...sink.list);
    const previous = readIdHistory(cwd, courseId);
    if (previous) diagnostics.push(...compareIds(previous, idRecord(compiled, cwd), display(courseFile)));
    courses.push(compiled);
  }
  if (folders.length === 0) {
    diagnostics.push({
      file: display(root),
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'content/empty',
      message: `the content folder "${contentDir}" has no courses`,
      hint: 'create a course with: npx coursemark new course my-course',
    });
  }
  return { courses, diagnostics: sortDiagnostics(diagnostics), files };
}

export function catalogueOf(courses: CompiledCourse[]): Catalogue {
  return { courses: courses.map((c) => c.manifest) };
}
