// The attributes each block kind accepts on its `:::kind Title {attributes}` fence, validated with
// zod at build time. The kinds themselves live in block-kinds.ts, which the browser imports too.
import { z } from 'zod';
import { IdSchema } from './course.ts';
import type { BlockKind } from './block-kinds.ts';

export { BLOCK_KINDS, BLOCK_LABELS, type BlockKind } from './block-kinds.ts';

const Common = { id: IdSchema.optional() };

/** A count written on a fence ("3"), read as a number; a word ("three") is an error that says what to write. */
const wholeNumber = (error: string) => z.coerce.number({ error }).int(error).positive('expected 1 or more');

/** How to fix each attribute's value, for the hint under an invalid-attribute error. */
export const ATTRIBUTE_HINTS: Readonly<Record<string, string>> = {
  pass: 'write the pass mark as a percentage in digits, without the % sign, e.g. {pass=80}',
  attempts: 'write how many attempts a learner has, in digits, e.g. {attempts=3}; leave it out for unlimited attempts',
  draw: 'write how many questions to draw, in digits, e.g. {draw=10}',
  time: 'write the time limit in minutes, in digits, e.g. {time=20} for twenty minutes',
  shuffle: 'write {shuffle=questions}, {shuffle=options}, {shuffle=all} or {shuffle=none}',
  feedback: 'write {feedback=immediate} (a check per question) or {feedback=end} (like an exam)',
  url: 'write the full https:// address of the video page, e.g. {url="https://www.youtube.com/watch?v=..."}',
  duration: 'write the length as minutes and seconds, e.g. {duration="4:30"}, or h:mm:ss',
};

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
    pass: z.coerce.number({ error: 'expected a percentage written in digits' }).min(0, 'expected 0 or more').max(100, 'expected at most 100').optional(),
    /** Attempts allowed. */
    attempts: wholeNumber('expected a whole number written in digits').optional(),
    /** "questions", "options" or "all". */
    shuffle: z.enum(['questions', 'options', 'all', 'none']).optional(),
    /** Draw this many questions per attempt. */
    draw: wholeNumber('expected a whole number written in digits').optional(),
    /** "immediate" (default) or "end". */
    feedback: z.enum(['immediate', 'end']).optional(),
    /** Time limit in minutes. */
    time: z.coerce.number({ error: 'expected a number of minutes written in digits' }).positive('expected more than 0 minutes').optional(),
    /** Take the questions from a Moodle GIFT file in the course folder. */
    gift: z.string().min(1).optional(),
  }),
} satisfies Record<BlockKind, z.ZodType>;
