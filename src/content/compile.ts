// Compiles a lesson's Svelte source (our block components around the tutor's sanitised, escaped
// HTML; see markdown/lesson-markdown.ts) into JavaScript with the Svelte compiler. `check` runs the
// same compiler over the same source, so whatever would fail the build is a diagnostic at the
// tutor's line first, never a stack trace with lines of generated code.
import { createHash } from 'node:crypto';
import { compile as svelte } from 'svelte/compiler';
import type { Diagnostic, DiagnosticSink } from './diagnostics.ts';
import type { SourceLine } from './scan/index.ts';

/** A piece of a lesson's generated source and, for the tutor's own text, the lines it came from. */
export interface SourceChunk {
  code: string;
  lines?: SourceLine[];
  /** The line to blame for generated markup (a block's opening line). */
  line?: number;
}

/** The placeholder a course file's URL takes until its import is bound (see bindAssets). */
export function assetPlaceholder(n: number): string {
  return `__cm_asset_${n}__`;
}

/**
 * Swaps the placeholders in src/href attributes for the imported asset's URL. Only real tags are
 * touched: in sanitised HTML a `<` outside a tag is always `&lt;` and attribute values never hold a
 * raw `"`, so a tutor's text cannot produce a match.
 */
export function bindAssets(source: string): string {
  if (!source.includes('__cm_asset_')) return source;
  return source.replace(/<[A-Za-z][^<>]*>/g, (tag) => tag.replace(/(\s(?:src|href|captions))="__cm_asset_(\d+)__"/g, '$1={__cm_asset_$2}'));
}

/** The chunk holding an offset of the joined chunks (joined with "\n"). */
function chunkAt(chunks: SourceChunk[], offset: number): number {
  let at = 0;
  for (const [i, chunk] of chunks.entries()) {
    at += chunk.code.length + 1;
    if (offset < at) return i;
  }
  return chunks.length - 1;
}

/** Where in the tutor's file a chunk comes from: the line holding the element named, else its first line. */
function blame(chunks: SourceChunk[], index: number, tagName: string | undefined): { line: number; column: number } {
  for (let i = index; i >= 0; i--) {
    const lines = chunks[i]!.lines?.filter((l) => l.text.trim() !== '') ?? [];
    const needle = tagName ? `<${tagName.toLowerCase()}` : undefined;
    const hit = needle ? lines.find((l) => l.text.toLowerCase().includes(needle)) : undefined;
    if (hit) return { line: hit.line, column: hit.text.toLowerCase().indexOf(needle!) + 1 };
    if (lines.length) return { line: lines[0]!.line, column: 1 };
    if (chunks[i]!.line) return { line: chunks[i]!.line!, column: 1 };
  }
  return { line: 1, column: 1 };
}

interface CompileProblem {
  index: number;
  message: string;
  code?: string;
}

/** Compiles a lesson's source without output: the error, or the warnings, each with its chunk. */
function compileOnce(source: string, file: string, prefixLength: number, chunks: SourceChunk[]): { error: CompileProblem } | { warnings: CompileProblem[] } {
  try {
    const { warnings } = svelte(source, { filename: file.replace(/\.md$/, '.svelte'), generate: false, runes: true });
    return {
      warnings: warnings.map((w) => ({ index: chunkAt(chunks, Math.max(0, (w.position?.[0] ?? prefixLength) - prefixLength)), message: w.message.split('\n')[0]!, code: w.code })),
    };
  } catch (error) {
    const e = error as { message?: string; position?: [number, number] };
    const offset = Math.max(0, (e.position?.[0] ?? prefixLength) - prefixLength);
    return { error: { index: chunkAt(chunks, offset), message: (e.message ?? String(error)).split('\n')[0]! } };
  }
}

/**
 * Runs the Svelte compiler over a lesson's source (as the build will) and reports every error at the
 * tutor's line: after each error the chunk at fault is left out and the rest compiled again.
 */
export function checkCompiles(chunks: SourceChunk[], prefix: string, file: string, sink: DiagnosticSink, limit = 20): void {
  // Dev reads the whole course again after an image or GIFT file changes (the lesson cache is
  // cleared then): lessons whose source did not change are not compiled again.
  const key = createHash('sha256').update(file).update('\0').update(prefix).update(chunks.map((c) => `${c.lines?.[0]?.line ?? c.line}:${c.code}`).join('\n')).digest('base64');
  const known = checked.get(key);
  if (known) {
    for (const d of known) (d.severity === 'error' ? sink.error : sink.warning).call(sink, d.line, d.column, d.rule, d.message, d.hint);
    return;
  }
  const before = sink.list.length;
  compileAndReport(chunks, prefix, file, sink, limit);
  if (checked.size > 10_000) checked.clear();
  checked.set(key, sink.list.slice(before));
}

const checked = new Map<string, Diagnostic[]>();

function compileAndReport(chunks: SourceChunk[], prefix: string, file: string, sink: DiagnosticSink, limit: number): void {
  const remaining = [...chunks];
  for (let n = 0; n < limit; n++) {
    const result = compileOnce(bindAssets(prefix + remaining.map((c) => c.code).join('\n')), file, prefix.length, remaining);
    if ('warnings' in result) {
      // After an error (a link refused leaves an <a> without href) a warning would only repeat it.
      if (!sink.hasErrors) reportWarnings(result.warnings, remaining, sink);
      return;
    }
    const error = result.error;
    const message = error.message.replace(/ The browser will 'repair'.*$/, '');
    const { line, column } = blame(remaining, error.index, /`<([a-z][\w-]*)>`/i.exec(message)?.[1]);
    sink.error(
      line,
      column,
      'markdown/invalid-html',
      `this HTML cannot be compiled: ${message}`,
      'close every element you open and nest them as HTML allows (e.g. a table needs <tbody> around its rows); or write it in Markdown',
    );
    const chunk = remaining[error.index]!;
    // Our own markup at fault would be a bug in Coursemark: stop rather than hide it.
    if (!chunk.lines) return;
    remaining[error.index] = { ...chunk, code: '' };
  }
}

/** The compiler's accessibility warnings about the tutor's HTML (an image without alt text ...), at their lines. */
function reportWarnings(warnings: CompileProblem[], chunks: SourceChunk[], sink: DiagnosticSink): void {
  for (const warning of warnings) {
    if (!chunks[warning.index]?.lines || !warning.code?.startsWith('a11y')) continue;
    // An image without alt text is the lint rule image/no-alt's (exact position, and {decorative}).
    if (warning.code === 'a11y_missing_attribute' && warning.message.includes('`<img>`')) continue;
    const { line, column } = blame(chunks, warning.index, /`<([a-z][\w-]*)>`/i.exec(warning.message)?.[1]);
    sink.warning(line, column, 'markdown/accessibility', warning.message, 'learners with a screen reader or a keyboard depend on it: give an image alt text, a link an href, a heading its text');
  }
}

export async function lessonToJs(source: string, file: string, dev = false): Promise<{ code: string; map: unknown }> {
  // In dev the lesson swaps itself in place when its source changes (Svelte HMR; see dev-update.ts).
  const out = svelte(source, { filename: file.replace(/\.md$/, '.svelte'), generate: 'client', dev, hmr: dev, runes: true, css: 'external' });
  return { code: out.js.code, map: out.js.map };
}
