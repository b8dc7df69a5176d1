// What the course home's tools line does after the page shows: count the review questions due today
// (taking the course's latest misses into the queue first, so a quiz just failed counts), and remind
// the learner on a study day.
import type { ProgressApi } from '../../engine/progress-api.ts';
import { dueCards, takeInMisses } from '../../engine/review-queue.ts';
import { loadReviewQueue, saveReviewQueue } from '../../storage/review-queue-store.ts';
import type { ProgressStore } from '../../storage/store.ts';
import { sharedProgressStore } from '../state/shared-store.ts';
import { dayStamp } from '../../engine/certificate.ts';
import type { Weekday } from '../../engine/study-plan.ts';
import { readReminder, writeReminder } from '../../storage/reminder-choices.ts';

/** 0 when storage cannot be read: the course home then simply says nothing. */
export async function countDue(progress: ProgressApi, store: ProgressStore = sharedProgressStore(), now = Date.now()): Promise<number> {
  await progress.ready;
  const loaded = await loadReviewQueue(store, now);
  if (!loaded.ok) return 0;
  const queue = takeInMisses(loaded.value.queue, progress.progress, now);
  if (queue !== loaded.value.queue) await saveReviewQueue(store, queue);
  return dueCards(queue, now, progress.courseId).length;
}

/**
 * A notification when the installed app is opened on one of the learner's study days, once a day,
 * only if the learner granted the permission from the study plan page.
 */
export function remindOnStudyDay(courseId: string, courseTitle: string, now = new Date()): boolean {
  const choice = readReminder(courseId);
  const today = dayStamp(now.getTime());
  const installed = globalThis.matchMedia?.('(display-mode: standalone)').matches ?? false;
  if (!choice || !installed || typeof Notification !== 'function' || Notification.permission !== 'granted') return false;
  if (!choice.days.includes(now.getDay() as Weekday) || choice.notifiedOn === today) return false;
  new Notification('Time to study', { body: `${courseTitle}: ${choice.sessionMinutes} minutes today, at ${choice.time}.` });
  writeReminder(courseId, { ...choice, notifiedOn: today });
  return true;
}
