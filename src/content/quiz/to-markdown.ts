// Sanitised HTML (what render.ts made of the tutor's Markdown) → house Markdown that renders back to
// exactly the same HTML, for write.ts. Each element is written the readable way ("**bold**") when
// that renders back identically, and kept as HTML when it does not.
//
// The escaping here is Markdown's and the quiz syntax's own (a backslash before what would read as
// markup, at line starts what would read as an answer or label), not an HTML escaper: the HTML
// escaper is escapeMarkup in src/content/escape.ts, and the two cannot share a table.
import { renderInline, renderMarkdown } from '../markdown/render.ts';
import { BLOCK_TAGS, decodeEntities, parseHtml, plainElement, textContent, VOID_TAGS, type HtmlElement, type HtmlNode } from './html.ts';

/** Backslash-escapes what Markdown (and the quiz syntax) would otherwise read as markup. */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|{}]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/(?<=[a-z]):\/\//gi, '\\://')
    .replace(/\bwww\./gi, 'www\\.');
}

/** Escapes the starts of lines that Markdown or the quiz syntax would read as lists, answers, weights, headings or labels. */
export function escapeLineStarts(markdown: string, quoted: boolean): string {
  return markdown
    .split('\n')
    .map((line) => {
      let escaped = line
        .replace(/^(\s*)(#{1,6})(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*)([-+])(?=\s|$|>|-)/, '$1\\$2')
        .replace(/^(\s*)=/, '$1\\=')
        .replace(/^(\s*)%(?=-?\d)/, '$1\\%')
        .replace(/^(\s*)\?(?=\?\?\s*$)/, '$1\\?')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
      if (quoted) escaped = escaped.replace(/^(\s*[A-Za-z][A-Za-z-]*\s*):/, '$1\\:');
      return escaped;
    })
    .join('\n');
}

export interface MarkdownOptions {
  /** Lines of the output sit inside a `>` quote, where `word:` would read as a label. */
  quoted: boolean;
  /** The question text, where numbered lists would read as ordering items. */
  prompt: boolean;
}

function codeSpan(code: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = code.startsWith('`') || code.endsWith('`') || (code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${code}${pad}${fence}`;
}

const destination = (url: string): string => (/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url);
const titlePart = (title: string | undefined): string => (title ? ` "${title.replace(/["\\]/g, '\\$&')}"` : '');

/** Inline HTML → Markdown. `raw` keeps every tag as HTML (the fallback when the pretty form does not render back identically). */
function inlineMarkdown(nodes: HtmlNode[], html: string, options: MarkdownOptions, raw: boolean): string {
  return nodes
    .map((node): string => {
      if (node.kind === 'text') return escapeText(decodeEntities(node.raw));
      const inner = () => inlineMarkdown(node.children, html, options, raw);
      if (!raw) {
        if ((node.tag === 'strong' || node.tag === 'em' || node.tag === 'del') && plainElement(node)) {
          const mark = node.tag === 'strong' ? '**' : node.tag === 'em' ? '*' : '~~';
          return `${mark}${inner()}${mark}`;
        }
        if (node.tag === 'code' && plainElement(node) && node.children.every((c) => c.kind === 'text')) return codeSpan(textContent(node.children));
        if (node.tag === 'a' && plainElement(node, 'href', 'title') && node.attrs.href !== undefined) {
          return `[${inner()}](${destination(node.attrs.href)}${titlePart(node.attrs.title)})`;
        }
        if (node.tag === 'img' && plainElement(node, 'src', 'alt', 'title') && node.attrs.src !== undefined) {
          return `![${escapeText(node.attrs.alt ?? '')}](${destination(node.attrs.src)}${titlePart(node.attrs.title)})`;
        }
      }
      if (VOID_TAGS.has(node.tag)) return html.slice(node.start, node.end);
      return `${html.slice(node.start, node.openEnd)}${inner()}${html.slice(node.closeStart, node.end)}`;
    })
    .join('');
}

/**
 * Inline HTML (an option, a heading) as one line of Markdown that renderInline turns back into it.
 * A line cannot hold a soft line break, so those become spaces.
 */
export function inlineToMarkdown(html: string, options: MarkdownOptions): string {
  const nodes = parseHtml(html);
  const attempt = (raw: boolean) => escapeLineStarts(inlineMarkdown(nodes, html, options, raw).replace(/\s*\n\s*/g, ' ').trim(), options.quoted);
  const pretty = attempt(false);
  return renderInline(pretty) === html.replace(/\s*\n\s*/g, ' ').trim() ? pretty : attempt(true);
}

/** Block HTML (a prompt, feedback, a model answer) as Markdown that renderMarkdown turns back into it. */
export function blocksToMarkdown(html: string, options: MarkdownOptions): string {
  const nodes = parseHtml(html);
  const blocks: string[] = [];
  let inlineRun: HtmlNode[] = [];
  let previousList: string | null = null;
  let previousAlternate = false;
  const flushInline = () => {
    if (inlineRun.some((node) => node.kind === 'element' || node.raw.trim() !== '')) {
      blocks.push(escapeLineStarts(inlineMarkdown(inlineRun, html, options, false).trim(), options.quoted));
      previousList = null;
    }
    inlineRun = [];
  };
  for (const node of nodes) {
    if (node.kind === 'text' || !BLOCK_TAGS.has(node.tag)) {
      inlineRun.push(node);
      continue;
    }
    flushInline();
    // Two lists in a row need different markers, or Markdown reads them as one loose list.
    const alternate: boolean = previousList === node.tag && !previousAlternate;
    const pretty = blockMarkdown(node, html, options, alternate);
    if (pretty !== null && renderMarkdown(pretty) === html.slice(node.start, node.end)) {
      blocks.push(pretty);
      previousList = node.tag === 'ul' || node.tag === 'ol' ? node.tag : null;
      previousAlternate = alternate;
      continue;
    }
    // Kept as HTML, which Markdown passes through until a blank line. Marked drops the line break
    // after such a block, so everything after it stays in the same HTML block to keep its breaks.
    blocks.push(html.slice(node.start).trim().replace(/\n\s*\n/g, '\n'));
    inlineRun = [];
    break;
  }
  flushInline();
  return blocks.join('\n\n');
}

/** Inline Markdown for a whole paragraph or list item: spaces at its edges, which Markdown would trim, written as entities. */
function edgeSafe(markdown: string): string {
  return markdown.replace(/^ +| +$/g, (spaces) => '&#32;'.repeat(spaces.length)).trim();
}

/** One block element as Markdown, or null to keep it as HTML. */
function blockMarkdown(node: HtmlElement, html: string, options: MarkdownOptions, alternate = false): string | null {
  if (!plainElement(node)) return null;
  switch (node.tag) {
    case 'p':
      return escapeLineStarts(edgeSafe(inlineMarkdown(node.children, html, options, false)), options.quoted);
    case 'ul':
    case 'ol': {
      if (node.tag === 'ol' && options.prompt) return null;
      const items = node.children.filter((child): child is HtmlElement => child.kind === 'element' && child.tag === 'li');
      const lines = items.map((item, i) => {
        const marker = node.tag === 'ul' ? (alternate ? '* ' : '- ') : `${i + 1}${alternate ? ')' : '.'} `;
        const loose = item.children.some((child) => child.kind === 'element' && BLOCK_TAGS.has(child.tag));
        const body = loose
          ? blocksToMarkdown(html.slice(item.openEnd, item.closeStart), options)
          : escapeLineStarts(edgeSafe(inlineMarkdown(item.children, html, options, false)), options.quoted);
        // "- ( ) x" would read as an option ("[" is escaped already).
        const safe = body.replace(/^\(/, '\\(');
        return marker + safe.split('\n').join(`\n${' '.repeat(marker.length)}`);
      });
      return lines.join('\n');
    }
    case 'blockquote': {
      const inner = blocksToMarkdown(html.slice(node.openEnd, node.closeStart), { ...options, quoted: true });
      return inner
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n');
    }
    case 'pre': {
      const code = node.children.find((child): child is HtmlElement => child.kind === 'element' && child.tag === 'code');
      if (!code || !plainElement(code)) return null;
      const text = textContent(code.children);
      const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = '`'.repeat(longest + 1);
      return `${fence}\n${text.endsWith('\n') ? text : `${text}\n`}${fence}`;
    }
    default:
      return null;
  }
}
