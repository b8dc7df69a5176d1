// Ids for a lesson's headings, so `[see below](#definitions)` and `[x](03-journey.md#stages)` have
// somewhere to land. The same class names the headings in the generated lesson source and for the
// lint rule that checks anchors, so what the rule accepts is what the page has.
import { slugify } from './attributes.ts';

/** Ids the player's shell already uses on every page. */
const RESERVED = ['main', 'app'];

/** Hands out heading ids in document order: "definitions", then "definitions-2" for a repeat. */
export class HeadingIds {
  readonly #used = new Set<string>(RESERVED);
  next(text: string): string {
    const slug = slugify(text, { maxWords: 1000 }) || 'section';
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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of rendered HTML: tags dropped, entities read. */
function textOf(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

const HEADING = /<h([2-6])>([\s\S]*?)<\/h\1>/g;

/**
 * A lesson's generated source with an id on every h2–h6 the tutor wrote (block titles are headings
 * inside the block components, not in this source, and keep theirs).
 */
export function withHeadingIds(source: string): string {
  const ids = new HeadingIds();
  return source.replace(HEADING, (_whole, level: string, inner: string) => `<h${level} id="${ids.next(textOf(inner))}">${inner}</h${level}>`);
}
