import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// Progress states keep a synchronous safety copy in localStorage as the learner types; jsdom keeps
// one localStorage per test file, so each test starts from an empty one, as a new learner would.
afterEach(() => localStorage.clear());
