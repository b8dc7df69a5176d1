// GIFT text → sanitised HTML: a text's `[format]` tag (html, moodle, plain, markdown) resolved, and
// the text rendered as Moodle would show it, through the same sanitiser as the house syntax.
import { didYouMean } from '../diagnostics.ts';
import { escapeMarkup } from '../escape.ts';
import { markdownProblem } from '../markdown/markdown-limits.ts';
import { renderInline, renderMarkdown, sanitize } from '../markdown/render.ts';
import { find, isSyntax, textOf, trim, type Cell, type Cells } from './cells.ts';

export type Format = 'html' | 'moodle' | 'plain' | 'markdown';
const FORMATS: readonly Format[] = ['html', 'moodle', 'plain', 'markdown'];
const FORMAT_LIST = '[html], [moodle], [plain] and [markdown]';

/**
 * Stands for the answers of a missing-word question ("Grant is {...} in Grant's tomb.") while the
 * text is rendered; a private-use character no Markdown or HTML rule touches.
 */
export const BLANK = '\uE000';
/** What the learner sees where the braces were, as in Moodle. */
const BLANK_TEXT = '_____';

/** Text with its format resolved and rendered. */
export interface Rich {
  html: string;
  /** The text as written, after escapes, without its format tag. */
  text: string;
  format: Format;
}

/**
 * Question text and feedback are blocks (paragraphs), options and matching items one line each:
 * the same shapes the house quiz syntax compiles to, so a GIFT question and its house-syntax
 * translation compile to the same HTML.
 */
export type Shape = 'block' | 'inline';
const BLOCK_TAG = /<(p|ul|ol|li|blockquote|pre|h[1-6]|table|hr|div)[\s>]/i;

/** Reports an error at a character of the file. */
export type ReportError = (at: Cell, rule: string, message: string, hint: string) => void;

/** Resolves an optional `[format]` tag at the start and renders the text to sanitised HTML. */
export function readRich(input: Cells, defaultFormat: Format, shape: Shape, report: ReportError): Rich {
  let cells = trim(input);
  let format = defaultFormat;
  if (isSyntax(cells[0], '[')) {
    const end = find(cells, ']');
    const name = end > 0 ? textOf(cells.slice(1, end)) : '';
    if ((FORMATS as readonly string[]).includes(name)) {
      format = name as Format;
      cells = trim(cells.slice(end + 1));
    } else if (/^[a-z]+$/i.test(name)) {
      // Moodle keeps an unknown tag as text; we only object when it looks like a mistyped format.
      const suggestion = FORMATS.find((f) => f === name.toLowerCase()) ?? didYouMean(name, FORMATS);
      if (suggestion) {
        report(cells[0]!, 'gift/unknown-format', `unknown text format "[${name}]"`, `did you mean "[${suggestion}]"? GIFT knows ${FORMAT_LIST}`);
      }
    }
  }
  const text = textOf(cells);
  const problem = format === 'markdown' ? markdownProblem(text) : undefined;
  if (problem) {
    report(cells[problem.offset] ?? cells[0]!, 'gift/too-large', problem.message, problem.hint);
    return { html: '', text, format };
  }
  try {
    return { html: toHtml(text, format, shape), text, format };
  } catch (error) {
    // The renderer is a library: whatever it cannot take is this text's problem, never a crash.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report(cells[0] ?? input[0]!, 'gift/unrenderable', `this text cannot be rendered: ${reason}`, 'simplify it, or write it as [plain]');
    return { html: '', text, format };
  }
}

function toHtml(text: string, format: Format, shape: Shape): string {
  if (text.trim() === '') return '';
  let html: string;
  if (format === 'markdown') html = shape === 'block' ? renderMarkdown(text) : renderInline(text);
  else {
    // Moodle's auto-format and plain text keep line breaks; we show any markup in them as typed.
    html = format === 'html' ? sanitize(text).trim() : sanitize(escapeMarkup(text).replace(/\n/g, '<br>'));
    if (shape === 'block' && !BLOCK_TAG.test(html)) html = sanitize(`<p>${html}</p>`);
  }
  return html.replaceAll(BLANK, BLANK_TEXT).trim();
}
