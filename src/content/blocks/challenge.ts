// `:::challenge`: a task for the learner to do away from the page, marked done by them
// (ChallengeBlock); completion waits for it.
import { BlockAttributeSchemas } from '../schema/block.ts';
import { proseBlock } from './prose.ts';

export const challenge = proseBlock('ChallengeBlock', BlockAttributeSchemas.challenge, { activity: true });
