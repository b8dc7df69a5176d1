// Links a learner follows: an external link over plain http (browsers warn, networks tamper), and
// `#anchor` links, in the lesson or into another (`03-journey.md#stages`), that land on no heading
// or block. Heading ids come from markdown/heading-ids.ts, the same code that gives the page its ids.
import { dirname, resolve } from 'node:path';
import { didYouMean } from '../diagnostics.ts';
import { HeadingIds, headingText } from '../markdown/heading-ids.ts';
import { LINK, proseLines } from './lines.ts';
import type { LintLesson, LintRule } from './types.ts';

const ATX = /^ {0,3}#{2,6}[ \t]+(.*)$/;
const HTML_LINK = /<a\b[^>]*\bhref\s*=\s*"(http:[^"]*)"/gi;

export const plainHttp: LintRule = {
  id: 'link/not-https',
  summary: 'an external link over http:// instead of https://',
  check({ lessons }, warn) {
    for (const lesson of lessons) {
      for (const line of proseLines(lesson.body)) {
        const found = [...line.text.matchAll(LINK)].filter((m) => !m[1]).map((m) => ({ url: m[3]!, index: m.index }));
        found.push(...[...line.text.matchAll(HTML_LINK)].map((m) => ({ url: m[1]!, index: m.index })));
        for (const { url, index } of found) {
          if (!/^http:/i.test(url)) continue;
          warn({
            file: lesson.display,
            at: { line: line.line, column: index + 1 },
            message: `the link "${url}" is not https`,
            hint: `write "${url.replace(/^http:/i, 'https:')}" if the site offers it; browsers warn about plain http`,
          });
        }
      }
    }
  },
};

/** Every id a link can land on in a lesson: its headings' ids and its blocks' ("block-<id>"). */
export function anchorsOf(lesson: LintLesson): string[] {
  const ids = new HeadingIds();
  const anchors: string[] = [];
  for (const line of proseLines(lesson.body)) {
    if (line.block === 'quiz') continue;
    const heading = ATX.exec(line.text);
    if (heading) anchors.push(ids.next(headingText(heading[1]!)));
  }
  for (const block of lesson.entry.blocks) anchors.push(`block-${block.id}`);
  return anchors;
}

export const anchorLinks: LintRule = {
  id: 'link/missing-anchor',
  summary: 'a #anchor link (in the lesson or into another lesson) to a heading that does not exist',
  check({ lessons }, warn) {
    const byFile = new Map(lessons.map((l) => [l.file, l]));
    const anchors = new Map<LintLesson, string[]>();
    const anchorsIn = (lesson: LintLesson) => anchors.get(lesson) ?? anchors.set(lesson, anchorsOf(lesson)).get(lesson)!;
    for (const lesson of lessons) {
      for (const line of proseLines(lesson.body)) {
        for (const match of line.text.matchAll(LINK)) {
          const url = match[3]!;
          const hash = url.indexOf('#');
          if (match[1] || hash === -1 || /^[a-z][a-z0-9+.-]*:/i.test(url)) continue;
          const path = url.slice(0, hash);
          const anchor = decodeURIComponent(url.slice(hash + 1));
          const target = path === '' ? lesson : byFile.get(resolve(dirname(lesson.file), decodeURIComponent(path)));
          if (!target || anchor === '') continue;
          const known = anchorsIn(target);
          if (known.includes(anchor)) continue;
          const guess = didYouMean(anchor, known);
          warn({
            file: lesson.display,
            at: { line: line.line, column: match.index + 1 },
            message: `the link "${url}" points to no heading in ${path === '' ? 'this lesson' : path}`,
            hint: guess ? `did you mean "#${guess}"?` : known.length ? `its anchors are: ${known.slice(0, 8).map((a) => `#${a}`).join(', ')}${known.length > 8 ? ', ...' : ''}` : 'it has no headings: add a "## heading" there, or link to the lesson without "#..."',
          });
        }
      }
    }
  },
};
