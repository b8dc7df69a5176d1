// `coursemark import gift`: the lesson it writes compiles, and compiles to exactly the questions the
// GIFT file holds, for every question of Moodle's own files.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { withAnswerIds } from '../quiz/answer-ids.ts';
import { parseGift } from './parse.ts';
import { parseQuizBody } from '../quiz/compile.ts';
import { loadContent } from '../pipeline.ts';
import type { Question } from '../schema/quiz.ts';
import { MOODLE, OURS, read } from './test-files.ts';
import { giftToMarkdown } from './to-house.ts';

const withoutSource = ({ source: _source, ...rest }: Question) => rest;

/** The lines between the `:::quiz` fence and its closing `:::`, and the fence itself. */
function quizBlock(markdown: string) {
  const lines = markdown.split('\n');
  const open = lines.findIndex((line) => line.startsWith(':::quiz'));
  const close = lines.lastIndexOf(':::');
  return { fence: lines[open]!, body: lines.slice(open + 1, close).join('\n'), startLine: open + 2 };
}

function readBack(markdown: string, quizId: string) {
  const { body, startLine } = quizBlock(markdown);
  return parseQuizBody({ body, file: 'lesson.md', startLine, quizId, title: 'Quiz', lessonId: 'quiz', attrs: {}, coursePassMark: 80 });
}

describe.each([
  { file: 'moodle-examples.gift', count: 43, quizId: 'moodle-examples' },
  { file: 'moodle-questions.gift', count: 9, quizId: 'moodle-questions' },
])('$file', ({ file, count, quizId }) => {
  const source = read(join(MOODLE, file));
  const result = giftToMarkdown(source, file);

  it(`converts all ${count} questions without a diagnostic`, () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.count).toBe(count);
  });

  it('writes a complete lesson: frontmatter title, then one quiz block', () => {
    const title = file === 'moodle-examples.gift' ? 'Moodle examples' : 'Moodle questions';
    expect(result.markdown.startsWith(`---\ntitle: ${title}\n---\n\n:::quiz ${title} {#${quizId}}\n### `)).toBe(true);
    expect(result.markdown.endsWith('\n:::\n')).toBe(true);
    expect(result.markdown.match(/^### /gm)).toHaveLength(count);
  });

  it('reads back through the house quiz parser as the very same questions', () => {
    const { quiz, diagnostics } = readBack(result.markdown, quizId);
    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    const expected = parseGift(source, file, { idPrefix: quizId }).questions.map((q) => withoutSource(withAnswerIds(q.question)));
    expect(quiz?.questions.map(withoutSource)).toEqual(expected);
  });
});

describe('what the lesson keeps from the GIFT file', () => {
  it('titles become a title attribute beside the stable id', () => {
    const { markdown } = giftToMarkdown('::Kanji Origins::Japanese characters came from what country? {=China}', 'k.gift');
    expect(markdown).toContain('### Japanese characters came from what country? {#k-kanji-origins title="Kanji Origins"}\n');
  });

  it('a category becomes a comment under the first question it applies to', () => {
    const { markdown, diagnostics } = giftToMarkdown(read(join(OURS, 'categories.gift')), 'categories.gift');
    expect(diagnostics).toEqual([]);
    const comments = markdown.split('\n').filter((line) => line.startsWith('<!--'));
    expect(comments).toEqual([
      '<!-- GIFT category (this and the following questions): $course$/top/Presidents -->',
      '<!-- GIFT category (this and the following questions): $course$/top/Geography: capitals -->',
    ]);
    expect(markdown).toContain('### Who is buried in Grant\'s tomb? {#categories-who-is-buried-in-grants-tomb}\n<!-- GIFT category');
    // The comments change nothing in the compiled questions.
    const expected = parseGift(read(join(OURS, 'categories.gift')), 'x', { idPrefix: 'categories' }).questions.map((q) => withoutSource(withAnswerIds(q.question)));
    expect(readBack(markdown, 'categories').quiz?.questions.map(withoutSource)).toEqual(expected);
  });

  it('a description is a question of {type=description} worth no points', () => {
    const { markdown } = giftToMarkdown('::Intro::Read each question twice.\n\nSum? {#4}', 'd.gift');
    expect(markdown).toContain('### Read each question twice. {#d-intro points=0 type=description title="Intro"}\n');
    expect(readBack(markdown, 'd').quiz?.questions[0]).toMatchObject({ type: 'description', points: 0 });
  });

  it('takes a title and a quiz id when given, and quotes a title YAML would misread', () => {
    const { markdown } = giftToMarkdown('Sum? {#4}', 'x.gift', { title: 'Final: part 1', quizId: 'final' });
    expect(markdown.split('\n').slice(0, 5)).toEqual(['---', 'title: "Final: part 1"', '---', '', ':::quiz Final: part 1 {#final}']);
    expect(markdown).toContain('{#final-sum}');
  });

  it('says which question the house syntax cannot keep exactly, at its line in the .gift file', () => {
    const { diagnostics } = giftToMarkdown(read(join(OURS, 'formats.gift')), 'formats.gift');
    expect(diagnostics.map(formatDiagnostic).join('\n')).toMatchInlineSnapshot(`
      "formats.gift:7:1: warning: the house syntax does not keep this question exactly: question.promptHtml expected "<p>Who is buried in <strong>Grant's tomb</strong>?\\nSee <a href=\\"https://www.nps.gov/gegr/\\">the memorial</a>.</p>", received "<p>Who is buried in <strong>Grant's tomb</strong>? See <a href=\\"https://www.nps.gov/gegr/\\">the memorial</a>.</p>" [import/inexact]
        hint: check the converted question in the lesson, or keep it in the .gift file (:::quiz {gift="file.gift"})"
    `);
  });
});

