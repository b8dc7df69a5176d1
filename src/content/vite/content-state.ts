// What the Vite plugin knows of content/ between hooks: the content read (once in a build, again on
// each save in dev), the last version without errors, the dev lesson cache and the files' stamps.
import { statSync } from 'node:fs';
import type { ViteDevServer } from 'vite';
import { formatDiagnostic, summarise } from '../diagnostics.ts';
import { loadContent, type ContentResult, type LessonCache } from '../pipeline.ts';
import type { CoursemarkPluginOptions } from './plugin-options.ts';

export class ContentError extends Error {
  constructor(readonly result: ContentResult) {
    super(
      `${result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}\n${summarise(result.diagnostics)}`,
    );
    this.name = 'ContentError';
  }
}

/** A file's size and time, or "gone": cheap enough to check every content file a few times a second. */
export const stampOf = (file: string): string => {
  try {
    const stat = statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'gone';
  }
};

export class ContentState {
  content: ContentResult | undefined;
  /** The last content without errors: what the open page shows, and what a save is compared with. */
  lastGood: ContentResult | undefined;
  /** Compiled lessons kept across saves in dev, so a save compiles only the lesson that changed. */
  readonly lessonCache: LessonCache = new Map();
  /** Each content file's size and time as last read in dev (see watchForMissedSaves). */
  readonly stamps = new Map<string, string>();
  server: ViteDevServer | undefined;
  dev = false;
  /** Whether the build writes source maps: a lesson's map is only made and kept for Vite if so. */
  sourcemap = false;

  constructor(readonly options: CoursemarkPluginOptions) {}

  /** The content: in a build the caller's if it gave it, else read (in dev with the lesson cache). */
  load(): ContentResult {
    if (!this.content) {
      const { options } = this;
      const result = options.content && !this.dev ? options.content : loadContent(options.contentDir, { lint: true, cache: this.lessonCache });
      this.content = options.only ? { ...result, courses: result.courses.filter((c) => c.manifest.id === options.only) } : result;
      if (!this.content.diagnostics.some((d) => d.severity === 'error')) this.lastGood = this.content;
      if (this.server) for (const file of this.content.files) if (!this.stamps.has(file)) this.stamps.set(file, stampOf(file));
    }
    return this.content;
  }

  /** The content, or a ContentError with every diagnostic if it has errors. */
  ensureValid(): ContentResult {
    const result = this.load();
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new ContentError(result);
    return result;
  }

  course(id: string) {
    return this.ensureValid().courses.find((c) => c.manifest.id === id);
  }
}
