// `:::example`: a task, then after "???" its worked solution, which waits for the learner unless
// the fence says {open} (ExampleBlock, the solution in a Reveal).
import { BlockAttributeSchemas } from '../schema/block.ts';
import { isBlank, isRevealSeparator, splitAt } from '../scan/index.ts';
import { framed, reportEmpty, reveal } from './markup.ts';
import type { AttributesOf, BlockCompiler } from './types.ts';

export const example: BlockCompiler<AttributesOf<'example'>> = {
  component: 'ExampleBlock',
  attributes: BlockAttributeSchemas.example,
  compile(block, write, { sink }) {
    const { body } = block.source;
    const { parts, separators } = splitAt(body, isRevealSeparator);
    if (separators.length > 1) {
      sink.error(separators[1]!.line, 1, 'example/many-separators', 'an example can have only one "???" line', 'keep one "???" between the task and the worked solution');
    }
    if (isBlank(body)) reportEmpty(block.source, sink);
    framed(write, block, { open: block.attrs?.open === 'true' ? 'true' : undefined }, () => {
      write.markdown(parts[0]!);
      if (parts.length === 1) return;
      if (isBlank(parts[1]!)) {
        sink.error(separators[0]!.line, 1, 'example/no-solution', 'nothing follows "???" in this example', 'write the worked solution below "???", or delete the "???" line');
      }
      reveal(write, block.source.line, parts.slice(1).flat());
    });
  },
};
