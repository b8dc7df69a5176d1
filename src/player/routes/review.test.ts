import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ReviewPage from './ReviewPage.svelte';
import ReviewDue from './ReviewDue.svelte';
import { memoryProgress, salesCourse, serviceCourse } from './fixtures/courses.ts';
import type { Quiz } from '../../content/schema/quiz.ts';
import type { QuizAttempt } from '../../engine/progress-types.ts';
import { createMemoryBackend, createStore } from '../../storage/store.ts';
import { REVIEW_QUEUE_KEY } from '../../storage/review-queue-store.ts';
import type { ReviewQueue } from '../../engine/review-queue.ts';

// The first render compiles the quiz's question components, slow on a busy machine: see the timeout below.
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const DAY = 86_400_000;
const T0 = new Date(2026, 11, 1, 9, 0).getTime();

const quiz: Quiz = {
  id: 'final',
  title: 'Final quiz',
  lessonId: 'journey',
  passMark: 80,
  settings: { shuffleQuestions: false, shuffleOptions: false, feedback: 'immediate' },
  questions: [
    { id: 'q1', type: 'truefalse', promptHtml: '<p>A customer is always external.</p>', points: 1, answer: false },
    { id: 'q2', type: 'truefalse', promptHtml: '<p>A consumer uses the product.</p>', points: 1, answer: true },
  ],
};

const missed = (finishedAt: number): QuizAttempt => ({
  id: `a${finishedAt}`,
  quizId: 'final',
  startedAt: finishedAt - 10,
  finishedAt,
  questionIds: ['q1', 'q2'],
  results: [
    { questionId: 'q1', answer: { type: 'truefalse', value: true }, score: 0, max: 1 },
    { questionId: 'q2', answer: { type: 'truefalse', value: true }, score: 1, max: 1 },
  ],
  score: 1,
  maxScore: 2,
  percent: 50,
  passMark: 80,
  passed: false,
});

async function setUp() {
  const service = await memoryProgress(serviceCourse, () => T0);
  const sales = await memoryProgress(salesCourse, () => T0);
  service.addAttempt(missed(T0 - 1000));
  service.setNote('journey', 'case-study-john-lewis', 'q1', 'Healthy food');
  service.assess('journey', 'case-study-john-lewis', 'q1', 'partly');
  const backend = createMemoryBackend();
  const progressOf = (id: string) => (id === service.courseId ? service : sales);
  return { service, backend, store: createStore({ backend }), progressOf };
}

const stored = (backend: ReturnType<typeof createMemoryBackend>) => backend.data.get(REVIEW_QUEUE_KEY) as { version: number } & ReviewQueue;

describe('the Review page', () => {
  it('asks the missed quiz question and the case-study question again, and reschedules each from the answer', async () => {
    const user = userEvent.setup();
    const { backend, store, progressOf } = await setUp();
    const loadQuiz = vi.fn(async () => quiz);
    const loadCourseDetails = vi.fn(async () => serviceCourse);
    const content = { catalogue: { courses: [] }, loadCourse: vi.fn(), loadQuiz, loadCourseDetails, loadLesson: vi.fn() };
    render(ReviewPage, { courses: [serviceCourse, salesCourse], progressOf, content, store, now: () => T0 });

    expect(await screen.findByText('2 questions due today:')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Question 1 of 2' })).toBeInTheDocument();
    // The quiz question, through the quiz's own true/false component: answered right this time.
    expect(await screen.findByText('A customer is always external.')).toBeInTheDocument();
    expect(screen.queryByText('A consumer uses the product.')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'False' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(await screen.findByText(/You will see this question again on/)).toBeInTheDocument();
    await vi.waitFor(() => expect(stored(backend).cards['customer-service/quiz/final/q1']!.memory?.reps).toBe(1));
    expect(stored(backend).version).toBe(1);
    expect(stored(backend).cards['customer-service/quiz/final/q1']!.due).toBeGreaterThan(T0 + 2 * DAY);

    await user.click(screen.getByRole('button', { name: 'Next question' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Question 2 of 2' })).toHaveFocus();
    expect(await screen.findByText('What nutritional aims does John Lewis have?')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Missed' }));
    expect(await screen.findByText(/You will see this question again on/)).toBeInTheDocument();
    await vi.waitFor(() => expect(stored(backend).cards['customer-service/case/journey/case-study-john-lewis/q1']!.due).toBe(T0 + DAY));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.getByRole('heading', { level: 2, name: 'All done for today' })).toBeInTheDocument();
  }, 20_000);

  it('says when nothing is due, and when the next review is', async () => {
    const { store, backend } = await setUp();
    backend.data.set(REVIEW_QUEUE_KEY, {
      version: 1,
      cards: { k: { source: { kind: 'quiz', courseId: 'sales-basics', quizId: 'x', questionId: 'y' }, due: T0 + 3 * DAY, missedAt: T0, updatedAt: T0 } },
    });
    const sales = await memoryProgress(salesCourse, () => T0);
    const content = { catalogue: { courses: [] }, loadCourse: vi.fn(), loadQuiz: vi.fn(), loadCourseDetails: vi.fn(), loadLesson: vi.fn() };
    render(ReviewPage, { courses: [salesCourse], progressOf: () => sales, content, store, now: () => T0 });
    expect(await screen.findByText(/Nothing is due today/)).toBeInTheDocument();
    expect(screen.getByText(/Your next review is on/)).toBeInTheDocument();
  });
});

describe('questions due on the course home', () => {
  it('counts this course\'s due questions and links to the Review page', async () => {
    const { service, store, backend } = await setUp();
    render(ReviewDue, { progress: service, store, now: () => T0 });
    const link = await screen.findByRole('link', { name: '2 questions due' });
    expect(link).toHaveAttribute('href', '#/review');
    expect(Object.keys(stored(backend).cards)).toHaveLength(2);
  });

  it('says nothing about review when nothing is due, and always offers search', async () => {
    const sales = await memoryProgress(salesCourse, () => T0);
    render(ReviewDue, { progress: sales, store: createStore({ backend: createMemoryBackend() }), now: () => T0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('link', { name: 'Search this course' })).toHaveAttribute('href', '#/sales-basics/search');
    expect(screen.queryByText(/due/)).toBeNull();
  });
});
