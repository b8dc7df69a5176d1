// Reads a fence's attributes with its kind's schema, turning each problem into a diagnostic at the
// attribute (an unknown key gets "did you mean ...?", a bad value how to write it).
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import { ATTRIBUTE_HINTS } from '../schema/block.ts';
import type { ScannedBlock } from '../scan/index.ts';
import type { BlockCompiler } from './types.ts';

/** The block's attributes, validated; null (after reporting) when any is wrong. */
export function readAttributes<Attrs>(block: ScannedBlock, schema: BlockCompiler<Attrs>['attributes'], sink: DiagnosticSink): Attrs | null {
  const result = schema.safeParse(block.attrs);
  if (result.success) return result.data;
  const known = Object.keys(schema.shape);
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = didYouMean(key, known);
        sink.error(
          block.line,
          block.attrColumns[key] ?? block.column,
          'block/unknown-attribute',
          `the ${block.kind} block has no attribute "${key}"`,
          guess ? `did you mean "${guess}"?` : known.length > 1 ? `its attributes are: ${known.map((k) => (k === 'id' ? '#id' : k)).join(', ')}` : 'this block takes only an id: {#my-id}',
        );
      }
      continue;
    }
    const key = String(issue.path[0] ?? '');
    sink.error(
      block.line,
      block.attrColumns[key] ?? block.column,
      'block/invalid-attribute',
      `the attribute "${key}" of the ${block.kind} block is invalid: ${issue.message} (received "${block.attrs[key] ?? ''}")`,
      key === 'id' ? 'use lowercase letters, digits and hyphens, e.g. {#coffee-maker}' : (ATTRIBUTE_HINTS[key] ?? issue.message),
    );
  }
  return null;
}
