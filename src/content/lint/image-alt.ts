// Images without alt text leave screen-reader users with a file name. A decorative image says so
// with `{decorative}` right after it (see markdown/decorative-images.ts).
import { DECORATIVE } from '../markdown/decorative-images.ts';
import { LINK, proseLines } from './lines.ts';
import type { LintRule } from './types.ts';

const IMG_TAG = /<img\b[^>]*>/gi;

export const imageAlt: LintRule = {
  id: 'image/no-alt',
  summary: 'an image without alt text that is not marked {decorative}',
  check({ lessons }, warn) {
    for (const lesson of lessons) {
      for (const line of proseLines(lesson.body)) {
        for (const match of line.text.matchAll(LINK)) {
          const [whole, bang, alt, target] = match;
          if (!bang || alt!.trim() !== '') continue;
          if (line.text.startsWith(DECORATIVE, match.index + whole.length)) continue;
          warn({
            file: lesson.display,
            at: { line: line.line, column: match.index + 1 },
            message: `the image "${target}" has no alt text`,
            hint: `describe what it shows, e.g. "![The five stages of the journey](${target})"; if it is only decoration, write "![](${target})${DECORATIVE}"`,
          });
        }
        for (const match of line.text.matchAll(IMG_TAG)) {
          if (/\balt\s*=/i.test(match[0])) continue;
          warn({
            file: lesson.display,
            at: { line: line.line, column: match.index + 1 },
            message: 'the <img> has no alt attribute',
            hint: 'add alt="what it shows", or alt="" if it is only decoration',
          });
        }
      }
    }
  },
};
