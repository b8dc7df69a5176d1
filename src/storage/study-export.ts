// The learner's study tools in the progress file beside the courses: the spaced-review queue, the name
// typed for certificates and the study plan choices. Exported as they are stored; on import each part
// is checked (a bad one refuses the whole file) and merged so that nothing on this device is lost:
// review cards by their latest change, the name and each course's plan only where this device has none.
import { cardKey, type ReviewCard, type ReviewQueue } from '../engine/review-queue.ts';
import { readLearnerName, writeLearnerName } from './learner-name.ts';
import { loadReviewQueue, restoreQueue, saveReviewQueue } from './review-queue-store.ts';
import { isSoundChoice, readAll, readReminder, writeReminder, type ReminderChoice } from './reminder-choices.ts';
import type { ProgressStore } from './store.ts';

/** The study parts of a progress file; each is left out when there is nothing to keep. */
export interface StudyExport {
  /** The stored review queue record (`{ version: 1, cards }`, see review-queue-store.ts). */
  reviewQueue?: { version: 1; cards: Record<string, ReviewCard> };
  learnerName?: string;
  /** Plan and reminder choices by course id (without the day a notification was last shown: that is this device's). */
  studyReminders?: Record<string, ReminderChoice>;
}

/** The most review cards a file may hold: far above a real learner's (a card is a missed question). */
export const MAX_REVIEW_CARDS = 100_000;
/** The longest name the certificate page keeps. */
export const MAX_NAME_LENGTH = 200;
/** A card changed further ahead of this device's clock than this is taken as changed now. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

type Local = Pick<Storage, 'getItem' | 'setItem'> | undefined;

function put<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * What this device holds of the study tools (the review queue from `store`, unless it is null because
 * it cannot be read). Never fails: what cannot be read is named in `warnings`.
 */
export async function exportStudy(store: ProgressStore | null, now: number, local: Local = globalThis.localStorage): Promise<{ part: StudyExport; warnings: string[] }> {
  const part: StudyExport = {};
  const warnings: string[] = [];
  const queue = store ? await loadReviewQueue(store, now) : null;
  if (queue && !queue.ok) warnings.push(`The review questions could not be read (${queue.message}).`);
  else if (queue && Object.keys(queue.value.queue.cards).length > 0) part.reviewQueue = { version: 1, cards: queue.value.queue.cards };
  const name = readLearnerName(local);
  if (name) part.learnerName = name;
  const reminders: Record<string, ReminderChoice> = {};
  for (const [courseId, choice] of Object.entries(readAll(local).courses)) {
    if (!isSoundChoice(choice)) continue;
    const { notifiedOn: _device, ...kept } = choice;
    put(reminders, courseId, kept);
  }
  if (Object.keys(reminders).length > 0) part.studyReminders = reminders;
  return { part, warnings };
}

