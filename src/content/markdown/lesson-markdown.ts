// Renders one stretch of a tutor's lesson Markdown (the text between block tags) into HTML the
// Svelte compiler can only ever read as markup: marked → the one sanitiser → the one escaper.
// Every link, image and piece of raw HTML is judged on the way, and whatever is refused, removed or
// changed becomes a diagnostic at the tutor's line and column.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { Lexer, Parser, Renderer, type MarkedOptions, type Token, type Tokens } from 'marked';
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import type { SourceLine } from './blocks.ts';
import { smarten } from './typography.ts';
import {
  escapeForSvelte,
  escapeHtml,
  isActiveFile,
  isAllowedTag,
  sanitiseHtml,
  schemeOf,
  tagProblem,
  type HtmlProblem,
  type UrlPolicy,
  type UrlVerdict,
} from './sanitise.ts';

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

type Links = ReturnType<typeof Lexer.lex>['links'];

/**
 * Every "[ref]: url" of a lesson: the stretches between blocks are rendered one by one, but a
 * reference link may use a definition from anywhere in the lesson. Block fences are blanked so a
 * definition just inside a block is still one.
 */
export function linkDefinitions(body: SourceLine[]): Links {
  if (!body.some((l) => /\[[^\]]+\]:/.test(l.text))) return {};
  return Lexer.lex(body.map((l) => (/^\s{0,3}:::/.test(l.text) ? '' : l.text)).join('\n'), OPTIONS).links;
}

const OPTIONS: MarkedOptions = { gfm: true, breaks: false, async: false };
const TAG_NAME = /^<\/?([A-Za-z][\w:.-]*)/;

/** Where each token starts in the stretch of Markdown (offsets), found once before rendering. */
type Offsets = WeakMap<object, number>;

/**
 * Offsets of every token: a child's raw text is found in its parent's from where the previous child
 * ended. Lists and quotes strip indentation and ">", so a child not found takes its parent's offset.
 */
function locate(tokens: Token[], text: string, base: number, offsets: Offsets): void {
  let cursor = 0;
  for (const token of tokens) {
    const found = token.raw ? text.indexOf(token.raw, cursor) : -1;
    const at = found >= 0 ? found : cursor;
    offsets.set(token, base + at);
    if (found >= 0) cursor = found + token.raw.length;
    const own = found >= 0 ? token.raw : '';
    const start = found >= 0 ? base + found : base + at;
    for (const children of childLists(token)) locate(children, own, start, offsets);
  }
}

function childLists(token: Token): Token[][] {
  const lists: Token[][] = [];
  if ('tokens' in token && Array.isArray(token.tokens)) lists.push(token.tokens);
  if (token.type === 'list') lists.push((token as Tokens.List).items as unknown as Token[]);
  if (token.type === 'table') {
    const table = token as Tokens.Table;
    lists.push(...table.header.map((cell) => cell.tokens), ...table.rows.flatMap((row) => row.map((cell) => cell.tokens)));
  }
  return lists;
}

/** The renderer of lesson Markdown: marked's own output, with every link, image and HTML judged. */
class LessonRenderer extends Renderer {
  constructor(
    private readonly offsets: Offsets,
    private readonly report: (problem: HtmlProblem, offset: number) => void,
    private readonly urls: UrlPolicy,
    private readonly onHeading: (token: Tokens.Heading, offset: number) => void,
  ) {
    super();
  }

  #audit(html: string, token: object, raw = html): void {
    const offset = this.offsets.get(token) ?? 0;
    const lower = raw.toLowerCase();
    let cursor = -1;
    sanitiseHtml(html, {
      urls: this.urls,
      // Inside a block of HTML, point at the element itself: tags open in document order.
      onOpenTag: (name) => {
        const found = lower.indexOf(`<${name}`, cursor + 1);
        cursor = found >= 0 ? found : Math.max(cursor, 0);
      },
      report: (problem) => this.report(problem, offset + Math.max(cursor, 0)),
    });
  }

  override heading(token: Tokens.Heading): string {
    this.onHeading(token, this.offsets.get(token) ?? 0);
    return super.heading(token);
  }

  override html(token: Tokens.HTML | Tokens.Tag): string {
    const name = TAG_NAME.exec(token.text)?.[1];
    const single = /^<\/?[A-Za-z][^<>]*>\s*$/.test(token.text);
    if (single && name && !isAllowedTag(name)) {
      // One tag, in running text or on its own line ("Press <Enter>"): keep the tutor's exact text, visible.
      if (!token.text.startsWith('</')) this.report(tagProblem(name), this.offsets.get(token) ?? 0);
      const block = 'block' in token && token.block;
      return block ? `<p>${escapeHtml(token.text.trim())}</p>\n` : escapeHtml(token.text);
    }
    this.#audit(token.text, token);
    return token.text;
  }

  override link(token: Tokens.Link): string {
    const html = super.link(token);
    if (html.startsWith('<a')) this.#audit(`${html.slice(0, html.indexOf('>') + 1)}</a>`, token);
    return html;
  }

  override image(token: Tokens.Image): string {
    const html = super.image(token);
    if (html.startsWith('<img')) this.#audit(html, token);
    return html;
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
  const lexer = new Lexer(OPTIONS);
  Object.assign(lexer.tokens.links, context.links);
  const tokens = lexer.lex(text);
  const offsets: Offsets = new WeakMap();
  locate(tokens, text, 0, offsets);
  smarten(tokens);
  const at = positionIn(lines);
  const urls = lessonUrls(context);
  const report = (problem: Omit<HtmlProblem, 'tag'>, offset: number) => {
    const { line, column } = at(offset);
    const add = problem.severity === 'error' ? context.sink.error : context.sink.warning;
    add.call(context.sink, line, column, problem.rule, problem.message, problem.hint);
  };
  const renderer = new LessonRenderer(offsets, report, urls, (heading, offset) => {
    if (heading.depth !== 1) return;
    report(
      {
        severity: 'error',
        rule: 'lesson/h1',
        message: "a lesson cannot have a level-1 heading: its title is the page's heading",
        hint: `use "## ${heading.text.trim()}" instead`,
      },
      offset,
    );
  });
  const html = new Parser({ ...OPTIONS, renderer }).parse(tokens);
  return escapeForSvelte(sanitiseHtml(html, { urls }));
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
