// What each kind's compiler writes, read back with Svelte's own parser: the components a lesson
// gets (names and props, as the player receives them), the block's manifest entry and what it adds
// to the study time. One case per kind in the table of index.ts, and none left out.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink, formatDiagnostic } from '../diagnostics.ts';
import { compileLesson } from '../markdown/lesson.ts';
import { BLOCK_KINDS, type BlockKind } from '../schema/block.ts';
import type { BlockEntry } from '../schema/manifest.ts';
import { hostileCourseDir, readSource, type Element } from '../../../tests/helpers/lesson-compile.ts';

function compile(body: string) {
  const dir = hostileCourseDir();
  const file = join(dir, '01-lesson.md');
  const sink = new DiagnosticSink('content/c/01-lesson.md');
  const lines = body.split('\n').map((text, i) => ({ text, line: i + 4 }));
  const index = { courseId: 'c', courseDir: dir, lessonIdsByFile: new Map([[file, 'lesson']]), coursePassMark: 80 };
  const lesson = compileLesson(file, 'content/c/01-lesson.md', 'lesson', 'Lesson', lines, index, sink, {});
  // Our components are the capitalised elements; the tutor's HTML is lower case.
  const components = readSource(lesson.source).elements.filter((e) => /^[A-Z]/.test(e.name));
  return { ...lesson, components, report: sink.list.map(formatDiagnostic) };
}

const component = (name: string, attributes: Element['attributes'] = {}): Element => ({ name, attributes });

interface Case {
  body: string;
  components: Element[];
  entry: Partial<BlockEntry>;
}

const CASES: Record<BlockKind, Case> = {
  purpose: {
    body: ':::purpose Why it matters\nKnow whose expectations you meet.\n:::',
    components: [component('PurposeBlock', { id: 'purpose-why-it-matters', title: 'Why it matters' })],
    entry: { id: 'purpose-why-it-matters', required: false, title: 'Why it matters' },
  },
  theory: {
    body: ':::theory {#roles}\nA customer buys; a consumer uses.\n:::',
    components: [component('TheoryBlock', { id: 'roles' })],
    entry: { id: 'roles', required: false },
  },
  example: {
    body: ':::example A canteen {open}\nWho is the customer?\n???\nThe school.\n:::',
    components: [component('ExampleBlock', { id: 'example-a-canteen', title: 'A canteen', open: 'true' }), component('Reveal')],
    entry: { id: 'example-a-canteen', required: false, title: 'A canteen' },
  },
  question: {
    body: ':::question Cereal\nWho is the customer?\n???\nThe mother.\n:::',
    components: [component('QuestionBlock', { id: 'question-cereal', title: 'Cereal' }), component('Reveal')],
    entry: { id: 'question-cereal', required: true, title: 'Cereal' },
  },
  challenge: {
    body: ':::challenge\nMap a journey.\n:::',
    components: [component('ChallengeBlock', { id: 'challenge' })],
    entry: { id: 'challenge', required: true },
  },
  video: {
    body: ':::video Journey {url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" duration="3:32" transcript}\nThe stages.\n:::',
    components: [component('VideoBlock', { id: 'video-journey', title: 'Journey', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', duration: '3:32', transcript: 'true' })],
    entry: { id: 'video-journey', required: false, title: 'Journey' },
  },
  'case-study': {
    body: ':::case-study A bakery\nA bakery sells bread.\n\n? Who buys? {#buyers}\n: Cafés.\n:::',
    components: [component('CaseStudyBlock', { id: 'case-study-a-bakery', title: 'A bakery' }), component('CaseQuestion', { id: 'buyers', number: '1', text: 'Who buys?' }), component('Reveal')],
    entry: { id: 'case-study-a-bakery', required: false, title: 'A bakery', prompts: [{ id: 'buyers', text: 'Who buys?' }] },
  },
  reflection: {
    body: ':::reflection\nThink of a purchase.\n\n? What was the *situation*?\n:::',
    components: [component('ReflectionBlock', { id: 'reflection' }), component('ReflectionPrompt', { id: 'what-was-the-situation', text: 'What was the situation?' })],
    entry: { id: 'reflection', required: false, prompts: [{ id: 'what-was-the-situation', text: 'What was the situation?' }] },
  },
  rating: {
    body: ':::rating Rate us\n- Good\n- Poor\n:::',
    components: [component('RatingBlock', { id: 'rating-rate-us', title: 'Rate us', choices: 'Good|Poor' })],
    entry: { id: 'rating-rate-us', required: false, title: 'Rate us', choices: ['Good', 'Poor'] },
  },
  outcomes: {
    body: ':::outcomes\n:::',
    components: [component('OutcomesBlock', { id: 'outcomes', empty: 'true' })],
    entry: { id: 'outcomes', required: false },
  },
  quiz: {
    body: ':::quiz Check {pass=75}\n### Which is external?\n- ( ) A colleague\n- (x) A restaurant\n:::',
    components: [component('QuizBlock', { id: 'check', title: 'Check', questions: '1', pass: '75' })],
    entry: { id: 'check', required: false, title: 'Check' },
  },
};

describe('each block kind', () => {
  it('has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual([...BLOCK_KINDS].sort());
  });

  it.each(BLOCK_KINDS)(':::%s becomes its component, props and manifest entry', (kind) => {
    const { body, components, entry } = CASES[kind];
    const lesson = compile(body);
    expect(lesson.report).toEqual([]);
    expect(lesson.components).toEqual(components);
    expect(lesson.entry.blocks).toEqual([{ kind, ...entry }]);
  });
});

describe('a lesson of blocks', () => {
  it('keeps the blocks in order, each quiz as data, and counts what the learner does in its study time', () => {
    const lesson = compile([CASES.question.body, CASES['case-study'].body, CASES.reflection.body, CASES.quiz.body].join('\n\n'));
    expect(lesson.entry.blocks.map((b) => b.kind)).toEqual(['question', 'case-study', 'reflection', 'quiz']);
    expect(lesson.quizzes.map((q) => q.id)).toEqual(['check']);
    // A question and two prompts: 3 × 1.5 minutes, and a few words.
    expect(lesson.entry.minutes).toBe(5);
  });

  it('imports only the components it uses', () => {
    const lesson = compile(CASES.question.body);
    expect(lesson.source).toContain('import { QuestionBlock, Reveal } from "virtual:coursemark/blocks";');
  });
});
