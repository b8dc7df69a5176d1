// The restore benchmark's page script: seeds storage through the storage module's own save path and
// times what the player does when a course opens (CourseProgressState: open storage, read, restore,
// migrate, merge, settle against the course). Built with Vite by scripts/bench/restore.ts; nothing
// here ships in the player.
import type { CourseManifest } from '../../../src/content/schema/manifest.ts';
import type { CourseProgress } from '../../../src/engine/progress-types.ts';
import { CourseProgressState } from '../../../src/player/state/course-progress.svelte.ts';
import { progressKey } from '../../../src/storage/keys.ts';
import { restore as restoreRecord, saveProgress } from '../../../src/storage/records.ts';
import { createStore } from '../../../src/storage/store.ts';

export interface SeedResult {
  ok: boolean;
  attempts: number;
  message: string;
}

export interface RestoreTiming {
  /** From creating the state to its `ready` promise resolving, ms. */
  ms: number;
  attempts: number;
  status: string;
  problems: number;
  /** The same work again, step by step, after the timed restore (storage is warm by then): restore is records.ts's. */
  breakdown: { openMs: number; readMs: number; restoreMs: number };
}

export interface RestoreBench {
  /** Saves the CourseProgress found at `url` (JSON) as the course's stored record. */
  seed(url: string): Promise<SeedResult>;
  restore(course: CourseManifest): Promise<RestoreTiming>;
}

declare global {
  interface Window {
    coursemarkBench?: RestoreBench;
  }
}

window.coursemarkBench = {
  async seed(url) {
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
    const attempts = state.progress.attempts.length;
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
    const breakdown = { openMs: t1 - t0, readMs: t2 - t1, restoreMs: t3 - t2 };
    return { ms, attempts, status: state.status, problems: state.problems.length, breakdown };
  },
};
