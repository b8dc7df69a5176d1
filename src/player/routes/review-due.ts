// How many of a course's review questions are due today, for the course home's "N questions due":
// takes the course's latest misses into the review queue first (so a quiz just failed counts).
import type { ProgressApi } from '../../engine/progress-api.ts';
import { dueCards, takeInMisses } from '../../engine/review-queue.ts';
import { loadReviewQueue, saveReviewQueue } from '../../storage/review-queue-store.ts';
import type { ProgressStore } from '../../storage/store.ts';
import { sharedProgressStore } from '../state/course-progress.svelte.ts';

/** 0 when storage cannot be read: the course home then simply says nothing. */
export async function countDue(progress: ProgressApi, store: ProgressStore = sharedProgressStore(), now = Date.now()): Promise<number> {
  await progress.ready;
  const loaded = await loadReviewQueue(store, now);
  if (!loaded.ok) return 0;
  const queue = takeInMisses(loaded.value.queue, progress.progress, now);
  if (queue !== loaded.value.queue) await saveReviewQueue(store, queue);
  return dueCards(queue, now, progress.courseId).length;
}
