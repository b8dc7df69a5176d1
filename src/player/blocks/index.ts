// The player's block components under the names compiled lessons import them by: a lesson's code
// reads `import { QuestionBlock, Reveal } from "virtual:coursemark/blocks"`, which the Vite plugin
// resolves to this file (src/content/blocks/virtual-module.ts), so it names no file of the player.
// BLOCK_COMPONENTS is the one map of kind → component; each kind's compiler in src/content/blocks/
// writes the same name (src/content/blocks/index.test.ts). This file only re-exports, so the
// bundler links each lesson to the components it uses and nothing else.
import type { Component } from 'svelte';
import type { BlockKind } from '../../content/schema/block-kinds.ts';
import ChallengeBlock from './ChallengeBlock.svelte';
import ExampleBlock from './ExampleBlock.svelte';
import OutcomesBlock from './OutcomesBlock.svelte';
import QuestionBlock from './QuestionBlock.svelte';
import QuizBlock from './QuizBlock.svelte';
import RatingBlock from './RatingBlock.svelte';
import VideoBlock from './VideoBlock.svelte';
import { CaseStudyBlock, PurposeBlock, ReflectionBlock, TheoryBlock } from './shapes.ts';

export { CaseStudyBlock, ChallengeBlock, ExampleBlock, OutcomesBlock, PurposeBlock, QuestionBlock, QuizBlock, RatingBlock, ReflectionBlock, TheoryBlock, VideoBlock };

/** The parts blocks are written with: a hidden solution or answer, a case-study question, a reflection prompt. */
export { default as Reveal } from './Reveal.svelte';
export { default as CaseQuestion } from './CaseQuestion.svelte';
export { default as ReflectionPrompt } from './ReflectionPrompt.svelte';

export const BLOCK_COMPONENTS: Readonly<Record<BlockKind, Component<any>>> = {
  purpose: PurposeBlock,
  theory: TheoryBlock,
  example: ExampleBlock,
  question: QuestionBlock,
  challenge: ChallengeBlock,
  video: VideoBlock,
  'case-study': CaseStudyBlock,
  reflection: ReflectionBlock,
  rating: RatingBlock,
  outcomes: OutcomesBlock,
  quiz: QuizBlock,
};
