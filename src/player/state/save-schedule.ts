// When a course's progress is written: after a quiet moment (debounced, but never put off for ever
// while the learner types), at once on flush(), and one write at a time, in order. Only timing
// lives here; what a write does is the caller's (progress-persistence.ts).
export class SaveSchedule {
  readonly #debounceMs: number;
  readonly #now: () => number;
  readonly #write: () => Promise<void>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pendingSince: number | null = null;
  #chain: Promise<void> = Promise.resolve();

  constructor(write: () => Promise<void>, options: { debounceMs: number; now: () => number }) {
    this.#write = write;
    this.#debounceMs = options.debounceMs;
    this.#now = options.now;
  }

  /** A write is waiting for its quiet moment. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** Asks for a write after the next quiet moment. */
  soon(): void {
    const now = this.#now();
    // Debounced, but a learner typing without pause still gets a save every few debounce periods.
    if (this.#timer !== undefined && this.#pendingSince !== null && now - this.#pendingSince >= this.#debounceMs * 4) return;
    clearTimeout(this.#timer);
    this.#pendingSince ??= now;
    this.#timer = setTimeout(() => void this.now(), this.#debounceMs);
  }

  /** Writes now, after any write already under way. */
  now(): Promise<void> {
    this.cancel();
    this.#chain = this.#chain.then(() => this.#write());
    return this.#chain;
  }

  /** Runs `task` once the writes before it are done; later writes wait for it. */
  after<T>(task: () => Promise<T>): Promise<T> {
    const done = this.#chain.then(task);
    this.#chain = done.then(() => undefined);
    return done;
  }

  /** Forgets a write that was waiting for its quiet moment. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pendingSince = null;
  }
}
