// The course file's body, shown on the course home: rendered through the same allow-list renderer
// as quiz text (render.ts), with lesson links turned into routes. It is a short introduction, so
// it travels in the manifest as sanitised HTML rather than as a lesson chunk of its own.
import { dirname, resolve } from 'node:path';
import type { DiagnosticSink } from '../diagnostics.ts';
import { CodeFenceTracker, fenceKind, type SourceLine } from '../scan/index.ts';
import { renderMarkdown } from './render.ts';

export interface CourseLinks {
  courseId: string;
  courseFile: string;
  lessonIdsByFile: Map<string, string>;
}

/**
 * HTML for the course home, or undefined for an empty body. Headings become level 3 (the page has
 * its own h1 and h2s); blocks and images are lesson things, reported rather than silently dropped.
 */
export function courseIntroHtml(body: SourceLine[], links: CourseLinks, sink: DiagnosticSink): string | undefined {
  if (body.every((line) => line.text.trim() === '')) return undefined;
  const code = new CodeFenceTracker();
  const lines = body.map(({ text, line }) => {
    if (code.step(text)) return text;
    if (fenceKind(text) !== null) {
      sink.error(line, 1, 'course/block-in-body', 'blocks cannot be used in the course file', 'move the block into a lesson; the course file\'s body is a short introduction in plain Markdown');
    }
    const image = text.indexOf('![');
    if (image >= 0) {
      sink.error(line, image + 1, 'course/image-in-body', 'images cannot be used in the course file', 'put the image in the first lesson, where it is bundled and works offline');
    }
    return text.replace(/^(\s{0,3})#{1,2}(?=\s)/, '$1###');
  });
  // Lesson links become routes before rendering: the sanitiser keeps #routes, not file paths.
  const routed = lines.map((text) =>
    text.replace(/\]\(\s*<?([^)\s>#:]+\.md)(?:#[^)\s>]*)?>?(\s+"[^"]*")?\s*\)/g, (whole, path: string, title = '') => {
      const lessonId = links.lessonIdsByFile.get(resolve(dirname(links.courseFile), decodeURIComponent(path)));
      return lessonId ? `](#/${links.courseId}/${lessonId}${title})` : whole;
    }),
  );
  return renderMarkdown(routed.join('\n'));
}
