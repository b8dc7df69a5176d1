// The block kinds a tutor can write as `:::kind` fences and their labels: one list that the parser,
// the docs test and the player share. No zod here: the player imports this module.
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
