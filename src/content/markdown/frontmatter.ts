// YAML frontmatter with positions: every zod issue is reported at the key or value it is about,
// unknown keys get "did you mean ...?", missing fields point at the frontmatter fence.
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode, type Document } from 'yaml';
import type { z } from 'zod';
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import type { SourceLine } from './blocks.ts';

export interface SplitSource {
  /** The YAML between the fences, or null when the file has no frontmatter. */
  yaml: string | null;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** The lines after the closing fence. */
  body: SourceLine[];
}

export function splitFrontmatter(source: string): SplitSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return { yaml: null, yamlLine: 1, body: lines.map((text, i) => ({ text, line: i + 1 })) };
  }
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1) return { yaml: null, yamlLine: 2, body: [] };
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).map((text, i) => ({ text, line: end + 2 + i })),
  };
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
  example: string,
): z.infer<S> | null {
  if (split.yaml === null) {
    sink.error(1, 1, 'frontmatter/missing', 'the file has no frontmatter', `start the file with:\n  ---\n  ${example}\n  ---`);
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
        `add a line "${name}: ..." to the frontmatter, for example:\n  ${example}`,
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
