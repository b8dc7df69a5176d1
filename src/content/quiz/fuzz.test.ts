// Fuzzing the house quiz parser with random quiz bodies made of its own syntax and its troublemakers
// (unclosed "[[", "<", code fences, stray feedback): no exception escapes, every diagnostic points
// inside the quiz, and every question it returns fits the compiled model.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionSchema } from '../schema/quiz.ts';
import { parseQuizBody } from './compile.ts';

const TOKENS = [
  '### ', '### Which one? ', '- ( ) ', '- (x) ', '- [ ] ', '- [x] ', '= ', '1. ', '2) ', '- a -> b', '-> ',
  '> hint: ', '> explanation: ', '> true: ', '> nope: ', '  > ', '>', '[[a]]', '[[', ']]', '[[=a ~b]]',
  '{#id}', '{#id', '{points=2}', '{type=essay}', '{type=bogus}', '{case=sensitive}', '{', '}', '```', '~~~',
  '+- 0.5', '..', '%50%', '%-20%', '%x%', '3.14', 'word', 'Ottawa', '<b>', '<', '*', '_', '`', '\\', ':', ' ', '\t',
  '\n', '\n\n', '\r\n', '€',
];
const noise = fc.array(fc.constantFrom(...TOKENS), { maxLength: 50 }).map((parts) => parts.join(''));
/** Words with a troublemaker or two, for the text of questions and answers. */
const text = fc.array(fc.constantFrom('Ottawa', 'Rome', 'the', 'customer', '<', '<b>', '*', '_', '`', '[[', '{', '€', '&', ':'), { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
/** Well-formed questions of every shape, so that many bodies compile and their questions are checked. */
const question = fc.tuple(fc.constantFrom('single', 'multiple', 'short', 'numeric', 'matching', 'blanks'), text, text, text).map(([kind, a, b, c]) => {
  const heading = `### ${c}?`;
  if (kind === 'single') return `${heading}\n- (x) ${a} 1\n- ( ) ${b} 2\n  > ${c}`;
  if (kind === 'multiple') return `${heading}\n- [x] ${a} 1\n- [ ] ${b} 2`;
  if (kind === 'short') return `${heading}\n= ${a}`;
  if (kind === 'numeric') return `${heading}\n= 42 +- 0.5`;
  if (kind === 'matching') return `${heading}\n- ${a} 1 -> x\n- ${b} 2 -> y`;
  return `### Fill [[${a.replace(/[[\]]/g, '')}]] in ${c}`;
});
const shaped = fc.array(question, { minLength: 1, maxLength: 5 }).map((questions) => questions.join('\n\n'));
const body = fc.oneof(noise, shaped);

describe('the house quiz parser on random bodies', () => {
  it('throws nothing, locates every diagnostic inside the quiz and returns valid questions', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(body, (text) => {
        const startLine = 5;
        const lines = text.split('\n').length;
        const { quiz, diagnostics } = parseQuizBody({ body: text, file: 'fuzz.md', startLine, quizId: 'quiz', title: 'Quiz', lessonId: 'lesson', attrs: {}, coursePassMark: 80 });
        for (const d of diagnostics) {
          expect(d.file).toBe('fuzz.md');
          // The fence line (startLine - 1) carries quiz-wide problems.
          expect(d.line).toBeGreaterThanOrEqual(startLine - 1);
          expect(d.line).toBeLessThan(startLine + lines);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.hint).toBeTruthy();
        }
        for (const question of quiz?.questions ?? []) expect(QuestionSchema.safeParse(question).success).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });
});
