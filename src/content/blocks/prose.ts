// The compiler of a block that is the tutor's text in its frame and nothing else (purpose, theory,
// challenge): one shape, so each of those kinds' modules is a single line naming its component.
import { isBlank } from '../scan/index.ts';
import { framed, reportEmpty } from './markup.ts';
import type { BlockCompiler } from './types.ts';

export function proseBlock<Attrs>(
  component: string,
  attributes: BlockCompiler<Attrs>['attributes'],
  options: { /** The learner is expected to do it: completion waits for it. */ activity?: boolean } = {},
): BlockCompiler<Attrs> {
  return {
    component,
    attributes,
    compile(block, write, lesson) {
      if (isBlank(block.source.body)) reportEmpty(block.source, lesson.sink);
      framed(write, block, {}, () => write.markdown(block.source.body));
      return options.activity ? { entry: { required: true }, interactions: 1 } : undefined;
    },
  };
}
