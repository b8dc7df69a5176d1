// Markdown snippets (quiz options, feedback, hints, GIFT text) rendered to sanitised HTML at build
// time. Lesson bodies go through mdsvex instead (pipeline.ts); these small pieces become data.
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'del', 'code', 'pre', 'kbd', 'sub', 'sup', 'mark',
    'ul', 'ol', 'li', 'blockquote', 'a', 'img', 'span', 'h3', 'h4', 'h5', 'h6', 'table', 'thead',
    'tbody', 'tr', 'th', 'td', 'cm-blank',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], 'cm-blank': ['n'], th: ['scope'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
};

/** Removes every tag, attribute and URL scheme outside a small allowlist (scripts, handlers, javascript:). */
export function sanitize(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

/** Renders a block of Markdown (paragraphs allowed) to sanitised HTML. */
export function renderMarkdown(markdown: string): string {
  return sanitize(marked.parse(markdown) as string).trim();
}

/** Renders one line of Markdown without the surrounding <p>. */
export function renderInline(markdown: string): string {
  return sanitize(marked.parseInline(markdown) as string).trim();
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
