// The SCORM session against a fake LMS: what it writes in each version, that review mode writes
// nothing, that it initialises and finishes once, and that an LMS that refuses, throws or vanishes
// never throws into the player. The journeys against a real runtime are tests/e2e/lms-scorm.test.ts.
import { describe, expect, it } from 'vitest';
import type { CourseProgress } from '../engine/progress-types.ts';
import { findApi } from './find-api.ts';
import type { LmsReport } from './report.ts';
import { ScormSession, type ScormVersion } from './scorm-session.ts';
import { decodeProgress } from './suspend-data.ts';

type Calls = [string, ...string[]][];

/** A fake LMS runtime object with the version's method names. */
function fakeApi(version: ScormVersion, values: Record<string, string> = {}, behaviour: { commit?: string; throws?: boolean } = {}) {
  const calls: Calls = [];
  const data: Record<string, string> = { ...values };
  const names = version === '1.2' ? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit'] : ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
  const [init, finish, get, set, commit] = names as [string, string, string, string, string];
  const api: Record<string, (...args: string[]) => string> = {
    [init]: (...args) => (calls.push([init, ...args]), 'true'),
    [finish]: (...args) => (calls.push([finish, ...args]), 'true'),
    [get]: (element) => (calls.push([get, element!]), data[element!] ?? ''),
    [set]: (element, value) => {
      calls.push([set, element!, value!]);
      if (behaviour.throws) throw new Error('gone');
      data[element!] = value!;
      return 'true';
    },
    [commit]: (...args) => (calls.push([commit, ...args]), behaviour.commit ?? 'true'),
  };
  return { api, calls, data, names: { init, finish, set, commit } };
}

const windowWith = (name: string, api: unknown) => ({ [name]: api, parent: null, opener: null }) as unknown as Window;

const PROGRESS: CourseProgress = {
  courseId: 'c',
  lessons: { one: { firstVisit: 1_000_000, lastVisit: 1_000_000, timeSpentMs: 5000, reachedEnd: 1_000_000, completedAt: 1_000_000 } },
  blocks: {},
  notes: {},
  ratings: {},
  attempts: [
    {
      id: 'a1', quizId: 'q', startedAt: 1_000_000, finishedAt: 1_060_000, questionIds: ['x', 'y'], score: 1, maxScore: 2, percent: 50, passMark: 80, passed: false,
      results: [
        { questionId: 'x', answer: { type: 'single', optionId: 'b' }, score: 1, max: 1 },
        { questionId: 'y', answer: { type: 'multiple', optionIds: ['a', 'c'] }, score: 0, max: 1 },
      ],
    },
  ],
  position: { lessonId: 'one', at: 1_000_000 },
  updatedAt: 1_060_000,
};
const FAILED: LmsReport = { complete: false, lessonsDone: false, progressMeasure: 0.5, score: { percent: 50, passed: false }, location: 'one' };
const DONE: LmsReport = { complete: true, lessonsDone: true, progressMeasure: 1, score: { percent: 90, passed: true }, location: 'one' };

