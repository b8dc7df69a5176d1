// "See [Introduction](01-introduction.md)" in a quiz's feedback opens that lesson in the player, and
// names it as the lesson to revisit when the question is missed.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../pipeline.ts';
import type { Quiz } from '../schema/quiz.ts';
import { linkQuizLessons } from './links.ts';
import { parseQuizBody } from './compile.ts';

const lessons = new Map([['01-introduction.md', 'introduction']]);
const compile = (...lines: string[]): Quiz => {
  const { quiz, diagnostics } = parseQuizBody({ body: lines.join('\n'), file: 'q.md', startLine: 2, quizId: 'q', title: 'Q', lessonId: 'quiz', attrs: {}, coursePassMark: 80 });
  expect(diagnostics).toEqual([]);
  return linkQuizLessons(quiz!, 'course', (url) => lessons.get(url));
};

describe('linkQuizLessons', () => {
  it('routes lesson links in every text of a quiz and names the first linked lesson as the one to revisit', () => {
    const quiz = compile(
      '### Who buys? {#who}',
      '- (x) The customer',
      '  > Yes: see [the introduction](01-introduction.md#start).',
      '- ( ) The consumer',
      '> explanation: See [Introduction](01-introduction.md) and [the web](https://example.com).',
    );
    const question = quiz.questions[0]!;
    expect(question.explanationHtml).toBe('<p>See <a href="#/course/introduction">Introduction</a> and <a href="https://example.com">the web</a>.</p>');
    expect(question.type === 'single' && question.options[0]!.feedbackHtml).toBe('<p>Yes: see <a href="#/course/introduction">the introduction</a>.</p>');
    expect(question.revisit).toEqual({ lessonId: 'introduction', title: 'Introduction' });
  });

  it('lets only plain relative lesson files through as lesson links, each ending as a route', () => {
    const quiz = compile(
      '### Who buys?',
      '- (x) The customer',
      '- ( ) The consumer',
      '> explanation: [a](java\tscript:alert(1)//x.md) [b](//evil.example/x.md) [c](/etc/x.md) [d](other/missing.md)',
    );
    const html = quiz.questions[0]!.explanationHtml!;
    // Every link left is a route; the others lost their href (or were never links).
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['#/course']);
    expect(html).toContain('<a href="#/course">d</a>');
  });

  it('leaves a question without lesson links to the lesson holding the quiz', () => {
    expect(compile('### Who buys?', '- (x) The customer', '- ( ) The consumer').questions[0]!.revisit).toBeUndefined();
  });

  it('links every "See ..." of the bundled quizzes to its lesson', () => {
    const courses = loadContent('content', { cwd: resolve(import.meta.dirname, '../../..') }).courses;
    for (const course of courses) {
      for (const quiz of course.quizzes.values()) {
        const html = JSON.stringify(quiz);
        expect(html).not.toMatch(/See <em>/);
        expect(html).not.toMatch(/href=\\"[^"#]*\.md/);
        const missed = quiz.questions.filter((q) => q.type !== 'description' && !q.revisit);
        expect(missed.map((q) => q.id)).toEqual([]);
        for (const q of quiz.questions) if (q.revisit) expect(course.manifest.lessons.map((l) => l.id)).toContain(q.revisit.lessonId);
      }
    }
  });
});
