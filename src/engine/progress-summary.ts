// A learner's progress as a compact summary an LMS can hold for us (SCORM suspend_data), at a chosen
// level of detail: each level drops what matters least, so the caller can step down until it fits.
// Pure: no compression or encoding here (src/lms/suspend-data.ts), and reading a summary back checks
// every field, because what an LMS hands back is untrusted text.
import type { Answer, BlockProgress, CourseProgress, LessonProgress, Note, QuizAttempt, QuestionResult, Rating } from './progress-types.ts';

/**
 * Levels of detail, most first. What each level drops is gone from the summary only: notes stay on
 * the device, and the device keeps everything else too.
 */
export const SUMMARY_LEVELS = ['everything', 'no-notes', 'no-interactions', 'no-answers', 'no-question-scores', 'best-attempts', 'completion-only'] as const;
export type SummaryLevel = (typeof SUMMARY_LEVELS)[number];

/**
 * Lesson: [firstVisit, lastVisit, timeSpent s, reachedEnd, completedAt] (times in s from `t`; -1 = unset),
 * or just [completedAt] at `completion-only`.
 */
type LessonRow = [number, number, number, number, number] | [number];
/** Question result: [questionId, score, max, answer?]. */
type ResultRow = [string, number, number, Answer?];

interface AttemptRow {
  id: string;
  q: string;
  s: number;
  f: number;
  ids?: string[];
  res?: ResultRow[];
  sc: number;
  mx: number;
  pc: number;
  pm: number;
  ok: 0 | 1;
}

/** The summary as JSON-ready data. Short keys: it is stored in a few kilobytes. */
export interface ProgressSummary {
  v: 1;
  c: string;
  /** Base time, epoch seconds; every other time is seconds after it. */
  t: number;
  u: number;
  p: [string, number] | null;
  l: Record<string, LessonRow>;
  a: AttemptRow[];
  b?: Record<string, [number, number, number]>;
  n?: Record<string, Note>;
  r?: Record<string, Rating>;
}

const rank = (level: SummaryLevel): number => SUMMARY_LEVELS.indexOf(level);

/** The attempts kept at `best-attempts`: per quiz the best (by percent) and the latest. */
function bestAndLatest(attempts: QuizAttempt[]): QuizAttempt[] {
  const keep = new Set<QuizAttempt>();
  const byQuiz = new Map<string, QuizAttempt[]>();
  for (const attempt of attempts) byQuiz.set(attempt.quizId, [...(byQuiz.get(attempt.quizId) ?? []), attempt]);
  for (const list of byQuiz.values()) {
    keep.add(list.reduce((a, b) => (b.percent > a.percent ? b : a)));
    keep.add(list.reduce((a, b) => (b.finishedAt > a.finishedAt ? b : a)));
  }
  return attempts.filter((attempt) => keep.has(attempt));
}

function earliestTime(progress: CourseProgress): number {
  let earliest = progress.updatedAt;
  for (const lesson of Object.values(progress.lessons)) earliest = Math.min(earliest, lesson.firstVisit);
  for (const attempt of progress.attempts) earliest = Math.min(earliest, attempt.startedAt);
  return Math.floor(earliest / 1000);
}

/** The summary of `progress` at `level` of detail. */
export function summariseProgress(progress: CourseProgress, level: SummaryLevel = 'everything'): ProgressSummary {
  const base = earliestTime(progress);
  const at = (ms: number | undefined | null): number => (typeof ms === 'number' ? Math.max(0, Math.round(ms / 1000) - base) : -1);
  const lessons: Record<string, LessonRow> = {};
  for (const [id, lesson] of Object.entries(progress.lessons)) {
    if (rank(level) >= rank('completion-only')) {
      if (lesson.completedAt !== undefined) lessons[id] = [at(lesson.completedAt)];
      continue;
    }
    lessons[id] = [at(lesson.firstVisit), at(lesson.lastVisit), Math.round(lesson.timeSpentMs / 1000), at(lesson.reachedEnd), at(lesson.completedAt)];
  }
  const attempts = rank(level) >= rank('best-attempts') ? bestAndLatest(progress.attempts) : progress.attempts;
  const summary: ProgressSummary = {
    v: 1,
    c: progress.courseId,
    t: base,
    u: at(progress.updatedAt),
    p: progress.position ? [progress.position.lessonId, at(progress.position.at)] : null,
    l: lessons,
    a: attempts.map((attempt) => attemptRow(attempt, level, at)),
  };
  if (rank(level) < rank('no-interactions')) {
    summary.b = Object.fromEntries(
      Object.entries(progress.blocks).map(([key, block]) => [key, [at(block.revealedAt), block.doneAt === null ? -2 : at(block.doneAt), at(block.changedAt)]]),
    );
    summary.r = Object.fromEntries(Object.entries(progress.ratings).map(([key, rating]) => [key, { value: rating.value, at: at(rating.at) }]));
  }
  if (rank(level) < rank('no-notes')) {
    summary.n = Object.fromEntries(
      Object.entries(progress.notes).map(([key, note]) => [key, { ...note, updatedAt: at(note.updatedAt), ...(note.assessedAt !== undefined ? { assessedAt: at(note.assessedAt) } : {}) }]),
    );
  }
  return summary;
}

function attemptRow(attempt: QuizAttempt, level: SummaryLevel, at: (ms: number) => number): AttemptRow {
  const row: AttemptRow = {
    id: attempt.id,
    q: attempt.quizId,
    s: at(attempt.startedAt),
    f: at(attempt.finishedAt),
    sc: attempt.score,
    mx: attempt.maxScore,
    pc: attempt.percent,
    pm: attempt.passMark,
    ok: attempt.passed ? 1 : 0,
  };
  if (rank(level) < rank('no-question-scores')) {
    row.ids = attempt.questionIds;
    const withAnswers = rank(level) < rank('no-answers');
    row.res = attempt.results.map((r): ResultRow => (withAnswers ? [r.questionId, r.score, r.max, r.answer] : [r.questionId, r.score, r.max]));
  }
  return row;
}

