// The attributes each block kind accepts on its `:::kind Title {attributes}` fence, validated with
// zod at build time. The kinds themselves live in block-kinds.ts, which the browser imports too.
import { z } from 'zod';
import { IdSchema } from './course.ts';
import type { BlockKind } from './block-kinds.ts';

export { BLOCK_KINDS, BLOCK_LABELS, type BlockKind } from './block-kinds.ts';

const Common = { id: IdSchema.optional() };

export const BlockAttributeSchemas = {
  purpose: z.strictObject(Common),
  theory: z.strictObject(Common),
  example: z.strictObject({
    ...Common,
    /** Show the worked solution from the start (`{open}`); by default it waits for the learner. */
    open: z.enum(['true', 'false'], { error: 'write just "open" to show the worked solution from the start' }).optional(),
  }),
  question: z.strictObject(Common),
  challenge: z.strictObject(Common),
  video: z.strictObject({
    ...Common,
    /** An external video page (YouTube, Vimeo): shown as a facade until the learner presses play. */
    url: z.url({ protocol: /^https$/, error: 'use an https:// address' }).optional(),
    /** A video file in the course folder: plays offline. */
    src: z.string().min(1).optional(),
    /** WebVTT captions for a local video, in the course folder. */
    captions: z.string().min(1).optional(),
    /** The body is a word-for-word transcript (`{transcript}`); otherwise it is labelled a summary. */
    transcript: z.enum(['true', 'false'], { error: 'write just "transcript" when the block\'s text is the video\'s transcript' }).optional(),
    /** Length, e.g. "4:30", shown on the facade. */
    duration: z.string().regex(/^\d{1,2}(:\d{2}){1,2}$/, 'write the length as m:ss or h:mm:ss').optional(),
  }),
  'case-study': z.strictObject(Common),
  reflection: z.strictObject(Common),
  rating: z.strictObject(Common),
  outcomes: z.strictObject(Common),
  quiz: z.strictObject({
    ...Common,
    /** Pass mark in percent (overrides the course's). */
    pass: z.coerce.number().min(0).max(100).optional(),
    /** Attempts allowed. */
    attempts: z.coerce.number().int().positive().optional(),
    /** "questions", "options" or "all". */
    shuffle: z.enum(['questions', 'options', 'all', 'none']).optional(),
    /** Draw this many questions per attempt. */
    draw: z.coerce.number().int().positive().optional(),
    /** "immediate" (default) or "end". */
    feedback: z.enum(['immediate', 'end']).optional(),
    /** Time limit in minutes. */
    time: z.coerce.number().positive().optional(),
    /** Take the questions from a Moodle GIFT file in the course folder. */
    gift: z.string().min(1).optional(),
  }),
} satisfies Record<BlockKind, z.ZodType>;
