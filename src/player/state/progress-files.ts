// What Settings does with all of a learner's progress at once: export it as a file, import a file
// (validated whole, then merged, never replacing), and start one course again. Loaded with the
// Settings page and the export button, not with the course home.
import type { CourseProgress } from '../../engine/progress-types.ts';
import type { ProgressStore } from '../../storage/store.ts';
import type { ResetOutcome } from './course-progress.svelte.ts';
import { getCourseProgress, openCourseProgress, sharedProgressStore } from './progress-registry.ts';

export interface ProgressFile {
  /** The export document, as text for a download. */
  json: string;
  /** A suggested name for the download. */
  fileName: string;
  courseCount: number;
  /** What could not be included, for the settings page to show. */
  warnings: string[];
}

/** All progress as a JSON file: what is stored, plus what courses open right now hold in memory. */
export async function exportAllProgress(options: { store?: ProgressStore; now?: number } = {}): Promise<ProgressFile> {
  const states = openCourseProgress();
  await Promise.all(states.map((state) => state.flush()));
  const now = options.now ?? Date.now();
  const { exportAll, IMPORT_LIMITS } = await import('../../storage/export.ts');
  const { document, warnings } = await exportAll(
    options.store ?? sharedProgressStore(),
    now,
    states.map((state) => state.progress),
  );
  // Compact: the file must stay importable (IMPORT_LIMITS.bytes) for as long as possible.
  const json = JSON.stringify(document);
  if (new TextEncoder().encode(json).length > IMPORT_LIMITS.bytes) {
    warnings.push(
      `This file is larger than ${IMPORT_LIMITS.bytes / (1024 * 1024)} MB, so it can be kept as a copy but not imported again.`,
    );
  }
  return {
    json,
    fileName: `coursemark-progress-${new Date(now).toISOString().slice(0, 10)}.json`,
    courseCount: Object.keys(document.courses).length,
    warnings,
  };
}

/** Starts one course again (Settings). */
export async function resetCourseProgress(courseId: string, options: { store?: ProgressStore } = {}): Promise<ResetOutcome> {
  return getCourseProgress(courseId, { store: options.store }).reset();
}

export type ImportOutcome = { ok: true; courseIds: string[]; message: string } | { ok: false; message: string };

/**
 * Imports a progress file (its text): validated whole first, then merged into each course's
 * progress, so nothing the learner has here is replaced. A bad file changes nothing.
 */
export async function importProgress(
  text: string,
  knownCourseIds: readonly string[],
  options: { store?: ProgressStore } = {},
): Promise<ImportOutcome> {
  const { parseImport, importStudyTools } = await import('../../storage/export.ts');
  const parsed = parseImport(text, knownCourseIds);
  if (!parsed.ok) return parsed;
  const courseIds = Object.keys(parsed.courses);
  // Review questions, the name and study plans merge on their own (storage/study-export.ts).
  const study = await importStudyTools(options.store ?? sharedProgressStore(), parsed.study);
  if (courseIds.length === 0) return { ok: true, courseIds, message: study.trim() || 'The file holds no progress; nothing was changed.' };
  const states = courseIds.map((courseId) => getCourseProgress(courseId, { store: options.store }));
  await Promise.all(states.map((state) => state.ready));
  for (const state of states) state.merge(parsed.courses[state.courseId] as CourseProgress);
  await Promise.all(states.map((state) => state.flush()));
  const unsaved = states.some((state) => state.status !== 'saved');
  const what = courseIds.length === 1 ? 'one course' : `${courseIds.length} courses`;
  return {
    ok: true,
    courseIds,
    message: unsaved
      ? `Progress for ${what} was imported into this session, but it can't be saved on this device right now.`
      : `Progress for ${what} was imported and merged with what you had.${study}`,
  };
}
