// Issue 9, item 6: ids that are JavaScript's own names. A lesson, block, prompt or question called
// `prototype`, `constructor`, `__proto__`, `toString` or `hasOwnProperty` is stored, restored,
// merged, exported and imported like any other id, and never sends a load into quarantine.
import { afterEach, describe, expect, it } from 'vitest';
import type { CourseManifest } from '../content/schema/manifest.ts';
import { courseCompletion, isLessonComplete } from '../engine/completion.ts';
import { mergeProgress } from '../engine/progress-merge.ts';
import { addAttempt, emptyProgress, rate, reachEnd, reveal, setNote, settleCourse, visit } from '../engine/progress.ts';
import type { CourseProgress, QuizAttempt } from '../engine/progress-types.ts';
import { exportAll, parseImport } from './export.ts';
import { isQuarantineKey, progressKey } from './keys.ts';
import { loadProgress, saveProgress } from './records.ts';
import { restoreProgress } from './restore.ts';
import { createMemoryBackend, createStore } from './store.ts';

const NAMES = ['prototype', 'constructor', '__proto__', 'toString', 'hasOwnProperty'] as const;
const COURSE = 'js-names';

function course(id: string): CourseManifest {
  return {
    id: COURSE,
    title: 'JavaScript names',
    description: 'Ids that are JavaScript names',
    language: 'en',
    estimatedMinutes: 5,
    outcomes: ['x'],
    passMark: 80,
    version: '1',
    lessons: [
      {
        id,
        title: id,
        minutes: 1,
        blocks: [
          { id, kind: 'question', required: true },
          { id: `${id}-r`, kind: 'reflection', required: true, prompts: [{ id, text: 'Why?' }] },
          // A quiz block's id is its quiz's id, as the lesson compiler writes it (completion reads it so).
          { id, kind: 'quiz', required: false },
        ],
      },
    ],
    quizzes: [{ id, title: id, lessonId: id, questionCount: 1, passMark: 80 }],
  };
}

function attempt(quizId: string, questionId: string): QuizAttempt {
  return {
    id: `a-${quizId}`,
    quizId,
    startedAt: 10,
    finishedAt: 20,
    questionIds: [questionId],
    results: [{ questionId, answer: { type: 'matching', chosen: JSON.parse(`{"${questionId}":"${questionId}"}`) }, score: 1, max: 1 }],
    score: 1,
    maxScore: 1,
    percent: 100,
    passMark: 80,
    passed: true,
  };
}

/** Everything a learner can do in a course whose every id is `id`. */
function workThrough(id: string): CourseProgress {
  let progress = visit(emptyProgress(COURSE, 1), id, 2);
  progress = reveal(progress, id, id, 3);
  progress = setNote(progress, id, `${id}-r`, id, `Because ${id}`, 4);
  progress = rate(progress, id, id, 'Good', 5);
  progress = addAttempt(progress, attempt(id, id), 20);
  progress = reachEnd(progress, id, 30);
  return settleCourse(progress, course(id), 31);
}

afterEach(() => {
  expect(({} as Record<string, unknown>).firstVisit).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

describe.each(NAMES)('an id called %s', (id) => {
  it('completes its lesson and passes its quiz', () => {
    const progress = workThrough(id);
    expect(Object.hasOwn(progress.lessons, id)).toBe(true);
    expect(isLessonComplete(course(id).lessons[0]!, progress)).toBe(true);
    expect(courseCompletion(course(id), progress)).toMatchObject({ lessonsDone: 1, quizzesPassed: 1, complete: true });
    // A plain read finds only what was stored, never Object.prototype's own member.
    expect(emptyProgress(COURSE, 1).lessons[id]).toBeUndefined();
  });

  it('is saved and loaded again and again without a word of damage or a quarantine copy', async () => {
    const backend = createMemoryBackend();
    const store = createStore({ backend });
    const saved = await saveProgress(store, workThrough(id), { now: 40, writeId: 'w1' });
    expect(saved.ok).toBe(true);
    for (let load = 0; load < 3; load++) {
      const loaded = await loadProgress(store, COURSE, 50 + load);
      if (!loaded.ok) throw new Error(loaded.message);
      expect(loaded.value.problems).toEqual([]);
      expect(loaded.value.quarantinedAs).toBeNull();
      expect(loaded.value.progress.lessons[id]?.completedAt).toBe(31);
      expect(Object.getPrototypeOf(loaded.value.progress.notes)).toBeNull();
    }
    expect([...backend.data.keys()].filter(isQuarantineKey)).toEqual([]);
  });

  it('survives the full restore (an older record, migrated) and a merge', () => {
    const v1 = {
      version: 1,
      courseId: COURSE,
      completed: [id],
      visited: JSON.parse(`{"${id}": 7}`),
      lastLesson: id,
      revealed: [`${id}/${id}`],
      done: [],
      reflections: JSON.parse(`{"${id}": "old text"}`),
      ratings: {},
      attempts: [],
      savedAt: 9,
    };
    const restored = restoreProgress(v1, COURSE, 100);
    expect(restored.problems).toEqual([]);
    expect(restored.progress.lessons[id]).toMatchObject({ completedAt: 7 });
    expect(restored.progress.notes[id]).toEqual({ text: 'old text', updatedAt: 9 });
    const merged = mergeProgress(restored.progress, workThrough(id));
    expect(Object.hasOwn(merged.lessons, id)).toBe(true);
    expect(merged.lessons[id]?.completedAt).toBe(7);
  });
});

describe('export and import of ids that are JavaScript names', () => {
  it.each(NAMES.filter((name) => name !== '__proto__'))('round-trips a course whose ids are all "%s"', async (id) => {
    const store = createStore({ backend: createMemoryBackend({ [progressKey(COURSE)]: { version: 2, ...workThrough(id) } }) });
    const { document } = await exportAll(store, 100);
    const parsed = parseImport(JSON.stringify(document), [COURSE]);
    expect(parsed.ok && parsed.courses[COURSE]).toEqual(workThrough(id));
  });

  it('refuses "__proto__", which no course can have as an id, and says so', async () => {
    const store = createStore({ backend: createMemoryBackend({ [progressKey(COURSE)]: { version: 2, ...workThrough('__proto__') } }) });
    const { document } = await exportAll(store, 100);
    expect(parseImport(JSON.stringify(document), [COURSE])).toEqual({
      ok: false,
      message: 'This file can\'t be imported: it contains the key "__proto__", which is not allowed. Nothing was changed.',
    });
  });
});
