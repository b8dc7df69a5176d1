// The characters of a GIFT file as the reader sees them: lines grouped into questions (blocks), escapes
// resolved into cells that remember their line and column, and the scans over them. Every scan here
// is one pass over its cells, so reading stays linear in the size of the file.
/** One character of a question after escapes are resolved, with its place in the file. */
export interface Cell {
  ch: string;
  /** True when the character was escaped (`\~`), so it is text and never GIFT syntax. */
  literal: boolean;
  line: number;
  column: number;
}
export type Cells = readonly Cell[];

export interface ContentLine {
  line: number;
  /** 1-based column of the first non-blank character. */
  column: number;
  /** The line without surrounding whitespace, as Moodle trims every line. */
  text: string;
}

const ESCAPABLE = new Set(['\\', ':', '#', '=', '{', '}', '~', 'n']);

/** The lines of one question (comment lines left out), and the blank line that ended it, if any. */
export interface Block {
  lines: ContentLine[];
  blankLine?: number;
}

/**
 * Moodle's question separator is a blank line; comment lines (`//` first on the line) belong to the
 * block they sit in but carry no text. A block of comments only is nothing.
 */
export function splitBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let current: ContentLine[] = [];
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (text === '') {
      if (current.length > 0) blocks.push({ lines: current, blankLine: index + 1 });
      current = [];
    } else if (!text.startsWith('//')) {
      current.push({ line: index + 1, column: raw.indexOf(text) + 1, text });
    }
  });
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}

/** Resolves escapes; lines are joined with "\n" as Moodle does. */
export function toCells(lines: readonly ContentLine[]): Cell[] {
  const cells: Cell[] = [];
  lines.forEach((content, index) => {
    if (index > 0) {
      const previous = lines[index - 1]!;
      cells.push({ ch: '\n', literal: false, line: previous.line, column: previous.column + previous.text.length });
    }
    const { text, line, column } = content;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const next = text[i + 1];
      if (ch === '\\' && next !== undefined && ESCAPABLE.has(next)) {
        cells.push({ ch: next === 'n' ? '\n' : next, literal: true, line, column: column + i });
        i++;
      } else {
        cells.push({ ch, literal: false, line, column: column + i });
      }
    }
  });
  return cells;
}

const isBlank = (cell: Cell) => /\s/.test(cell.ch);

export function trim(cells: Cells): Cells {
  let start = 0;
  let end = cells.length;
  while (start < end && isBlank(cells[start]!)) start++;
  while (end > start && isBlank(cells[end - 1]!)) end--;
  return cells.slice(start, end);
}

export const textOf = (cells: Cells) => cells.map((cell) => cell.ch).join('');
export const isSyntax = (cell: Cell | undefined, ch: string) => cell !== undefined && !cell.literal && cell.ch === ch;

/** Whether the unescaped `sequence` starts at `i`. */
function startsAt(cells: Cells, sequence: string, i: number): boolean {
  for (let k = 0; k < sequence.length; k++) if (!isSyntax(cells[i + k], sequence[k]!)) return false;
  return true;
}

/** Index of the first unescaped `sequence` at or after `from`, or -1. */
export function find(cells: Cells, sequence: string, from = 0): number {
  for (let i = from; i <= cells.length - sequence.length; i++) if (startsAt(cells, sequence, i)) return i;
  return -1;
}

/** Index of the last unescaped `sequence`, or -1: one backward pass, so a long answer stays linear. */
export function findLast(cells: Cells, sequence: string): number {
  for (let i = cells.length - sequence.length; i >= 0; i--) if (startsAt(cells, sequence, i)) return i;
  return -1;
}

/** Splits at the first unescaped `ch`: the part before, and the part after (undefined when absent). */
export function splitOnce(cells: Cells, ch: string): [Cells, Cells | undefined] {
  const at = find(cells, ch);
  return at < 0 ? [cells, undefined] : [cells.slice(0, at), cells.slice(at + 1)];
}

/** An answer: the marker that starts it (`=` or `~`) and what follows up to the next marker. */
export interface Piece {
  marker: Cell | undefined;
  cells: Cells;
}

/** Cuts answers at each unescaped marker; the first piece is whatever precedes the first marker. */
export function splitAnswers(cells: Cells, markers: string): Piece[] {
  const pieces: Piece[] = [{ marker: undefined, cells: [] }];
  let current: Cell[] = [];
  for (const cell of cells) {
    if (!cell.literal && markers.includes(cell.ch)) {
      pieces[pieces.length - 1]!.cells = current;
      pieces.push({ marker: cell, cells: [] });
      current = [];
    } else {
      current.push(cell);
    }
  }
  pieces[pieces.length - 1]!.cells = current;
  return pieces;
}
