import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import App from '../App.svelte';
import type { ContentSource } from './resolve.ts';
import { cardCatalogue } from '../../content/schema/course-pack.ts';
import FakeLesson from './fixtures/FakeLesson.svelte';
import { salesCourse, serviceCourse } from './fixtures/courses.ts';
import { createMemoryStore, createStore, type ProgressStore } from '../../storage/store.ts';
import userEvent from '@testing-library/user-event';
import { disposeCourseProgress, getCourseProgress } from '../state/progress-registry.ts';
import { appUpdate } from '../state/app-update.svelte.ts';

// Every course's progress lives in a fresh in-memory store per test.
const memory = vi.hoisted(() => ({ store: undefined as ProgressStore | undefined }));
vi.mock('../state/progress-registry.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../state/progress-registry.ts')>();
  return {
    ...real,
    getCourseProgress: (courseId: string, options: Parameters<typeof real.getCourseProgress>[1] = {}) =>
      real.getCourseProgress(courseId, { ...options, store: memory.store, broadcast: false }),
  };
});
vi.mock('../state/progress-files.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../state/progress-files.ts')>()),
  exportAllProgress: async () => ({ json: '{"format":"coursemark-progress"}\n', fileName: 'coursemark-progress.json', courseCount: 1, warnings: [] }),
}));

const content: ContentSource = {
  catalogue: cardCatalogue({ courses: [serviceCourse, salesCourse] }),
  loadCourse: vi.fn((courseId: string) => [serviceCourse, salesCourse].find((course) => course.id === courseId)!),
  loadLesson: vi.fn(async () => FakeLesson as Component),
  loadQuiz: vi.fn(async () => {
    throw new Error('no quizzes in these tests');
  }),
  loadCourseDetails: vi.fn(async (courseId: string) => [serviceCourse, salesCourse].find((course) => course.id === courseId)!),
};

function go(hash: string): void {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  flushSync();
}

function main(): HTMLElement {
  return screen.getByRole('main');
}

// Pages load on demand; compiling them the first time takes longer than a query waits.
beforeAll(async () => {
  await Promise.all([import('./LessonPage.svelte'), import('./SettingsPage.svelte')]);
}, 30_000);

beforeEach(async () => {
  await disposeCourseProgress();
  memory.store = createMemoryStore();
  window.location.hash = '';
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  window.location.hash = '';
});

