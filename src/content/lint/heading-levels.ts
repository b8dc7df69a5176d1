// Screen-reader users move through a page by its headings; a skipped level ("##" then "####")
// looks like a missing section. The lesson title is the h1 and every block's title an h2, so the
// lesson's own headings start at "##", and inside a block at "###".
import { proseLines } from './lines.ts';
import type { LintRule } from './types.ts';

const ATX = /^ {0,3}(#{1,6})[ \t]+(.*)$/;

export const headingLevels: LintRule = {
  id: 'heading/skipped',
  summary: 'a heading that skips a level (the lesson title is level 1, block titles level 2)',
  check({ lessons }, warn) {
    for (const lesson of lessons) {
      let level = 1;
      for (const line of proseLines(lesson.body)) {
        if (line.block === 'quiz') continue;
        if (line.fence) {
          // A block is a level-2 section: inside it, and after it, the next heading may be "###".
          level = 2;
          continue;
        }
        const heading = ATX.exec(line.text);
        if (!heading) continue;
        const depth = heading[1]!.length;
        if (depth > level + 1) {
          const want = '#'.repeat(level + 1);
          warn({
            file: lesson.display,
            at: { line: line.line, column: line.text.indexOf('#') + 1 },
            message: `this level-${depth} heading skips a level: expected level ${level + 1} or less after a level-${level} ${level === 1 ? 'title' : 'heading'}`,
            hint: `write "${want} ${heading[2]!.trim()}", so the page's outline has no gap`,
          });
        }
        level = depth;
      }
    }
  },
};
