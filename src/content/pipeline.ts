// The build-time pipeline, pure of Vite: content/ in, validated course manifests, lesson sources
// and quizzes out, with every diagnostic of the run. The Vite plugin and the CLI both call it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { CourseFrontmatterSchema, ID_PATTERN, type CourseFrontmatter } from './schema/course.ts';
import { LessonFrontmatterSchema, type LessonFrontmatter } from './schema/lesson.ts';
import type { Catalogue, CourseManifest } from './schema/manifest.ts';
import type { Quiz } from './schema/quiz.ts';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { readFrontmatter, splitFrontmatter, type FrontmatterExamples, type SplitSource } from './markdown/frontmatter.ts';
import { compileLesson, type CompiledLesson, type LessonIndex } from './markdown/lesson.ts';
import { lintCourse, type LintLesson } from './lint/index.ts';
import { withoutDecorativeMarks } from './markdown/decorative-images.ts';
import { withHeadingIds } from './markdown/heading-ids.ts';
import { quizFencePosition } from './lint/lines.ts';
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

/** "customer-care" → "Customer care": a title a hint can suggest without quoting another course. */
function titleFromName(name: string): string {
  const words = name.replace(/\.md$/, '').replace(/^\d+[-_ .]*/, '').replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'My course';
}

function courseExamples(dir: string): FrontmatterExamples {
  const fields: Record<string, string> = {
    title: `title: ${titleFromName(basename(dir))}`,
    description: 'description: What this course is about, in one or two sentences.',
    language: 'language: en-GB',
    estimatedMinutes: 'estimatedMinutes: 60',
    outcomes: 'outcomes:\n    - The first thing a learner will be able to do',
    passMark: 'passMark: 80',
    version: 'version: "1.0.0"',
  };
  return { whole: Object.values(fields).join('\n  '), fields };
}

function lessonExamples(file: string): FrontmatterExamples {
  const title = `title: ${titleFromName(basename(file))}`;
  return { whole: title, fields: { title } };
}

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

export interface LoadOptions {
  cwd?: string;
  /** Run the content lint too (warnings; see src/content/lint/): `check`, `build` and `dev` do. */
  lint?: boolean;
  /**
   * Compiled lessons kept from the last run (dev keeps one across saves): a lesson whose text and
   * course did not change is not compiled again. Clear it when a file other than a lesson changes.
   */
  cache?: LessonCache;
}

/** A lesson's compile result and the diagnostics it gave, keyed by its file. */
export type LessonCache = Map<string, { key: string; result: CompiledLesson; diagnostics: Diagnostic[] }>;

interface Run {
  cwd: string;
  display: (file: string) => string;
  diagnostics: Diagnostic[];
  files: string[];
  courseIds: Map<string, string>;
  lint: boolean;
  cache: LessonCache | undefined;
}

export function loadContent(contentDir: string, options: LoadOptions = {}): ContentResult {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, contentDir);
  const display = (file: string) => relative(cwd, file) || file;
  const run: Run = { cwd, display, diagnostics: [], files: [], courseIds: new Map(), lint: options.lint ?? false, cache: options.cache };
  const courses: CompiledCourse[] = [];
  const rootProblem = checkContentRoot(root, contentDir, display, relative(cwd, dirname(root)) || '.');
  if (rootProblem) return { courses, diagnostics: [rootProblem], files: run.files };

  const folders = courseFolders(root);
  for (const dir of folders) {
    const course = loadCourse(dir, run);
    if (course) courses.push(course);
  }
  if (folders.length === 0) {
    run.diagnostics.push({
      file: display(root),
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'content/empty',
      message: `the content folder "${contentDir}" has no courses`,
      hint: 'create a course with: npx coursemark new course my-course',
    });
  }
  return { courses, diagnostics: sortDiagnostics(run.diagnostics), files: run.files };
}

