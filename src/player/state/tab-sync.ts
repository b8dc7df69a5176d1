// Tabs showing one course tell each other what a save changed, on the course's BroadcastChannel:
// the summary just stored and the attempts that save added, never the whole history. Only the
// channel lives here; what a tab does with the news is course-progress.svelte.ts's.
import { progressChannelName } from '../../storage/keys.ts';

export interface SavedMessage {
  type: 'saved';
  writeId: string;
  record: unknown;
  attempts?: unknown[];
}

function isSavedMessage(data: unknown): data is SavedMessage {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'saved' && typeof (data as { writeId?: unknown }).writeId === 'string';
}

export class TabSync {
  #channel: BroadcastChannel | null;

  /** Listens on the course's channel; a no-op where BroadcastChannel does not exist. */
  constructor(courseId: string, onSaved: (message: SavedMessage) => void) {
    if (typeof BroadcastChannel !== 'function') {
      this.#channel = null;
      return;
    }
    const channel = new BroadcastChannel(progressChannelName(courseId));
    channel.onmessage = (event: MessageEvent) => {
      if (isSavedMessage(event.data)) onSaved(event.data);
    };
    // Node's channel keeps the process alive; a page's does not need to.
    (channel as { unref?: () => void }).unref?.();
    this.#channel = channel;
  }

  post(message: SavedMessage): void {
    try {
      this.#channel?.postMessage(message);
    } catch {
      // A closed channel or an uncloneable value must not break saving; the other tab re-reads on its next save.
    }
  }

  close(): void {
    this.#channel?.close();
    this.#channel = null;
  }
}
