// `:::rating`: a question and its "- " choices, the learner picking one (RatingBlock); the choices
// travel to the player as one "|"-separated attribute and to the manifest as a list.
import { BlockAttributeSchemas } from '../schema/block.ts';
import type { SourceLine } from '../scan/index.ts';
import { framed } from './markup.ts';
import type { AttributesOf, BlockCompiler } from './types.ts';

const CHOICE = /^\s{0,3}[-*+]\s+(.*\S)\s*$/;

export const rating: BlockCompiler<AttributesOf<'rating'>> = {
  component: 'RatingBlock',
  attributes: BlockAttributeSchemas.rating,
  compile(block, write, { sink }) {
    const { line, column } = block.source;
    const choices: string[] = [];
    const rest: SourceLine[] = [];
    for (const source of block.source.body) {
      const item = CHOICE.exec(source.text);
      if (item) choices.push(item[1]!);
      else rest.push(source);
    }
    if (choices.length < 2) {
      sink.error(line, column, 'rating/no-choices', `a rating needs at least two choices, found ${choices.length}`, 'list the choices as "- " items, e.g. "- Excellent", "- Good", "- Average", "- Poor"');
    }
    if (choices.some((c) => c.includes('|'))) {
      sink.error(line, column, 'rating/bad-choice', 'a rating choice cannot contain "|"', 'reword the choice without "|"');
    }
    framed(write, block, { choices: choices.join('|') }, () => write.markdown(rest));
    return { entry: { choices } };
  },
};
