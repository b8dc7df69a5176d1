// The markup pieces block compilers share: the block's component around its body, the <Reveal>
// that hides a solution or a model answer, and the diagnostic for a block with nothing in it.
import type { DiagnosticSink } from '../diagnostics.ts';
import { svelteAttribute } from '../markdown/sanitise.ts';
import { BLOCK_LABELS } from '../schema/block.ts';
import type { ScannedBlock, SourceLine } from '../scan/index.ts';
import type { BlockWriter, CompilingBlock } from './types.ts';

/** Props of our own components, as double-quoted attributes (escaped: see sanitise.ts); empty ones left out. */
export function attributes(props: Record<string, string | undefined>): string {
  return Object.entries(props)
    .filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
    .map(([key, value]) => `${key}="${svelteAttribute(value)}"`)
    .join(' ');
}

/** `<Component id="…" title="…" …>`, what `body` writes, then `</Component>`. */
export function framed<Attrs>(write: BlockWriter, block: CompilingBlock<Attrs>, extra: Record<string, string | undefined>, body: () => void): void {
  write.use(block.component);
  write.markup(block.source.line, `<${block.component} ${attributes({ id: block.id, title: block.source.title, ...extra })}>`);
  body();
  write.markup(block.source.line, `</${block.component}>`);
}

/** Markdown the learner opens on demand (a worked solution, an answer, a model answer). */
export function reveal(write: BlockWriter, line: number, lines: SourceLine[]): void {
  write.use('Reveal');
  write.markup(line, '<Reveal>');
  write.markdown(lines);
  write.markup(line, '</Reveal>');
}

export function reportEmpty(block: ScannedBlock, sink: DiagnosticSink): void {
  sink.error(block.line, block.column, 'block/empty', `this ${BLOCK_LABELS[block.kind].toLowerCase()} block is empty`, 'write its content between the opening line and the closing ":::", or delete the block');
}
