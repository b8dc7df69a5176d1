// The one gate between tutor (or GIFT) text and the HTML learners get: an allow-list sanitiser
// (sanitize-html) with one table of tags, attributes and URL rules, and one escaper that makes its
// output inert for the Svelte compiler. Lessons and quiz snippets both pass through here.
import sanitizeHtml from 'sanitize-html';

/** Elements a lesson may use. Anything else is shown as text (and `check` says so). */
const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details',
  'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input',
  'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
];

/** Attributes per element ('*': every element). URLs (a href, img src) are judged by a UrlPolicy. */
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  '*': ['title', 'lang', 'dir'],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height', 'loading'],
  // Task lists ("- [x] done") render as disabled checkboxes.
  input: ['type', 'checked', 'disabled'],
  code: ['class'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  td: ['colspan', 'rowspan', 'align'],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  details: ['open'],
  time: ['datetime'],
};

/** Elements that run code, load other documents or take input: an error, never a warning. */
const ACTIVE_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'form', 'button',
  'textarea', 'select', 'option', 'link', 'meta', 'base', 'template', 'noscript', 'portal', 'audio', 'video',
  'source', 'track', 'canvas', 'xmp', 'plaintext', 'noembed', 'noframes', 'param', 'html', 'head', 'body',
  'title', 'slot', 'dialog', 'marquee', 'image', 'use', 'foreignobject', 'animate', 'set', 'handler', 'listener',
]);

/** Attributes that run code or fetch something when they are not the element's one URL attribute. */
const ACTIVE_ATTRIBUTE = /^(on|xlink:|xmlns)|^(srcdoc|action|formaction|data|poster|background|srcset|href|src|ping|style)$/i;

/** Files that the browser would run as a page on the site's origin if a learner opened them. */
const ACTIVE_FILE = /\.(svg|svgz|html?|xhtml|xht|xml|xsl|xslt|js|mjs|cjs|php|swf|pdf\.html)$/i;

/** A problem the sanitiser found: what it removed or changed, in the tutor's words. */
export interface HtmlProblem {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  hint: string;
  /** The element it was found on, so a caller can find it in the source. */
  tag: string;
}

/** What to do with one URL: keep it (perhaps rewritten) or refuse it with a reason. */
export type UrlVerdict = { url: string } | { problem: Omit<HtmlProblem, 'tag'> };

/** Judges every link (`a href`) and image (`img src`) URL after entities are decoded. */
export type UrlPolicy = (url: string, kind: 'link' | 'image') => UrlVerdict;

export interface SanitiseOptions {
  urls: UrlPolicy;
  /** Called once per removed or changed element, attribute or URL. */
  report?: (problem: HtmlProblem) => void;
  /** Called for every opening tag in document order, before it is judged (to track positions). */
  onOpenTag?: (name: string) => void;
  /**
   * What becomes of an element not on the list: 'escape' shows it as text (lessons: "Press <Enter>");
   * 'discard' drops the tag and keeps its text (quiz snippets, as their serialiser expects).
   */
  disallowed?: 'escape' | 'discard';
  /** Extra elements and attributes for one caller (quiz snippets' <cm-blank n="1">). */
  extraAttributes?: Record<string, string[]>;
}

/** True when an element name is on the allow-list (any case). */
export function isAllowedTag(name: string): boolean {
  return ALLOWED_TAGS.includes(name.toLowerCase());
}

