// Limits on a snippet of Markdown before it reaches `marked` (src/content/markdown/render.ts). The
// renderer's time grows with the square of the emphasis marks in a paragraph (45,000 "_a" took 48 s)
// and it overflows its stack on a few thousand nested quotes or list items; text from elsewhere (a
// GIFT [markdown] answer) is checked here first, so a hostile file costs milliseconds, not minutes.

export const MARKDOWN_LIMITS = {
  /** "*", "_" and "~" in one text: far above real emphasis, far below where rendering gets slow. */
  emphasisMarks: 500,
  /** Quotes and list items nested in one another on one line. */
  nesting: 50,
} as const;

export interface MarkdownProblem {
  /** 0-based offset in the text where the limit was passed. */
  offset: number;
  message: string;
  hint: string;
}

/** The first limit the text passes, or undefined. One pass over the text. */
export function markdownProblem(text: string): MarkdownProblem | undefined {
  let marks = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '\n') {
      const depth = nestingAt(text, lineStart, i);
      if (depth > MARKDOWN_LIMITS.nesting) {
        return {
          offset: lineStart,
          message: `quotes or lists nested ${depth} deep, over the limit of ${MARKDOWN_LIMITS.nesting}`,
          hint: 'nest fewer quotes (">") and list items, or write the text as [plain]',
        };
      }
      lineStart = i + 1;
    } else if ((ch === '*' || ch === '_' || ch === '~') && ++marks > MARKDOWN_LIMITS.emphasisMarks) {
      return {
        offset: i,
        message: `more than ${MARKDOWN_LIMITS.emphasisMarks} emphasis marks ("*", "_" or "~") in one Markdown text`,
        hint: 'write such text as [plain] or [html], or escape the marks ("\\*")',
      };
    }
  }
  return undefined;
}

/** How many quote markers and list bullets open the line text[start, end). */
function nestingAt(text: string, start: number, end: number): number {
  let depth = 0;
  let i = start;
  for (;;) {
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '>' && i < end) {
      depth++;
      i++;
      continue;
    }
    let digits = i;
    while (digits < end && digits - i < 9 && text[digits]! >= '0' && text[digits]! <= '9') digits++;
    const bullet = digits > i ? (text[digits] === '.' || text[digits] === ')' ? digits : -1) : '-*+'.includes(text[i] ?? '.') && i < end ? i : -1;
    if (bullet < 0 || (bullet + 1 < end && text[bullet + 1] !== ' ' && text[bullet + 1] !== '\t')) return depth;
    depth++;
    i = bullet + 1;
  }
}
