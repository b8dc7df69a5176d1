// One SCORM session, 1.2 or 2004: initialise once, read what the LMS holds, write the learner's
// report at checkpoints, finish exactly once. Every call into the LMS is guarded: an API that answers
// "false", throws or has gone away makes a call fail, never the learner's session.
import type { CourseProgress } from '../engine/progress-types.ts';
import { findApi } from './find-api.ts';
import { attemptInteractions } from './interactions.ts';
import type { LmsReport } from './report.ts';
import { encodeProgress, SUSPEND_DATA_LIMITS } from './suspend-data.ts';
import { isoDuration, scorm12Duration } from './time-format.ts';

export type ScormVersion = '1.2' | '2004';
export type LmsMode = 'normal' | 'review' | 'browse';

/** What the LMS holds for this learner at launch. */
export interface LaunchState {
  learnerId: string;
  mode: LmsMode;
  /** 'ab-initio' on a new attempt, 'resume' after a suspended one, '' when the LMS does not say. */
  entry: string;
  suspendData: string;
  location: string;
}

/** The outcome of a write: whether the LMS took it, and whether the notes had to stay on the device. */
export interface WriteOutcome {
  ok: boolean;
  notesLeftOut: boolean;
}

type Method = (...args: string[]) => unknown;
type RuntimeApi = Record<string, Method | undefined>;

const ELEMENTS = {
  '1.2': {
    api: 'API', initialize: 'LMSInitialize', terminate: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
    mode: 'cmi.core.lesson_mode', entry: 'cmi.core.entry', learner: 'cmi.core.student_id', location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time', raw: 'cmi.core.score.raw', min: 'cmi.core.score.min', max: 'cmi.core.score.max',
  },
  '2004': {
    api: 'API_1484_11', initialize: 'Initialize', terminate: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit',
    mode: 'cmi.mode', entry: 'cmi.entry', learner: 'cmi.learner_id', location: 'cmi.location',
    exit: 'cmi.exit', sessionTime: 'cmi.session_time', raw: 'cmi.score.raw', min: 'cmi.score.min', max: 'cmi.score.max',
  },
} as const;

/** The location element's size: 255 characters in 1.2, 1,000 in 2004. */
const LOCATION_LIMIT = { '1.2': 255, '2004': 1000 } as const;

export class ScormSession {
  readonly version: ScormVersion;
  readonly #api: RuntimeApi;
  readonly #names: (typeof ELEMENTS)[ScormVersion];
  #launch: LaunchState | null = null;
  #finished = false;
  #interactionCount = 0;
  readonly #reported = new Set<string>();

  private constructor(version: ScormVersion, api: RuntimeApi) {
    this.version = version;
    this.#api = api;
    this.#names = ELEMENTS[version];
  }

  /** The session with the LMS that launched this page, or null when there is none. */
  static find(version: ScormVersion, start: Window = window): ScormSession | null {
    const api = findApi<RuntimeApi>(ELEMENTS[version].api, start);
    return api ? new ScormSession(version, api) : null;
  }

  get launch(): LaunchState | null {
    return this.#launch;
  }
  get finished(): boolean {
    return this.#finished;
  }
  /** Review and browse mode: the LMS's record must not change. */
  get readOnly(): boolean {
    return this.#launch?.mode !== 'normal';
  }

