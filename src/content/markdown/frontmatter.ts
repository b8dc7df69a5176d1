// YAML frontmatter with positions: every zod issue is reported at the key or value it is about,
// unknown keys get "did you mean ...?", missing fields point at the frontmatter fence.
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode, type Document } from 'yaml';
import type { z } from 'zod';
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import type { SourceLine } from '../scan/index.ts';

export interface SplitSource {
  /** The YAML between the fences, or null when the file has no frontmatter. */
  yaml: string | null;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** The lines after the closing fence. */
  body: SourceLine[];
  /** The file holds nothing but whitespace. */
  empty: boolean;
  /** An opening "---" without its closing fence: the 1-based line of the last line that reads as YAML. */
  unclosedAfter?: number;
  /** Where each top-level key's value starts (1-based), so a problem with a value is reported on its line. */
  keys: Map<string, { line: number; column: number }>;
}

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*/;
/** Lines a frontmatter block is made of: keys, indented values, list items, comments. */
const YAML_LINE = /^([A-Za-z_][\w-]*[ \t]*:|[ \t]+\S|-[ \t]|#)/;

export function splitFrontmatter(source: string): SplitSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const empty = source.trim() === '';
  if (lines[0]?.trim() !== '---') {
    return { yaml: null, yamlLine: 1, body: lines.map((text, i) => ({ text, line: i + 1 })), empty, keys: new Map() };
  }
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1) {
    let last = 1;
    while (last < lines.length && YAML_LINE.test(lines[last]!)) last++;
    return { yaml: null, yamlLine: 2, body: [], empty, unclosedAfter: last, keys: new Map() };
  }
  const keys = new Map<string, { line: number; column: number }>();
  lines.slice(1, end).forEach((text, i) => {
    const key = TOP_LEVEL_KEY.exec(text);
    if (key && !keys.has(key[1]!)) keys.set(key[1]!, { line: i + 2, column: key[0].length + 1 });
  });
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).map((text, i) => ({ text, line: end + 2 + i })),
    empty,
    keys,
  };
}

/**
 * Examples a hint may quote: the whole frontmatter of this kind of file and one line per field,
 * made from the file's own name, so a hint never quotes another course.
 */
export interface FrontmatterExamples {
  whole: string;
  fields: Record<string, string>;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/**
 * Parses and validates frontmatter against a strict zod schema. Returns the data, or null after
 * reporting every problem to the sink.
 */
export function readFrontmatter<S extends z.ZodObject>(
  split: SplitSource,
  schema: S,
  sink: DiagnosticSink,
  examples: FrontmatterExamples,
): z.infer<S> | null {
  const example = examples.whole;
  if (split.unclosedAfter !== undefined) {
    sink.error(1, 1, 'frontmatter/unclosed', 'the frontmatter opened on line 1 is never closed', `add a line with just "---" after line ${split.unclosedAfter}, the last "key: value" line`);
    return null;
  }
  if (split.yaml === null) {
    const message = split.empty ? 'the file is empty: it needs frontmatter' : 'the file has no frontmatter';
    sink.error(1, 1, 'frontmatter/missing', message, `start the file with:\n  ---\n  ${example}\n  ---`);
    return null;
  }
  const counter = new LineCounter();
  const doc: Document = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false });
  const at = (offset: number): { line: number; column: number } => {
    const pos = counter.linePos(offset);
    return { line: pos.line + split.yamlLine - 1, column: pos.col };
  };
  if (doc.errors.length) {
    for (const error of doc.errors) {
      const { line, column } = at(error.pos[0]);
      sink.error(line, column, 'frontmatter/yaml', `the frontmatter is not valid YAML: ${error.message.split('\n')[0]}`, 'check the indentation and quote values that contain ":" or "#"');
    }
    return null;
  }
  const data: unknown = doc.toJS() ?? {};
  if (!isMap(doc.contents) && split.yaml.trim() !== '') {
    sink.error(split.yamlLine, 1, 'frontmatter/not-mapping', 'the frontmatter must be "key: value" lines', `for example:\n  ${example}`);
    return null;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  const known = Object.keys(schema.shape);
  const nodeAt = (path: PropertyKey[]): YamlNode | undefined => {
    const node = doc.getIn(path.map((p) => (typeof p === 'symbol' ? String(p) : p)), true);
    return node && typeof node === 'object' ? (node as YamlNode) : undefined;
  };
  const keyNode = (key: string): YamlNode | undefined => {
    if (!isMap(doc.contents)) return undefined;
    const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
    return pair?.key as YamlNode | undefined;
  };
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const node = keyNode(key);
        const { line, column } = node?.range ? at(node.range[0]) : { line: split.yamlLine, column: 1 };
        const guess = didYouMean(key, known);
        sink.error(
          line,
          column,
          'frontmatter/unknown-key',
          `unknown frontmatter key "${key}"`,
          guess ? `did you mean "${guess}"?` : `the keys are: ${known.join(', ')}`,
        );
      }
      continue;
    }
    const path = issue.path;
    const name = path.map(String).join('.');
    const node = nodeAt(path);
    const value = path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined), data);
    if (value === undefined && issue.code === 'invalid_type') {
      sink.error(
        split.yamlLine - 1,
        1,
        'frontmatter/missing-field',
        `the required field "${name}" is missing`,
        `add a line "${name}: ..." to the frontmatter, for example:\n  ${examples.fields[name] ?? `${name}: ...`}`,
      );
      continue;
    }
    const { line, column } = node?.range ? at(node.range[0]) : { line: split.yamlLine, column: 1 };
    const expected = 'expected' in issue && typeof issue.expected === 'string' ? `expected ${issue.expected}` : issue.message;
    sink.error(
      line,
      column,
      'frontmatter/invalid',
      `"${name}" is invalid: ${expected === issue.message ? issue.message : `${expected}, received ${describe(value)}`}`,
      hintFor(name, issue.message),
    );
  }
  return null;
}

function hintFor(name: string, message: string): string {
  switch (name) {
    case 'estimatedMinutes':
    case 'minutes':
      return `write a whole number of minutes, e.g. "${name}: 45"`;
    case 'passMark':
      return 'write a percentage from 0 to 100 without the % sign, e.g. "passMark: 80"';
    case 'outcomes':
      return 'write a list:\n  outcomes:\n    - Understand the meaning of external customers';
    case 'version':
      return 'quote it, e.g. version: "1.0.0"';
    case 'language':
      return 'use a language tag, e.g. "language: en-GB"';
    case 'id':
      return 'use lowercase letters, digits and hyphens, e.g. "id: external-customers"';
    default:
      return message;
  }
}
