// The prose lines of a lesson as the lint rules read them: code fences skipped, each line tagged
// with the block it sits in (quiz bodies have their own syntax, so rules can leave them out).
import { DiagnosticSink } from '../diagnostics.ts';
import { quizIdOf } from '../blocks/quiz.ts';
import { CodeFenceTracker, fenceKind, isFenceClose, scanBlocks, type SourceLine } from '../scan/index.ts';

export interface ProseLine extends SourceLine {
  /** The kind of the `:::kind` block the line is in, if any. */
  block: string | null;
  /** The line opens or closes a block. */
  fence: boolean;
}

/** Every rule reads the same lines: each lesson body is split once per run. */
const seen = new WeakMap<SourceLine[], ProseLine[]>();

export function proseLines(body: SourceLine[]): ProseLine[] {
  const known = seen.get(body);
  if (known) return known;
  const lines = splitProse(body);
  seen.set(body, lines);
  return lines;
}

function splitProse(body: SourceLine[]): ProseLine[] {
  const code = new CodeFenceTracker();
  const lines: ProseLine[] = [];
  let block: string | null = null;
  for (const line of body) {
    if (code.step(line.text)) continue;
    if (isFenceClose(line.text)) {
      lines.push({ ...line, block, fence: true });
      block = null;
      continue;
    }
    const kind = fenceKind(line.text);
    if (kind) {
      block = kind;
      lines.push({ ...line, block, fence: true });
      continue;
    }
    lines.push({ ...line, block, fence: false });
  }
  return lines;
}

/** Markdown links and images on a line: `[text](target)` / `![alt](target)`, with 1-based columns. */
export const LINK = /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** "file:12:3" at the end of a question's source → its position. */
export function positionOf(source: string | undefined): { file: string; line: number; column: number } | null {
  const match = /^(.*):(\d+):(\d+)$/.exec(source ?? '');
  return match ? { file: match[1]!, line: Number(match[2]), column: Number(match[3]) } : null;
}

/** The `:::quiz` fence that declares this quiz id (explicit {#id}, a slug of its title, or the lesson's default). */
export function quizFencePosition(body: SourceLine[], quizId: string, lessonId: string, occurrence: number): { line: number; column: number } {
  // The block pass already reported its own problems; this second look only wants positions.
  let seen = 0;
  for (const segment of scanBlocks(body, new DiagnosticSink(''))) {
    if (segment.type !== 'block' || segment.block.kind !== 'quiz') continue;
    const { attrs, attrColumns, line, column } = segment.block;
    const id = quizIdOf(segment.block, lessonId);
    if (id === quizId && seen++ === occurrence) return { line, column: attrs.id ? (attrColumns.id ?? column) : column };
  }
  return { line: 1, column: 1 };
}

