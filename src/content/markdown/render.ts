// Markdown snippets (quiz options, feedback, hints, GIFT text) rendered to sanitised HTML at build
// time; they become quiz data shown with {@html}. Lesson bodies go through lesson-markdown.ts. Both
// pass the one sanitiser in sanitise.ts.
import { Marked } from 'marked';
import { sanitiseHtml, SNIPPET_URLS, type HtmlProblem } from './sanitise.ts';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** A fill-in-the-blanks gap marker (src/content/quiz/build.ts) is the one element snippets add to the allow-list. */
const SNIPPET_EXTRAS = { 'cm-blank': ['n'] };

/** Removes every tag, attribute and URL scheme outside the allow-list (scripts, handlers, javascript:). */
export function sanitize(html: string, report?: (problem: HtmlProblem) => void): string {
  return sanitiseHtml(html, { urls: SNIPPET_URLS, extraAttributes: SNIPPET_EXTRAS, disallowed: 'discard', ...(report ? { report } : {}) });
}

/** Renders a block of Markdown (paragraphs allowed) to sanitised HTML. */
export function renderMarkdown(markdown: string, report?: (problem: HtmlProblem) => void): string {
  return sanitize(marked.parse(markdown) as string, report).trim();
}

/** Renders one line of Markdown without the surrounding <p>. */
export function renderInline(markdown: string, report?: (problem: HtmlProblem) => void): string {
  return sanitize(marked.parseInline(markdown) as string, report).trim();
}
