// The spaced-review queue in storage, under its own key beside the progress records: one versioned
// record for every course (the Review page shows what is due across courses). Load = restore: each
// card is checked with zod/mini, damaged ones are dropped from the queue, and a damaged original is
// kept aside under a quarantine key before anything writes over it, as progress records are.
import * as z from 'zod/mini';
import { mergeQueues, type ReviewCard, type ReviewQueue } from '../engine/review-queue.ts';
import { quarantineKey } from './keys.ts';
import type { ProgressStore, StoreResult } from './store.ts';

/** Where the queue lives; the record's own `version` says its shape. */
export const REVIEW_QUEUE_KEY = 'coursemark:v1:review-queue';
/** The name quarantined copies of the queue go under (quarantineKey's "course" part). */
export const REVIEW_QUARANTINE_NAME = 'review-queue';
export const REVIEW_QUEUE_VERSION = 1;

const Id = z.string().check(z.minLength(1));
const Time = z.number().check(z.nonnegative());

const SourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quiz'), courseId: Id, quizId: Id, questionId: Id }),
  z.object({ kind: z.literal('case'), courseId: Id, lessonId: Id, blockId: Id, promptId: Id }),
]);

const MemorySchema = z.object({
  stability: z.number(),
  difficulty: z.number(),
  scheduledDays: z.number(),
  learningSteps: z.number(),
  reps: z.number(),
  lapses: z.number(),
  state: z.number(),
  lastReview: z.nullable(Time),
});

const CardSchema = z.object({
  source: SourceSchema,
  due: Time,
  missedAt: Time,
  memory: z.optional(MemorySchema),
  updatedAt: Time,
});

const RecordSchema = z.object({
  version: z.literal(REVIEW_QUEUE_VERSION),
  cards: z.record(z.string(), z.unknown()),
});

export interface LoadedQueue {
  queue: ReviewQueue;
  /** What could not be read, one line each; empty when the record was sound. */
  problems: string[];
  /** Where the damaged original was kept, if it was. */
  quarantinedAs: string | null;
}

/** Restores a stored value into a queue: every sound card kept, every damaged one named. Pure. */
export function restoreQueue(value: unknown): { queue: ReviewQueue; problems: string[] } {
  if (value === null || value === undefined) return { queue: { cards: {} }, problems: [] };
  const record = RecordSchema.safeParse(value);
  if (!record.success) return { queue: { cards: {} }, problems: [`review queue: not a version ${REVIEW_QUEUE_VERSION} record`] };
  const cards: Record<string, ReviewCard> = {};
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(record.data.cards)) {
    const card = CardSchema.safeParse(raw);
    if (card.success) cards[key] = card.data as ReviewCard;
    else problems.push(`review queue: card "${key}" is damaged`);
  }
  return { queue: { cards }, problems };
}

const toRecord = (queue: ReviewQueue) => ({ version: REVIEW_QUEUE_VERSION, cards: queue.cards });

async function keepAside(store: ProgressStore, value: unknown, problems: string[], now: number): Promise<string | null> {
  const key = quarantineKey(REVIEW_QUARANTINE_NAME, now);
  const kept = await store.set(key, { version: 1, kind: 'coursemark-quarantine', courseId: REVIEW_QUARANTINE_NAME, keptAt: now, problems, record: value });
  return kept.ok ? key : null;
}

/** Loads the queue; a damaged record is kept aside, then rewritten with what could be recovered. */
export async function loadReviewQueue(store: ProgressStore, now: number): Promise<StoreResult<LoadedQueue>> {
  const stored = await store.get(REVIEW_QUEUE_KEY);
  if (!stored.ok) return stored;
  const { queue, problems } = restoreQueue(stored.value);
  let quarantinedAs: string | null = null;
  if (problems.length > 0) {
    quarantinedAs = await keepAside(store, stored.value, problems, now);
    // Only once the original is safe may the clean record replace it.
    if (quarantinedAs) await store.set(REVIEW_QUEUE_KEY, toRecord(queue));
  }
  return { ok: true, value: { queue, problems, quarantinedAs } };
}

/**
 * Saves the queue, read-merge-write: another tab's newer cards are kept. A stored record that does
 * not restore cleanly is left for loadReviewQueue to keep aside, not overwritten. Returns what was written.
 */
export async function saveReviewQueue(store: ProgressStore, queue: ReviewQueue): Promise<StoreResult<ReviewQueue>> {
  const stored = await store.get(REVIEW_QUEUE_KEY);
  if (!stored.ok) return stored;
  const restored = restoreQueue(stored.value);
  if (restored.problems.length > 0) return { ok: false, reason: 'corrupt', message: restored.problems.join('; ') };
  const merged = mergeQueues(restored.queue, queue);
  const written = await store.set(REVIEW_QUEUE_KEY, toRecord(merged));
  return written.ok ? { ok: true, value: merged } : written;
}