describe('ScormSession', () => {
  it('1.2: writes status, score, location, session time, exit and suspend data in 1.2 names and formats', () => {
    const lms = fakeApi('1.2', { 'cmi.core.lesson_mode': 'normal', 'cmi.core.student_id': 's1' });
    const session = ScormSession.find('1.2', windowWith('API', lms.api))!;
    expect(session.start()).toMatchObject({ learnerId: 's1', mode: 'normal' });
    expect(session.write(FAILED, PROGRESS, 3_723_450, true)).toEqual({ ok: true, notesLeftOut: false });
    expect(lms.data).toMatchObject({
      'cmi.core.lesson_status': 'failed',
      'cmi.core.score.raw': '50',
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.lesson_location': 'one',
      'cmi.core.session_time': '0001:02:03.45',
      'cmi.core.exit': 'suspend',
      'cmi.interactions.0.id': 'q.x',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.student_response': 'b',
      'cmi.interactions.0.result': 'correct',
      'cmi.interactions.1.student_response': 'a,c',
      'cmi.interactions.1.result': 'wrong',
    });
    expect(decodeProgress(lms.data['cmi.suspend_data']!, 'c')?.attempts[0]?.percent).toBe(50);
    session.write(DONE, PROGRESS, 1000, true);
    expect(lms.data).toMatchObject({ 'cmi.core.lesson_status': 'passed', 'cmi.core.exit': '' });
    // Interactions go once per attempt, however many checkpoints follow.
    expect(lms.calls.filter((call) => call[1] === 'cmi.interactions.0.id')).toHaveLength(1);
  });

  it('2004: completion and success apart, the scaled score, ISO session time, and [,] in responses', () => {
    const lms = fakeApi('2004', { 'cmi.mode': 'normal', 'cmi.learner_id': 's1' });
    const session = ScormSession.find('2004', windowWith('API_1484_11', lms.api))!;
    session.start();
    session.write(FAILED, PROGRESS, 3_723_450, true);
    expect(lms.data).toMatchObject({
      'cmi.completion_status': 'incomplete',
      'cmi.success_status': 'failed',
      'cmi.score.scaled': '0.5',
      'cmi.score.raw': '50',
      'cmi.progress_measure': '0.5',
      'cmi.location': 'one',
      'cmi.session_time': 'PT1H2M3.45S',
      'cmi.exit': 'suspend',
      'cmi.interactions.1.learner_response': 'a[,]c',
      'cmi.interactions.1.result': 'incorrect',
    });
    session.write(DONE, PROGRESS, 1000, true);
    expect(lms.data).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.success_status': 'passed', 'cmi.exit': 'normal', 'cmi.score.scaled': '0.9' });
  });

  for (const mode of ['review', 'browse']) {
    it(`${mode} mode writes nothing to the LMS`, () => {
      const lms = fakeApi('2004', { 'cmi.mode': mode, 'cmi.suspend_data': 'kept' });
      const session = ScormSession.find('2004', windowWith('API_1484_11', lms.api))!;
      expect(session.start()?.suspendData).toBe('kept');
      expect(session.readOnly).toBe(true);
      session.write(DONE, PROGRESS, 1000, true);
      session.finish(DONE, PROGRESS, 1000);
      expect(lms.calls.filter((call) => call[0] === 'SetValue' || call[0] === 'Commit')).toEqual([]);
      expect(lms.calls.filter((call) => call[0] === 'Terminate')).toHaveLength(1);
    });
  }

  it('initialises once and finishes exactly once, and writes nothing after finishing', () => {
    const lms = fakeApi('1.2', { 'cmi.core.lesson_mode': 'normal' });
    const session = ScormSession.find('1.2', windowWith('API', lms.api))!;
    session.start();
    session.start();
    session.finish(DONE, PROGRESS, 1000);
    session.finish(DONE, PROGRESS, 1000);
    const before = lms.calls.length;
    session.write(DONE, PROGRESS, 1000, true);
    expect(lms.calls.length).toBe(before);
    expect(lms.calls.filter((call) => call[0] === 'LMSInitialize')).toHaveLength(1);
    expect(lms.calls.filter((call) => call[0] === 'LMSFinish')).toHaveLength(1);
  });

  it('an LMS that answers "false", throws or vanishes makes a write fail, never throw', () => {
    const refusing = fakeApi('1.2', {}, { commit: 'false' });
    const session = ScormSession.find('1.2', windowWith('API', refusing.api))!;
    session.start();
    expect(session.write(FAILED, PROGRESS, 1000, true).ok).toBe(false);

    const throwing = fakeApi('1.2', {}, { throws: true });
    const other = ScormSession.find('1.2', windowWith('API', throwing.api))!;
    other.start();
    expect(() => other.write(FAILED, PROGRESS, 1000, true)).not.toThrow();
    expect(other.write(FAILED, PROGRESS, 1000, true).ok).toBe(false);

    const vanishing = fakeApi('2004');
    const third = ScormSession.find('2004', windowWith('API_1484_11', vanishing.api))!;
    third.start();
    for (const name of Object.keys(vanishing.api)) delete vanishing.api[name];
    expect(third.write(FAILED, PROGRESS, 1000, true).ok).toBe(false);
    expect(third.finish(FAILED, PROGRESS, 1000).ok).toBe(false);
  });

  it('an LMS that refuses to initialise leaves the player on its own', () => {
    const lms = fakeApi('1.2');
    lms.api.LMSInitialize = () => 'false';
    expect(ScormSession.find('1.2', windowWith('API', lms.api))!.start()).toBeNull();
  });
});

describe('findApi', () => {
  const api = { LMSInitialize: () => 'true' };

  it('walks up the parent frames, stepping past a frame from another origin', () => {
    const top = { API: api, parent: null } as unknown as Window;
    const foreign = new Proxy({} as Window, {
      get(_, key) {
        if (key === 'parent') return top;
        throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
      },
    });
    const content = { parent: foreign } as unknown as Window;
    expect(findApi('API', content)).toBe(api);
  });

  it('looks in the window that opened this one when no frame has it', () => {
    const opener = { API_1484_11: api, parent: null } as unknown as Window;
    const popup = { parent: null, top: { opener }, opener } as unknown as Window;
    expect(findApi('API_1484_11', popup)).toBe(api);
  });

  it('finds nothing outside an LMS, and an opener it may not read is no error', () => {
    const alone = { parent: null, top: null, opener: null } as unknown as Window;
    expect(findApi('API', alone)).toBeNull();
    const guarded = {
      parent: null,
      get top(): Window {
        throw new DOMException('blocked', 'SecurityError');
      },
      opener: null,
    } as unknown as Window;
    expect(findApi('API', guarded)).toBeNull();
  });
});
