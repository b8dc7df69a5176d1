// `coursemark new course|lesson`: writes a course or the next lesson from a tutor's name and title.
// Both are typed by people and may hold anything: names become ids (validated like every id, so
// nothing lands outside the content folder) and titles go into YAML through the yaml library (so a
// ":" or a quote stays text); a line break or control character is refused, never written.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { slugify } from '../content/markdown/attributes.ts';
import { lessonIdFromFile } from '../content/pipeline.ts';
import { ID_PATTERN } from '../content/schema/course.ts';
import type { Io } from './command.ts';
import { RefusedOutput } from './output-guard.ts';

/** Ids the player's routes use for pages of their own. */
const RESERVED_COURSE_IDS = ['settings'];
const RESERVED_LESSON_IDS = ['notes', 'progress'];

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Refuses a name or title that would break the file's frontmatter (a line break, a control character). */
function checkText(text: string, what: string): string {
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new RefusedOutput(`the ${what} contains a line break or control character (${code})`, `write the ${what} on one line, in plain text`);
  }
  if (text.trim() === '') throw new RefusedOutput(`the ${what} is empty`, `write a ${what} with words, e.g. "Handling complaints"`);
  return text.trim();
}

/** Frontmatter whose values are written by the yaml library, so every title reads back as written. */
function frontmatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}

export function scaffold(positional: string[], contentOption: string, io: Io): number {
  const [kind, name, title] = positional;
  const content = statSync(resolve(io.cwd, contentOption), { throwIfNoEntry: false });
  if (content && !content.isDirectory()) throw new RefusedOutput(`--content ${contentOption} is a file, not a folder`, 'give the folder that holds your courses, e.g. --content content');
  if (positional.length > 3) throw new RefusedOutput(`unexpected argument "${positional[3]}"`, 'quote a title with spaces: coursemark new lesson customer-care "Handling complaints"');
  if (kind === 'course') {
    if (name === undefined) throw new RefusedOutput('new course needs a NAME', 'e.g. coursemark new course "Customer care"');
    if (title !== undefined) throw new RefusedOutput(`unexpected argument "${title}"`, 'quote a name with spaces: coursemark new course "Customer care"');
    return newCourse(checkText(name, 'course name'), contentOption, io);
  }
  if (kind === 'lesson') {
    if (name === undefined || title === undefined) {
      throw new RefusedOutput('new lesson needs a COURSE and a "TITLE"', 'e.g. coursemark new lesson customer-care "Handling complaints"');
    }
    return newLesson(name, checkText(title, 'lesson title'), contentOption, io);
  }
  throw new RefusedOutput('new needs "course NAME" or "lesson COURSE TITLE"', 'e.g. coursemark new course "Customer care"');
}

function newCourse(name: string, contentOption: string, io: Io): number {
  const id = slugify(name, { maxWords: 12 });
  if (!ID_PATTERN.test(id)) throw new RefusedOutput(`"${name}" cannot name a course: its id would be empty`, 'use letters or digits in the name, e.g. "Customer care"');
  if (RESERVED_COURSE_IDS.includes(id)) throw new RefusedOutput(`"${id}" cannot be a course id: the player uses #/${id}`, 'choose another name');
  const dir = join(resolve(io.cwd, contentOption), id);
  if (existsSync(dir)) {
    io.err(`coursemark: ${dir} already exists; choose another name`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const course = frontmatter({
    title: name,
    description: 'What this course is about, in one or two sentences.',
    language: 'en-GB',
    // About what the first lessons add up to: check --strict warns when it is far from their sum.
    estimatedMinutes: 10,
    outcomes: ['The first thing a learner will be able to do'],
    passMark: 80,
    version: '1.0.0',
  });
  writeFileSync(join(dir, 'course.md'), course, { flag: 'wx' });
  writeFileSync(join(dir, '01-introduction.md'), `${frontmatter({ title: 'Introduction' })}:::purpose\nWhy this course matters to the learner.\n:::\n\nWrite the lesson here in Markdown.\n`, { flag: 'wx' });
  io.out(`Created ${join(contentOption, id)}/course.md and 01-introduction.md. Next: coursemark dev`);
  return 0;
}

function newLesson(course: string, title: string, contentOption: string, io: Io): number {
  if (!ID_PATTERN.test(course)) {
    throw new RefusedOutput(`"${course}" is not a course id: expected lowercase letters, digits and hyphens`, 'give the name of a course folder in the content folder, e.g. customer-care');
  }
  const dir = join(resolve(io.cwd, contentOption), course);
  if (!existsSync(join(dir, 'course.md'))) {
    io.err(`coursemark: there is no course "${course}" in ${contentOption}`);
    return 1;
  }
  const slug = slugify(title, { maxWords: 8 });
  if (!ID_PATTERN.test(slug)) throw new RefusedOutput(`the title "${title}" has no letters or digits to name the lesson file`, 'write a title with words, e.g. "Handling complaints"');
  if (RESERVED_LESSON_IDS.includes(slug)) throw new RefusedOutput(`"${slug}" cannot be a lesson id: the player uses it for a page of its own`, `choose another title, e.g. "${title} in practice"`);
  const names = readdirSync(dir);
  const same = names.find((file) => file.endsWith('.md') && file !== 'course.md' && lessonIdFromFile(file) === slug);
  if (same) {
    io.err(`coursemark: the course already has a lesson "${slug}" (${same}); choose another title`);
    return 1;
  }
  const numbers = names.map((file) => /^(\d+)/.exec(file)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  const next = String((numbers.length ? Math.max(...numbers) : 0) + 1).padStart(2, '0');
  const file = join(dir, `${next}-${slug}.md`);
  writeFileSync(file, `${frontmatter({ title })}:::purpose\nWhy this lesson matters.\n:::\n\nWrite the lesson here.\n`, { flag: 'wx' });
  io.out(`Created ${file}`);
  return 0;
}
