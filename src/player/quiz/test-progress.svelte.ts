// An in-memory ProgressApi for component tests: the real pure reducers over a $state record, no
// storage. It also keeps every attempt handed to addAttempt so tests can check what was saved.
import type { ProgressApi, StorageStatus } from '../../engine/progress-api.ts';
import type { CourseProgress, QuizAttempt, SelfAssessment } from '../../engine/progress-types.ts';
import * as reduce from '../../engine/progress.ts';

export class TestProgress implements ProgressApi {
  readonly courseId: string;
  progress: CourseProgress = $state.raw(reduce.emptyProgress('', 0));
  readonly status: StorageStatus = 'saved';
  readonly notices: string[] = [];
  readonly ready = Promise.resolve();
  /** Every attempt passed to addAttempt, in call order. */
  readonly added: QuizAttempt[] = [];

  constructor(courseId = 'course', attempts: QuizAttempt[] = []) {
    this.courseId = courseId;
    this.progress = { ...reduce.emptyProgress(courseId, 0), attempts };
  }

  visit(lessonId: string) {
    this.progress = reduce.visit(this.progress, lessonId, Date.now());
  }
  reachEnd(lessonId: string) {
    this.progress = reduce.reachEnd(this.progress, lessonId, Date.now());
  }
  reveal(lessonId: string, blockId: string) {
    this.progress = reduce.reveal(this.progress, lessonId, blockId, Date.now());
  }
  setDone(lessonId: string, blockId: string, done: boolean) {
    this.progress = reduce.setDone(this.progress, lessonId, blockId, done, Date.now());
  }
  setNote(lessonId: string, blockId: string, promptId: string, text: string) {
    this.progress = reduce.setNote(this.progress, lessonId, blockId, promptId, text, Date.now());
  }
  assess(lessonId: string, blockId: string, promptId: string, assessment: SelfAssessment) {
    this.progress = reduce.assess(this.progress, lessonId, blockId, promptId, assessment, Date.now());
  }
  rate(lessonId: string, blockId: string, value: string) {
    this.progress = reduce.rate(this.progress, lessonId, blockId, value, Date.now());
  }
  addAttempt(attempt: QuizAttempt) {
    this.added.push(attempt);
    this.progress = reduce.addAttempt(this.progress, attempt, Date.now());
  }
  async flush() {}
}
