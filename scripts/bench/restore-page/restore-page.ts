// The restore benchmark's page script: seeds storage through the storage module's own save path and
// times what the player does when a course opens (CourseProgressState: open storage, read, restore,
// migrate, merge, settle against the course). Built with Vite by scripts/bench/restore.ts; nothing
// here ships in the player.
import type { CourseManifest } from '../../../src/content/schema/manifest.ts';
import type { CourseProgress } from '../../../src/engine/progress-types.ts';
import { CourseProgressState } from '../../../src/player/state/course-progress.svelte.ts';
import { progressKey } from '../../../src/storage/keys.ts';
import { restore as restoreRecord, saveProgress } from '../../../src/storage/records.ts';
import { createStore, type ProgressStore } from '../../../src/storage/store.ts';
import { readAllAttempts } from '../../../src/storage/attempt-log.ts';

export interface SeedResult {
  ok: boolean;
  attempts: number;
  message: string;
}

export interface RestoreTiming {
  /** From creating the state to its `ready` promise resolving (what the course home waits for), ms. */
  ms: number;
  attempts: number;
  status: string;
  problems: number;
  /** The same work again, step by step, after the timed restore (storage is warm by then): restore is records.ts's. */
  breakdown: { openMs: number; readMs: number; restoreMs: number; attemptsMs: number };
}

export interface SaveTiming {
  /** Bytes handed to storage by one save after a lesson visit (JSON length of each value written). */
  bytes: number;
  /** Keys written by that save. */
  writes: number;
  /** From the visit to the save's end, ms. */
  ms: number;
  /** Longest main-thread task seen during the save (PerformanceObserver "longtask": 0 when none over 50 ms). */
  longestTaskMs: number;
}

export interface RestoreBench {
  /** Saves the CourseProgress found at `url` (JSON) as the course's stored record (null: store nothing). */
  seed(url: string | null): Promise<SeedResult>;
  restore(course: CourseManifest): Promise<RestoreTiming>;
  /** Restores, then times one save after a lesson visit: what it writes and the longest task. */
  save(course: CourseManifest): Promise<SaveTiming>;
}

declare global {
  interface Window {
    coursemarkBench?: RestoreBench;
  }
}

window.coursemarkBench = {
  async seed(url) {
    if (url === null) return { ok: true, attempts: 0, message: 'nothing stored' };
    const response = await fetch(url);
    if (!response.ok) return { ok: false, attempts: 0, message: `${url}: HTTP ${response.status}` };
    const progress = (await response.json()) as CourseProgress;
    // The summary record and each attempt under its own key, as the player stores them.
    const saved = await saveProgress(createStore(), progress, { now: Date.now(), writeId: 'bench-seed', newAttempts: progress.attempts });
    return saved.ok
      ? { ok: true, attempts: progress.attempts.length, message: 'saved' }
      : { ok: false, attempts: 0, message: `${saved.reason}: ${saved.message}` };
  },
  async restore(course) {
    const started = performance.now();
    const state = new CourseProgressState(course.id, { course });
    await state.ready;
    const ms = performance.now() - started;
    // The home reads the summary's figures, not the log: the attempts it knows of are their counts.
    const attempts = Object.values(state.progress.quizzes ?? {}).reduce((sum, figures) => sum + figures.attempts, 0);
    // Outside the timing: let any save the restore scheduled finish before the page goes away.
    await state.dispose();

    const store = createStore();
    const t0 = performance.now();
    await store.open();
    const t1 = performance.now();
    const stored = await store.get(progressKey(course.id));
    const t2 = performance.now();
    await restoreRecord(stored.ok ? stored.value : null, course.id, Date.now());
    const t3 = performance.now();
    await readAllAttempts(store, course.id);
    const t4 = performance.now();
    const breakdown = { openMs: t1 - t0, readMs: t2 - t1, restoreMs: t3 - t2, attemptsMs: t4 - t3 };
    return { ms, attempts, status: state.status, problems: state.problems.length, breakdown };
  },
  async save(course) {
    const inner = createStore();
    let bytes = 0;
    let writes = 0;
    const store: ProgressStore = {
      ...inner,
      set(key, value) {
        bytes += JSON.stringify(value).length;
        writes++;
        return inner.set(key, value);
      },
    };
    const state = new CourseProgressState(course.id, { course, store, broadcast: false });
    await state.ready;
    await state.flush();
    bytes = 0;
    writes = 0;
    let longestTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration);
    });
    observer.observe({ type: 'longtask', buffered: false });
    const started = performance.now();
    state.visit(course.lessons[1]?.id ?? course.lessons[0]!.id);
    await state.flush();
    const ms = performance.now() - started;
    // Long tasks are reported after they end: give the observer a frame.
    await new Promise((done) => setTimeout(done, 50));
    observer.disconnect();
    await state.dispose();
    return { bytes, writes, ms, longestTaskMs };
  },
};
