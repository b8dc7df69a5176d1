// The one shape every block kind's compiler has. A compiler checks its block, writes the block's
// Svelte markup through a BlockWriter and says what the manifest should know; the lesson compiler
// (markdown/lesson.ts) runs the one for each `:::kind` it meets, taken from the table in index.ts.
import type { z } from 'zod';
import type { DiagnosticSink } from '../diagnostics.ts';
import type { LessonIndex } from '../markdown/lesson.ts';
import type { BlockAttributeSchemas, BlockKind } from '../schema/block.ts';
import type { BlockEntry } from '../schema/manifest.ts';
import type { Quiz } from '../schema/quiz.ts';
import type { ScannedBlock, SourceLine } from '../scan/index.ts';

/** The lesson a block sits in. */
export interface LessonScope {
  /** Absolute path of the lesson file. */
  file: string;
  /** The path diagnostics show (relative to the working directory). */
  displayPath: string;
  lessonId: string;
  index: LessonIndex;
  sink: DiagnosticSink;
}

/** Where a block writes the lesson's Svelte source, chunk by chunk. */
export interface BlockWriter {
  /** The tutor's Markdown, rendered to sanitised, escaped HTML (lesson-markdown.ts). */
  markdown(lines: SourceLine[]): void;
  /** Our own markup; the Svelte compiler's complaints about it are blamed on `line`. */
  markup(line: number, code: string): void;
  /** A component of the blocks module (src/player/blocks/index.ts) that the markup uses. */
  use(component: string): void;
  /** A course file the markup refers to: the placeholder its URL takes until it is imported. */
  asset(absolutePath: string): string;
}

/** A block as its compiler receives it. */
export interface CompilingBlock<Attrs> {
  source: ScannedBlock;
  /** Its id: the tutor's {#id}, else one derived from the kind and title, unique in the lesson. */
  id: string;
  /** The fence's attributes as the kind's schema reads them; null when one was wrong (already reported). */
  attrs: Attrs | null;
  /** The component the block becomes (the compiler's own `component`). */
  component: string;
}

/** What a block adds to the lesson besides its markup. */
export interface BlockOutcome {
  /** Fields of the block's manifest entry beyond id, kind, title and `required: false`. */
  entry?: Partial<BlockEntry>;
  /** Things the learner does in the block (a question, each prompt), for the study-time estimate. */
  interactions?: number;
  /** The quiz the block declares. */
  quiz?: Quiz;
}

/** The attributes a kind's fence accepts, as its schema reads them. */
export type AttributesOf<Kind extends BlockKind> = z.infer<(typeof BlockAttributeSchemas)[Kind]>;

export interface BlockCompiler<Attrs = Record<string, unknown>> {
  /** The component the block becomes, as src/player/blocks/index.ts exports it. */
  component: string;
  /** The attributes its fence accepts: the kind's schema in src/content/schema/block.ts. */
  attributes: z.ZodType<Attrs> & { readonly shape: object };
  compile(block: CompilingBlock<Attrs>, write: BlockWriter, lesson: LessonScope): BlockOutcome | void;
}
