// Ids for a lesson's headings, so `[see below](#definitions)` and `[x](03-journey.md#stages)` have
// somewhere to land. The same function names the headings for the compiler (a rehype plugin) and for
// the lint rule that checks anchors, so what the rule accepts is what the page has.
import { slugify } from './attributes.ts';

/** Ids the player's shell already uses on every page. */
const RESERVED = ['main', 'app'];

/** Hands out heading ids in document order: "definitions", then "definitions-2" for a repeat. */
export class HeadingIds {
  readonly #used = new Set<string>(RESERVED);
  next(text: string): string {
    const slug = slugify(text, 1000) || 'section';
    // "block-..." is how blocks are named on the page (BlockFrame): a heading never takes one.
    const base = slug.startsWith('block-') ? `heading-${slug}` : slug;
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
}

/** A heading's text as Markdown source → the text it renders to (near enough for an id). */
export function headingText(markdown: string): string {
  return markdown
    .replace(/\s+#+\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`~]/g, '');
}

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const textOf = (node: HastNode): string => (node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join(''));

/** A rehype plugin for mdsvex: every h2–h6 of the lesson gets an id from its text. */
export function headingIds() {
  return (tree: HastNode) => {
    const ids = new HeadingIds();
    const walk = (node: HastNode) => {
      if (node.type === 'element' && /^h[2-6]$/.test(node.tagName ?? '') && !node.properties?.id) {
        node.properties = { ...node.properties, id: ids.next(textOf(node)) };
      }
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}
