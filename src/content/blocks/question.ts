// `:::question`: a question, then after "???" its answer, which the learner reveals after thinking
// (QuestionBlock, the answer in a Reveal); completion waits for it.
import { BlockAttributeSchemas } from '../schema/block.ts';
import { isBlank, isRevealSeparator, splitAt } from '../scan/index.ts';
import { framed, reveal } from './markup.ts';
import type { AttributesOf, BlockCompiler } from './types.ts';

export const question: BlockCompiler<AttributesOf<'question'>> = {
  component: 'QuestionBlock',
  attributes: BlockAttributeSchemas.question,
  compile(block, write, { sink }) {
    const { line, column, body } = block.source;
    const { parts, separators } = splitAt(body, isRevealSeparator);
    if (separators.length === 0 || isBlank(parts.slice(1).flat())) {
      sink.error(
        line,
        column,
        'question/no-answer',
        separators.length === 0 ? 'this question has no answer' : 'nothing follows "???" in this question',
        'add a line with just "???" after the question, then the answer, e.g.\n  :::question\n  Who is the customer?\n  ???\n  The mother.\n  :::',
      );
    }
    if (isBlank(parts[0]!)) {
      sink.error(line, column, 'question/no-text', 'this question has no question text above "???"', 'write the question first, then "???", then the answer');
    }
    framed(write, block, {}, () => {
      write.markdown(parts[0]!);
      if (parts.length > 1) reveal(write, line, parts.slice(1).flat());
    });
    return { entry: { required: true }, interactions: 1 };
  },
};