/** A content folder that does not exist, or that is itself a course (the usual mix-up with --content). */
function checkContentRoot(root: string, contentDir: string, display: (file: string) => string, parent: string): Diagnostic | null {
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    return {
      file: display(root),
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'content/missing',
      message: `the content folder "${contentDir}" does not exist`,
      hint: 'create it with one folder per course, or pass --content DIR (try: npx coursemark new course my-course)',
    };
  }
  if (existsSync(join(root, 'course.md'))) {
    return {
      file: display(join(root, 'course.md')),
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'content/is-course',
      message: `"${contentDir}" is a course folder, not the folder that holds the courses`,
      hint: `--content takes the folder that holds course folders; did you mean --content ${parent}?`,
    };
  }
  return null;
}

/** The course folders, in name order; a symlinked course folder counts like any other. */
function courseFolders(root: string): string[] {
  const isFolder = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false; // a dangling symlink
    }
  };
  return readdirSync(root)
    .filter((name) => !name.startsWith('.') && !name.startsWith('_'))
    .map((name) => join(root, name))
    .filter(isFolder)
    .sort();
}

interface ParsedLesson {
  file: string;
  sink: DiagnosticSink;
  split: SplitSource;
  front: LessonFrontmatter | null;
  id: string;
}

/** Where a diagnostic about a frontmatter key belongs: at its value, or at line 1 when the key is not written. */
function keyAt(split: SplitSource, key: string): { line: number; column: number } {
  return split.keys.get(key) ?? { line: 1, column: 1 };
}

/** A course: its file, its lessons read then compiled, then the course-wide checks (lint, id history). */
function loadCourse(dir: string, run: Run): CompiledCourse | null {
  const courseFile = join(dir, 'course.md');
  const sink = new DiagnosticSink(run.display(courseFile));
  if (!isFile(courseFile)) {
    sink.error(1, 1, 'course/missing', `the course folder "${run.display(dir)}" has no course.md`, `create ${run.display(courseFile)} with frontmatter:\n  ---\n  ${courseExamples(dir).whole}\n  ---`);
    run.diagnostics.push(...sink.list);
    return null;
  }
  const head = readCourseFile(dir, courseFile, sink, run);
  const lessonFiles = listLessonFiles(dir, run.diagnostics, run.display);
  if (lessonFiles.length === 0) {
    sink.error(1, 1, 'course/no-lessons', `the course "${head.courseId}" has no lessons`, `add lesson files next to course.md, e.g. ${run.display(join(dir, '01-introduction.md'))}`);
  }
  const parsed = lessonFiles.map((file) => readLesson(file, run));
  const lessonIdsByFile = checkLessonIds(parsed, run.display);
  const passMark = head.front?.passMark ?? 80;
  const introHtml = courseIntroHtml(head.split.body, { courseId: head.courseId, courseFile, lessonIdsByFile }, sink);
  const index: LessonIndex = { courseId: head.courseId, courseDir: dir, lessonIdsByFile, coursePassMark: passMark };
  const compiled: CompiledCourse = { manifest: courseManifest(head, passMark, introHtml), dir, lessons: new Map(), quizzes: new Map() };
  const lintLessons = compileLessons(parsed, compiled, index, run);
  run.diagnostics.push(...sink.list);
  checkCourse(compiled, courseFile, head.split, lintLessons, sink.hasErrors, run);
  return compiled;
}

/** What course.md says: its frontmatter and body, and the course id (checked against the others). */
interface CourseHead {
  split: SplitSource;
  front: CourseFrontmatter | null;
  courseId: string;
}

