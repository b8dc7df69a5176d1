// Study time per lesson: the stretch from opening a lesson to leaving it (or hiding the page),
// capped, so that an idle tab left open overnight does not count as a night of study.

/** Longest stretch of one lesson counted as study time without the learner moving on (an idle tab). */
export const MAX_STUDY_STRETCH_MS = 30 * 60 * 1000;

export class StudyTime {
  #lesson: string | null = null;
  #since: number | null = null;

  /** The learner opened a lesson at `now`. */
  start(lessonId: string, now: number): void {
    this.#lesson = lessonId;
    this.#since = now;
  }

  /** The page was hidden: time stops until it is shown again. */
  pause(): void {
    this.#since = null;
  }

  resume(now: number): void {
    if (this.#lesson !== null) this.#since = now;
  }

  /** Forgets the lesson (a reset). */
  stop(): void {
    this.#lesson = null;
    this.#since = null;
  }

  /** The time spent since the last call, to be credited to `lessonId`; null when none runs. */
  take(now: number): { lessonId: string; spentMs: number } | null {
    if (this.#lesson === null || this.#since === null) return null;
    const spentMs = Math.min(Math.max(0, now - this.#since), MAX_STUDY_STRETCH_MS);
    this.#since = now;
    return { lessonId: this.#lesson, spentMs };
  }
}