  /** Initialises the session (once) and reads the learner's state; null when the LMS refuses. */
  start(): LaunchState | null {
    if (this.#launch) return this.#launch;
    if (this.#call(this.#names.initialize, '') !== 'true') return null;
    const mode = this.#get(this.#names.mode);
    this.#launch = {
      learnerId: this.#get(this.#names.learner),
      // An LMS that says nothing about the mode launches for credit: normal.
      mode: mode === 'review' || mode === 'browse' ? mode : 'normal',
      entry: this.#get(this.#names.entry),
      suspendData: this.#get('cmi.suspend_data'),
      location: this.#get(this.#names.location),
    };
    this.#interactionCount = Number.parseInt(this.#get('cmi.interactions._count'), 10) || 0;
    return this.#launch;
  }

  /** Attempts the LMS already has (restored from its suspend data): their interactions are not sent again. */
  markReported(attemptIds: Iterable<string>): void {
    for (const id of attemptIds) this.#reported.add(id);
  }

  /** Writes the learner's report; with `commit`, asks the LMS to store it now. */
  write(report: LmsReport, progress: CourseProgress, sessionMs: number, commit: boolean): WriteOutcome {
    if (!this.#launch || this.#finished || this.readOnly) return { ok: true, notesLeftOut: false };
    const encoded = encodeProgress(progress, SUSPEND_DATA_LIMITS[this.version]);
    const values = this.version === '1.2' ? this.#values12(report) : this.#values2004(report);
    values.push([this.#names.sessionTime, this.version === '1.2' ? scorm12Duration(sessionMs) : isoDuration(sessionMs)]);
    // An empty location is not a value 2004 accepts; before the first lesson there is none to give.
    if (report.location) values.push([this.#names.location, report.location.slice(0, LOCATION_LIMIT[this.version])]);
    // The most that fits; when even the least does not (a course far beyond any real one), the LMS keeps its last copy.
    if (encoded.data !== null) values.push(['cmi.suspend_data', encoded.data]);
    let ok = values.map(([element, value]) => this.#set(element, value)).every(Boolean);
    this.#sendInteractions(progress);
    if (commit) ok = this.#call(this.#names.commit, '') === 'true' && ok;
    return { ok, notesLeftOut: encoded.notesLeftOut };
  }

  /** Writes the last report and ends the session. Only the first call does anything. */
  finish(report: LmsReport, progress: CourseProgress, sessionMs: number): WriteOutcome {
    if (!this.#launch || this.#finished) return { ok: true, notesLeftOut: false };
    const outcome = this.write(report, progress, sessionMs, true);
    this.#finished = true;
    const ended = this.#call(this.#names.terminate, '') === 'true';
    return { ...outcome, ok: outcome.ok && ended };
  }

  #values12(report: LmsReport): [string, string][] {
    const values: [string, string][] = [];
    if (report.score) values.push([this.#names.raw, String(report.score.percent)], [this.#names.min, '0'], [this.#names.max, '100']);
    let status = report.complete ? 'completed' : 'incomplete';
    if (report.score) status = !report.score.passed ? 'failed' : report.lessonsDone ? 'passed' : 'incomplete';
    values.push(['cmi.core.lesson_status', status]);
    // Suspended while unfinished, so the LMS resumes the attempt; an empty exit ends it normally.
    values.push([this.#names.exit, report.complete ? '' : 'suspend']);
    return values;
  }

  #values2004(report: LmsReport): [string, string][] {
    const values: [string, string][] = [];
    if (report.score) {
      values.push(
        ['cmi.score.scaled', String(Math.round(report.score.percent * 100) / 10000)],
        [this.#names.raw, String(report.score.percent)],
        [this.#names.min, '0'],
        [this.#names.max, '100'],
      );
    }
    values.push(['cmi.progress_measure', String(report.progressMeasure)]);
    values.push(['cmi.completion_status', report.complete ? 'completed' : 'incomplete']);
    values.push(['cmi.success_status', report.score ? (report.score.passed ? 'passed' : 'failed') : 'unknown']);
    values.push([this.#names.exit, report.complete ? 'normal' : 'suspend']);
    return values;
  }

  /** Each new attempt's answers as interactions (where the version's types allow). */
  #sendInteractions(progress: CourseProgress): void {
    for (const attempt of progress.attempts) {
      if (this.#reported.has(attempt.id)) continue;
      this.#reported.add(attempt.id);
      for (const interaction of attemptInteractions(attempt, this.version)) {
        const index = this.#interactionCount++;
        // One refused line (an LMS stricter than the standard) loses that line only.
        for (const [field, value] of interaction) this.#set(`cmi.interactions.${index}.${field}`, value);
      }
    }
  }

  #get(element: string): string {
    const value = this.#call(this.#names.get, element);
    return typeof value === 'string' ? value : '';
  }

  #set(element: string, value: string): boolean {
    return this.#call(this.#names.set, element, value) === 'true';
  }

  /** Calls the LMS; a missing method, a throw or a non-string answer is a failed call. */
  #call(method: string, ...args: string[]): string | null {
    try {
      const fn = this.#api[method];
      if (typeof fn !== 'function') return null;
      const value = fn.apply(this.#api, args);
      return typeof value === 'string' ? value : value === true ? 'true' : null;
    } catch {
      return null;
    }
  }
}
