// The proof copy's source transform: hidden parts open, each quiz listed with answers and ids.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadContent } from './pipeline.ts';
import { proofSource, questionProofHtml } from './proof.ts';
import { parseQuizBody } from './quiz/compile.ts';

const valid = loadContent('content', { cwd: resolve(import.meta.dirname, '../../tests/fixtures/valid') }).courses[0]!;

describe('proofSource', () => {
  it('opens every hidden part and lists the quiz under its card', () => {
    const lesson = proofSource(valid.lessons.get('customers')!.source, valid.quizzes);
    expect(lesson).not.toContain('<Reveal>');
    expect(lesson).toMatch(/<div class="cm-proof-reveal">[\s\S]*The mother\. The child is the consumer\.[\s\S]*<\/div>/);
    const quiz = proofSource(valid.lessons.get('quiz')!.source, valid.quizzes);
    expect(quiz).toContain('<QuizBlock id="check"');
    expect(quiz).toContain('Quiz <code>check</code> · pass mark 75% · 3 attempts');
    expect(quiz).toContain('Question <code>which-are-customer-touchpoints</code> · multiple choice · 1 point');
  });

  it('writes out blanks, numeric ranges and model answers', () => {
    const { quiz } = parseQuizBody({
      body: ['### A [[customer|client]] buys.', '', '### Hours? {#hours}', '= 6 ± 1', '', '### Why? {type=essay}', '???', 'Because.'].join('\n'),
      file: 'q.md',
      startLine: 2,
      quizId: 'q',
      title: 'Q',
      lessonId: 'l',
      attrs: {},
      coursePassMark: 80,
    });
    const [blanks, numeric, essay] = quiz!.questions.map(questionProofHtml);
    expect(blanks).toContain('<mark class="cm-proof-blank">[customer | client]</mark>');
    expect(numeric).toContain('✓ 5 to 7');
    expect(essay).toContain('<strong>Model answer:</strong> Because.');
  });
});
