// `:::theory`: the explanation a lesson is built on, in a plain card (TheoryBlock).
import { BlockAttributeSchemas } from '../schema/block.ts';
import { proseBlock } from './prose.ts';

export const theory = proseBlock('TheoryBlock', BlockAttributeSchemas.theory);
