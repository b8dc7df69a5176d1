// The container-block pass that runs before Markdown: it finds `:::kind Title {attrs}` ... `:::`
// fences in a lesson body (outside code fences), so tutors never write Svelte. mdsvex 0.12 bundles
// remark-parse 8, which today's remark-directive cannot plug into, hence a line pass of our own.
import { BLOCK_KINDS, type BlockKind } from '../schema/block.ts';
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import { parseAttributeList } from '../markdown/attributes.ts';

export interface SourceLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

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
const CODE_FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Tracks whether a line is inside a fenced code block, where `:::` means nothing. */
export class CodeFenceTracker {
  #fence: string | null = null;
  /** Returns true when the line belongs to (or opens/closes) a code block. */
  step(text: string): boolean {
    const match = CODE_FENCE.exec(text);
    if (this.#fence) {
      if (match && match[1]![0] === this.#fence[0] && match[1]!.length >= this.#fence.length && text.trim() === match[1]) {
        this.#fence = null;
      }
      return true;
    }
    if (match) {
      this.#fence = match[1]!;
      return true;
    }
    return false;
  }
}

export function scanBlocks(lines: SourceLine[], sink: DiagnosticSink): Segment[] {
  const segments: Segment[] = [];
  let markdown: SourceLine[] = [];
  let open: ScannedBlock | null = null;
  const code = new CodeFenceTracker();

  const flushMarkdown = () => {
    if (markdown.length) segments.push({ type: 'markdown', lines: markdown });
    markdown = [];
  };

  for (const source of lines) {
    const inCode = code.step(source.text);
    if (!inCode && CLOSE.test(source.text)) {
      if (open) {
        segments.push({ type: 'block', block: open });
        open = null;
      } else {
        sink.error(
          source.line,
          source.text.indexOf(':::') + 1,
          'block/stray-close',
          'this ":::" closes no block',
          'delete the line, or open a block above it with ":::kind Title" (e.g. ":::theory Types of customer")',
        );
      }
      continue;
    }
    const match = inCode ? null : OPEN.exec(source.text);
    if (match) {
      const indent = match[1]!.length;
      const name = match[2]!;
      const column = indent + 1;
      if (open) {
        sink.error(
          open.line,
          open.column,
          'block/unclosed',
          `the ":::${open.kind}" block opened here is not closed before the next block starts on line ${source.line}`,
          `add a line with just ":::" after the last line of this ${open.kind} block (blocks do not nest)`,
        );
        segments.push({ type: 'block', block: open });
        open = null;
      }
      const known = (BLOCK_KINDS as readonly string[]).includes(name);
      if (!known) {
        const guess = didYouMean(name, BLOCK_KINDS);
        sink.error(
          source.line,
          column + 3,
          'block/unknown',
          `unknown block kind "${name}"`,
          guess
            ? `did you mean ":::${guess}"? The kinds are: ${BLOCK_KINDS.join(', ')}`
            : `use one of: ${BLOCK_KINDS.join(', ')}`,
        );
      }
      flushMarkdown();
      const rest = match[3] ?? '';
      const restColumn = column + 3 + name.length;
      const parsed = parseAttributeList(rest);
      if (parsed.problem) {
        sink.error(source.line, restColumn + parsed.problem.offset, 'block/bad-attribute', parsed.problem.message, parsed.problem.hint);
      }
      const attrColumns: Record<string, number> = {};
      for (const [key, offset] of Object.entries(parsed.offsets)) attrColumns[key] = restColumn + offset;
      open = {
        ...(known ? {} : { unknown: true }),
        kind: name as BlockKind,
        title: parsed.text,
        attrs: parsed.values,
        attrColumns,
        line: source.line,
        column,
        body: [],
      };
      continue;
    }
    if (open) open.body.push(source);
    else markdown.push(source);
  }
  if (open) {
    sink.error(
      open.line,
      open.column,
      'block/unclosed',
      `the ":::${open.kind}" block opened here is never closed`,
      `add a line with just ":::" after the last line of the ${open.kind} block`,
    );
    segments.push({ type: 'block', block: open });
  }
  flushMarkdown();
  return segments;
}

/** Splits block body lines at separator lines (e.g. "???"), ignoring code fences. */
export function splitAt(lines: SourceLine[], isSeparator: (text: string) => boolean): { parts: SourceLine[][]; separators: SourceLine[] } {
  const parts: SourceLine[][] = [[]];
  const separators: SourceLine[] = [];
  const code = new CodeFenceTracker();
  for (const line of lines) {
    const inCode = code.step(line.text);
    if (!inCode && isSeparator(line.text)) {
      separators.push(line);
      parts.push([]);
    } else {
      parts[parts.length - 1]!.push(line);
    }
  }
  return { parts, separators };
}

export const isBlank = (lines: SourceLine[]): boolean => lines.every((l) => l.text.trim() === '');

const MODEL_ANSWER_MARK = /^(\s{0,3}:\s?)(.*)$/;

/**
 * A case-study model answer without its ": " marker. Lines after the first that are indented to
 * sit under the answer's text (a list written as ": - one" then "  - two") are dedented by the
 * marker's width, so they continue the answer as written instead of nesting under its first line.
 */
export function modelAnswerLines(answer: SourceLine[]): SourceLine[] {
  const first = answer.findIndex((line) => line.text.trim() !== '');
  const match = first >= 0 ? MODEL_ANSWER_MARK.exec(answer[first]!.text) : null;
  if (!match) return answer;
  const width = match[1]!.length;
  return answer.map((line, i) => {
    if (i < first) return line;
    if (i === first) return { ...line, text: match[2]! };
    const indent = /^ */.exec(line.text)![0].length;
    return indent >= width ? { ...line, text: line.text.slice(width) } : line;
  });
}
