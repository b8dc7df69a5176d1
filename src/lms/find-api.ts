// Finds the LMS's runtime object the way SCORM asks: up through the parent frames, then through the
// window that opened this one and its parents. A frame from another origin throws on access; that is
// a dead end to step past, never an error for the learner.

/** How far up to look: LMSs nest the content a few frames deep, never hundreds. */
const MAX_DEPTH = 12;

function readProperty<T>(win: Window, name: string): T | null {
  try {
    const value = (win as unknown as Record<string, unknown>)[name];
    return value && (typeof value === 'object' || typeof value === 'function') ? (value as T) : null;
  } catch {
    return null;
  }
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent && win.parent !== win ? win.parent : null;
  } catch {
    return null;
  }
}

function searchUp<T>(start: Window, name: string): T | null {
  let win: Window | null = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    const found = readProperty<T>(win, name);
    if (found) return found;
    win = parentOf(win);
  }
  return null;
}

/** The object named `name` (`API` for SCORM 1.2, `API_1484_11` for 2004), or null outside an LMS. */
export function findApi<T>(name: string, start: Window = window): T | null {
  const fromFrames = searchUp<T>(start, name);
  if (fromFrames) return fromFrames;
  let opener: Window | null = null;
  try {
    opener = start.top?.opener ?? start.opener ?? null;
  } catch {
    opener = null;
  }
  return opener ? searchUp<T>(opener, name) : null;
}
