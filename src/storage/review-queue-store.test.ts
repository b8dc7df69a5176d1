import { describe, expect, it } from 'vitest';
import type { ReviewCard } from '../engine/review-queue.ts';
import { isQuarantineKey } from './keys.ts';
import { loadReviewQueue, restoreQueue, REVIEW_QUEUE_KEY, saveReviewQueue } from './review-queue-store.ts';
import { createMemoryBackend, createStore } from './store.ts';

const card = (questionId: string, updatedAt: number): ReviewCard => ({
  source: { kind: 'quiz', courseId: 'c', quizId: 'q', questionId },
  due: updatedAt,
  missedAt: updatedAt,
  updatedAt,
});

describe('the stored review queue', () => {
  it('saves with a version and loads back the same cards', async () => {
    const backend = createMemoryBackend();
    const store = createStore({ backend });
    await saveReviewQueue(store, { cards: { a: card('a', 1) } });
    expect(backend.data.get(REVIEW_QUEUE_KEY)).toEqual({ version: 1, cards: { a: card('a', 1) } });
    const loaded = await loadReviewQueue(store, 5);
    expect(loaded).toEqual({ ok: true, value: { queue: { cards: { a: card('a', 1) } }, problems: [], quarantinedAs: null } });
  });

  it('keeps another tab\'s newer cards when saving (read-merge-write)', async () => {
    const backend = createMemoryBackend({ [REVIEW_QUEUE_KEY]: { version: 1, cards: { a: card('a', 9), b: card('b', 1) } } });
    const saved = await saveReviewQueue(createStore({ backend }), { cards: { a: card('a', 2), c: card('c', 3) } });
    expect(saved.ok && Object.keys(saved.value.cards).sort()).toEqual(['a', 'b', 'c']);
    expect((backend.data.get(REVIEW_QUEUE_KEY) as { cards: Record<string, ReviewCard> }).cards.a).toEqual(card('a', 9));
  });

  it('drops a damaged card, keeps the sound ones, and quarantines the original before rewriting it', async () => {
    const original = { version: 1, cards: { a: card('a', 1), bad: { source: { kind: 'quiz' }, due: 'soon' } } };
    const backend = createMemoryBackend({ [REVIEW_QUEUE_KEY]: original });
    const loaded = await loadReviewQueue(createStore({ backend }), 7);
    expect(loaded.ok && loaded.value.queue.cards).toEqual({ a: card('a', 1) });
    expect(loaded.ok && loaded.value.problems).toEqual(['review queue: card "bad" is damaged']);
    const kept = [...backend.data.keys()].filter(isQuarantineKey);
    expect(kept).toHaveLength(1);
    expect(backend.data.get(kept[0]!)).toMatchObject({ kind: 'coursemark-quarantine', record: original });
    expect(backend.data.get(REVIEW_QUEUE_KEY)).toEqual({ version: 1, cards: { a: card('a', 1) } });
  });

  it('treats an unknown version or a non-object as damaged, and nothing stored as an empty queue', () => {
    expect(restoreQueue({ version: 2, cards: {} }).problems).toEqual(['review queue: not a version 1 record']);
    expect(restoreQueue('garbage').problems).toHaveLength(1);
    expect(restoreQueue(null)).toEqual({ queue: { cards: {} }, problems: [] });
  });

  it('refuses to write over a damaged record that has not been kept aside', async () => {
    const backend = createMemoryBackend({ [REVIEW_QUEUE_KEY]: 'garbage' });
    const saved = await saveReviewQueue(createStore({ backend }), { cards: { a: card('a', 1) } });
    expect(saved.ok).toBe(false);
    expect(backend.data.get(REVIEW_QUEUE_KEY)).toBe('garbage');
  });
});
