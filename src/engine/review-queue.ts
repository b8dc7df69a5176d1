// The spaced-review queue as plain data: which questions a learner should see again and when. Pure
// (no FSRS here, no storage): the course home reads it to count what is due without loading the
// scheduler, and the Review page hands a card to review-schedule.ts only when it is answered.
import type { CourseProgress } from './progress-types.ts';

/** Where a review card's question lives: a quiz question, or a case-study question in a lesson. */
export type ReviewSource =
  | { kind: 'quiz'; courseId: string; quizId: string; questionId: string }
  | { kind: 'case'; courseId: string; lessonId: string; blockId: string; promptId: string };

/** FSRS memory state, with dates as epoch ms so the record stores as plain JSON. */
export interface ReviewMemory {
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: number | null;
}

export interface ReviewCard {
  source: ReviewSource;
  /** Epoch ms from which the card is due. */
  due: number;
  /** The latest miss (quiz attempt finished, case study self-rated) this card has taken in. */
  missedAt: number;
  /** Absent until the card is first reviewed: a new card is simply due at once. */
  memory?: ReviewMemory;
  /** Last change of this card, for merging two tabs' copies (the newer card wins). */
  updatedAt: number;
}

export interface ReviewQueue {
  cards: Record<string, ReviewCard>;
}

export function cardKey(source: ReviewSource): string {
  return source.kind === 'quiz'
    ? `${source.courseId}/quiz/${source.quizId}/${source.questionId}`
    : `${source.courseId}/case/${source.lessonId}/${source.blockId}/${source.promptId}`;
}

/** Every miss in a course's record: a quiz question scored below full marks, or a case study rated "partly" or "missed". */
export function missesOf(progress: CourseProgress): { source: ReviewSource; at: number }[] {
  const misses: { source: ReviewSource; at: number }[] = [];
  const courseId = progress.courseId;
  for (const attempt of progress.attempts) {
    for (const result of attempt.results) {
      if (result.max <= 0 || result.score >= result.max) continue;
      misses.push({ source: { kind: 'quiz', courseId, quizId: attempt.quizId, questionId: result.questionId }, at: attempt.finishedAt });
    }
  }
  for (const [key, note] of Object.entries(progress.notes)) {
    if (note.assessment !== 'partly' && note.assessment !== 'missed') continue;
    const [lessonId, blockId, promptId] = key.split('/');
    if (!lessonId || !blockId || !promptId) continue;
    misses.push({ source: { kind: 'case', courseId, lessonId, blockId, promptId }, at: note.assessedAt ?? note.updatedAt });
  }
  return misses;
}

/**
 * Takes a course's misses into the queue: a new miss adds a card due at once; a miss newer than the
 * card has seen makes it due again now (the quiz found it forgotten). Returns the same queue when
 * nothing changed, so callers can skip a write.
 */
export function takeInMisses(queue: ReviewQueue, progress: CourseProgress, now: number): ReviewQueue {
  let cards: Record<string, ReviewCard> | null = null;
  for (const { source, at } of missesOf(progress)) {
    const key = cardKey(source);
    const card = (cards ?? queue.cards)[key];
    if (card && card.missedAt >= at) continue;
    cards ??= { ...queue.cards };
    cards[key] = card
      ? { ...card, missedAt: at, due: Math.min(card.due, at), updatedAt: now }
      : { source, due: at, missedAt: at, updatedAt: now };
  }
  return cards ? { cards } : queue;
}

/** Two copies of the queue (stored, then this tab's): per card, the more recently changed one; a tie goes to `b`, the copy being saved. */
export function mergeQueues(a: ReviewQueue, b: ReviewQueue): ReviewQueue {
  const cards = { ...a.cards };
  for (const [key, card] of Object.entries(b.cards)) {
    const mine = cards[key];
    if (!mine || card.updatedAt >= mine.updatedAt) cards[key] = card;
  }
  return { cards };
}

/** The end of the learner's local day containing `now`: "due today" includes later today. */
export function endOfDay(now: number): number {
  const day = new Date(now);
  day.setHours(23, 59, 59, 999);
  return day.getTime();
}

/** Cards due by the end of today, soonest first, optionally for one course. */
export function dueCards(queue: ReviewQueue, now: number, courseId?: string): [string, ReviewCard][] {
  const until = endOfDay(now);
  return Object.entries(queue.cards)
    .filter(([, card]) => card.due <= until && (courseId === undefined || card.source.courseId === courseId))
    .sort(([ka, a], [kb, b]) => a.due - b.due || ka.localeCompare(kb));
}

/** When the next card after today falls due, if any. */
export function nextDue(queue: ReviewQueue, now: number): number | undefined {
  const until = endOfDay(now);
  let next: number | undefined;
  for (const card of Object.values(queue.cards)) if (card.due > until && (next === undefined || card.due < next)) next = card.due;
  return next;
}
