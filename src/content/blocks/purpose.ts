// `:::purpose`: why the lesson matters, in a tinted banner (PurposeBlock).
import { BlockAttributeSchemas } from '../schema/block.ts';
import { proseBlock } from './prose.ts';

export const purpose = proseBlock('PurposeBlock', BlockAttributeSchemas.purpose);
