// A decorative image says so: `![](media/divider.svg){decorative}`. This pass turns it into
// `<img src="..." alt="">` in the lines the compiler sees: an empty alt tells screen readers to skip
// the image, and learners never read the marker. Without it, an image with no alt text is a lint
// warning (image/no-alt).
import { CodeFenceTracker, type SourceLine } from '../scan/index.ts';

export const DECORATIVE = '{decorative}';

const MARKED = /!\[\s*\]\(\s*<?([^)\s>]+)>?\s*\)\{decorative\}/g;

export function withoutDecorativeMarks(body: SourceLine[]): SourceLine[] {
  if (!body.some((line) => line.text.includes(DECORATIVE))) return body;
  const code = new CodeFenceTracker();
  return body.map((line) => (code.step(line.text) || !line.text.includes(DECORATIVE) ? line : { ...line, text: line.text.replace(MARKED, '<img src="$1" alt="">') }));
}
