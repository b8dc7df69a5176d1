import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import SettingsPage from './SettingsPage.svelte';
import { Settings } from '../state/settings.svelte.ts';
import { salesCourse, serviceCourse } from './fixtures/courses.ts';
import { createMemoryStore } from '../../storage/store.ts';
import { disposeCourseProgress, getCourseProgress } from '../state/progress-registry.ts';

const courses = [serviceCourse, salesCourse];
const progressOf = (courseId: string) => getCourseProgress(courseId);

beforeEach(async () => {
  await disposeCourseProgress();
  localStorage.clear();
  // Each course's progress is created once, with its manifest and an in-memory store, as the app does.
  for (const course of courses) getCourseProgress(course.id, { store: createMemoryStore(), broadcast: false, course });
});

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.style.removeProperty('--cm-text-scale');
});

function renderSettings(onexport = vi.fn(async () => {})) {
  const settings = new Settings();
  render(SettingsPage, { settings, courses, progressOf, onexport });
  return { settings, onexport };
}

describe('settings page', () => {
  it('switches the theme on <html> and remembers it', async () => {
    const user = userEvent.setup();
    renderSettings();
    const theme = screen.getByRole('group', { name: 'Theme' });
    expect(within(theme).getByRole('radio', { name: 'System' })).toBeChecked();
    expect(document.documentElement).not.toHaveAttribute('data-theme');

    await user.click(within(theme).getByRole('radio', { name: 'Dark' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'dark');
    await user.click(within(theme).getByRole('radio', { name: 'Light' }));
    expect(document.documentElement).toHaveAttribute('data-theme', 'light');

    cleanup();
    renderSettings();
    expect(within(screen.getByRole('group', { name: 'Theme' })).getByRole('radio', { name: 'Light' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: 'System' }));
    expect(document.documentElement).not.toHaveAttribute('data-theme');
  });

  it('sets the text size', async () => {
    const user = userEvent.setup();
    renderSettings();
    await user.click(within(screen.getByRole('group', { name: 'Text size' })).getByRole('radio', { name: 'Larger' }));
    expect(document.documentElement.style.getPropertyValue('--cm-text-scale')).toBe('1.25');
  });

  it('exports progress and says so', async () => {
    const user = userEvent.setup();
    const { onexport } = renderSettings();
    await user.click(screen.getByRole('button', { name: 'Export my progress' }));
    expect(onexport).toHaveBeenCalledOnce();
    expect(await screen.findByText(/Your progress file has been downloaded/)).toBeInTheDocument();
  });

  it('refuses a broken import file with a clear message', async () => {
    const user = userEvent.setup();
    renderSettings();
    const file = new File(['{"not":"progress"'], 'progress.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Import progress'), file);
    expect(await screen.findByText(/can't be imported/)).toHaveTextContent(/Nothing was changed/);
  });

  it('resets a course only after confirming in a dialog', async () => {
    const user = userEvent.setup();
    const progress = progressOf('customer-service');
    await progress.ready;
    progress.visit('welcome');
    renderSettings();

    await user.click(screen.getByRole('button', { name: 'Reset progress for Customer service' }));
    let dialog = screen.getByRole('dialog', { name: 'Reset progress for Customer service?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(progress.progress.lessons.welcome).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Reset progress for Customer service' }));
    dialog = screen.getByRole('dialog', { name: 'Reset progress for Customer service?' });
    await user.click(within(dialog).getByRole('button', { name: 'Reset' }));
    expect(await screen.findByText('Your progress in Customer service has been reset.')).toBeInTheDocument();
    expect(progress.progress.lessons).toEqual({});
    expect(progress.progress.position).toBeNull();
  });
});
