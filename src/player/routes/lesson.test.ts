import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import type { Component } from 'svelte';
import LessonPage from './LessonPage.svelte';
import FakeLesson from './fixtures/FakeLesson.svelte';
import { memoryProgress, serviceCourse } from './fixtures/courses.ts';

const loadLesson = vi.fn<(courseId: string, lessonId: string) => Promise<Component>>();

const lesson = (id: string) => serviceCourse.lessons.find((entry) => entry.id === id)!;

beforeEach(() => {
  loadLesson.mockReset();
  loadLesson.mockResolvedValue(FakeLesson as Component);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  window.location.hash = '';
});

describe('lesson page', () => {
  it('renders the loaded lesson inside its lesson context', async () => {
    const progress = await memoryProgress(serviceCourse);
    render(LessonPage, { course: serviceCourse, lesson: lesson('types-of-customers'), progress, loadLesson });
    expect(screen.getByRole('heading', { level: 1, name: 'Types of customers' })).toBeInTheDocument();
    expect(await screen.findByText('Compiled lesson types-of-customers of customer-service')).toBeInTheDocument();
    expect(loadLesson).toHaveBeenCalledWith('customer-service', 'types-of-customers');
    expect(screen.getByText(/Lesson 2 of 3/)).toHaveTextContent('Lesson 2 of 3 · Customers');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(document.title).toBe('Types of customers · Customer service · Coursemark');
  });

  it('records the visit, which becomes the saved position', async () => {
    const progress = await memoryProgress(serviceCourse);
    render(LessonPage, { course: serviceCourse, lesson: lesson('journey'), progress, loadLesson });
    await vi.waitFor(() => expect(progress.progress.position?.lessonId).toBe('journey'));
    expect(progress.progress.lessons.journey).toBeDefined();
  });

  it('goes to the neighbouring lessons with Previous and Next, and Next marks the end reached', async () => {
    const user = userEvent.setup();
    const progress = await memoryProgress(serviceCourse);
    render(LessonPage, { course: serviceCourse, lesson: lesson('types-of-customers'), progress, loadLesson });
    const previous = screen.getByRole('button', { name: 'Previous' });
    const next = screen.getByRole('button', { name: 'Next' });
    expect(previous).toHaveAccessibleDescription('Lesson 1: Welcome');
    expect(next).toHaveAccessibleDescription('Lesson 3: The customer journey');

    await user.click(previous);
    expect(window.location.hash).toBe('#/customer-service/welcome');
    expect(progress.progress.lessons['types-of-customers']?.reachedEnd).toBeUndefined();

    await user.click(next);
    expect(window.location.hash).toBe('#/customer-service/journey');
    expect(progress.progress.lessons['types-of-customers']?.reachedEnd).toEqual(expect.any(Number));
  });

  it('leads from the first lesson back to the contents, and from the last to the quiz not yet passed', async () => {
    const user = userEvent.setup();
    const progress = await memoryProgress(serviceCourse);
    const first = render(LessonPage, { course: serviceCourse, lesson: lesson('welcome'), progress, loadLesson });
    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(window.location.hash).toBe('#/customer-service');
    first.unmount();

    render(LessonPage, { course: serviceCourse, lesson: lesson('journey'), progress, loadLesson });
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAccessibleDescription('Quiz: Final quiz');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(window.location.hash).toBe('#/customer-service/quiz/final');
  });

  it('goes to the contents after the last lesson once every quiz is passed', async () => {
    const progress = await memoryProgress(serviceCourse);
    progress.addAttempt({
      id: 'passed',
      quizId: 'final',
      startedAt: 1,
      finishedAt: 2,
      questionIds: [],
      results: [],
      score: 4,
      maxScore: 4,
      percent: 100,
      passMark: 80,
      passed: true,
    });
    render(LessonPage, { course: serviceCourse, lesson: lesson('journey'), progress, loadLesson });
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAccessibleDescription('Course contents');
  });

  it('follows Alt+Arrow shortcuts, but not while the learner types', async () => {
    const progress = await memoryProgress(serviceCourse);
    render(LessonPage, { course: serviceCourse, lesson: lesson('types-of-customers'), progress, loadLesson });
    expect(screen.getByText('Keyboard shortcuts')).toBeInTheDocument();

    const box = document.createElement('textarea');
    document.body.append(box);
    await fireEvent.keyDown(box, { key: 'ArrowRight', altKey: true });
    expect(window.location.hash).toBe('');
    box.remove();

    await fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(window.location.hash).toBe('');
    await fireEvent.keyDown(window, { key: 'ArrowRight', altKey: true });
    expect(window.location.hash).toBe('#/customer-service/journey');
    await fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true });
    expect(window.location.hash).toBe('#/customer-service/welcome');
  });

  it('marks the end reached when the end of the lesson scrolls into view', async () => {
    let notify: ((entries: Partial<IntersectionObserverEntry>[]) => void) | undefined;
    const observed: Element[] = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
          notify = callback;
        }
        observe(element: Element) {
          observed.push(element);
        }
        disconnect() {}
      },
    );
    try {
      const progress = await memoryProgress(serviceCourse);
      render(LessonPage, { course: serviceCourse, lesson: lesson('welcome'), progress, loadLesson });
      await screen.findByText(/Compiled lesson welcome/);
      // The marker comes after the lesson's content.
      expect(observed).toHaveLength(1);
      expect(screen.getByText(/Compiled lesson welcome/).compareDocumentPosition(observed[0]!)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
      expect(progress.progress.lessons.welcome?.reachedEnd).toBeUndefined();
      notify?.([{ isIntersecting: true }]);
      expect(progress.progress.lessons.welcome?.reachedEnd).toEqual(expect.any(Number));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says "Loading" only when the lesson takes longer than 150 ms', async () => {
    vi.useFakeTimers();
    let arrive: (component: Component) => void = () => {};
    loadLesson.mockReturnValue(new Promise((resolve) => (arrive = resolve)));
    const progress = await memoryProgress(serviceCourse);
    render(LessonPage, { course: serviceCourse, lesson: lesson('welcome'), progress, loadLesson });
    await vi.advanceTimersByTimeAsync(100);
    expect(screen.queryByText('Loading the lesson…')).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the lesson…');
    arrive(FakeLesson as Component);
    await vi.advanceTimersByTimeAsync(0);
    expect(screen.queryByText('Loading the lesson…')).toBeNull();
    expect(screen.getByText(/Compiled lesson welcome/)).toBeInTheDocument();
  });

  it('offers to try again when the lesson cannot be loaded', async () => {
    const user = userEvent.setup();
    loadLesson.mockRejectedValueOnce(new Error('offline'));
    const progress = await memoryProgress(serviceCourse);
    render(LessonPage, { course: serviceCourse, lesson: lesson('welcome'), progress, loadLesson });
    expect(await screen.findByRole('alert')).toHaveTextContent('This lesson could not be loaded');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Compiled lesson welcome/)).toBeInTheDocument();
    expect(loadLesson).toHaveBeenCalledTimes(2);
  });
});

describe('the course outline beside a lesson', () => {
  it('lists every lesson with its state, marks the one being read, and says what is left', async () => {
    const progress = await memoryProgress(serviceCourse);
    progress.visit('welcome');
    progress.reachEnd('welcome');
    render(LessonPage, { course: serviceCourse, lesson: lesson('types-of-customers'), progress, loadLesson });
    const outline = screen.getByRole('navigation', { name: 'Course outline' });
    const links = () => Array.from(outline.querySelectorAll('a')).map((a) => a.textContent?.replace(/\s+/g, ' ').trim());
    // The page records its own visit once progress is restored.
    await vi.waitFor(() => expect(links()).toEqual([
      'Customer service',
      'Done 1. Welcome',
      'In progress 2. Types of customers',
      'Not started 3. The customer journey',
      'Quiz: Final quiz',
    ]));
    expect(outline.querySelector('[aria-current="page"]')).toHaveTextContent('2. Types of customers');
    expect(outline).toHaveTextContent('2 lessons left · about 45 min');
  });
});