function readCourseFile(dir: string, courseFile: string, sink: DiagnosticSink, run: Run): CourseHead {
  run.files.push(courseFile);
  const split = splitFrontmatter(readFileSync(courseFile, 'utf8'));
  const front = readFrontmatter(split, CourseFrontmatterSchema, sink, courseExamples(dir));
  const folderId = basename(dir).toLowerCase();
  const courseId = front?.id ?? folderId;
  const idAt = keyAt(split, 'id');
  if (!front?.id && !ID_PATTERN.test(folderId)) {
    sink.error(1, 1, 'course/bad-id', `the folder name "${basename(dir)}" cannot be a course id`, 'rename the folder with lowercase letters, digits and hyphens, or set "id:" in the frontmatter');
  }
  if (courseId === 'settings') {
    sink.error(idAt.line, idAt.column, 'course/bad-id', '"settings" cannot be a course id: the player uses #/settings', 'set another "id:" in the frontmatter or rename the folder');
  }
  const other = run.courseIds.get(courseId);
  if (other) {
    sink.error(idAt.line, idAt.column, 'course/duplicate-id', `the course id "${courseId}" is also used by ${other}`, 'give each course its own "id:"');
  }
  run.courseIds.set(courseId, run.display(courseFile));
  return { split, front, courseId };
}

/** The course's manifest before its lessons and quizzes are added, with defaults for what course.md leaves out. */
function courseManifest({ front, courseId }: CourseHead, passMark: number, introHtml: string | undefined): CourseManifest {
  return {
    id: courseId,
    title: front?.title ?? courseId,
    description: front?.description ?? '',
    language: front?.language ?? 'en',
    estimatedMinutes: front?.estimatedMinutes ?? 0,
    outcomes: front?.outcomes ?? [],
    passMark,
    version: front?.version ?? '0',
    ...(front?.author ? { author: front.author } : {}),
    ...(introHtml ? { introHtml } : {}),
    lessons: [],
    quizzes: [],
  };
}

/** The checks that need the whole course: the lint (when asked, and the course has no errors) and ids that changed since the last build. */
function checkCourse(compiled: CompiledCourse, courseFile: string, split: SplitSource, lintLessons: LintLesson[], hasErrors: boolean, run: Run): void {
  const file = run.display(courseFile);
  if (run.lint && !hasErrors) run.diagnostics.push(...lintCourse({ course: compiled, file, keys: split.keys, lessons: lintLessons }));
  const previous = readIdHistory(run.cwd, compiled.manifest.id);
  if (previous) run.diagnostics.push(...compareIds(previous, idRecord(compiled, run.cwd), file));
}

/** First pass over a lesson: its frontmatter and id, so links and duplicates can be checked before compiling. */
function readLesson(file: string, run: Run): ParsedLesson {
  run.files.push(file);
  const sink = new DiagnosticSink(run.display(file));
  const split = splitFrontmatter(readFileSync(file, 'utf8'));
  let front: LessonFrontmatter | null = null;
  if (split.empty) {
    sink.error(1, 1, 'lesson/empty', 'the lesson file is empty', `delete the file, or write its frontmatter and some content, e.g.\n  ---\n  ${lessonExamples(file).whole}\n  ---\n  :::purpose\n  Why this lesson matters.\n  :::`);
  } else {
    front = readFrontmatter(split, LessonFrontmatterSchema, sink, lessonExamples(file));
  }
  return { file, sink, split, front, id: front?.id ?? lessonIdFromFile(file) };
}

/**
 * compileLesson, or its result from the cache when neither the file nor what it depends on in its
 * course changed. The key is a digest: the course's lesson index in every key would make the cache
 * grow with the square of the course.
 */
function compileCached(lesson: ParsedLesson, front: LessonFrontmatter, display: string, index: LessonIndex, module: string | undefined, cache: CourseCache | undefined): CompiledLesson {
  const key = cache && createHash('sha256').update(JSON.stringify([lesson.id, front, module, lesson.split.body])).update(cache.indexKey).digest('base64');
  const hit = cache?.lessons.get(lesson.file);
  if (hit && hit.key === key) {
    lesson.sink.list.push(...hit.diagnostics);
    return hit.result;
  }
  const before = lesson.sink.list.length;
  const compiled = compileLesson(lesson.file, display, lesson.id, front.title, withoutDecorativeMarks(lesson.split.body), index, lesson.sink, {
    ...(front.minutes ? { minutes: front.minutes } : {}),
    ...(module ? { module } : {}),
  });
  const result = { ...compiled, source: withHeadingIds(compiled.source) };
  if (cache && key) cache.lessons.set(lesson.file, { key, result, diagnostics: lesson.sink.list.slice(before) });
  return result;
}

