// `:::case-study`: a case, then "? " questions each followed by a ": " model answer; the learner
// writes an answer, then compares it with the model (CaseStudyBlock with a CaseQuestion per question).
import { BlockAttributeSchemas } from '../schema/block.ts';
import { isBlank, isModelAnswer, modelAnswerLines } from '../scan/index.ts';
import { svelteAttribute as attr } from '../markdown/sanitise.ts';
import { reveal } from './markup.ts';
import { compilePrompts, type PromptPart } from './prompts.ts';
import type { AttributesOf, BlockCompiler, BlockWriter, LessonScope } from './types.ts';

export const caseStudy: BlockCompiler<AttributesOf<'case-study'>> = {
  component: 'CaseStudyBlock',
  attributes: BlockAttributeSchemas['case-study'],
  compile(block, write, lesson) {
    return compilePrompts(block, write, lesson, {
      none: ['case-study/no-questions', 'this case study has no questions', 'add questions as lines starting with "? ", each followed by a model answer line starting with ": "'],
      part: question,
    });
  },
};

function question({ prompt, number, id, text, markdown }: PromptPart, write: BlockWriter, { sink }: LessonScope): void {
  const answer = prompt.answer;
  const first = answer.find((l) => l.text.trim() !== '');
  if (!first || isBlank(answer)) {
    sink.error(
      prompt.line,
      1,
      'case-study/no-answer',
      'this case-study question has no model answer',
      'write the model answer on the next line, starting with ": ", e.g.\n  ? Which two organisations did John Lewis work with?\n  : The British Retail Consortium and RoSPA.',
    );
  } else if (!isModelAnswer(first.text)) {
    sink.error(first.line, 1, 'case-study/no-answer', 'the model answer must start with ": "', `write ": ${first.text.trim()}"`);
  }
  write.use('CaseQuestion');
  write.markup(prompt.line, `<CaseQuestion id="${attr(id)}" number="${number}" text="${attr(text)}">`);
  write.markdown([{ text: markdown, line: prompt.line }]);
  reveal(write, prompt.line, modelAnswerLines(answer));
  write.markup(prompt.line, '</CaseQuestion>');
}
