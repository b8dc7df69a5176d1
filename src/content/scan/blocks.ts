// The container-block pass that runs before Markdown: it finds `:::kind Title {attrs}` ... `:::`
// fences in a lesson body (outside code fences), so tutors never write Svelte. mdsvex 0.12 bundles
// remark-parse 8, which today's remark-directive cannot plug into, hence a line pass of our own.
import { BLOCK_KINDS, type BlockKind } from '../schema/block.ts';
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import { parseAttributeList } from '../markdown/attributes.ts';
import { CodeFenceTracker, type SourceLine } from './lines.ts';

export interface ScannedBlock {
  kind: BlockKind;
  title: string;
  attrs: Record<string, string>;
  /** 1-based column (in the file) of each attribute key, for diagnostics. */
  attrColumns: Record<string, number>;
  line: number;
  column: number;
  body: SourceLine[];
  /** Set when the kind was not recognised: the body is consumed (so the closing fence matches) and dropped. */
  unknown?: boolean;
}

export type Segment = { type: 'markdown'; lines: SourceLine[] } | { type: 'block'; block: ScannedBlock };

const OPEN = /^(\s{0,3}):::([A-Za-z][\w-]*)(.*)$/;
const CLOSE = /^\s{0,3}:::\s*$/;

/** The kind named by a line that opens a block (`:::kind ...`), whether known or not; null for any other line. */
export function fenceKind(text: string): string | null {
  return OPEN.exec(text)?.[2] ?? null;
}

/** A line that closes a block: just `:::`. */
export const isFenceClose = (text: string): boolean => CLOSE.test(text);

/** The state of one scan: the segments so far, the prose waiting to become one, the block open. */
class Scan {
  readonly segments: Segment[] = [];
  markdown: SourceLine[] = [];
  open: ScannedBlock | null = null;
  constructor(readonly sink: DiagnosticSink) {}

  flushMarkdown(): void {
    if (this.markdown.length) this.segments.push({ type: 'markdown', lines: this.markdown });
    this.markdown = [];
  }

  /** Ends the open block; `next` is the line of the fence that opens another (blocks do not nest). */
  endUnclosed(next?: SourceLine): void {
    const open = this.open!;
    this.sink.error(
      open.line,
      open.column,
      'block/unclosed',
      next
        ? `the ":::${open.kind}" block opened here is not closed before the next block starts on line ${next.line}`
        : `the ":::${open.kind}" block opened here is never closed`,
      next ? `add a line with just ":::" after the last line of this ${open.kind} block (blocks do not nest)` : `add a line with just ":::" after the last line of the ${open.kind} block`,
    );
    this.segments.push({ type: 'block', block: open });
    this.open = null;
  }

  close(source: SourceLine): void {
    if (this.open) {
      this.segments.push({ type: 'block', block: this.open });
      this.open = null;
      return;
    }
    this.sink.error(
      source.line,
      source.text.indexOf(':::') + 1,
      'block/stray-close',
      'this ":::" closes no block',
      'delete the line, or open a block above it with ":::kind Title" (e.g. ":::theory Types of customer")',
    );
  }

  /** Opens a block at a `:::kind Title {attrs}` line, reporting an unknown kind and bad attributes. */
  start(source: SourceLine, match: RegExpExecArray): void {
    const name = match[2]!;
    const column = match[1]!.length + 1;
    if (this.open) this.endUnclosed(source);
    const known = (BLOCK_KINDS as readonly string[]).includes(name);
    if (!known) {
      const guess = didYouMean(name, BLOCK_KINDS);
      this.sink.error(
        source.line,
        column + 3,
        'block/unknown',
        `unknown block kind "${name}"`,
        guess ? `did you mean ":::${guess}"? The kinds are: ${BLOCK_KINDS.join(', ')}` : `use one of: ${BLOCK_KINDS.join(', ')}`,
      );
    }
    this.flushMarkdown();
    const restColumn = column + 3 + name.length;
    const parsed = parseAttributeList(match[3] ?? '');
    if (parsed.problem) {
      this.sink.error(source.line, restColumn + parsed.problem.offset, 'block/bad-attribute', parsed.problem.message, parsed.problem.hint);
    }
    const attrColumns: Record<string, number> = {};
    for (const [key, offset] of Object.entries(parsed.offsets)) attrColumns[key] = restColumn + offset;
    this.open = {
      ...(known ? {} : { unknown: true }),
      kind: name as BlockKind,
      title: parsed.text,
      attrs: parsed.values,
      attrColumns,
      line: source.line,
      column,
      body: [],
    };
  }
}

/** Splits a lesson body into stretches of Markdown and blocks, reporting every fence problem. */
export function scanBlocks(lines: SourceLine[], sink: DiagnosticSink): Segment[] {
  const scan = new Scan(sink);
  const code = new CodeFenceTracker();
  for (const source of lines) {
    const inCode = code.step(source.text);
    const match = inCode ? null : OPEN.exec(source.text);
    if (!inCode && CLOSE.test(source.text)) scan.close(source);
    else if (match) scan.start(source, match);
    else if (scan.open) scan.open.body.push(source);
    else scan.markdown.push(source);
  }
  if (scan.open) scan.endUnclosed();
  scan.flushMarkdown();
  return scan.segments;
}
