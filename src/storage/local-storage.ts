// The page's localStorage, or null where there is none or touching it throws (private mode, a
// sandboxed LMS frame, blocked storage): the one guard every synchronous store goes through.
export function localStore(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
