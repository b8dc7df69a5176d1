// How a block that hides part of its body (a question's answer, an example's worked solution, a
// case-study model answer) tells the <Reveal> inside its children whether to show it. The block
// owns the state and the controls; Reveal renders the controls where the hidden part begins, so
// the button sits exactly where the answer appears and nothing above it moves.
import { getContext, setContext, type Snippet } from 'svelte';

export interface RevealContext {
  /** Whether the hidden part is shown. Read it through a getter so Reveal stays reactive. */
  readonly open: boolean;
  /** Id of the element Reveal renders, for the controlling button's aria-controls. */
  readonly contentId: string;
  /** The block's controls, rendered just before the content (e.g. "Show answer"). */
  readonly before?: Snippet;
  /** Rendered just after the content (e.g. a self-assessment once the answer is shown). */
  readonly after?: Snippet;
}

const KEY = Symbol('coursemark.reveal');

export function setRevealContext(context: RevealContext): RevealContext {
  return setContext(KEY, context);
}

/** Undefined outside a revealing block: Reveal then simply shows its content. */
export function getRevealContext(): RevealContext | undefined {
  return getContext<RevealContext | undefined>(KEY);
}
