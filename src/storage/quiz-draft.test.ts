// Issue 11 item 3: the draft of a quiz attempt in progress. It round-trips through localStorage under
// its own key, a timed one expires at its deadline, and anything damaged or no longer fitting the quiz
// (a new course version changed its questions) is discarded, never trusted and never thrown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Quiz } from '../content/schema/quiz.ts';
import { displayOrder } from '../engine/quiz-plan.ts';
import { QUESTIONS, makeQuiz } from '../player/quiz/test-quiz.ts';
import { draftKey } from './keys.ts';
import { clearDraft, DRAFT_VERSION, draftExpired, storedDraft, writeDraft, type QuizDraft } from './quiz-draft.ts';
import { draftProblem, readDraft } from './quiz-draft-check.ts';

/** localStorage as the browser has it, for node. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, String(value));
  removeItem = (key: string) => void this.items.delete(key);
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const quiz = makeQuiz([QUESTIONS.description, QUESTIONS.single, QUESTIONS.ordering, QUESTIONS.matching, QUESTIONS.blanks], { timeLimit: 10 });

function draftOf(over: Partial<QuizDraft> = {}, of: Quiz = quiz): QuizDraft {
  const questions = of.questions;
  return {
    version: DRAFT_VERSION,
    courseId: 'course',
    quizId: of.id,
    attemptId: 'attempt-1',
    startedAt: 1_000,
    savedAt: 2_000,
    deadline: 1_000 + 10 * 60_000,
    questionIds: questions.map((q) => q.id),
    orders: Object.fromEntries(questions.map((q) => [q.id, displayOrder(of, q, 7)])),
    answers: { 'who-buys': { type: 'single', optionId: 'b' } },
    checked: ['who-buys'],
    index: 1,
    ...over,
  };
}

describe('storing a draft', () => {
  it('writes it under coursemark:v1:draft:<course>/<quiz> and reads the same draft back', () => {
    const draft = draftOf();
    expect(writeDraft(draft)).toBe(true);
    expect(draftKey('course', 'final')).toBe('coursemark:v1:draft:course/final');
    expect([...storage.items.keys()]).toEqual(['coursemark:v1:draft:course/final']);
    expect(readDraft('course', quiz)).toEqual({ kind: 'draft', draft });
  });

  it('keeps each course and quiz apart, and clearing removes only its own', () => {
    writeDraft(draftOf());
    writeDraft({ ...draftOf(), courseId: 'other course' });
    expect(storage.items.has(draftKey('other course', 'final'))).toBe(true);
    clearDraft('course', 'final');
    expect(readDraft('course', quiz)).toEqual({ kind: 'none' });
    expect(storedDraft('other course', 'final')).toMatchObject({ courseId: 'other course' });
  });

  it('gives false, not an error, where localStorage refuses writes or is not there', () => {
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(writeDraft(draftOf())).toBe(false);
    vi.stubGlobal('localStorage', undefined);
    expect(writeDraft(draftOf())).toBe(false);
    expect(readDraft('course', quiz)).toEqual({ kind: 'none' });
  });
});

describe('expiry', () => {
  it('a timed draft expires at its deadline (wall-clock), an untimed one never', () => {
    const draft = draftOf({ deadline: 50_000 });
    expect(draftExpired(draft, 49_999)).toBe(false);
    expect(draftExpired(draft, 50_000)).toBe(true);
    expect(draftExpired(draftOf({ deadline: null }), Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('damaged drafts are discarded', () => {
  const damaged: [string, unknown][] = [
    ['not JSON', '{"version":1,'],
    ['null', 'null'],
    ['an array', '[]'],
    ['another version', JSON.stringify(draftOf({ version: 2 as 1 }))],
    ['another quiz', JSON.stringify(draftOf({ quizId: 'other' }))],
    ['no attempt id', JSON.stringify({ ...draftOf(), attemptId: '' })],
    ['a deadline in words', JSON.stringify({ ...draftOf(), deadline: 'soon' })],
    ['a negative start', JSON.stringify(draftOf({ startedAt: -1 }))],
    ['question ids not strings', JSON.stringify({ ...draftOf(), questionIds: [1, 2] })],
    ['an answer of no known type', JSON.stringify(draftOf({ answers: { 'who-buys': { type: 'guess' } as never } }))],
    ['an answer of the wrong shape', JSON.stringify(draftOf({ answers: { 'who-buys': { type: 'single', optionId: 3 } as never } }))],
    ['a fractional index', JSON.stringify(draftOf({ index: 1.5 }))],
    ['orders that are not lists', JSON.stringify({ ...draftOf(), orders: { 'who-buys': 'b,a,c' } })],
  ];

  it.each(damaged)('%s', (_, text) => {
    storage.setItem(draftKey('course', 'final'), text as string);
    expect(readDraft('course', quiz)).toEqual({ kind: 'discarded', reason: 'damaged' });
    expect(storage.items.size).toBe(0);
  });
});

describe('a draft of a quiz that has changed since is discarded', () => {
  const changed: [string, Partial<QuizDraft>][] = [
    ['a question that is gone', { questionIds: ['who-buys', 'removed-question'] }],
    ['a question twice', { questionIds: ['who-buys', 'who-buys'] }],
    ['only text, no question', { questionIds: ['case-intro'], index: 0 }],
    ['a step past the last question', { index: 4 }],
    ['an option order naming an option that is gone', { orders: { ...draftOf().orders, 'who-buys': ['a', 'b', 'x'] } }],
    ['an option order missing an option that was added', { orders: { ...draftOf().orders, 'who-buys': ['a', 'b'] } }],
    ['an answer choosing an option that is gone', { answers: { 'who-buys': { type: 'single', optionId: 'x' } } }],
    ['an answer of another type than its question', { answers: { 'who-buys': { type: 'multiple', optionIds: ['b'] } } }],
    ['an ordering answer with another set of items', { answers: { [QUESTIONS.ordering.id]: { type: 'ordering', order: ['x', 'y'] } } }],
    ['a matching answer naming a pair that is gone', { answers: { [QUESTIONS.matching.id]: { type: 'matching', chosen: { gone: 'Ottawa' } } } }],
    ['a blanks answer for another number of blanks', { answers: { [QUESTIONS.blanks.id]: { type: 'blanks', values: ['a', 'b', 'c', 'd', 'e'] } } }],
    ['an answer to a question not in the attempt', { questionIds: ['who-buys'], index: 0, answers: { [QUESTIONS.blanks.id]: { type: 'blanks', values: [] } } }],
    ['a checked question not in the attempt', { checked: ['elsewhere'] }],
  ];

  it.each(changed)('%s', (_, change) => {
    writeDraft(draftOf(change));
    expect(readDraft('course', quiz)).toEqual({ kind: 'discarded', reason: 'changed' });
    expect(storage.items.size).toBe(0);
  });

  it('when a new course version removes a question, changes its type or its options', () => {
    const draft = draftOf();
    const without = makeQuiz([QUESTIONS.description, QUESTIONS.ordering, QUESTIONS.matching, QUESTIONS.blanks], { timeLimit: 10 });
    const retyped = makeQuiz([QUESTIONS.description, { ...QUESTIONS.multiple, id: 'who-buys' }, QUESTIONS.ordering, QUESTIONS.matching, QUESTIONS.blanks]);
    const moreOptions = makeQuiz([
      QUESTIONS.description,
      { ...QUESTIONS.single, options: [...QUESTIONS.single.options, { id: 'd', html: 'A new option', correct: false, weight: 0 }] },
      QUESTIONS.ordering,
      QUESTIONS.matching,
      QUESTIONS.blanks,
    ]);
    for (const now of [without, retyped, moreOptions]) expect(draftProblem(draft, 'course', now)).toBe('changed');
  });

  it('but resumes when the quiz changed only in ways the attempt does not see (wording, settings)', () => {
    const reworded = makeQuiz(
      [QUESTIONS.description, { ...QUESTIONS.single, promptHtml: '<p>Who is outside the organisation?</p>' }, QUESTIONS.ordering, QUESTIONS.matching, QUESTIONS.blanks],
      { timeLimit: 20, attempts: 3 },
    );
    expect(draftProblem(draftOf(), 'course', reworded)).toBeNull();
  });
});
