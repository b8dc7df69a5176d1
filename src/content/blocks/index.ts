// The table of block kinds: each `:::kind` a tutor can write → its compiler (one module per kind,
// all of the same shape: see types.ts). A kind missing here is a type error. To add a kind: its
// name in schema/block-kinds.ts, its attributes in schema/block.ts, a module here, a row below, and
// its component exported by src/player/blocks/index.ts (docs/architecture.md).
import type { BlockKind } from '../schema/block.ts';
import { caseStudy } from './case-study.ts';
import { challenge } from './challenge.ts';
import { example } from './example.ts';
import { outcomes } from './outcomes.ts';
import { purpose } from './purpose.ts';
import { question } from './question.ts';
import { quiz } from './quiz.ts';
import { rating } from './rating.ts';
import { reflection } from './reflection.ts';
import { theory } from './theory.ts';
import type { AttributesOf, BlockCompiler } from './types.ts';
import { video } from './video.ts';

export const BLOCK_COMPILERS: { readonly [Kind in BlockKind]: BlockCompiler<AttributesOf<Kind>> } = {
  purpose,
  theory,
  example,
  question,
  challenge,
  video,
  'case-study': caseStudy,
  reflection,
  rating,
  outcomes,
  quiz,
};

/** The compiler of a kind, as the lesson compiler calls it (attributes as the kind's schema reads them). */
export function blockCompiler(kind: BlockKind): BlockCompiler {
  return BLOCK_COMPILERS[kind];
}

export type { BlockCompiler, BlockOutcome, BlockWriter, CompilingBlock, LessonScope } from './types.ts';
