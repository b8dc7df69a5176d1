// Renders one stretch of a tutor's lesson Markdown (the text between block tags) into HTML the
// Svelte compiler can only ever read as markup: mdsvex → the one sanitiser → the one escaper.
// Every link, image and piece of raw HTML is judged in mdsvex's Markdown tree on the way, and
// whatever is refused, removed or changed becomes a diagnostic at the tutor's line and column.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import { escapeMarkup } from '../escape.ts';
import type { SourceLine } from '../scan/index.ts';
import { parseMarkdown, renderMarkdownHtml, type MdNode } from './mdsvex-engine.ts';
import {
  escapeForSvelte,
  isActiveFile,
  isAllowedTag,
  sanitiseHtml,
  schemeOf,
  tagProblem,
  type HtmlProblem,
  type UrlPolicy,
  type UrlVerdict,
} from './sanitise.ts';
import { scrollableTables } from './tables.ts';

/** What rendering a lesson's Markdown needs to know about the lesson and its course. */
export interface LessonContext {
  file: string;
  displayPath: string;
  courseId: string;
  courseDir: string;
  /** Absolute lesson file path → lesson id. */
  lessonIdsByFile: Map<string, string>;
  sink: DiagnosticSink;
  /** Registers a course file for bundling; returns the placeholder the compiler swaps for its URL. */
  asset: (absolutePath: string) => string;
  /** The lesson's reference-link definitions ("[ref]: url"), wherever in the lesson they are. */
  links: Links;
}

/** Reference-link definitions by their normalised label. */
type Links = Map<string, MdNode>;

/** The key Markdown matches a reference and its definition by ("[Foo  Bar]" is "[foo bar]"). */
const labelKey = (identifier = '') => identifier.replace(/\s+/g, ' ').trim().toUpperCase();

function definitionsIn(tree: MdNode, links: Links = new Map()): Links {
  for (const node of tree.children ?? []) {
    if (node.type === 'definition' && !links.has(labelKey(node.identifier))) links.set(labelKey(node.identifier), node);
    else if (node.children) definitionsIn(node, links);
  }
  return links;
}

/**
 * Every "[ref]: url" of a lesson: the stretches between blocks are rendered one by one, but a
 * reference link may use a definition from anywhere in the lesson. Block fences are blanked so a
 * definition just inside a block is still one.
 */
export function linkDefinitions(body: SourceLine[]): Links {
  if (!body.some((l) => /\[[^\]]+\]:/.test(l.text))) return new Map();
  return definitionsIn(parseMarkdown(body.map((l) => (/^\s{0,3}:::/.test(l.text) ? '' : l.text)).join('\n')));
}

const TAG_NAME = /^<\/?([A-Za-z][\w:.-]*)/;
const SINGLE_TAG = /^<\/?[A-Za-z][^<>]*>\s*$/;
/** Parents whose html children are blocks of HTML, not tags in running text. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/** One stretch being audited: its text, and where to report what the sanitiser finds. */
interface Stretch {
  text: string;
  urls: UrlPolicy;
  links: Links;
  report: (problem: Omit<HtmlProblem, 'tag'>, offset: number) => void;
}

const startOf = (node: MdNode) => node.position?.start.offset ?? 0;

/** Runs the sanitiser on HTML of the stretch only to hear what it would remove, at its element's place. */
function audit(stretch: Stretch, html: string, at: number, raw = html): void {
  const lower = raw.toLowerCase();
  let cursor = -1;
  sanitiseHtml(html, {
    urls: stretch.urls,
    // Inside a block of HTML, point at the element itself: tags open in document order.
    onOpenTag: (name) => {
      const found = lower.indexOf(`<${name}`, cursor + 1);
      cursor = found >= 0 ? found : Math.max(cursor, 0);
    },
    report: (problem) => stretch.report(problem, at + Math.max(cursor, 0)),
  });
}

const attribute = (name: string, value: string | null | undefined) => (value == null ? '' : ` ${name}="${escapeMarkup(value)}"`);

