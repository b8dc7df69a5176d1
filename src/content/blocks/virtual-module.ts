// Lessons import the player's block components from one virtual module, so the code a lesson
// compiles to names no file of the player: `import { QuestionBlock, Reveal } from
// "virtual:coursemark/blocks"`. The Vite plugin resolves it here, to src/player/blocks/index.ts,
// the one map of kind → component; the check-time compile (compile.ts) never follows imports.
import { fileURLToPath } from 'node:url';

export const BLOCKS_MODULE = 'virtual:coursemark/blocks';

const BLOCKS_INDEX = fileURLToPath(new URL('../../player/blocks/index.ts', import.meta.url));

/** The player's blocks module for the id a lesson imports, for a Vite `resolveId` hook; null for any other id. */
export function resolveBlocksModule(id: string): { id: string; moduleSideEffects: false } | null {
  return id === BLOCKS_MODULE ? { id: BLOCKS_INDEX, moduleSideEffects: false } : null;
}
