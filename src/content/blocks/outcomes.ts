// `:::outcomes`: the course's outcomes, listed by the player (OutcomesBlock); the tutor's text,
// if any, introduces them.
import { BlockAttributeSchemas } from '../schema/block.ts';
import { isBlank } from '../scan/index.ts';
import { framed } from './markup.ts';
import type { AttributesOf, BlockCompiler } from './types.ts';

export const outcomes: BlockCompiler<AttributesOf<'outcomes'>> = {
  component: 'OutcomesBlock',
  attributes: BlockAttributeSchemas.outcomes,
  compile(block, write) {
    const body = block.source.body;
    framed(write, block, isBlank(body) ? { empty: 'true' } : {}, () => write.markdown(body));
  },
};
