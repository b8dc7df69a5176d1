// `:::quiz`: the house quiz syntax (src/content/quiz/), with questions from a GIFT file if {gift}
// names one. The quiz itself travels as data in its own chunk; the lesson shows a card (QuizBlock).
import { existsSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { slugify } from '../markdown/attributes.ts';
import { parseGiftFile } from '../gift/parse.ts';
import { parseQuizBody } from '../quiz/compile.ts';
import { linkQuizLessons } from '../quiz/links.ts';
import { svelteAttribute as attr } from '../markdown/sanitise.ts';
import { BlockAttributeSchemas } from '../schema/block.ts';
import type { Question } from '../schema/quiz.ts';
import type { ScannedBlock } from '../scan/index.ts';
import type { AttributesOf, BlockCompiler, CompilingBlock, LessonScope } from './types.ts';

type QuizAttributes = AttributesOf<'quiz'>;

export const quiz: BlockCompiler<QuizAttributes> = {
  component: 'QuizBlock',
  attributes: BlockAttributeSchemas.quiz,
  compile(block, write, lesson) {
    const { source } = block;
    const { file, displayPath, lessonId, index, sink } = lesson;
    const attrs = block.attrs ?? {};
    const quizId = quizIdOf(source, lessonId);
    const extraQuestions = giftQuestions(block, attrs, quizId, lesson);
    const { quiz, introHtml, diagnostics } = parseQuizBody({
      body: source.body.map((l) => l.text).join('\n'),
      file: displayPath,
      startLine: source.body[0]?.line ?? source.line + 1,
      quizId,
      title: source.title || 'Quiz',
      lessonId,
      attrs,
      coursePassMark: index.coursePassMark,
      extraQuestions,
    });
    sink.list.push(...diagnostics);
    if (!quiz) return { entry: { id: quizId } };
    if (introHtml) quiz.introHtml = introHtml;
    const questions = quiz.settings.draw ?? quiz.questions.filter((q) => q.type !== 'description').length;
    write.use(block.component);
    write.markup(source.line, `<${block.component} id="${attr(quizId)}" title="${attr(quiz.title)}" questions="${questions}" pass="${quiz.passMark}" />`);
    // Lesson links in the quiz's feedback become routes, as in the lesson body (quiz/links.ts).
    const linked = linkQuizLessons(quiz, index.courseId, (url) => index.lessonIdsByFile.get(resolve(dirname(file), decodeURIComponent(url))));
    return { entry: { id: quizId }, quiz: linked };
  },
};

/**
 * The id of the quiz a fence declares: its {#id}, else a slug of its title, else the lesson's.
 * A quiz's id is its own (not a block id derived from the kind), so its attempts keep their key.
 */
export function quizIdOf(fence: ScannedBlock, lessonId: string): string {
  return fence.attrs.id ?? (fence.title ? slugify(fence.title) : `${lessonId}-quiz`);
}

/** The questions of the GIFT file the fence names, if any; its problems are reported at their lines. */
function giftQuestions(block: CompilingBlock<QuizAttributes>, attrs: QuizAttributes, quizId: string, { file, displayPath, sink }: LessonScope): Question[] {
  if (!attrs.gift) return [];
  const giftPath = resolve(dirname(file), attrs.gift);
  if (!existsSync(giftPath)) {
    const { line, column, attrColumns } = block.source;
    sink.error(line, attrColumns.gift ?? column, 'asset/missing', `the GIFT file "${attrs.gift}" does not exist`, 'put the .gift file in the course folder and give its path relative to the lesson file');
    return [];
  }
  const gift = parseGiftFile(giftPath, normalize(join(dirname(displayPath), attrs.gift)), { idPrefix: quizId });
  sink.list.push(...gift.diagnostics);
  return gift.questions.map((q) => q.question);
}
