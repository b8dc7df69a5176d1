// `:::video`: an online video behind a facade ({url}) or a file of the course ({src}, {captions}),
// with its transcript or summary as the body (VideoBlock). Course files become imported assets.
import { existsSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import { isOutside } from '../markdown/lesson-markdown.ts';
import { isActiveFile } from '../markdown/sanitise.ts';
import { BlockAttributeSchemas } from '../schema/block.ts';
import { isBlank } from '../scan/index.ts';
import { framed } from './markup.ts';
import type { AttributesOf, BlockCompiler, BlockWriter, CompilingBlock, LessonScope } from './types.ts';

type VideoAttributes = AttributesOf<'video'>;

export const video: BlockCompiler<VideoAttributes> = {
  component: 'VideoBlock',
  attributes: BlockAttributeSchemas.video,
  compile(block, write, lesson) {
    const { line, column, body } = block.source;
    const { sink } = lesson;
    const attrs = block.attrs ?? {};
    const props: Record<string, string | undefined> = { url: attrs.url, duration: attrs.duration, transcript: attrs.transcript === 'true' ? 'true' : undefined };
    if (block.attrs && !attrs.url && !attrs.src) {
      sink.error(
        line,
        column,
        'video/no-source',
        'this video has neither url nor src',
        'add {url="https://www.youtube.com/watch?v=..."} for an online video or {src="media/clip.mp4" captions="media/clip.vtt"} for a file in the course folder',
      );
    }
    Object.assign(props, courseFiles(block, attrs, write, lesson));
    if (attrs.src && !attrs.captions) {
      sink.warning(line, column, 'video/no-captions', 'this local video has no captions', 'add captions="media/clip.vtt" (WebVTT) so every learner can follow it');
    }
    if (isBlank(body)) {
      sink.warning(line, column, 'video/no-transcript', 'this video has no transcript', 'write a transcript or summary in the block: it is what learners read offline');
    }
    framed(write, block, props, () => write.markdown(body));
  },
};

/** The video and captions files of the course, checked and bound to imports: each prop → its placeholder. */
function courseFiles(block: CompilingBlock<VideoAttributes>, attrs: VideoAttributes, write: BlockWriter, { file, displayPath, index, sink }: LessonScope): Record<string, string> {
  const { line, column, attrColumns } = block.source;
  const props: Record<string, string> = {};
  for (const key of ['src', 'captions'] as const) {
    const value = attrs[key];
    if (!value) continue;
    const target = resolve(dirname(file), value);
    const at = attrColumns[key] ?? column;
    if (isOutside(index.courseDir, target)) {
      sink.error(line, at, 'asset/outside-course', `the file "${value}" is outside the course folder`, 'put it in the course folder (e.g. media/): only its files are published with the course');
    } else if (isActiveFile(value)) {
      sink.error(line, at, 'link/active-file', `the ${key} "${value}" is a file that can run code on the course's site`, key === 'src' ? 'use a video file (MP4 or WebM)' : 'use WebVTT captions (a .vtt file)');
    } else if (!existsSync(target)) {
      sink.error(line, at, 'asset/missing', `the file "${value}" does not exist`, `put it at ${normalize(join(dirname(displayPath), value))} or correct the path (it is relative to the lesson file)`);
    } else {
      props[key] = write.asset(target);
    }
  }
  return props;
}
