// Turns one lesson file into (a) its manifest entry, (b) the Svelte source of the lesson's component
// (our block components around the tutor's Markdown, rendered to sanitised and escaped HTML by
// lesson-markdown.ts), and (c) its quizzes as data. Everything a tutor can get wrong, including what
// the Svelte compiler would refuse, is a diagnostic at file:line:col (see docs/architecture.md).
// Each `:::kind` block is compiled by its kind's module in src/content/blocks/.
import type { BlockEntry, LessonEntry } from '../schema/manifest.ts';
import type { Quiz } from '../schema/quiz.ts';
import type { DiagnosticSink } from '../diagnostics.ts';
import { IdAllocator, slugify } from './attributes.ts';
import { isBlank, scanBlocks, type ScannedBlock, type Segment, type SourceLine } from '../scan/index.ts';
import { linkDefinitions } from './lesson-markdown.ts';
import { checkCompiles } from '../compile.ts';
import { countWords, studyMinutes } from '../reading-time.ts';
import { blockCompiler, type BlockOutcome, type LessonScope } from '../blocks/index.ts';
import { readAttributes } from '../blocks/attributes.ts';
import { LessonSource } from '../blocks/lesson-source.ts';
import { plainText } from '../blocks/plain-text.ts';

/** What the course loader knows about every lesson of the course before compiling any. */
export interface LessonIndex {
  courseId: string;
  courseDir: string;
  /** Absolute lesson file path → lesson id. */
  lessonIdsByFile: Map<string, string>;
  coursePassMark: number;
}

export interface CompiledLesson {
  entry: LessonEntry;
  /** The lesson's Svelte component: block components around sanitised, escaped HTML. */
  source: string;
  quizzes: Quiz[];
  /** Plain text of the lesson, for search and reading-time estimates. */
  text: string;
}

export function compileLesson(
  file: string,
  displayPath: string,
  lessonId: string,
  title: string,
  body: SourceLine[],
  index: LessonIndex,
  sink: DiagnosticSink,
  options: { minutes?: number; module?: string },
): CompiledLesson {
  const lesson: LessonScope = { file, displayPath, lessonId, index, sink };
  const out = new LessonSource({ file, displayPath, courseId: index.courseId, courseDir: index.courseDir, lessonIdsByFile: index.lessonIdsByFile, sink, links: linkDefinitions(body) });
  const blocks: BlockEntry[] = [];
  const quizzes: Quiz[] = [];
  const textParts: string[] = [];
  let interactions = 0;

  if (isBlank(body)) {
    sink.error(
      body[0]?.line ?? 1,
      1,
      'lesson/empty',
      `the lesson "${title}" has no content`,
      'write some Markdown or a block below the frontmatter, e.g. ":::purpose" ... ":::", or delete the file',
    );
  }
  const segments = scanBlocks(body, sink);
  const ids = claimExplicitIds(segments, sink);
  for (const segment of segments) {
    if (segment.type === 'markdown') {
      out.markdown(segment.lines);
      textParts.push(plainText(segment.lines.map((l) => l.text).join('\n')));
    } else if (!segment.block.unknown) {
      const block = segment.block;
      const { entry, outcome } = compileBlock(block, ids, out, lesson);
      blocks.push(entry);
      textParts.push(block.title, plainText(block.body.map((l) => l.text).join('\n')));
      interactions += outcome.interactions ?? 0;
      if (outcome.quiz) quizzes.push(outcome.quiz);
    }
  }

  const minutes = options.minutes ?? studyMinutes(countWords(textParts.join(' ')), interactions);
  const prefix = out.prefix();
  const source = out.source(prefix);
  checkCompiles(out.chunks, prefix, file, sink);
  return {
    entry: { id: lessonId, title, minutes, blocks, ...(options.module ? { module: options.module } : {}) },
    source,
    quizzes,
    text: textParts.filter(Boolean).join(' '),
  };
}

/** Explicit ids first, so derived ids never take a name a tutor chose further down. */
function claimExplicitIds(segments: Segment[], sink: DiagnosticSink): IdAllocator {
  const ids = new IdAllocator();
  for (const segment of segments) {
    if (segment.type !== 'block' || segment.block.unknown) continue;
    const id = segment.block.attrs.id;
    if (!id) continue;
    if (ids.has(id)) {
      sink.error(
        segment.block.line,
        segment.block.attrColumns.id ?? segment.block.column,
        'block/duplicate-id',
        `the block id "${id}" is used twice in this lesson`,
        'give each block its own id, or remove {#...} to let Coursemark derive one',
      );
    }
    ids.claim(id);
  }
  return ids;
}

/** One block through its kind's compiler (blocks/index.ts): its manifest entry and what it adds to the lesson. */
function compileBlock(source: ScannedBlock, ids: IdAllocator, out: LessonSource, lesson: LessonScope): { entry: BlockEntry; outcome: BlockOutcome } {
  const compiler = blockCompiler(source.kind);
  const attrs = readAttributes(source, compiler.attributes, lesson.sink);
  const id = source.attrs.id ?? ids.unique(source.title ? `${source.kind}-${slugify(source.title)}` : source.kind);
  const outcome = compiler.compile({ source, id, attrs, component: compiler.component }, out, lesson) ?? {};
  const entry: BlockEntry = { id, kind: source.kind, required: false, ...(source.title ? { title: source.title } : {}), ...outcome.entry };
  return { entry, outcome };
}
