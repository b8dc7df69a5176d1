// A decorative image says so: `![](media/divider.svg){decorative}`. Markdown renders an image with
// empty brackets with alt="", which tells screen readers to skip it; the marker only says the empty
// alt is meant, so the lint (image/no-alt) stays quiet. This pass removes the marker from the lines
// the compiler sees, so learners never read it.
import { CodeFenceTracker, type SourceLine } from './blocks.ts';

export const DECORATIVE = '{decorative}';

const MARKED = /(!\[\s*\]\([^)]*\))\{decorative\}/g;

export function withoutDecorativeMarks(body: SourceLine[]): SourceLine[] {
  if (!body.some((line) => line.text.includes(DECORATIVE))) return body;
  const code = new CodeFenceTracker();
  return body.map((line) => (code.step(line.text) || !line.text.includes(DECORATIVE) ? line : { ...line, text: line.text.replace(MARKED, '$1') }));
}