/** True when opening this file as a page would run code on the site's origin (SVG, HTML, XML). */
export function isActiveFile(path: string): boolean {
  return ACTIVE_FILE.test(path.split(/[?#]/)[0]!);
}

/** The scheme of a URL as the browser reads it (control characters and whitespace ignored), or ''. */
export function schemeOf(url: string): string {
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1]?.toLowerCase() ?? '';
}

/** The problem with an element that is not on the allow-list. */
export function tagProblem(name: string): HtmlProblem {
  const lower = name.toLowerCase();
  if (ACTIVE_TAGS.has(lower) || lower.includes(':')) {
    return {
      severity: 'error',
      rule: 'markdown/unsafe-html',
      message: `lessons cannot contain <${name}>`,
      hint: 'write Markdown or plain HTML elements; Coursemark adds all interactivity through blocks (a video block plays videos)',
      tag: lower,
    };
  }
  return {
    severity: 'warning',
    rule: 'markdown/html-as-text',
    message: `<${name}> is not an HTML element a lesson can use, so it is shown as text`,
    hint: `to show it as text without this warning, write \`<${name}>\` in backticks or \\<${name}>`,
    tag: lower,
  };
}

function attributeProblem(tag: string, attribute: string, allowed: string[]): HtmlProblem {
  if (ACTIVE_ATTRIBUTE.test(attribute)) {
    return {
      severity: 'error',
      rule: 'markdown/unsafe-html',
      message: `lessons cannot use the attribute "${attribute}" on <${tag}>: it could run code or load something`,
      hint: 'remove it; Coursemark adds all interactivity through blocks',
      tag,
    };
  }
  return {
    severity: 'warning',
    rule: 'markdown/html-attribute',
    message: `the attribute "${attribute}" of <${tag}> is not allowed in lessons, so it is removed`,
    hint: allowed.length ? `<${tag}> may have: ${allowed.join(', ')}` : `remove it`,
    tag,
  };
}

/** sanitize-html options its type definitions do not list yet. */
type Policy = sanitizeHtml.IOptions & { allowedEmptyAttributes: string[] };

function policyFor(options: SanitiseOptions): Policy {
  const attributes = { ...ALLOWED_ATTRIBUTES, ...options.extraAttributes };
  const allowedFor = (tag: string) => [...(attributes[tag] ?? []), ...attributes['*']!];
  const report = options.report ?? (() => {});
  return {
    allowedTags: [...ALLOWED_TAGS, ...Object.keys(options.extraAttributes ?? {})],
    allowedAttributes: attributes,
    // What is not allowed stays visible as text: "Press <Enter>" must not lose its key.
    disallowedTagsMode: options.disallowed ?? 'escape',
    // URLs are judged by the policy below; these are a second net.
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'action', 'formaction', 'srcdoc', 'data', 'poster'],
    allowProtocolRelative: false,
    allowedEmptyAttributes: ['alt', 'open', 'checked', 'disabled', 'reversed'],
    ...(options.onOpenTag ? { onOpenTag: options.onOpenTag } : {}),
    transformTags: {
      '*': (tagName, attribs) => {
        if (!attributes[tagName] && !ALLOWED_TAGS.includes(tagName)) {
          report(tagProblem(tagName));
          return { tagName, attribs: {} };
        }
        if (tagName === 'input' && (attribs.type ?? '').toLowerCase() !== 'checkbox') {
          report({
            severity: 'warning',
            rule: 'markdown/html-attribute',
            message: `<input type="${attribs.type ?? 'text'}"> is shown as a disabled tick box: lessons take no input through HTML`,
            hint: 'use a reflection or a quiz block for the learner\'s answers, or "- [ ] item" for a checklist',
            tag: tagName,
          });
        }
        const kept: Record<string, string> = {};
        for (const [name, value] of Object.entries(attribs)) {
          if (!allowedFor(tagName).includes(name)) {
            report(attributeProblem(tagName, name, allowedFor(tagName)));
            continue;
          }
          const urlKind = tagName === 'a' && name === 'href' ? 'link' : tagName === 'img' && name === 'src' ? 'image' : null;
          if (!urlKind) {
            kept[name] = value;
            continue;
          }
          const verdict = options.urls(value, urlKind);
          if ('url' in verdict) kept[name] = verdict.url;
          else report({ ...verdict.problem, tag: tagName });
        }
        return { tagName, attribs: finishElement(tagName, kept) };
      },
    },
  };
}

/** What every kept element of a kind gets whatever the tutor wrote. */
function finishElement(tag: string, attribs: Record<string, string>): Record<string, string> {
  if (tag === 'input') {
    // Only a task list's tick box: never a field that takes input.
    return { type: 'checkbox', disabled: '', ...('checked' in attribs ? { checked: '' } : {}) };
  }
  if (tag === 'img') return { loading: 'lazy', ...attribs };
  // A code fence's language is only a class name for styling.
  if (tag === 'code' && attribs.class !== undefined && !/^language-[\w+#-]+$/.test(attribs.class)) {
    const { class: _dropped, ...rest } = attribs;
    return rest;
  }
  return attribs;
}

/**
 * Keeps only allowed elements, attributes and URLs. Elements that are not allowed become text;
 * every removal or change is reported through `options.report`.
 */
export function sanitiseHtml(html: string, options: SanitiseOptions): string {
  return sanitizeHtml(html, policyFor(options));
}

/**
 * Makes sanitised HTML inert for the Svelte compiler: after sanitising, `<` and `>` in text and
 * attribute values are already entities, so `{` and `}` are the only characters Svelte would read
 * as code. Tag and attribute names come from the allow-list and contain neither.
 */
export function escapeForSvelte(sanitisedHtml: string): string {
  return sanitisedHtml.replace(/[{}]/g, (c) => (c === '{' ? '&#123;' : '&#125;'));
}

/**
 * Escapes a string for a double-quoted Svelte attribute of our own components (no expressions, no
 * tag breaks). escapeMarkup (src/content/escape.ts) plus the braces, less "'", which a double-quoted
 * attribute may hold: kept apart so the lesson source the build writes stays byte for byte the same.
 */
export function svelteAttribute(value: string): string {
  return value.replace(/[&"<>{}]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;', '{': '&#123;', '}': '&#125;' })[c]!);
}

/**
 * A lesson file of the same course by relative path, with no scheme even once control characters
 * are gone and not protocol-relative: the lesson pipeline turns it into a route (src/content/quiz/links.ts).
 */
const isLessonFile = (url: string): boolean =>
  schemeOf(url) === '' && /^[^/\\?#][^?#]*\.md(#[^"]*)?$/i.test(url.replace(/[\u0000-\u0020\u007f-\u009f]/g, ''));

/**
 * Links: http(s), mailto, tel, #anchors and lesson files ("See [Introduction](01-introduction.md)"
 * in quiz feedback); images: http(s) and data. For snippets with no files.
 */
export const SNIPPET_URLS: UrlPolicy = (url, kind) => {
  const scheme = schemeOf(url);
  const ok = kind === 'link' ? ['http', 'https', 'mailto', 'tel'].includes(scheme) || url.startsWith('#') || isLessonFile(url) : ['http', 'https', 'data'].includes(scheme);
  if (ok && !(kind === 'image' && scheme === 'data' && !/^\s*data:image\/(png|jpe?g|gif|webp|avif)[;,]/i.test(url))) return { url };
  return {
    problem: {
      severity: 'error',
      rule: 'link/unsafe',
      message: `the ${kind} "${url}" uses an unsupported scheme`,
      hint: kind === 'link' ? 'use https:, mailto: or tel:' : 'use an https: image or a PNG, JPEG, GIF or WebP data: URL',
    },
  };
};