describe('bad input', () => {
  it('passes the GIFT errors on and leaves the broken questions out', () => {
    const result = giftToMarkdown(read(join(OURS, 'broken', 'bad-number.gift')), 'bad-number.gift');
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      '1:24 error gift/bad-number',
      '3:29 error gift/bad-number',
      '5:35 error gift/bad-number',
      '7:29 error gift/bad-number',
    ]);
    expect(result.count).toBe(0);
  });

  it('refuses a file with nothing to answer', () => {
    const result = giftToMarkdown('// only a comment\n\n::Intro::Just some text.', 'empty.gift');
    expect(result.diagnostics.map(formatDiagnostic).join('\n')).toMatchInlineSnapshot(`
      "empty.gift:1:1: error: no questions to import: expected at least one GIFT question with answers [import/no-questions]
        hint: write a question followed by its answers in braces, e.g. "Who is buried in Grant's tomb? {=no one ~Grant}""
    `);
  });

  it('refuses a quiz id that is not a valid id', () => {
    const result = giftToMarkdown('Sum? {#4}', 'x.gift', { quizId: 'Final Quiz' });
    expect(result.diagnostics.map((d) => d.rule)).toEqual(['import/bad-id']);
    expect(result.markdown).toBe('');
  });
});

describe('in a course', () => {
  const root = mkdtempSync(join(tmpdir(), 'coursemark-gift-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the imported lesson compiles to the same quiz as :::quiz {gift=...} on the original file', () => {
    const course = join(root, 'content', 'grant');
    mkdirSync(course, { recursive: true });
    writeFileSync(
      join(course, 'course.md'),
      '---\ntitle: Grant\ndescription: GIFT import test.\nlanguage: en-GB\nestimatedMinutes: 10\noutcomes:\n  - Know who is buried where\npassMark: 80\nversion: "1.0.0"\n---\n',
    );
    copyFileSync(join(MOODLE, 'moodle-examples.gift'), join(course, 'examples.gift'));
    writeFileSync(join(course, '01-from-gift.md'), '---\ntitle: From GIFT\n---\n\n:::quiz Examples {#examples gift="examples.gift"}\n:::\n');
    const imported = giftToMarkdown(read(join(MOODLE, 'moodle-examples.gift')), 'examples.gift', { quizId: 'examples-imported' });
    writeFileSync(join(course, '02-imported.md'), imported.markdown);

    const result = loadContent('content', { cwd: root });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const quizzes = result.courses[0]!.quizzes;
    const fromGift = quizzes.get('examples')!.questions;
    const fromLesson = quizzes.get('examples-imported')!.questions;
    expect(fromLesson).toHaveLength(43);
    // Ids differ only by the quiz id they are prefixed with.
    const normalise = (q: Question, quizId: string) => ({ ...withoutSource(q), id: q.id.slice(quizId.length) });
    expect(fromLesson.map((q) => normalise(q, 'examples-imported'))).toEqual(fromGift.map((q) => normalise(q, 'examples')));
  });
});
