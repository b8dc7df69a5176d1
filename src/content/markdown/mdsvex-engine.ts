// mdsvex's Markdown processor (remark-parse 8 with mdsvex's parser, its SmartyPants and remark-rehype),
// made once and run synchronously on one stretch of lesson Markdown at a time: the lesson compiler
// is synchronous, and mdsvex's `compile` is async only because of steps lessons do not use.
import { compile } from 'mdsvex';
import { escapeMarkup } from '../escape.ts';

/** A node of mdsvex's Markdown tree (mdast); positions are relative to the stretch. */
export interface MdNode {
  type: string;
  value?: string;
  url?: string;
  title?: string | null;
  alt?: string | null;
  identifier?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

/** Called with each stretch's Markdown tree before it becomes HTML (see `renderMarkdownHtml`). */
export type TreeAudit = (tree: MdNode) => void;

type Attacher = [((...args: unknown[]) => unknown) & { name: string }, ...unknown[]];

interface Processor {
  (): Processor;
  data(key: string, value: unknown): Processor;
  attachers: Attacher[];
  parse(text: string): MdNode;
  processSync(file: { contents: string; data: Record<string, unknown> }): { contents: unknown };
}

/**
 * mdsvex steps a stretch must not take. `highlight_blocks` is always async (code stays plain
 * <pre><code>); a stretch has no frontmatter (lesson.ts read it: two `---` lines in a lesson are rules,
 * not YAML) and is a fragment of markup, not a component (`transform_hast` wraps scripts and layouts);
 * `externalLinks` adds rel="nofollow", which the sanitiser drops anyway. `escape_code` and
 * `escape_brackets` escape some characters of some text for Svelte: `escapeTree` below escapes all
 * text and every attribute for HTML, and sanitise.ts's escaper does Svelte's braces, once.
 */
const SKIPPED = ['highlight_blocks', 'frontmatter', 'parse_frontmatter', 'transform_hast', 'externalLinks', 'escape_code', 'escape_brackets'];

/** A node of the HTML tree (hast) mdsvex makes from the Markdown tree. */
interface HtmlNode {
  type: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HtmlNode[];
}

const escapeValue = (value: unknown): unknown =>
  typeof value === 'string' ? escapeMarkup(value) : Array.isArray(value) ? value.map(escapeValue) : value;

/**
 * The last rehype step. mdsvex's serialiser writes text and attribute values exactly as they are
 * (Svelte markup wants that), so "a &lt; b" or a title with a quote would become markup: escape
 * both here. Raw HTML (`raw` nodes) is the tutor's, left for the sanitiser to judge.
 */
function escapeTree() {
  const walk = (node: HtmlNode): void => {
    if (node.type === 'text' && node.value) node.value = escapeMarkup(node.value);
    if (node.properties) {
      for (const [name, value] of Object.entries(node.properties)) node.properties[name] = escapeValue(value);
    }
    node.children?.forEach(walk);
  };
  return walk;
}

interface ParserClass {
  prototype: { blockMethods: string[] };
}

/**
 * mdsvex's parser reads Svelte blocks ("{#if}") and tags ("<svelte:head>") in Markdown. A lesson is
 * Markdown, never Svelte: without these a "{" line is text and "<svelte:head>" raw HTML the sanitiser
 * refuses (and a "{" line with no "}" no longer crashes mdsvex's block reader).
 */
function markdownOnly(this: { Parser: ParserClass }) {
  const methods = this.Parser.prototype.blockMethods;
  for (const name of ['svelteBlock', 'svelteTag']) {
    const at = methods.indexOf(name);
    if (at < 0) throw new Error(`mdsvex's parser has changed (no ${name}): update mdsvex-engine.ts`);
    methods.splice(at, 1);
  }
}

/** Runs the audit the caller put in the file's data: remark plugins are fixed once the processor is made. */
function lessonAudit() {
  return (tree: MdNode, file: { data: { audit?: TreeAudit } }) => file.data.audit?.(tree);
}

/** Text SmartyPants can change: quotes, backticks, "--" and "...". */
const SMARTENED = /["'`]|--|\.\.\./;

/**
 * mdsvex's SmartyPants runs retext on every text node, one at a time, and that was a third of the
 * Markdown step's time: give it only the text nodes it would change (the same nodes, in place).
 */
function onlyWhereItChanges(smartypants: Attacher[0]): Attacher[0] {
  return function (this: unknown, ...options: unknown[]) {
    const smarten = smartypants.apply(this, options) as (tree: MdNode) => void;
    return (tree: MdNode) => {
      const texts: MdNode[] = [];
      const walk = (node: MdNode): void => {
        if (node.type === 'text' && SMARTENED.test(node.value ?? '')) texts.push(node);
        node.children?.forEach(walk);
      };
      walk(tree);
      if (texts.length) smarten({ type: 'root', children: texts });
    };
  } as Attacher[0];
}

async function makeProcessor(): Promise<Processor> {
  let made: Processor | undefined;
  function capture(this: Processor) {
    made = this;
  }
  await compile('', { remarkPlugins: [capture, markdownOnly, lessonAudit], rehypePlugins: [escapeTree], smartypants: { quotes: true, ellipses: true, dashes: 'oldschool' }, highlight: false });
  if (!made) throw new Error('mdsvex did not run its remark plugins: cannot render lesson Markdown');
  const processor = made();
  const names = processor.attachers.map(([plugin]) => plugin.name);
  const missing = SKIPPED.filter((name) => !names.includes(name));
  if (missing.length) throw new Error(`mdsvex's processor has changed (no ${missing.join(', ')}): update mdsvex-engine.ts`);
  // unified keeps this very array: change it in place, before the first run freezes the processor.
  const kept = processor.attachers.filter(([plugin]) => plugin !== capture && !SKIPPED.includes(plugin.name));
  processor.attachers.splice(0, processor.attachers.length, ...kept);
  const smartypants = kept.find(([plugin]) => plugin.name === 'smartypants_transformer');
  if (!smartypants) throw new Error("mdsvex's processor has changed (no smartypants_transformer): update mdsvex-engine.ts");
  smartypants[0] = onlyWhereItChanges(smartypants[0]);
  // CommonMark's escapes: a backslash before any punctuation ("\<Enter>", a title's \") is the character.
  processor.data('settings', { commonmark: true });
  return processor;
}

const processor = await makeProcessor();

/** Markdown → HTML with mdsvex, after `audit` has seen (and may have changed) the Markdown tree. */
export function renderMarkdownHtml(markdown: string, audit: TreeAudit): string {
  return String(processor.processSync({ contents: markdown, data: { audit } }).contents);
}

/** The Markdown tree of a text as mdsvex parses it (no transforms). */
export function parseMarkdown(markdown: string): MdNode {
  return processor.parse(markdown);
}
