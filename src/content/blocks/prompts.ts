// What case studies and reflections share: an introduction, then "? " prompts, each with an id
// of its own (from {#id} or its text) that the learner's answer is saved under.
import { IdAllocator, parseAttributeList, slugify } from '../markdown/attributes.ts';
import { splitPrompts, type Prompt } from '../scan/index.ts';
import { framed } from './markup.ts';
import { plainText } from './plain-text.ts';
import type { BlockOutcome, BlockWriter, CompilingBlock, LessonScope } from './types.ts';

/** A prompt as its kind writes it. */
export interface PromptPart {
  prompt: Prompt;
  /** 1-based. */
  number: number;
  id: string;
  /** The prompt's words without markup or {#id}, for the text box's name. */
  text: string;
  /** The prompt's line without its {#id}, as Markdown. */
  markdown: string;
}

export interface PromptsOptions {
  /** The error for a block without prompts: rule, message and hint. */
  none: [rule: string, message: string, hint: string];
  /** Writes one prompt (and checks its answer). */
  part(part: PromptPart, write: BlockWriter, lesson: LessonScope): void;
}

export function compilePrompts<Attrs>(block: CompilingBlock<Attrs>, write: BlockWriter, lesson: LessonScope, options: PromptsOptions): BlockOutcome {
  const { intro, prompts } = splitPrompts(block.source.body);
  if (prompts.length === 0) lesson.sink.error(block.source.line, block.source.column, ...options.none);
  const entries: { id: string; text: string }[] = [];
  const ids = new IdAllocator();
  framed(write, block, {}, () => {
    write.markdown(intro);
    prompts.forEach((prompt, n) => {
      const parsed = parseAttributeList(prompt.text);
      const id = parsed.values.id ?? ids.unique(slugify(parsed.text) || `prompt-${n + 1}`);
      ids.claim(id);
      const text = plainText(parsed.text);
      entries.push({ id, text });
      options.part({ prompt, number: n + 1, id, text, markdown: parsed.text }, write, lesson);
    });
  });
  return { entry: { prompts: entries }, interactions: prompts.length };
}
