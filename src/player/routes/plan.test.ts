// The study plan's fields (value + oninput, not bind:value: see tests/first-load-code.test.ts) still
// drive the plan and are kept for the next visit.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import PlanPage from './PlanPage.svelte';
import { serviceCourse } from './fixtures/courses.ts';
import { readReminder } from '../../storage/reminder-choices.ts';
import type { StudyPageProps } from './study-pages.ts';

afterEach(cleanup);

const props = (): StudyPageProps => ({
  page: { kind: 'plan', course: serviceCourse },
  courses: [serviceCourse],
  progressOf: () => {
    throw new Error('the plan page needs no progress');
  },
  content: {} as StudyPageProps['content'],
});

describe('study plan page', () => {
  it('spreads the course over sessions of the length typed, and keeps the time and length', async () => {
    const user = userEvent.setup();
    render(PlanPage, props());
    const total = serviceCourse.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0);
    const minutes = screen.getByLabelText('Minutes per session');
    await user.clear(minutes);
    await user.type(minutes, '5');
    expect(screen.getByText(new RegExp(`^${Math.ceil(total / 5)} sessions?, finishing on`))).toBeInTheDocument();
    const time = screen.getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '07:30');
    expect(readReminder(serviceCourse.id)).toMatchObject({ time: '07:30', sessionMinutes: 5 });
  });
});
