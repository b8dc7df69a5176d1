// "My notes": every reflection and case-study answer the learner wrote, gathered from progress by
// the course's full manifest (the one with prompts: loadCourseDetails), and the same as a Markdown
// file the learner can keep.
import { BLOCK_LABELS } from '../../content/schema/block-kinds.ts';
import type { BlockEntry, CourseManifest, LessonEntry } from '../../content/schema/manifest.ts';
import { noteKey, type CourseProgress, type Note, type SelfAssessment } from '../../engine/progress-types.ts';

export const ASSESSMENT_TEXT: Record<SelfAssessment, string> = {
  got: 'Got it',
  partly: 'Partly',
  missed: 'Missed it',
};

export interface NoteEntry {
  promptId: string;
  prompt: string;
  note: Note;
}

export interface BlockNotes {
  block: BlockEntry;
  /** "Reflection: Face-to-face transaction". */
  heading: string;
  entries: NoteEntry[];
}

export interface LessonNotes {
  lesson: LessonEntry;
  number: number;
  blocks: BlockNotes[];
}

export interface CollectedNotes {
  lessons: LessonNotes[];
  /** Notes on prompts this version of the course no longer has: kept, never thrown away. */
  earlier: { key: string; note: Note }[];
  count: number;
}

const written = (note: Note | undefined): note is Note => note !== undefined && note.text.trim() !== '';

export function collectNotes(course: CourseManifest, progress: CourseProgress): CollectedNotes {
  const known = new Set<string>();
  const lessons: LessonNotes[] = [];
  let count = 0;
  course.lessons.forEach((lesson, index) => {
    const blocks: BlockNotes[] = [];
    for (const block of lesson.blocks) {
      if (block.kind !== 'reflection' && block.kind !== 'case-study') continue;
      const entries: NoteEntry[] = [];
      for (const prompt of block.prompts ?? []) {
        const key = noteKey(lesson.id, block.id, prompt.id);
        known.add(key);
        const note = Object.hasOwn(progress.notes, key) ? progress.notes[key] : undefined;
        if (written(note)) entries.push({ promptId: prompt.id, prompt: prompt.text, note });
      }
      if (entries.length === 0) continue;
      count += entries.length;
      const label = BLOCK_LABELS[block.kind];
      blocks.push({ block, heading: block.title ? `${label}: ${block.title}` : label, entries });
    }
    if (blocks.length > 0) lessons.push({ lesson, number: index + 1, blocks });
  });
  const earlier = Object.entries(progress.notes)
    .filter(([key, note]) => !known.has(key) && written(note))
    .map(([key, note]) => ({ key, note }));
  return { lessons, earlier, count: count + earlier.length };
}

/** Escapes text so Markdown shows it literally on one line (titles, prompts). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~]/g, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1');
}

/** The learner's own text as a block quote: line breaks kept, nothing able to break out of it. */
function quote(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line.replace(/</g, '\\<')}`))
    .join('\n');
}

/** The notes as a Markdown document; `exportedOn` is a date such as "2024-03-05". */
export function notesToMarkdown(course: CourseManifest, progress: CourseProgress, exportedOn: string): string {
  const notes = collectNotes(course, progress);
  const parts: string[] = [`# My notes: ${escapeMarkdown(course.title)}`, `Exported from Coursemark on ${exportedOn}.`];
  if (notes.count === 0) parts.push('No notes yet.');
  const entry = ({ prompt, note }: { prompt: string; note: Note }): void => {
    parts.push(`**${escapeMarkdown(prompt)}**`, quote(note.text));
    if (note.assessment) parts.push(`*Self-assessment: ${ASSESSMENT_TEXT[note.assessment]}*`);
  };
  for (const { lesson, number, blocks } of notes.lessons) {
    parts.push(`## Lesson ${number}: ${escapeMarkdown(lesson.title)}`);
    for (const block of blocks) {
      parts.push(`### ${escapeMarkdown(block.heading)}`);
      block.entries.forEach(entry);
    }
  }
  if (notes.earlier.length > 0) {
    parts.push('## From an earlier version of this course');
    notes.earlier.forEach(({ key, note }) => entry({ prompt: key, note }));
  }
  return `${parts.join('\n\n')}\n`;
}
