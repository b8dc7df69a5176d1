// Every question type's view at once, for the pages that show any question of an attempt: the
// results review and the Review page. The quiz itself loads only the types it shows (quiz-code.svelte.ts);
// the views are the same modules, so each type stays one chunk that every page shares.
import type { QuestionViews } from '../quiz-code.svelte.ts';
import SingleChoice from './SingleChoice.svelte';
import MultipleChoice from './MultipleChoice.svelte';
import TrueFalse from './TrueFalse.svelte';
import ShortAnswer from './ShortAnswer.svelte';
import Numeric from './Numeric.svelte';
import Blanks from './Blanks.svelte';
import Matching from './Matching.svelte';
import Ordering from './Ordering.svelte';
import Essay from './Essay.svelte';

export const ALL_QUESTION_VIEWS: Required<QuestionViews> = {
  single: SingleChoice,
  multiple: MultipleChoice,
  truefalse: TrueFalse,
  short: ShortAnswer,
  numeric: Numeric,
  blanks: Blanks,
  matching: Matching,
  ordering: Ordering,
  essay: Essay,
};
