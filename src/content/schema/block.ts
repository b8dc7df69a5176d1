// The block kinds a tutor can write as `:::kind Title {attributes}` fences, and the attributes each
// kind accepts. One place lists them so the parser, the docs test and the player agree.
import { z } from 'zod';
import { IdSchema } from './course.ts';

export const BLOCK_KINDS = [
  'purpose',
  'theory',
  'example',
  'question',
  'challenge',
  'video',
  'case-study',
  'reflection',
  'rating',
  'outcomes',
  'quiz',
] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** Human label of each kind, used as the region's accessible name prefix. */
export const BLOCK_LABELS: Record<BlockKind, string> = {
  purpose: 'Purpose',
  theory: 'Theory',
  example: 'Example',
  question: 'Question',
  challenge: 'Challenge',
  video: 'Video',
  'case-study': 'Case study',
  reflection: 'Reflection',
  rating: 'Rating',
  outcomes: 'Outcomes',
  quiz: 'Quiz',
};

const Common = { id: IdSchema.optional() };

export const BlockAttributeSchemas = {
  purpose: z.strictObject(Common),
  theory: z.strictObject(Common),
  example: z.strictObject(Common),
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
