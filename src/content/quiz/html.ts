// A small forgiving parser for the sanitised HTML that render.ts produces (a question's prompt,
// options, feedback), so write.ts can turn it back into house Markdown. It only ever reads our own
// renderer's output: nothing it returns is trusted or rendered, only rewritten as Markdown text.

export type HtmlNode = HtmlText | HtmlElement;

interface HtmlText {
  kind: 'text';
  raw: string;
}

export interface HtmlElement {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
}

export const VOID_TAGS = new Set(['br', 'img', 'hr', 'wbr']);

/** Elements that make a block of their own in Markdown; anything else is inline. */
export const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'hr', 'div']);

const TAG = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** The element and text nodes of `html`, each element with the offsets of its tags. */
export function parseHtml(html: string): HtmlNode[] {
  const root: HtmlElement = { kind: 'element', tag: '#root', attrs: {}, children: [], start: 0, openEnd: 0, closeStart: html.length, end: html.length };
  const stack: HtmlElement[] = [root];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    const parent = stack.at(-1)!;
    if (match.index > last) parent.children.push({ kind: 'text', raw: html.slice(last, match.index) });
    last = match.index + match[0].length;
    const tag = match[2]!.toLowerCase();
    if (match[1] === '/') {
      let open = stack.length - 1;
      while (open > 0 && stack[open]!.tag !== tag) open--;
      if (open > 0) {
        for (const el of stack.splice(open)) {
          el.closeStart = match.index;
          el.end = last;
        }
      }
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const attr of (match[3] ?? '').matchAll(ATTRIBUTE)) attrs[attr[1]!.toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
    const element: HtmlElement = { kind: 'element', tag, attrs, children: [], start: match.index, openEnd: last, closeStart: last, end: last };
    parent.children.push(element);
    if (!VOID_TAGS.has(tag) && match[4] !== '/') stack.push(element);
  }
  if (last < html.length) stack.at(-1)!.children.push({ kind: 'text', raw: html.slice(last) });
  for (const el of stack.slice(1)) {
    el.closeStart = html.length;
    el.end = html.length;
  }
  return root.children;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** An element with no attributes but the ones named. */
export const plainElement = (el: HtmlElement, ...allowed: string[]): boolean => Object.keys(el.attrs).every((name) => allowed.includes(name));

/** The text of nodes, entities decoded. */
export function textContent(nodes: HtmlNode[]): string {
  return nodes.map((node) => (node.kind === 'text' ? decodeEntities(node.raw) : textContent(node.children))).join('');
}
