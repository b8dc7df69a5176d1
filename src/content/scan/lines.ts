// A lesson body as the scan reads it: lines that keep their line number in the file, so every
// diagnostic can point at the tutor's line, and the code-fence tracking every line pass shares.

export interface SourceLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

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

/** The "???" line between a question or an example and what the learner reveals. */
export const isRevealSeparator = (text: string): boolean => text.trim() === '???';

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
