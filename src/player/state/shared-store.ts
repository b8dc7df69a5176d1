// The one progress store every course shares unless a test or an LMS package hands in another. Apart
// from the registry so that pages that only read the store (review, progress) do not import the
// rune state: a plain module shared by the first load and lazy pages that imports a `.svelte.ts`
// module makes the bundler move the Svelte runtime out of the first load's chunk (+1.2 KB gzip).
import { createStore, type ProgressStore } from '../../storage/store.ts';

let sharedStore: ProgressStore | undefined;

/** The store every course shares unless a test or page hands in another. */
export function sharedProgressStore(): ProgressStore {
  sharedStore ??= createStore();
  return sharedStore;
}

/** Forgets the shared store (tests, or a full reset). */
export function forgetSharedStore(): void {
  sharedStore = undefined;
}