/** Judges a link or image (inline or by reference) as the element it becomes. */
function auditUrl(stretch: Stretch, node: MdNode, target: MdNode): void {
  const title = attribute('title', target.title);
  const html = node.type.startsWith('image')
    ? `<img${attribute('src', target.url ?? '')}${attribute('alt', node.alt ?? '')}${title}>`
    : `<a${attribute('href', target.url ?? '')}${title}></a>`;
  audit(stretch, html, startOf(node));
}

/** A lone tag not on the allow-list ("Press <Enter>", "<Ctrl>") stays as the tutor typed it, visible. */
function unknownTag(stretch: Stretch, node: MdNode, parent: MdNode): MdNode | undefined {
  const value = node.value ?? '';
  const name = TAG_NAME.exec(value)?.[1];
  if (!name || !SINGLE_TAG.test(value) || isAllowedTag(name)) return undefined;
  if (!value.startsWith('</')) stretch.report(tagProblem(name), startOf(node));
  const text: MdNode = { type: 'text', value: value.trim() };
  return BLOCK_PARENTS.has(parent.type) ? { type: 'paragraph', children: [text] } : text;
}

function headingText(stretch: Stretch, node: MdNode): string {
  const first = node.children?.[0];
  const last = node.children?.[node.children.length - 1];
  if (!first || !last) return '';
  return stretch.text.slice(startOf(first), last.position?.end.offset ?? startOf(first)).trim();
}

/** Audits every node below `parent`, replacing lone unknown tags by text. */
function auditChildren(stretch: Stretch, parent: MdNode): void {
  const children = parent.children ?? [];
  children.forEach((node, i) => {
    if (node.type === 'html') {
      const replacement = unknownTag(stretch, node, parent);
      if (replacement) children[i] = replacement;
      else {
        const start = startOf(node);
        audit(stretch, node.value ?? '', start, stretch.text.slice(start, node.position?.end.offset ?? start));
      }
    } else if (node.type === 'link' || node.type === 'image') auditUrl(stretch, node, node);
    else if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = stretch.links.get(labelKey(node.identifier));
      if (definition) auditUrl(stretch, node, definition);
    } else if (node.type === 'heading' && node.depth === 1) {
      stretch.report(
        {
          severity: 'error',
          rule: 'lesson/h1',
          message: "a lesson cannot have a level-1 heading: its title is the page's heading",
          hint: `use "## ${headingText(stretch, node)}" instead`,
        },
        startOf(node),
      );
    }
    if (node.children) auditChildren(stretch, node);
  });
}

/** The remark step: audit the stretch, and give it the lesson's definitions it does not have itself. */
function auditTree(stretch: Stretch, tree: MdNode): void {
  const local = definitionsIn(tree);
  stretch.links = new Map([...stretch.links, ...local]);
  auditChildren(stretch, tree);
  for (const [key, definition] of stretch.links) {
    if (!local.has(key)) tree.children?.push({ ...definition, position: undefined } as MdNode);
  }
}

/** Turns an offset in the joined stretch back into the tutor's line and column. */
function positionIn(lines: SourceLine[]): (offset: number) => { line: number; column: number } {
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.text.length + 1;
  }
  return (offset) => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > offset) i--;
    return { line: lines[i]?.line ?? 1, column: offset - (starts[i] ?? 0) + 1 };
  };
}

/** Renders a stretch of lesson Markdown to sanitised HTML, escaped for the Svelte compiler. */
export function renderLessonMarkdown(lines: SourceLine[], context: LessonContext): string {
  if (lines.length === 0) return '';
  const text = lines.map((l) => l.text).join('\n');
  const at = positionIn(lines);
  const urls = lessonUrls(context);
  const report = (problem: Omit<HtmlProblem, 'tag'>, offset: number) => {
    const { line, column } = at(offset);
    const add = problem.severity === 'error' ? context.sink.error : context.sink.warning;
    add.call(context.sink, line, column, problem.rule, problem.message, problem.hint);
  };
  const stretch: Stretch = { text, urls, links: context.links, report };
  const html = renderMarkdownHtml(text, (tree) => auditTree(stretch, tree));
  return escapeForSvelte(scrollableTables(sanitiseHtml(html, { urls })));
}

