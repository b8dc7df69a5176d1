// The quiz code a learner needs only once they check an answer or submit: the graders, the scoring,
// the feedback and its lines. The player prefetches it while the first question shows (quiz-code.svelte.ts),
// so the quiz opens without it (the quiz code budget, PRODUCT.md section 8).
export { gradeQuestion } from '../../engine/grading.ts';
export { scoreAttempt } from '../../engine/quiz-attempt.ts';
export { panelFeedback, rightLines } from './review.ts';
export { default as Feedback } from './Feedback.svelte';