describe('the player shell', () => {
  it('lists every course on the catalogue as a link inside main', () => {
    render(App, { content });
    expect(within(main()).getByRole('heading', { level: 1, name: 'Your courses' })).toBeInTheDocument();
    const links = within(main()).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Customer service', '#/customer-service'],
      ['Sales basics', '#/sales-basics'],
    ]);
    expect(within(main()).getAllByText('Not started')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument();
    expect(document.title).toBe('Your courses · Coursemark');
  });

  it('shows the learner’s progress on each course card', async () => {
    const progress = getCourseProgress('customer-service', { course: serviceCourse });
    await progress.ready;
    progress.visit('welcome');
    progress.reachEnd('welcome');
    render(App, { content });
    // One of three lessons and no quiz: 1 of 4 things done.
    expect(within(main()).getByText('25% complete')).toBeInTheDocument();
  });

  it('moves focus to the new page’s heading and announces it after a navigation', async () => {
    render(App, { content });
    expect(document.activeElement).toBe(document.body);
    go('#/customer-service');
    const heading = screen.getByRole('heading', { level: 1, name: 'Customer service' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText('Customer service', { selector: '[aria-live]' })).toBeInTheDocument();
    expect(document.title).toBe('Customer service · Coursemark');
  });

  it('shows the course in the header with its pages, marking the current one', () => {
    window.location.hash = '#/customer-service/notes';
    render(App, { content });
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Customer service')).toBeInTheDocument();
    const nav = within(banner).getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Contents', '#/customer-service'],
      ['My notes', '#/customer-service/notes'],
      ['Progress', '#/customer-service/progress'],
      ['Settings', '#/settings'],
    ]);
    expect(within(nav).getByRole('link', { name: 'My notes' })).toHaveAttribute('aria-current', 'page');
    expect(within(banner).getByRole('link', { name: 'Coursemark' })).toHaveAttribute('href', '#/');
  });

  it('keeps the last course in the header on the settings page', async () => {
    window.location.hash = '#/sales-basics';
    render(App, { content });
    go('#/settings');
    expect(await within(main()).findByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Contents' })).toHaveAttribute('href', '#/sales-basics');
  });

  it('opens a deep link to a lesson, not the saved position', async () => {
    const progress = getCourseProgress('customer-service', { course: serviceCourse });
    await progress.ready;
    progress.visit('journey');
    window.location.hash = '#/customer-service/welcome';
    render(App, { content });
    expect(await within(main()).findByRole('heading', { level: 1, name: 'Welcome' })).toBeInTheDocument();
    expect(await within(main()).findByText('Compiled lesson welcome of customer-service')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it.each([
    ['#/no-such-course', undefined],
    ['#/customer-service/no-such-lesson', 'customer-service'],
    ['#/customer-service/quiz/no-such-quiz', 'customer-service'],
    ['#/customer-service/quiz/final/nonsense', undefined],
    ['#/Customer Service!', undefined],
  ])('answers %s with a friendly "Page not found"', (hash, courseId) => {
    window.location.hash = hash;
    render(App, { content });
    expect(within(main()).getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(within(main()).getByRole('link', { name: 'See all courses' })).toHaveAttribute('href', '#/');
    const home = within(main()).queryByRole('link', { name: /Go to the contents/ });
    expect(home?.getAttribute('href')).toBe(courseId ? `#/${courseId}` : undefined);
    expect(document.title).toMatch(/^Page not found · /);
  });

  it('tells the learner when they are offline that their work is still saved', () => {
    render(App, { content });
    expect(screen.queryByText(/Offline/)).toBeNull();
    window.dispatchEvent(new Event('offline'));
    flushSync();
    expect(screen.getByText('Offline: everything you do is saved on this device.')).toBeInTheDocument();
    window.dispatchEvent(new Event('online'));
    flushSync();
    expect(screen.queryByText(/Offline/)).toBeNull();
  });

  it('warns calmly when progress cannot be saved, and offers the export right there', async () => {
    const user = userEvent.setup();
    memory.store = createStore({
      backend: async () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    });
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:progress';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    window.location.hash = '#/customer-service';
    render(App, { content });
    const banner = screen.getByRole('banner');
    const exportButton = await within(banner).findByRole('button', { name: 'Export my progress' });
    expect(within(banner).getByRole('status')).toHaveTextContent(/can't be saved on this device/);
    await user.click(exportButton);
    // The export code loads on demand, so the download starts a moment after the click.
    await waitFor(() => expect(click).toHaveBeenCalledOnce());
    expect(await files[0]!.text()).toBe('{"format":"coursemark-progress"}\n');
  });

  it('says which courses are saved for offline use, on their cards and their homes', () => {
    appUpdate.offlineCourses = ['customer-service'];
    try {
      go('#/');
      render(App, { content });
      const card = (title: string) => within(main()).getByRole('link', { name: title }).closest('li')!;
      expect(within(card(serviceCourse.title)).getByText('Available offline')).toBeInTheDocument();
      expect(within(card(salesCourse.title)).queryByText('Available offline')).toBeNull();
      go('#/customer-service');
      expect(within(main()).getByText('Available offline')).toBeInTheDocument();
      go(`#/${salesCourse.id}`);
      expect(within(main()).queryByText('Available offline')).toBeNull();
    } finally {
      appUpdate.offlineCourses = [];
    }
  });

  it('offers a new version of the courses when one is waiting', async () => {
    const user = userEvent.setup();
    const apply = vi.spyOn(appUpdate, 'apply').mockImplementation(() => {});
    render(App, { content });
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
    appUpdate.updateAvailable = true;
    flushSync();
    try {
      const banner = screen.getByRole('banner');
      expect(within(banner).getByRole('status')).toHaveTextContent('A new version of the courses is ready.');
      await user.click(within(banner).getByRole('button', { name: 'Update now' }));
      expect(apply).toHaveBeenCalledOnce();
    } finally {
      appUpdate.updateAvailable = false;
    }
  });
});
