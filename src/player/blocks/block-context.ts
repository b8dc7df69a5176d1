// Lets the parts inside a block (case-study questions, reflection prompts) key their saved notes by
// the enclosing block's id without the pipeline repeating it on every part.
import { getContext, setContext } from 'svelte';

export interface BlockContext {
  readonly blockId: string;
}

const KEY = Symbol('coursemark.block');

export function setBlockContext(context: BlockContext): BlockContext {
  return setContext(KEY, context);
}

export function getBlockContext(part: string): BlockContext {
  const context = getContext<BlockContext | undefined>(KEY);
  if (!context) throw new Error(`${part} must be placed inside its block (a case study or a reflection).`);
  return context;
}
