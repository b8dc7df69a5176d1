import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CoursePage from './CoursePage.svelte';
import { memoryProgress, salesCourse, serviceCourse } from './fixtures/courses.ts';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('course home', () => {
  it('shows the course with its estimated time and outcomes', async () => {
    render(CoursePage, { course: serviceCourse, progress: await memoryProgress(serviceCourse) });
    expect(screen.getByRole('heading', { level: 1, name: 'Customer service' })).toBeInTheDocument();
    expect(screen.getByText('About 6 hours')).toBeInTheDocument();
    const outcomes = screen.getByRole('region', { name: 'What you will be able to do' });
    expect(within(outcomes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(serviceCourse.outcomes);
    expect(document.title).toBe('Customer service · Coursemark');
  });

  it('lists every lesson and quiz as a link, grouped by module', async () => {
    render(CoursePage, { course: serviceCourse, progress: await memoryProgress(serviceCourse) });
    const contents = screen.getByRole('region', { name: 'Contents' });
    expect(within(contents).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Getting started', 'Customers']);
    expect(within(contents).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Welcome', '#/customer-service/welcome'],
      ['Types of customers', '#/customer-service/types-of-customers'],
      ['The customer journey', '#/customer-service/journey'],
      ['Quiz: Final quiz', '#/customer-service/quiz/final'],
    ]);
    // The quiz sits in its lesson's row: the contents list it once.
    expect(within(contents).getAllByRole('listitem')).toHaveLength(3);
    // The lesson without a module of its own stays in "Customers".
    const [, customers] = within(contents).getAllByRole('list');
    expect(within(customers!).getByRole('link', { name: 'The customer journey' })).toBeInTheDocument();
  });

  it('says each lesson’s state in words and the quiz’s best score', async () => {
    const progress = await memoryProgress(serviceCourse);
    progress.visit('welcome');
    progress.reachEnd('welcome');
    progress.visit('types-of-customers');
    progress.addAttempt({
      id: 'a1',
      quizId: 'final',
      startedAt: 1,
      finishedAt: 2,
      questionIds: [],
      results: [],
      score: 3,
      maxScore: 4,
      percent: 75,
      passMark: 80,
      passed: false,
    });
    render(CoursePage, { course: serviceCourse, progress });
    const rows = screen.getAllByRole('listitem').filter((item) => item.closest('ol'));
    expect(rows.map((row) => row.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '1 Welcome Done 5 min',
      '2 Types of customers In progress 20 min',
      '3 The customer journey Not started 25 min Quiz: Final quiz Best 75% · Not passed yet',
    ]);
    expect(screen.getByText('1 of 3 lessons done · 0 of 1 quiz passed')).toBeInTheDocument();
  });

  it('shows the course file\'s body on the home', async () => {
    const course = { ...serviceCourse, introHtml: '<p>Work through the lessons <strong>in order</strong>.</p>' };
    render(CoursePage, { course, progress: await memoryProgress(course) });
    expect(screen.getByText(/Work through the lessons/)).toHaveTextContent('Work through the lessons in order.');
  });

  it('says what holds a lesson read to the end', async () => {
    const progress = await memoryProgress(serviceCourse);
    progress.visit('journey');
    progress.reachEnd('journey');
    render(CoursePage, { course: serviceCourse, progress });
    const row = screen.getByRole('link', { name: 'The customer journey' }).closest('li')!;
    expect(row).toHaveTextContent('In progress: 1 quiz to pass');
  });

  it('offers "Start course" on the first lesson when nothing was done yet', async () => {
    const user = userEvent.setup();
    render(CoursePage, { course: serviceCourse, progress: await memoryProgress(serviceCourse) });
    const start = await screen.findByRole('button', { name: 'Start course' });
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull();
    expect(start).toHaveAccessibleDescription('Lesson 1: Welcome');
    await user.click(start);
    expect(window.location.hash).toBe('#/customer-service/welcome');
  });

  it('offers "Resume" to the saved position', async () => {
    const user = userEvent.setup();
    const progress = await memoryProgress(serviceCourse);
    progress.visit('journey');
    progress.visit('welcome');
    progress.visit('types-of-customers');
    render(CoursePage, { course: serviceCourse, progress });
    const resume = await screen.findByRole('button', { name: 'Resume' });
    expect(resume).toHaveAccessibleDescription('Lesson 2: Types of customers');
    await user.click(resume);
    expect(window.location.hash).toBe('#/customer-service/types-of-customers');
  });

  it('leaves the quiz count out for a course without quizzes', async () => {
    render(CoursePage, { course: salesCourse, progress: await memoryProgress(salesCourse) });
    expect(screen.getByText('About 45 minutes')).toBeInTheDocument();
    expect(screen.getByText('0 of 1 lesson done')).toBeInTheDocument();
    expect(screen.queryByText(/quiz/i)).toBeNull();
  });
});
