// A lesson file's frontmatter (`content/<course>/NN-name.md`). Lessons are ordered by file name.
import { z } from 'zod';
import { IdSchema } from './course.ts';

export const LessonFrontmatterSchema = z.strictObject({
  /** The lesson title (the page's h1). */
  title: z.string().min(1),
  /** Stable id; defaults to the file name without its number prefix and extension. */
  id: IdSchema.optional(),
  /** Estimated minutes; defaults to an estimate from the word count. */
  minutes: z.number().int().positive().optional(),
  /** Optional module (group of lessons) heading in the contents. */
  module: z.string().min(1).optional(),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;
