import '@testing-library/svelte/vitest';
import { screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CourseManifest } from '../../content/schema/manifest.ts';
import type { QuizAttempt } from '../../engine/progress-types.ts';
import QuizBlock from './QuizBlock.svelte';
import { TestProgress } from '../../../tests/helpers/test-progress.svelte.ts';
import { renderInLesson } from '../../../tests/helpers/test-render.ts';

const props = { id: 'final', title: 'End-of-module quiz', questions: '12', pass: '80' };

function attempt(quizId: string, percent: number, passed: boolean): QuizAttempt {
  return {
    id: `${quizId}-${percent}`,
    quizId,
    startedAt: 1,
    finishedAt: 2,
    questionIds: [],
    results: [],
    score: percent,
    maxScore: 100,
    percent,
    passMark: 80,
    passed,
  };
}

function card() {
  return within(screen.getByRole('region', { name: 'Quiz: End-of-module quiz' }));
}

describe('QuizBlock', () => {
  it('invites a first attempt', () => {
    renderInLesson(QuizBlock, props);

    expect(card().getByText('12 questions · pass mark 80%')).toBeVisible();
    expect(card().getByText('Not attempted yet')).toBeVisible();
    expect(card().getByRole('link', { name: 'Start quiz' })).toHaveAttribute('href', '#/test-course/quiz/final');
  });

  it("sums up this quiz's attempts: best score (rounded down), count, passed", () => {
    const progress = new TestProgress('test-course', {
      attempts: [attempt('final', 62.5, false), attempt('final', 85.71, true), attempt('other', 100, true)],
    });
    renderInLesson(QuizBlock, props, { progress });

    expect(card().getByText('Best score 85% · 2 attempts')).toBeVisible();
    expect(card().getByText('Passed')).toBeVisible();
    expect(card().getByRole('link', { name: 'Take the quiz again' })).toHaveAttribute('href', '#/test-course/quiz/final');
  });

  it('does not call a near miss a pass', () => {
    const progress = new TestProgress('test-course', { attempts: [attempt('final', 79.99, false)] });
    renderInLesson(QuizBlock, props, { progress });

    expect(card().getByText('Best score 79% · 1 attempt')).toBeVisible();
    expect(card().getByText('Passed')).not.toBeVisible();
  });

  it('takes what the block does not say from the course manifest', () => {
    const course: CourseManifest = {
      id: 'external-customers',
      title: 'External customers',
      description: 'd',
      language: 'en',
      estimatedMinutes: 10,
      outcomes: ['o'],
      passMark: 70,
      version: '1',
      lessons: [],
      quizzes: [{ id: 'final', title: 'Final', lessonId: 'quiz', questionCount: 1, passMark: 75, attempts: 2 }],
    };
    const progress = new TestProgress('external-customers', {
      attempts: [attempt('final', 50, false), attempt('final', 60, false)],
    });
    renderInLesson(QuizBlock, { id: 'final', title: 'End-of-module quiz' }, { progress, course });

    expect(card().getByText('1 question · pass mark 75%')).toBeVisible();
    expect(card().getByText('Best score 60% · 2 of 2 attempts used')).toBeVisible();
    expect(card().getByRole('link', { name: 'Open the quiz' })).toHaveAttribute(
      'href',
      '#/external-customers/quiz/final',
    );
  });
});
