// The code of an attempt in progress, loaded in one piece when the learner starts or resumes one
// (quiz-code.svelte.ts): the attempt's view, its state, and the check of a saved draft.
export { default as QuizAttempt } from './QuizAttempt.svelte';
export { QuizSession } from './quiz-session.svelte.ts';
export { readDraft } from '../../storage/quiz-draft-check.ts';
