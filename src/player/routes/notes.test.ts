import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import NotesPage from './NotesPage.svelte';
import { collectNotes, escapeMarkdown, notesToMarkdown } from './notes.ts';
import { memoryProgress, serviceCourse } from './fixtures/courses.ts';
import type { CourseManifest } from '../../content/schema/manifest.ts';

/** The course as the catalogue ships it: blocks without titles or prompts. */
const trimmed: CourseManifest = {
  ...serviceCourse,
  lessons: serviceCourse.lessons.map((lesson) => ({
    ...lesson,
    blocks: lesson.blocks.map(({ id, kind, required }) => ({ id, kind, required })),
  })),
};
const loadCourseDetails = vi.fn(async () => serviceCourse);
import { emptyProgress } from '../../engine/progress.ts';
import type { CourseProgress, Note } from '../../engine/progress-types.ts';

function withNotes(notes: Record<string, Note>): CourseProgress {
  return { ...emptyProgress(serviceCourse.id, 0), notes };
}

const note = (text: string, extra: Partial<Note> = {}): Note => ({ text, updatedAt: 1_700_000_000_000, ...extra });

describe('collectNotes', () => {
  it('gathers written notes by lesson and block, in course order, and keeps notes the course no longer asks for', () => {
    const collected = collectNotes(
      serviceCourse,
      withNotes({
        'journey/case-study-john-lewis/q1': note('Less sugar in cereal', { assessment: 'partly' }),
        'types-of-customers/reflection-face-to-face/p2': note('I listened first.'),
        'types-of-customers/reflection-face-to-face/p1': note('   '),
        'old-lesson/reflection/p1': note('From the first edition'),
      }),
    );
    expect(collected.count).toBe(3);
    expect(collected.lessons.map(({ lesson, number, blocks }) => [number, lesson.id, blocks.map((b) => [b.heading, b.entries.map((e) => e.prompt)])])).toEqual([
      [2, 'types-of-customers', [['Reflection: Face-to-face transaction', ['What did you do?']]]],
      [3, 'journey', [['Case study: The John Lewis Partnership', ['What nutritional aims does John Lewis have?']]]],
    ]);
    expect(collected.earlier.map(({ key }) => key)).toEqual(['old-lesson/reflection/p1']);
  });
});

describe('notesToMarkdown', () => {
  it('writes a well-formed Markdown file grouped by lesson', () => {
    const markdown = notesToMarkdown(
      serviceCourse,
      withNotes({
        'types-of-customers/reflection-face-to-face/p1': note('A customer asked for a refund.\r\n\r\nShe had no receipt.'),
        'types-of-customers/reflection-face-to-face/p2': note('# I stayed calm\n<b>and</b> listened'),
        'journey/case-study-john-lewis/q1': note('Less sugar in own-brand cereal', { assessment: 'got' }),
      }),
      '2024-03-05',
    );
    expect(markdown).toBe(
      [
        '# My notes: Customer service',
        '',
        'Exported from Coursemark on 2024-03-05.',
        '',
        '## Lesson 2: Types of customers',
        '',
        '### Reflection: Face-to-face transaction',
        '',
        '**What was the situation?**',
        '',
        '> A customer asked for a refund.',
        '>',
        '> She had no receipt.',
        '',
        '**What did you do?**',
        '',
        '> # I stayed calm',
        '> \\<b>and\\</b> listened',
        '',
        '## Lesson 3: The customer journey',
        '',
        '### Case study: The John Lewis Partnership',
        '',
        '**What nutritional aims does John Lewis have?**',
        '',
        '> Less sugar in own-brand cereal',
        '',
        '*Self-assessment: Got it*',
        '',
      ].join('\n'),
    );
  });

  it('says so when there are no notes', () => {
    expect(notesToMarkdown(serviceCourse, withNotes({}), '2024-03-05')).toBe(
      '# My notes: Customer service\n\nExported from Coursemark on 2024-03-05.\n\nNo notes yet.\n',
    );
  });

  it('escapes titles so they cannot change the document’s structure', () => {
    expect(escapeMarkdown('1. *Bold* [link](x) #tag\nnext')).toBe('1\\. \\*Bold\\* \\[link\\](x) \\#tag next');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
  });
});

describe('My notes page', () => {
  let created: Blob[] = [];
  beforeEach(() => {
    created = [];
    vi.stubGlobal('URL', Object.assign(Object.create(URL), {
      createObjectURL: (blob: Blob) => {
        created.push(blob);
        return 'blob:notes';
      },
      revokeObjectURL: () => {},
    }));
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('invites the learner to write when there are no notes', async () => {
    render(NotesPage, { course: trimmed, progress: await memoryProgress(serviceCourse), loadCourseDetails });
    expect(screen.getByRole('heading', { level: 1, name: 'My notes' })).toBeInTheDocument();
    expect(await screen.findByText(/You have not written any notes yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download as Markdown' })).toBeNull();
  });

  it('shows each note under its lesson and downloads them as Markdown', async () => {
    const user = userEvent.setup();
    const clicks: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const progress = await memoryProgress(serviceCourse);
    progress.setNote('types-of-customers', 'reflection-face-to-face', 'p1', 'A refund without a receipt.');
    progress.assess('journey', 'case-study-john-lewis', 'q1', 'missed');
    progress.setNote('journey', 'case-study-john-lewis', 'q1', 'Something about salt?');
    render(NotesPage, { course: trimmed, progress, loadCourseDetails });

    // The prompts come from the full manifest, loaded on this page only.
    const lesson2 = await screen.findByRole('region', { name: 'Lesson 2: Types of customers' });
    expect(loadCourseDetails).toHaveBeenCalledWith('customer-service');
    expect(within(lesson2).getByRole('link', { name: 'Lesson 2: Types of customers' })).toHaveAttribute('href', '#/customer-service/types-of-customers');
    expect(within(lesson2).getByText('What was the situation?')).toBeInTheDocument();
    expect(within(lesson2).getByText('A refund without a receipt.')).toBeInTheDocument();
    const lesson3 = screen.getByRole('region', { name: 'Lesson 3: The customer journey' });
    expect(within(lesson3).getByText(/Self-assessment:/)).toHaveTextContent('Self-assessment: Missed it · Last changed');

    await user.click(screen.getByRole('button', { name: 'Download as Markdown' }));
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.download).toMatch(/^my-notes-customer-service-\d{4}-\d{2}-\d{2}\.md$/);
    expect(created).toHaveLength(1);
    const text = await created[0]!.text();
    expect(text).toContain('## Lesson 2: Types of customers\n\n### Reflection: Face-to-face transaction\n\n**What was the situation?**\n\n> A refund without a receipt.\n');
    expect(text).toContain('*Self-assessment: Missed it*');
    click.mockRestore();
  });

  it('prints on request', async () => {
    const user = userEvent.setup();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const progress = await memoryProgress(serviceCourse);
    progress.setNote('types-of-customers', 'reflection-face-to-face', 'p1', 'Notes to print.');
    render(NotesPage, { course: trimmed, progress, loadCourseDetails });
    await user.click(await screen.findByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });
});
