// The line scan of a lesson body, behind one module: `:::kind` block fences, code fences, "???"
// separators and "? " prompts, each kept with its line in the file for diagnostics. mdsvex 0.12
// bundles remark-parse 8, which today's remark-directive cannot plug into, so these container
// blocks are found by a pass of our own before any Markdown is parsed (see docs/architecture.md).
export { CodeFenceTracker, isBlank, isRevealSeparator, splitAt, type SourceLine } from './lines.ts';
export { fenceKind, isFenceClose, scanBlocks, type ScannedBlock, type Segment } from './blocks.ts';
export { isModelAnswer, modelAnswerLines, splitPrompts, type Prompt } from './prompts.ts';
