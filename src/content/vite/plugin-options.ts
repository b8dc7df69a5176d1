// The options of the coursemark() Vite plugin, apart so its helpers can take them without a cycle.
import type { ContentResult } from '../pipeline.ts';

export interface CoursemarkPluginOptions {
  /** The content folder, relative to the working directory. */
  contentDir: string;
  /** Build only this course (the single-file target). */
  only?: string;
  /** The proof copy for tutors: every hidden part open, every quiz listed with answers (src/content/proof.ts). */
  proof?: boolean;
  /**
   * The content the caller has already read (`coursemark build`): a build uses it as it is instead of
   * reading and compiling every lesson a second time. Dev always reads its own, and again on a save.
   */
  content?: ContentResult;
}
