// Shared by the quiz tests: a quiz body parsed as line 2 of a lesson, and a question written back
// with serializeQuestion and read again. Only the tests import it.
import { expect } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { QuizSchema, type Question, type Quiz } from '../schema/quiz.ts';
import { withAnswerIds } from './answer-ids.ts';
import { parseQuizBody, type QuizBodyInput } from './compile.ts';
import { serializeQuestion } from './write.ts';

export const FILE = 'content/external-customers/09-quiz.md';

/** Parses a quiz body whose first line is line 2 of the file (the `:::quiz` fence is line 1). */
export function parse(lines: string[], overrides: Partial<QuizBodyInput> = {}) {
  return parseQuizBody({
    body: lines.join('\n'),
    file: FILE,
    startLine: 2,
    quizId: 'final-quiz',
    title: 'Final quiz',
    lessonId: 'quiz',
    attrs: {},
    coursePassMark: 80,
    ...overrides,
  });
}

/** The quiz, which must have parsed without diagnostics and must satisfy the schema. */
export function quizOf(lines: string[], overrides: Partial<QuizBodyInput> = {}): Quiz {
  const result = parse(lines, overrides);
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  return QuizSchema.parse(result.quiz);
}

export const only = (lines: string[]): Question => {
  const questions = quizOf(lines).questions;
  expect(questions).toHaveLength(1);
  return questions[0]!;
};

export const errors = (lines: string[], overrides: Partial<QuizBodyInput> = {}): string => {
  const result = parse(lines, overrides);
  if (result.diagnostics.length > 0) expect(result.quiz).toBeNull();
  return result.diagnostics.map(formatDiagnostic).join('\n');
};

/** A question up to its ids: answer parts take the ids made from their text, as parsing gives them. */
export const withoutIds = (q: Question): unknown => {
  const { id: _id, source: _source, ...rest } = withAnswerIds(q);
  return rest;
};

/** parse(serializeQuestion(q)); a filler question keeps a lone description from being an empty quiz. */
export function roundTrip(q: Question): Question {
  const text = serializeQuestion(q);
  const result = parse([...text.split('\n'), '### Filler', '= x']);
  expect(result.diagnostics.map(formatDiagnostic), text).toEqual([]);
  return result.quiz!.questions[0]!;
}