/** The lesson cache with the digest of what every lesson of one course depends on (its index). */
interface CourseCache {
  lessons: LessonCache;
  indexKey: string;
}

function courseCache(index: LessonIndex, lessons: LessonCache | undefined): CourseCache | undefined {
  if (!lessons) return undefined;
  const indexKey = createHash('sha256').update(JSON.stringify([index.courseId, index.coursePassMark, [...index.lessonIdsByFile]])).digest('base64');
  return { lessons, indexKey };
}

/** Every lesson id must be usable and unique in its course; a repeated one is reported at its "id:" line. */
function checkLessonIds(parsed: ParsedLesson[], display: (file: string) => string): Map<string, string> {
  const lessonIdsByFile = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const lesson of parsed) {
    const previous = seen.get(lesson.id);
    const { line, column } = keyAt(lesson.split, 'id');
    if (previous) {
      lesson.sink.error(line, column, 'lesson/duplicate-id', `the lesson id "${lesson.id}" is also used by ${previous}`, lesson.split.keys.has('id') ? 'set a different "id:" here, or remove the line to use the file name' : 'rename one of the files, or set a different "id:" in its frontmatter');
    } else if (!ID_PATTERN.test(lesson.id) || lesson.id === 'notes' || lesson.id === 'progress') {
      lesson.sink.error(line, column, 'lesson/bad-id', `"${lesson.id}" cannot be a lesson id`, 'rename the file (e.g. 03-customer-journey.md) or set "id:" in the frontmatter; notes and progress are reserved');
    }
    seen.set(lesson.id, display(lesson.file));
    lessonIdsByFile.set(lesson.file, lesson.id);
  }
  return lessonIdsByFile;
}

function compileLessons(parsed: ParsedLesson[], compiled: CompiledCourse, index: LessonIndex, run: Run): LintLesson[] {
  const lintLessons: LintLesson[] = [];
  const quizFiles = new Map<string, string>();
  const cache = courseCache(index, run.cache);
  let module: string | undefined;
  for (const lesson of parsed) {
    if (!lesson.front) {
      run.diagnostics.push(...lesson.sink.list);
      continue;
    }
    module = lesson.front.module ?? module;
    const display = run.display(lesson.file);
    const result = compileCached(lesson, lesson.front, display, index, module, cache);
    for (const [n, quiz] of result.quizzes.entries()) {
      const other = quizFiles.get(quiz.id);
      if (other) {
        const occurrence = result.quizzes.slice(0, n).filter((q) => q.id === quiz.id).length;
        const where = quizFencePosition(lesson.split.body, quiz.id, lesson.id, occurrence);
        lesson.sink.error(where.line, where.column, 'quiz/duplicate-id', `the quiz id "${quiz.id}" is also used by a quiz in ${other}`, `give each quiz its own id: :::quiz ${quiz.title} {#${quiz.id}-2}`);
        continue;
      }
      quizFiles.set(quiz.id, display);
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
    run.diagnostics.push(...lesson.sink.list);
    if (!lesson.sink.hasErrors) {
      lintLessons.push({ file: lesson.file, display, body: lesson.split.body, keys: lesson.split.keys, minutes: lesson.front.minutes, entry: result.entry, quizzes: result.quizzes, text: result.text });
    }
  }
  return lintLessons;
}

export function catalogueOf(courses: CompiledCourse[]): Catalogue {
  return { courses: courses.map((c) => c.manifest) };
}
