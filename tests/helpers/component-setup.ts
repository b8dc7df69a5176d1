import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

// Progress states keep a synchronous safety copy in localStorage as the learner types, and a quiz
// keeps its attempt in progress there; jsdom keeps one localStorage per test file, so each test
// starts from an empty one, as a new learner would. Components are unmounted first, since a quiz
// saves its attempt as it unmounts.
afterEach(() => {
  cleanup();
  localStorage.clear();
});