// Reading back: anything of the wrong shape is left out, never trusted.
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 500;
const ANSWER_TYPES = new Set(['single', 'multiple', 'truefalse', 'short', 'numeric', 'blanks', 'matching', 'ordering', 'essay', 'description']);

/** Sets a key on a plain record without ever touching a prototype (keys come from the LMS). */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') return;
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The progress a summary holds, or null when it is not a summary of this course. Fields a lower
 * level dropped come back empty (the device's copy fills them in when the two are merged).
 */
export function progressFromSummary(data: unknown, courseId: string): CourseProgress | null {
  if (!isObject(data) || data.v !== 1 || data.c !== courseId || !isNumber(data.t) || !isObject(data.l) || !Array.isArray(data.a)) return null;
  const base = data.t;
  const ms = (value: unknown): number | undefined => (isNumber(value) && value >= 0 ? (base + value) * 1000 : undefined);
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, row] of Object.entries(data.l)) {
    if (!Array.isArray(row) || (row.length !== 5 && row.length !== 1) || !row.every(isNumber)) continue;
    const [first, last, spent, end, done] = row.length === 1 ? [row[0], row[0], 0, row[0], row[0]] : (row as number[]);
    const lesson: LessonProgress = { firstVisit: ms(first) ?? base * 1000, lastVisit: ms(last) ?? base * 1000, timeSpentMs: Math.max(0, spent) * 1000 };
    if (ms(end) !== undefined) lesson.reachedEnd = ms(end);
    if (ms(done) !== undefined) lesson.completedAt = ms(done);
    put(lessons, id, lesson);
  }
  const position = Array.isArray(data.p) && isText(data.p[0]) && ms(data.p[1]) !== undefined ? { lessonId: data.p[0], at: ms(data.p[1])! } : null;
  return {
    courseId,
    lessons,
    blocks: readBlocks(data.b, ms),
    notes: readNotes(data.n, ms),
    ratings: readRatings(data.r, ms),
    attempts: data.a.map((row) => readAttempt(row, ms)).filter((attempt): attempt is QuizAttempt => attempt !== null),
    position,
    updatedAt: ms(data.u) ?? base * 1000,
  };
}

function readBlocks(value: unknown, ms: (v: unknown) => number | undefined): Record<string, BlockProgress> {
  const blocks: Record<string, BlockProgress> = {};
  if (!isObject(value)) return blocks;
  for (const [key, row] of Object.entries(value)) {
    if (!Array.isArray(row) || row.length !== 3 || !row.every(isNumber)) continue;
    const block: BlockProgress = {};
    if (ms(row[0]) !== undefined) block.revealedAt = ms(row[0]);
    if (row[1] === -2) block.doneAt = null;
    else if (ms(row[1]) !== undefined) block.doneAt = ms(row[1]);
    if (ms(row[2]) !== undefined) block.changedAt = ms(row[2]);
    put(blocks, key, block);
  }
  return blocks;
}

function readNotes(value: unknown, ms: (v: unknown) => number | undefined): Record<string, Note> {
  const notes: Record<string, Note> = {};
  if (!isObject(value)) return notes;
  for (const [key, note] of Object.entries(value)) {
    if (!isObject(note) || typeof note.text !== 'string' || ms(note.updatedAt) === undefined) continue;
    const kept: Note = { text: note.text, updatedAt: ms(note.updatedAt)! };
    if (note.assessment === 'got' || note.assessment === 'partly' || note.assessment === 'missed') kept.assessment = note.assessment;
    if (ms(note.assessedAt) !== undefined) kept.assessedAt = ms(note.assessedAt);
    put(notes, key, kept);
  }
  return notes;
}

function readRatings(value: unknown, ms: (v: unknown) => number | undefined): Record<string, Rating> {
  const ratings: Record<string, Rating> = {};
  if (!isObject(value)) return ratings;
  for (const [key, rating] of Object.entries(value)) {
    if (isObject(rating) && typeof rating.value === 'string' && ms(rating.at) !== undefined) put(ratings, key, { value: rating.value, at: ms(rating.at)! });
  }
  return ratings;
}

function readAttempt(row: unknown, ms: (v: unknown) => number | undefined): QuizAttempt | null {
  if (!isObject(row) || !isText(row.id) || !isText(row.q) || ms(row.s) === undefined || ms(row.f) === undefined) return null;
  if (![row.sc, row.mx, row.pc, row.pm].every(isNumber) || (row.ok !== 0 && row.ok !== 1)) return null;
  const results: QuestionResult[] = [];
  for (const result of Array.isArray(row.res) ? row.res : []) {
    if (!Array.isArray(result) || !isText(result[0]) || !isNumber(result[1]) || !isNumber(result[2])) continue;
    const answer = isObject(result[3]) && ANSWER_TYPES.has(result[3].type as string) ? (result[3] as Answer) : ({ type: 'description' } as Answer);
    results.push({ questionId: result[0], score: result[1], max: result[2], answer });
  }
  const ids = Array.isArray(row.ids) ? row.ids.filter(isText) : results.map((result) => result.questionId);
  return {
    id: row.id,
    quizId: row.q,
    startedAt: ms(row.s)!,
    finishedAt: ms(row.f)!,
    questionIds: ids,
    results,
    score: row.sc as number,
    maxScore: row.mx as number,
    percent: row.pc as number,
    passMark: row.pm as number,
    passed: row.ok === 1,
  };
}
