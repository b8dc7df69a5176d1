// `:::reflection`: an introduction, then "? " prompts the learner answers in their own words,
// saved as notes (ReflectionBlock with a ReflectionPrompt per prompt).
import { BlockAttributeSchemas } from '../schema/block.ts';
import { svelteAttribute as attr } from '../markdown/sanitise.ts';
import { compilePrompts, type PromptPart } from './prompts.ts';
import type { AttributesOf, BlockCompiler, BlockWriter } from './types.ts';

export const reflection: BlockCompiler<AttributesOf<'reflection'>> = {
  component: 'ReflectionBlock',
  attributes: BlockAttributeSchemas.reflection,
  compile(block, write, lesson) {
    return compilePrompts(block, write, lesson, {
      none: ['reflection/no-prompts', 'this reflection has no prompts', 'add prompts as lines starting with "? ", e.g. "? What was the situation?"'],
      part: prompt,
    });
  },
};

function prompt({ prompt, id, text, markdown }: PromptPart, write: BlockWriter): void {
  write.use('ReflectionPrompt');
  write.markup(prompt.line, `<ReflectionPrompt id="${attr(id)}" text="${attr(text)}">`);
  write.markdown([{ text: markdown, line: prompt.line }]);
  write.markdown(prompt.answer);
  write.markup(prompt.line, '</ReflectionPrompt>');
}
