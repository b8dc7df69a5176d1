// "Available offline" is news once: the first time the site is ready offline the status line says so
// in full; from the next page load on, a small badge in the header keeps the fact in view without
// taking a tenth of a phone's first screen. Remembered in localStorage (a missing store shows the
// full notice each time, which is honest, not harmful).
import { OFFLINE_NOTICE_KEY } from '../../storage/keys.ts';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class OfflineNotice {
  /** Whether the full notice was shown on an earlier page load. */
  readonly seenBefore: boolean;

  constructor() {
    this.seenBefore = storage()?.getItem(OFFLINE_NOTICE_KEY) === '1';
  }

  /** Called when the full notice is on screen, so the next load shows the badge instead. */
  markSeen(): void {
    try {
      storage()?.setItem(OFFLINE_NOTICE_KEY, '1');
    } catch {
      // Storage full or blocked: the notice simply shows in full again next time.
    }
  }
}

export const offlineNotice = new OfflineNotice();
