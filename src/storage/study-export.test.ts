import { describe, expect, it } from 'vitest';
import type { ReviewCard } from '../engine/review-queue.ts';
import { exportAll, parseImport } from './export.ts';
import { LEARNER_NAME_KEY, readLearnerName, writeLearnerName } from './learner-name.ts';
import { REVIEW_QUEUE_KEY } from './review-queue-store.ts';
import { createMemoryBackend, createStore } from './store.ts';
import { importStudy, importStudyTools, parseStudy } from './study-export.ts';
import { readReminder, writeReminder } from './reminder-choices.ts';

const KNOWN = ['external-customers', 'customer-needs'];
const NOW = Date.UTC(2026, 11, 1);

/** localStorage as the study tools use it. */
function memoryLocal(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

const card = (questionId: string, updatedAt: number, courseId = 'external-customers'): ReviewCard => ({
  source: { kind: 'quiz', courseId, quizId: 'final', questionId },
  due: updatedAt + 1000,
  missedAt: updatedAt,
  updatedAt,
});
const key = (questionId: string, courseId = 'external-customers') => `${courseId}/quiz/final/${questionId}`;

describe('the study tools in the progress file', () => {
  it('exports the review queue, the name and the study plans (not the day a notification was shown)', async () => {
    const local = memoryLocal();
    writeLearnerName('Ada Lovelace', local);
    writeReminder('external-customers', { days: [1, 3], time: '18:00', sessionMinutes: 30, notifiedOn: '2026-11-30' }, local);
    const backend = createMemoryBackend({ [REVIEW_QUEUE_KEY]: { version: 1, cards: { [key('q1')]: card('q1', 5) } } });
    const { document, warnings } = await exportAll(createStore({ backend }), NOW, [], local);
    expect(warnings).toEqual([]);
    expect(document.reviewQueue).toEqual({ version: 1, cards: { [key('q1')]: card('q1', 5) } });
    expect(document.learnerName).toBe('Ada Lovelace');
    expect(document.studyReminders).toEqual({ 'external-customers': { days: [1, 3], time: '18:00', sessionMinutes: 30 } });
    // And back: the file's study part reads as it was written.
    const parsed = parseImport(JSON.stringify(document), KNOWN, NOW);
    expect(parsed.ok && parsed.study).toEqual({
      reviewQueue: document.reviewQueue,
      learnerName: 'Ada Lovelace',
      studyReminders: document.studyReminders,
    });
  });

  it('leaves out what is not set, so an export without study tools looks as it did', async () => {
    const { document } = await exportAll(createStore({ backend: createMemoryBackend() }), NOW, [], memoryLocal());
    expect(Object.keys(document).sort()).toEqual(['courses', 'exportedAt', 'format', 'version']);
    expect(parseImport(JSON.stringify(document), KNOWN, NOW)).toEqual({ ok: true, courses: {} });
  });

  it('files each card under its own source, and dates a change from the future now', () => {
    const parsed = parseStudy({ reviewQueue: { version: 1, cards: { elsewhere: card('q1', NOW + 86_400_000) } } }, KNOWN, NOW);
    expect(parsed).toEqual({ ok: true, value: { reviewQueue: { version: 1, cards: { [key('q1')]: { ...card('q1', NOW + 86_400_000), updatedAt: NOW } } } } });
  });

  it('keeps an empty name out, and reads a file without study tools as before', () => {
    expect(parseStudy({ learnerName: '   ' }, KNOWN, NOW)).toEqual({ ok: true, value: undefined });
    expect(parseStudy({}, KNOWN, NOW)).toEqual({ ok: true, value: undefined });
  });
});

describe('importing the study tools', () => {
  it('merges review cards by their latest change and keeps this device’s other cards', async () => {
    const backend = createMemoryBackend({ [REVIEW_QUEUE_KEY]: { version: 1, cards: { [key('q1')]: card('q1', 50), [key('q2')]: card('q2', 10) } } });
    const problems = await importStudy(createStore({ backend }), { reviewQueue: { version: 1, cards: { [key('q1')]: card('q1', 20), [key('q2')]: card('q2', 30), [key('q3')]: card('q3', 1) } } }, memoryLocal());
    expect(problems).toEqual([]);
    const stored = backend.data.get(REVIEW_QUEUE_KEY) as { cards: Record<string, ReviewCard> };
    expect(stored.cards).toEqual({ [key('q1')]: card('q1', 50), [key('q2')]: card('q2', 30), [key('q3')]: card('q3', 1) });
  });

  it('keeps the name and the study plans set on this device, and takes the file’s where none is set', async () => {
    const local = memoryLocal();
    const store = createStore({ backend: createMemoryBackend() });
    writeReminder('external-customers', { days: [6], time: '09:00', sessionMinutes: 45 }, local);
    await importStudy(store, {
      learnerName: 'From the file',
      studyReminders: {
        'external-customers': { days: [1], time: '18:00', sessionMinutes: 30 },
        'customer-needs': { days: [2, 4], time: '07:30', sessionMinutes: 20 },
      },
    }, local);
    expect(readLearnerName(local)).toBe('From the file');
    expect(readReminder('external-customers', local)).toEqual({ days: [6], time: '09:00', sessionMinutes: 45 });
    expect(readReminder('customer-needs', local)).toEqual({ days: [2, 4], time: '07:30', sessionMinutes: 20 });
    await importStudy(store, { learnerName: 'Someone else' }, local);
    expect(JSON.parse(local.data.get(LEARNER_NAME_KEY)!)).toEqual({ version: 1, name: 'From the file' });
  });

  it('says what could not be saved instead of throwing', async () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const problems = await importStudy(createStore({ backend: createMemoryBackend() }), { learnerName: 'Ada', studyReminders: { 'customer-needs': { days: [1], time: '18:00', sessionMinutes: 30 } } }, full);
    expect(problems).toEqual(['the name could not be saved', 'the study plan for "customer-needs" could not be saved']);
  });
});

describe('the sentence the learner reads after an import', () => {
  it('is empty without study tools, and names what could not be saved', async () => {
    const store = createStore({ backend: createMemoryBackend() });
    expect(await importStudyTools(store, undefined, memoryLocal())).toBe('');
    expect(await importStudyTools(store, { learnerName: 'Ada' }, memoryLocal())).toBe(' Your review questions and study choices were imported.');
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(await importStudyTools(store, { learnerName: 'Ada' }, full)).toBe(
      ' Your review questions and study choices were imported (not saved on this device: the name could not be saved).',
    );
  });
});
