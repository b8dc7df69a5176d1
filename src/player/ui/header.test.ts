import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { OFFLINE_NOTICE_KEY } from '../../storage/keys.ts';
import { serviceCourse } from '../routes/fixtures/courses.ts';
import { OfflineNotice } from './offline-notice.svelte.ts';
import SiteHeader from './SiteHeader.svelte';
import StatusLine from './StatusLine.svelte';

const READY = 'Available offline: every course on this site works without a connection.';

afterEach(() => cleanup());

describe('site header on a phone', () => {
  it('opens the links from Menu and closes them when one is chosen', async () => {
    const user = userEvent.setup();
    render(SiteHeader, { course: serviceCourse, current: 'lesson' });
    const menu = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveAttribute('aria-controls', nav.id);
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    await user.click(within(nav).getByRole('link', { name: 'My notes' }));
    expect(menu).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('the offline notice', () => {
  it('is shown in full on the first load (no badge yet), and remembered for the next', () => {
    localStorage.clear();
    const update = { updateAvailable: false, offlineReady: true, apply: () => {} };
    render(SiteHeader, { current: 'catalogue', offlineReady: true });
    render(StatusLine, { update, onexport: async () => {} });
    expect(screen.getByText(READY)).toBeInTheDocument();
    expect(screen.queryByText('Available offline')).toBeNull();
    expect(localStorage.getItem(OFFLINE_NOTICE_KEY)).toBe('1');
  });

  it('knows on a later load that the full notice was seen, so the header shows the badge instead', () => {
    localStorage.clear();
    expect(new OfflineNotice().seenBefore).toBe(false);
    new OfflineNotice().markSeen();
    expect(new OfflineNotice().seenBefore).toBe(true);
  });
});
