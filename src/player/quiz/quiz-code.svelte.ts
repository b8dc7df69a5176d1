// The parts of the quiz code loaded when the learner gets to them rather than when the quiz opens
// on its introduction: the attempt's view and state (at "Start quiz"), each question type (only the
// types the quiz uses), the grading (prefetched once the first
// question shows, awaited by the first "Check answer" if it is not there yet) and the results (at
// submit). Each is loaded once per page and held in reactive state, so what renders it updates when
// it arrives, and renders at once when it is already here.
import type { Component } from 'svelte';
import type { Question, QuestionType } from '../../content/schema/quiz.ts';
import type { QuestionProps } from './types.ts';

/** A module loaded on first use; `value` is reactive and set once it is here. */
export class OnDemand<T> {
  value: T | undefined = $state.raw();
  failed = $state(false);
  readonly #load: () => Promise<T>;
  #pending: Promise<T> | undefined;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  load(): Promise<T> {
    this.#pending ??= this.#load().then(
      (value) => {
        this.failed = false;
        return (this.value = value);
      },
      (error: unknown) => {
        // Offline and not cached: a later call tries again.
        this.#pending = undefined;
        this.failed = true;
        throw error;
      },
    );
    return this.#pending;
  }
}

/** What the learner is told when a part of the quiz cannot be loaded (offline, not cached yet). */
export const LOAD_FAILED = 'This part of the quiz could not be loaded. If you are offline, try again when you are back online.';

/** The attempt on screen and its state, loaded at "Start quiz" (or to resume a saved attempt). */
export const attempt = new OnDemand(() => import('./attempt-code.ts'));
export const grading = new OnDemand(() => import('./quiz-grading.ts'));
export const results = new OnDemand(async () => (await import('./QuizResults.svelte')).default);

/** The question types a learner answers (text between questions has a view of its own, always here). */
export type AnsweredType = Exclude<QuestionType, 'description'>;

/** The component of each question type that is here, by type. */
export type QuestionViews = { [T in AnsweredType]?: Component<QuestionProps<Extract<Question, { type: T }>>> };

type Loaders = { [T in AnsweredType]-?: () => Promise<{ default: NonNullable<QuestionViews[T]> }> };

// One chunk per type, so a quiz of choices never downloads the ordering or blanks code.
const LOADERS: Loaders = {
  single: () => import('./questions/SingleChoice.svelte'),
  multiple: () => import('./questions/MultipleChoice.svelte'),
  truefalse: () => import('./questions/TrueFalse.svelte'),
  short: () => import('./questions/ShortAnswer.svelte'),
  numeric: () => import('./questions/Numeric.svelte'),
  blanks: () => import('./questions/Blanks.svelte'),
  matching: () => import('./questions/Matching.svelte'),
  ordering: () => import('./questions/Ordering.svelte'),
  essay: () => import('./questions/Essay.svelte'),
};

class QuestionViewLoader {
  views: QuestionViews = $state.raw({});
  /** A type could not be loaded (offline and not cached): the player offers to try again. */
  failed = $state(false);
  readonly #pending = new Map<AnsweredType, Promise<void>>();

  /** Loads the views of these questions' types (each once); resolves when all are here. */
  load(questions: Iterable<Question>): Promise<void> {
    const loads: Promise<void>[] = [];
    for (const { type } of questions) {
      if (type === 'description') continue;
      let pending = this.#pending.get(type);
      if (!pending) {
        pending = LOADERS[type]().then(
          (module) => {
            this.views = { ...this.views, [type]: module.default };
          },
          (error: unknown) => {
            this.#pending.delete(type);
            this.failed = true;
            throw error;
          },
        );
        this.#pending.set(type, pending);
      }
      loads.push(pending);
    }
    this.failed = false;
    return Promise.all(loads).then(() => undefined);
  }
}

export const questionViews = new QuestionViewLoader();
