// Reschedules a review card from the learner's answer with FSRS (ts-fsrs). Only the Review page
// loads this module, so the scheduler never weighs on the first load.
import { createEmptyCard, fsrs, Rating, type Card, type Grade as FsrsGrade } from 'ts-fsrs';
import type { Verdict } from './grading.ts';
import type { SelfAssessment } from './progress-types.ts';
import type { ReviewCard, ReviewMemory } from './review-queue.ts';

/** How a review went, in the learner's words; FSRS's Again / Hard / Good / Easy. */
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

const RATINGS: Record<ReviewRating, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

// Fuzz spreads reviews randomly: off, so the same answers give the same schedule. Short-term
// (minutes apart) learning steps are off too: the queue is reviewed by the day, so every interval is
// at least a day, and "Again" brings a question back tomorrow.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/** A checked answer's rating: wrong is Again, partly right is Hard, right is Good. */
export function ratingOfVerdict(verdict: Verdict): ReviewRating {
  if (verdict === 'correct') return 'good';
  if (verdict === 'partial') return 'hard';
  return 'again';
}

/** A self-assessment's rating (case studies, essays). */
export function ratingOfAssessment(assessment: SelfAssessment): ReviewRating {
  return assessment === 'got' ? 'good' : assessment === 'partly' ? 'hard' : 'again';
}

function toFsrs(card: ReviewCard): Card {
  const memory = card.memory;
  if (!memory) return createEmptyCard(new Date(card.due));
  return {
    due: new Date(card.due),
    stability: memory.stability,
    difficulty: memory.difficulty,
    elapsed_days: 0,
    scheduled_days: memory.scheduledDays,
    learning_steps: memory.learningSteps,
    reps: memory.reps,
    lapses: memory.lapses,
    state: memory.state,
    ...(memory.lastReview === null ? {} : { last_review: new Date(memory.lastReview) }),
  };
}

function fromFsrs(card: Card): ReviewMemory {
  return {
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** The card after being reviewed at `now` with `rating`: its next due time and memory state. */
export function reviewCard(card: ReviewCard, rating: ReviewRating, now: number): ReviewCard {
  const next = scheduler.next(toFsrs(card), new Date(now), RATINGS[rating]).card;
  return { ...card, due: next.due.getTime(), memory: fromFsrs(next), updatedAt: now };
}
