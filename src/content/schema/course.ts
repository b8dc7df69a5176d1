// The course file's frontmatter (`content/<course>/course.md`), validated strictly: unknown keys and
// wrong types are errors a tutor sees at file:line:col, never silence.
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const IdSchema = z
  .string()
  .regex(ID_PATTERN, 'use lowercase letters, digits and hyphens, starting with a letter or digit');

export const CourseFrontmatterSchema = z.strictObject({
  /** Stable id, used in URLs and as the key of stored progress. Defaults to the folder name. */
  id: IdSchema.optional(),
  /** The course title shown in the catalogue and on the course home. */
  title: z.string().min(1),
  /** One or two sentences for the catalogue. */
  description: z.string().min(1),
  /** BCP 47 language tag of the content, e.g. "en-GB". */
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'use a language tag such as "en" or "en-GB"'),
  /** Estimated study time in minutes. */
  estimatedMinutes: z.number().int().positive(),
  /** What the learner will be able to do; shown on the course home and in Outcomes blocks. */
  outcomes: z.array(z.string().min(1)).min(1),
  /** Pass mark in percent for the course's quizzes (a quiz may override it). */
  passMark: z.number().min(0).max(100),
  /** Content version; bump it when you publish a change. */
  version: z.string().min(1),
  /** Author or organisation, shown on the course home and certificate. */
  author: z.string().optional(),
});
export type CourseFrontmatter = z.infer<typeof CourseFrontmatterSchema>;
