// A block whose only content is an HTML comment (a "TODO" left in, an answer commented out) passes
// the compiler, which sees text, but learners see an empty box.
import { BLOCK_KINDS } from '../schema/block-kinds.ts';
import { proseLines, type ProseLine } from './lines.ts';
import type { LintRule } from './types.ts';

const COMMENTS = /<!--[\s\S]*?-->/g;
/** Blocks meant to be empty (outcomes falls back to the course's) or with a syntax of their own. */
const SKIP = new Set(['outcomes', 'quiz']);

export const emptyBlocks: LintRule = {
  id: 'block/only-comments',
  summary: 'a block (or the part after its "???") that holds nothing but HTML comments',
  check({ lessons }, warn) {
    for (const lesson of lessons) {
      let open: ProseLine | null = null;
      let parts: string[][] = [];
      const finish = () => {
        if (!open || SKIP.has(open.block ?? '') || !(BLOCK_KINDS as readonly string[]).includes(open.block ?? '')) return;
        const hollow = parts.some((part) => part.join('\n').trim() !== '' && part.join('\n').replace(COMMENTS, '').trim() === '');
        if (!hollow) return;
        warn({
          file: lesson.display,
          at: { line: open.line, column: open.text.indexOf(':::') + 1 },
          message: `this ${open.block} block holds only an HTML comment: learners see it empty`,
          hint: 'write its content (comments are never shown), or delete the block',
        });
      };
      for (const line of proseLines(lesson.body)) {
        if (line.fence) {
          if (open) {
            finish();
            open = null;
          }
          if (/:::[A-Za-z]/.test(line.text)) {
            open = line;
            parts = [[]];
          }
          continue;
        }
        if (!open) continue;
        if (line.text.trim() === '???') parts.push([]);
        else parts.at(-1)!.push(line.text);
      }
      finish();
    }
  },
};
