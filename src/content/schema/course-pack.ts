// What the player needs of courses before it opens one, and one course's contents in a compact form.
// The catalogue carries a card per course; a course's lesson list comes with its home as a packed
// manifest (columns instead of one object per lesson), so a course of 1,000 lessons stays a few KB.
// Pure: packed at build time (src/content/vite/plugin.ts), unpacked in the browser.
import type { BlockKind } from './block-kinds.ts';
import type { BlockEntry, Catalogue, CourseManifest, LessonEntry, QuizEntry } from './manifest.ts';

/** A course as the catalogue shows it: enough for its card, nothing per lesson. */
export interface CourseCard {
  id: string;
  title: string;
  description: string;
  language: string;
  estimatedMinutes: number;
  version: string;
  author?: string;
  lessonCount: number;
  quizCount: number;
}

/** The catalogue in the first load: one card per course. */
export interface CardCatalogue {
  courses: CourseCard[];
}

export function courseCard(course: CourseManifest): CourseCard {
  const { id, title, description, language, estimatedMinutes, version, author } = course;
  return { id, title, description, language, estimatedMinutes, version, ...(author === undefined ? {} : { author }), lessonCount: course.lessons.length, quizCount: course.quizzes.length };
}

export function cardCatalogue(catalogue: Catalogue): CardCatalogue {
  return { courses: catalogue.courses.map(courseCard) };
}

/**
 * A course manifest by columns: the course's own fields, then one array per lesson field. A block is
 * written `<kind index>[*]:<id>` (`*`: required); a lesson's module is an index into `modules`, or -1
 * when the lesson names none (it stays in the module before it).
 */
export interface PackedCourse {
  course: Omit<CourseManifest, 'lessons' | 'quizzes'>;
  modules: string[];
  kinds: BlockKind[];
  ids: string[];
  titles: string[];
  minutes: number[];
  module: number[];
  blocks: string[][];
  /** id, title, lesson id, question count, pass mark, and the attempts limit when there is one. */
  quizzes: [string, string, string, number, number, number?][];
}

export function packCourse(manifest: CourseManifest): PackedCourse {
  const { lessons, quizzes, ...course } = manifest;
  const modules: string[] = [];
  const kinds: BlockKind[] = [];
  const indexIn = <T>(list: T[], value: T): number => {
    const found = list.indexOf(value);
    return found === -1 ? list.push(value) - 1 : found;
  };
  return {
    course,
    modules,
    kinds,
    ids: lessons.map((lesson) => lesson.id),
    titles: lessons.map((lesson) => lesson.title),
    minutes: lessons.map((lesson) => lesson.minutes),
    module: lessons.map((lesson) => (lesson.module === undefined ? -1 : indexIn(modules, lesson.module))),
    blocks: lessons.map((lesson) => lesson.blocks.map((block) => `${indexIn(kinds, block.kind)}${block.required ? '*' : ''}:${block.id}`)),
    quizzes: quizzes.map((quiz): PackedCourse['quizzes'][number] => {
      const facts: PackedCourse['quizzes'][number] = [quiz.id, quiz.title, quiz.lessonId, quiz.questionCount, quiz.passMark];
      if (quiz.attempts !== undefined) facts.push(quiz.attempts);
      return facts;
    }),
  };
}

function unpackBlock(packed: string, kinds: readonly BlockKind[]): BlockEntry {
  const colon = packed.indexOf(':');
  const head = packed.slice(0, colon);
  const required = head.endsWith('*');
  return { id: packed.slice(colon + 1), kind: kinds[Number(required ? head.slice(0, -1) : head)]!, required };
}

export function unpackCourse(packed: PackedCourse): CourseManifest {
  const lessons = packed.ids.map((id, i): LessonEntry => {
    const module = packed.module[i]!;
    return {
      id,
      title: packed.titles[i]!,
      minutes: packed.minutes[i]!,
      ...(module === -1 ? {} : { module: packed.modules[module]! }),
      blocks: packed.blocks[i]!.map((block) => unpackBlock(block, packed.kinds)),
    };
  });
  const quizzes = packed.quizzes.map(([id, title, lessonId, questionCount, passMark, attempts]): QuizEntry => ({
    id,
    title,
    lessonId,
    questionCount,
    passMark,
    ...(attempts === undefined ? {} : { attempts }),
  }));
  return { ...packed.course, lessons, quizzes };
}
