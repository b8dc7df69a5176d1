// The house quiz syntax (the body of a `:::quiz` block, docs/authoring.md) → the compiled Quiz, with
// a diagnostic at file:line:col for every mistake in one pass. The steps, each in its module:
// read.ts splits the body into questions as written, heading.ts reads each heading's attributes,
// this file gives every question its id, build.ts builds each question, and the quiz's own checks
// and settings close the pass. write.ts goes the other way (a compiled question → house syntax).
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { IdAllocator } from '../markdown/attributes.ts';
import type { Question, Quiz, QuizSettings } from '../schema/quiz.ts';
import { withAnswerIds } from './answer-ids.ts';
import { renderBlock } from './answers.ts';
import { buildQuestion } from './build.ts';
import { readAttributes, type HeadingAttributes } from './heading.ts';
import { readQuestion, reportStrayAnswers, splitQuestions } from './read.ts';
import { at, questionSlug, type BodyLine, type QuestionSource } from './syntax.ts';

export interface QuizBodyInput {
  /** The lines between the `:::quiz` fence and its closing `:::`, joined with "\n". */
  body: string;
  /** Path for diagnostics, e.g. "content/external-customers/09-quiz.md". */
  file: string;
  /** 1-based line number (in the file) of the first body line; columns are 1-based in the file too. */
  startLine: number;
  quizId: string;
  title: string;
  lessonId: string;
  /** Fence attributes, already validated: see BlockAttributeSchemas.quiz in src/content/schema/block.ts. */
  attrs: {
    pass?: number;
    attempts?: number;
    shuffle?: 'questions' | 'options' | 'all' | 'none';
    draw?: number;
    feedback?: 'immediate' | 'end';
    time?: number;
  };
  coursePassMark: number;
  /** Extra questions already parsed from a GIFT file (attrs.gift); appended after the Markdown ones. */
  extraQuestions?: Question[];
}

export function parseQuizBody(input: QuizBodyInput): { quiz: Quiz | null; introHtml: string; diagnostics: Diagnostic[] } {
  const sink = new DiagnosticSink(input.file);
  const fenceLine = Math.max(1, input.startLine - 1);
  const lines: BodyLine[] = input.body.split('\n').map((text, i) => ({ text: text.replace(/\r$/, ''), line: input.startLine + i }));
  const { intro, runs } = splitQuestions(lines);
  const strayAnswers = reportStrayAnswers(intro, sink);
  const sources = runs.map((run) => readQuestion(run.heading, run.lines, sink));
  const attributes = sources.map((source) => readAttributes(source, sink));
  // GIFT has no id syntax: every part of its questions takes the id made from its text.
  const extra = (input.extraQuestions ?? []).map((question) => withAnswerIds(question));
  const ids = questionIds(sources, attributes, extra, sink, fenceLine);
  const built = sources.map((source, i) => buildQuestion(source, ids[i]!, attributes[i]!, sink, input.file));
  const questions = [...built.filter((q): q is Question => q !== null), ...extra];
  checkQuestionCount(questions, runs.length === 0 && extra.length === 0 && !strayAnswers, sink, fenceLine);
  // Count what the tutor wrote, so a question with an error elsewhere does not also shrink the pool.
  const pool = attributes.filter((a) => a.type?.value !== 'description').length + extra.filter((q) => q.type !== 'description').length;
  checkDraw(input.attrs.draw, pool, sink, fenceLine);
  const introHtml = renderBlock(intro.map((line) => line.text)) ?? '';
  const quiz: Quiz | null = sink.hasErrors
    ? null
    : {
        id: input.quizId,
        title: input.title.trim() || 'Quiz',
        lessonId: input.lessonId,
        settings: quizSettings(input.attrs),
        passMark: input.attrs.pass ?? input.coursePassMark,
        questions,
      };
  return { quiz, introHtml, diagnostics: sortDiagnostics(sink.list) };
}

/**
 * Every question's id: the tutor's `{#id}`, else one made from its heading, numbered when taken.
 * Explicit ids are claimed first, so a derived id never takes an id the tutor chose.
 */
function questionIds(sources: QuestionSource[], attributes: HeadingAttributes[], extra: Question[], sink: DiagnosticSink, fenceLine: number): string[] {
  const taken = new IdAllocator();
  for (const [i, attrs] of attributes.entries()) {
    const explicit = attrs.id;
    if (!explicit) continue;
    if (taken.has(explicit.value)) {
      sink.error(explicit.at.line, explicit.at.column, 'quiz/duplicate-id', `duplicate question id: "${explicit.value}" is already used in this quiz`, `give each question its own id, e.g. {#${explicit.value}-${i + 1}}`);
    }
    taken.claim(explicit.value);
  }
  for (const question of extra) {
    if (taken.has(question.id)) {
      const where = attributes.find((a) => a.id?.value === question.id)?.id?.at ?? at(fenceLine, 1);
      sink.error(where.line, where.column, 'quiz/duplicate-id', `duplicate question id: "${question.id}" is also a question in the GIFT file${question.source ? ` (${question.source})` : ''}`, 'rename one of them; in a GIFT file the id comes from the "::title::"');
    }
    taken.claim(question.id);
  }
  return sources.map((source, i) => attributes[i]!.id?.value || taken.unique(questionSlug(source.text)));
}

/** A quiz needs a question, and one that is not a description. */
function checkQuestionCount(questions: Question[], nothingWritten: boolean, sink: DiagnosticSink, fenceLine: number): void {
  if (nothingWritten) {
    sink.error(
      fenceLine,
      1,
      'quiz/empty',
      'a quiz with no questions: expected at least one "### question" heading, received none',
      'add a question under the intro, e.g. "### Which city is the capital of Canada?" followed by "- (x) Ottawa" and "- ( ) Toronto"',
    );
  } else if (questions.every((q) => q.type === 'description') && !sink.hasErrors) {
    sink.error(fenceLine, 1, 'quiz/empty', 'a quiz with nothing to answer: expected at least one question that is not {type=description}', 'add a question with answers');
  }
}

function checkDraw(draw: number | undefined, pool: number, sink: DiagnosticSink, fenceLine: number): void {
  if (draw !== undefined && pool > 0 && draw > pool) {
    sink.error(fenceLine, 1, 'quiz/draw-too-large', `draw=${draw} is more than the quiz has: expected at most ${pool}, received ${draw}`, `write draw=${pool} or fewer, or add more questions to the pool`);
  }
}

function quizSettings(attrs: QuizBodyInput['attrs']): QuizSettings {
  const shuffle = attrs.shuffle ?? 'none';
  return {
    ...(attrs.pass !== undefined ? { passMark: attrs.pass } : {}),
    ...(attrs.attempts !== undefined ? { attempts: attrs.attempts } : {}),
    shuffleQuestions: shuffle === 'questions' || shuffle === 'all',
    shuffleOptions: shuffle === 'options' || shuffle === 'all',
    ...(attrs.draw !== undefined ? { draw: attrs.draw } : {}),
    feedback: attrs.feedback ?? 'immediate',
    ...(attrs.time !== undefined ? { timeLimit: attrs.time } : {}),
  };
}