export type StudyParse = { ok: true; value: StudyExport | undefined } | { ok: false; reason: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownCourses(ids: Iterable<string>, known: ReadonlySet<string>): string[] {
  return [...new Set([...ids].filter((id) => !known.has(id)))];
}

function parseQueue(value: unknown, known: ReadonlySet<string>, now: number): { ok: true; value: StudyExport['reviewQueue'] } | { ok: false; reason: string } {
  if (isPlainObject(value) && isPlainObject(value.cards) && Object.keys(value.cards).length > MAX_REVIEW_CARDS) {
    return { ok: false, reason: `it holds ${Object.keys(value.cards).length.toLocaleString('en')} review questions; the limit is ${MAX_REVIEW_CARDS.toLocaleString('en')}` };
  }
  const { queue, problems } = restoreQueue(value);
  if (problems.length > 0) return { ok: false, reason: `its review questions are not valid (${problems.slice(0, 3).join('; ')})` };
  const cards: Record<string, ReviewCard> = {};
  for (const card of Object.values(queue.cards)) {
    // Filed under the key the card's own source gives, whatever the file says; a change dated ahead
    // of this device's clock is dated now, so it cannot outrank every later review here.
    put(cards, cardKey(card.source), card.updatedAt > now + CLOCK_SKEW_MS ? { ...card, updatedAt: now } : card);
  }
  const strangers = unknownCourses(Object.values(cards).map((card) => card.source.courseId), known);
  if (strangers.length > 0) return { ok: false, reason: `it holds review questions for courses this site does not have (${strangers.map((id) => `"${id}"`).join(', ')})` };
  return { ok: true, value: { version: 1, cards } };
}

function parseReminders(value: unknown, known: ReadonlySet<string>): { ok: true; value: Record<string, ReminderChoice> } | { ok: false; reason: string } {
  if (!isPlainObject(value)) return { ok: false, reason: '"studyReminders" should be an object of study plans by course id' };
  const reminders: Record<string, ReminderChoice> = {};
  for (const [courseId, choice] of Object.entries(value)) {
    if (!isSoundChoice(choice)) return { ok: false, reason: `the study plan for "${courseId}" is not valid (days 0 to 6, a time such as "18:00", minutes per session)` };
    put(reminders, courseId, { days: [...new Set(choice.days)], time: choice.time, sessionMinutes: choice.sessionMinutes });
  }
  const strangers = unknownCourses(Object.keys(reminders), known);
  if (strangers.length > 0) return { ok: false, reason: `it holds study plans for courses this site does not have (${strangers.map((id) => `"${id}"`).join(', ')})` };
  return { ok: true, value: reminders };
}

/** Checks the study parts of an import file; absent parts are fine (files from before they existed). */
export function parseStudy(file: Record<string, unknown>, knownCourseIds: readonly string[], now: number): StudyParse {
  const known = new Set(knownCourseIds);
  const part: StudyExport = {};
  if (file.reviewQueue !== undefined) {
    const queue = parseQueue(file.reviewQueue, known, now);
    if (!queue.ok) return queue;
    part.reviewQueue = queue.value;
  }
  if (file.learnerName !== undefined) {
    if (typeof file.learnerName !== 'string') return { ok: false, reason: '"learnerName" should be text' };
    if (file.learnerName.length > MAX_NAME_LENGTH) return { ok: false, reason: `the learner's name is longer than ${MAX_NAME_LENGTH} characters` };
    if (file.learnerName.trim()) part.learnerName = file.learnerName;
  }
  if (file.studyReminders !== undefined) {
    const reminders = parseReminders(file.studyReminders, known);
    if (!reminders.ok) return reminders;
    part.studyReminders = reminders.value;
  }
  return { ok: true, value: Object.keys(part).length > 0 ? part : undefined };
}

/**
 * Imports a file's study part (if any) and says so in a sentence for the learner, to follow another
 * (so it starts with a space), '' when the file had none. Here rather than beside the courses'
 * import, which is in the first load.
 */
export async function importStudyTools(store: ProgressStore, part: StudyExport | undefined, local: Local = globalThis.localStorage): Promise<string> {
  if (!part) return '';
  const problems = await importStudy(store, part, local);
  return ` Your review questions and study choices were imported${problems.length ? ` (not saved on this device: ${problems.join('; ')})` : ''}.`;
}

/**
 * Merges an imported study part into this device: review cards through the queue's own
 * read-merge-write (per card, the later change wins), the name and each course's plan only where
 * this device has none (what the learner set here stays). Returns what could not be saved.
 */
export async function importStudy(store: ProgressStore, part: StudyExport, local: Local = globalThis.localStorage): Promise<string[]> {
  const problems: string[] = [];
  if (part.reviewQueue) {
    const queue: ReviewQueue = { cards: part.reviewQueue.cards };
    const saved = await saveReviewQueue(store, queue);
    if (!saved.ok) problems.push(`the review questions could not be saved (${saved.message})`);
  }
  if (part.learnerName && !readLearnerName(local) && !writeLearnerName(part.learnerName, local)) problems.push('the name could not be saved');
  for (const [courseId, choice] of Object.entries(part.studyReminders ?? {})) {
    if (readReminder(courseId, local)) continue;
    if (!writeReminder(courseId, choice, local)) problems.push(`the study plan for "${courseId}" could not be saved`);
  }
  return problems;
}