function refuse(rule: string, message: string, hint: string, severity: 'error' | 'warning' = 'error'): UrlVerdict {
  return { problem: { severity, rule, message, hint } };
}

/**
 * The rule for URLs in lessons. Links: http(s), mailto, tel, #anchors, other lessons of the course
 * (they become routes) and passive files of the course. Images: files of the course only (offline).
 * Files a browser would run as a page on the site's origin (SVG, HTML, XML) are never linked.
 */
function lessonUrls(context: LessonContext): UrlPolicy {
  return (url, kind) => {
    const scheme = schemeOf(url);
    const noun = kind === 'image' ? 'image' : 'link';
    if (kind === 'image' && (scheme === 'http' || scheme === 'https')) {
      return refuse('asset/remote-image', `the image "${url}" would load from the network`, 'download it into the course folder (e.g. media/) and link it relatively, so the course works offline');
    }
    if (kind === 'link' && (['http', 'https', 'mailto', 'tel'].includes(scheme) || url.startsWith('#'))) return { url };
    if (scheme || url.startsWith('//') || url.startsWith('\\')) {
      return refuse('link/unsafe', `the ${noun} "${url}" uses an unsupported scheme`, 'use https:, mailto:, a lesson file (other-lesson.md) or a file in the course folder');
    }
    const [pathPart = ''] = url.split(/[?#]/);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch {
      return refuse(kind === 'image' ? 'asset/missing' : 'link/broken', `the ${noun} "${url}" is not a valid path`, 'write the path of a file in the course folder, relative to the lesson file');
    }
    const target = resolve(dirname(context.file), decoded);
    if (kind === 'link' && pathPart.endsWith('.md')) return lessonLink(url, pathPart, target, context);
    if (isOutside(context.courseDir, target)) {
      return refuse(kind === 'image' ? 'asset/outside-course' : 'link/outside-course', `the ${noun} "${url}" points outside the course folder`, 'put the file in the course folder (e.g. media/): only its files are published with the course');
    }
    if (kind === 'link' && isActiveFile(pathPart)) {
      return refuse('link/active-file', `the link to "${url}" would open a file that can run code on the course's site`, `show an SVG as an image instead: ![what it shows](${pathPart}); HTML, XML and script files cannot be linked`);
    }
    if (!existsSync(target)) {
      return refuse(
        kind === 'image' ? 'asset/missing' : 'link/broken',
        `the ${kind === 'image' ? 'image' : 'file'} "${url}" does not exist`,
        `put it at ${normalize(join(dirname(context.displayPath), decoded))} or correct the path (it is relative to the lesson file)`,
      );
    }
    return { url: context.asset(target) };
  };
}

/** True when a path is not inside a folder: the build publishes what lessons point to. */
export function isOutside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel);
}

function lessonLink(url: string, pathPart: string, target: string, context: LessonContext): UrlVerdict {
  const lessonId = context.lessonIdsByFile.get(target);
  if (lessonId) return { url: `#/${context.courseId}/${lessonId}` };
  if (target === join(context.courseDir, 'course.md')) return { url: `#/${context.courseId}` };
  if (existsSync(target)) {
    return refuse('link/broken', `the link to "${url}" points to a file outside this course`, 'link only to lessons of the same course');
  }
  const names = [...context.lessonIdsByFile.keys()].map((f) => relative(dirname(context.file), f));
  const guess = didYouMean(pathPart, names);
  return refuse('link/broken', `the link to "${url}" points to no lesson`, guess ? `did you mean "${guess}"?` : `link to one of: ${names.join(', ')}`);
}
