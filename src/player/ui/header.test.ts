import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { serviceCourse } from '../routes/fixtures/courses.ts';
import SiteHeader from './SiteHeader.svelte';

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
