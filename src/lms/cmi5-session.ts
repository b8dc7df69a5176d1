// The AU side of a cmi5 launch, with @xapi/cmi5: fetch the auth token, read LMS.LaunchData, send
// initialized; at checkpoints completed (every lesson done) and passed or failed (a quiz submitted,
// judged by the LMS's mastery score when it gives one); terminated once as the page goes. The
// learner's progress summary is kept in the xAPI State API (cmi5 has no suspend_data), and on a
// relaunch the LMS's copy wins. Browse and review launches send no completed, passed or failed.
import Cmi5 from '@xapi/cmi5';
import type { CourseManifest } from '../content/schema/manifest.ts';
import type { CourseProgress } from '../engine/progress-types.ts';
import { adoptLmsProgress } from './adopt.ts';
import { follow, type ReportOutcome, type Reporter } from './follow.svelte.ts';
import { learnerStore } from './learner-store.ts';
import type { LmsNotices } from './lms-notices.svelte.ts';
import type { ProgressHost } from './progress-host.ts';
import { lmsReport } from './report.ts';
import { decodeProgress, encodeProgress, SUSPEND_DATA_LIMITS } from './suspend-data.ts';
import { isoDuration } from './time-format.ts';

/** The AU's own state document: the progress summary and which one-time statements were sent. */
export const PROGRESS_STATE_ID = 'https://coursemark.dev/xapi/state/progress';

interface SavedState {
  data?: string;
  completed?: boolean;
  passed?: boolean;
}

/** Durations to hundredths of a second, as xAPI and cmi5 ask (the library writes milliseconds). */
function roundDurations(cmi5: Cmi5): void {
  const send = cmi5.sendXapiStatement.bind(cmi5);
  cmi5.sendXapiStatement = (statement, options) => {
    if (statement.result?.duration) statement.result.duration = isoDuration(durationMs(statement.result.duration));
    return send(statement, options);
  };
}

function durationMs(iso: string): number {
  const match = /^P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!match) return 0;
  const [, d = '0', h = '0', m = '0', s = '0'] = match;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(m)) * 60_000 + Number(s) * 1000;
}

type AxiosLike = { defaults: { adapter?: unknown } };
type RequestConfig = { url?: string; method?: string; headers?: Record<string, string> | { toJSON?: () => Record<string, string> }; data?: unknown };

/**
 * Requests go out with fetch(keepalive), so the terminated statement sent as the page goes still
 * reaches the LRS (an XMLHttpRequest is cancelled with the page).
 */
function keepAlive(axios: AxiosLike): void {
  axios.defaults.adapter = async (config: RequestConfig) => {
    const raw = config.headers && 'toJSON' in config.headers && typeof config.headers.toJSON === 'function' ? config.headers.toJSON() : (config.headers as Record<string, string>);
    const headers = Object.fromEntries(Object.entries(raw ?? {}).filter(([, value]) => typeof value === 'string'));
    const response = await fetch(config.url!, { method: (config.method ?? 'get').toUpperCase(), headers, body: config.data as BodyInit | undefined, keepalive: true });
    const text = await response.text();
    let data: unknown = text;
    try {
      data = text ? JSON.parse(text) : text;
    } catch {
      // Not JSON: handed on as text.
    }
    if (!response.ok) throw Object.assign(new Error(`The LRS answered ${response.status}`), { response: { status: response.status, data } });
    return { data, status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers), config, request: null };
  };
}

class Cmi5Reporter implements Reporter {
  readonly readOnly: boolean;
  #saved: SavedState;
  #failedSent = false;

  constructor(
    readonly cmi5: Cmi5,
    readonly course: CourseManifest,
    saved: SavedState,
  ) {
    this.readOnly = cmi5.getLaunchData().launchMode !== 'Normal';
    this.#saved = saved;
  }

  async report(progress: CourseProgress): Promise<ReportOutcome> {
    if (this.readOnly) return { ok: true, notesLeftOut: false };
    const report = lmsReport(this.course, progress);
    const mastery = this.cmi5.getLaunchData().masteryScore;
    if (report.score && !this.#saved.passed) {
      const scaled = Math.round(report.score.percent * 100) / 10000;
      const passed = typeof mastery === 'number' ? scaled >= mastery : report.score.passed;
      if (passed) {
        await this.cmi5.pass(scaled);
        this.#saved.passed = true;
      } else if (!this.#failedSent) {
        await this.cmi5.fail(scaled);
        this.#failedSent = true;
      }
    }
    if (report.lessonsDone && !this.#saved.completed) {
      await this.cmi5.complete();
      this.#saved.completed = true;
    }
    const encoded = await this.#storeProgress(progress);
    return { ok: true, notesLeftOut: encoded.notesLeftOut };
  }

  /** As the page goes: the latest progress (notes typed since the last checkpoint) and terminated. */
  finish(progress: CourseProgress): void {
    if (!this.readOnly) void this.#storeProgress(progress).catch(() => {});
    void this.cmi5.terminate().catch(() => {});
  }

  async #storeProgress(progress: CourseProgress): Promise<ReturnType<typeof encodeProgress>> {
    const encoded = encodeProgress(progress, SUSPEND_DATA_LIMITS['2004']);
    await this.#store({ ...this.#saved, ...(encoded.data ? { data: encoded.data } : {}) });
    return encoded;
  }

  async #store(state: SavedState): Promise<void> {
    const params = this.cmi5.getLaunchParameters();
    await this.cmi5.xapi!.setState({ agent: params.actor, activityId: params.activityId, registration: params.registration, stateId: PROGRESS_STATE_ID, state });
  }
}

/** The player opens after this long even if the LMS has not answered (it then works on the device). */
const LAUNCH_TIMEOUT_MS = 10_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function readSaved(cmi5: Cmi5): Promise<SavedState> {
  const params = cmi5.getLaunchParameters();
  try {
    const response = await within(cmi5.xapi!.getState({ agent: params.actor, activityId: params.activityId, registration: params.registration, stateId: PROGRESS_STATE_ID }), LAUNCH_TIMEOUT_MS);
    const data = response.data as unknown;
    return data && typeof data === 'object' ? (data as SavedState) : {};
  } catch {
    // Nothing saved yet (the LRS answers 404), or unreadable: start from the device's copy.
    return {};
  }
}

export async function connectCmi5(course: CourseManifest, notices: LmsNotices, host: ProgressHost): Promise<void> {
  if (!Cmi5.isCmiAvailable) {
    notices.set('standalone', true);
    return;
  }
  let cmi5: Cmi5;
  try {
    cmi5 = new Cmi5();
    await within(cmi5.initialize(), LAUNCH_TIMEOUT_MS);
  } catch {
    // The LMS's launch could not be completed: the learner works on, on this device.
    notices.set('failing', true);
    return;
  }
  keepAlive(cmi5.xapi!.getAxios() as unknown as AxiosLike);
  roundDurations(cmi5);
  const { actor, registration } = cmi5.getLaunchParameters() as { actor: { account?: { name?: string }; mbox?: string }; registration: string };
  // One device copy per learner and registration: a new registration in the LMS starts afresh.
  const learner = `${actor.account?.name ?? actor.mbox ?? ''}|${registration}`;
  const state = host.open(course, learnerStore(host.store, learner));
  await state.ready;
  const saved = await readSaved(cmi5);
  const fromLms = typeof saved.data === 'string' ? decodeProgress(saved.data, course.id) : null;
  if (fromLms) adoptLmsProgress(state, fromLms);
  const reporter = new Cmi5Reporter(cmi5, course, saved);
  notices.set('review', reporter.readOnly);
  follow(state, reporter, notices);
}
