// The one in-memory ProgressApi for component tests (blocks, quiz, pages): reactive like the real
// state class, applying each change at once, and recording every call so a test can assert what a
// block asked for and which attempts were saved.
import type { ProgressApi, StorageStatus } from '../../src/engine/progress-api.ts';
import * as reduce from '../../src/engine/progress.ts';
import {
  blockKey,
  noteKey,
  type CourseProgress,
  type QuizAttempt,
  type SelfAssessment,
} from '../../src/engine/progress-types.ts';

export type ProgressCall = { method: string; args: unknown[] };

/** Empty progress at time 0, as a fresh test starts from. */
export function emptyProgress(courseId: string): CourseProgress {
  return reduce.emptyProgress(courseId, 0);
}

export class TestProgress implements ProgressApi {
  readonly courseId: string;
  progress: CourseProgress = $state() as CourseProgress;
  status: StorageStatus = $state('saved');
  readonly notices: string[] = [];
  readonly ready = Promise.resolve();
  readonly calls: ProgressCall[] = [];
  /** Every attempt passed to addAttempt, in call order. */
  readonly added: QuizAttempt[] = [];
  #clock = 1_000;

  constructor(courseId = 'test-course', initial?: Partial<CourseProgress>) {
    this.courseId = courseId;
    // Plain maps, not the engine's null-prototype ones: this double mutates them in place, and
    // Svelte makes only plain objects deeply reactive.
    this.progress = { ...emptyProgress(courseId), lessons: {}, blocks: {}, notes: {}, ratings: {}, ...initial };
  }

  /** The calls made to one method, as argument lists. */
  callsTo(method: keyof ProgressApi): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  #record(method: string, ...args: unknown[]): number {
    this.calls.push({ method, args });
    this.#clock += 1;
    this.progress.updatedAt = this.#clock;
    return this.#clock;
  }

  visit(lessonId: string): void {
    const at = this.#record('visit', lessonId);
    const lesson = this.progress.lessons[lessonId];
    if (lesson) lesson.lastVisit = at;
    else this.progress.lessons[lessonId] = { firstVisit: at, lastVisit: at, timeSpentMs: 0 };
  }

  reachEnd(lessonId: string): void {
    const at = this.#record('reachEnd', lessonId);
    const lesson = this.progress.lessons[lessonId];
    if (lesson) lesson.reachedEnd ??= at;
  }

  reveal(lessonId: string, blockId: string): void {
    const at = this.#record('reveal', lessonId, blockId);
    const block = (this.progress.blocks[blockKey(lessonId, blockId)] ??= {});
    block.revealedAt ??= at;
  }

  setDone(lessonId: string, blockId: string, done: boolean): void {
    const at = this.#record('setDone', lessonId, blockId, done);
    const block = (this.progress.blocks[blockKey(lessonId, blockId)] ??= {});
    block.doneAt = done ? at : null;
    block.changedAt = at;
  }

  setNote(lessonId: string, blockId: string, promptId: string, text: string): void {
    const at = this.#record('setNote', lessonId, blockId, promptId, text);
    const key = noteKey(lessonId, blockId, promptId);
    const note = this.progress.notes[key];
    if (note) Object.assign(note, { text, updatedAt: at });
    else this.progress.notes[key] = { text, updatedAt: at };
  }

  assess(lessonId: string, blockId: string, promptId: string, assessment: SelfAssessment): void {
    const at = this.#record('assess', lessonId, blockId, promptId, assessment);
    const key = noteKey(lessonId, blockId, promptId);
    const note = (this.progress.notes[key] ??= { text: '', updatedAt: at });
    note.assessment = assessment;
    note.assessedAt = at;
  }

  rate(lessonId: string, blockId: string, value: string): void {
    const at = this.#record('rate', lessonId, blockId, value);
    this.progress.ratings[blockKey(lessonId, blockId)] = { value, at };
  }

  addAttempt(attempt: QuizAttempt): void {
    this.#record('addAttempt', attempt);
    this.added.push(attempt);
    this.progress.attempts.push(attempt);
  }

  async flush(): Promise<void> {
    this.#record('flush');
  }
}
