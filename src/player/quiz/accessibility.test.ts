import axe from 'axe-core';
import { screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { QUESTIONS, makeQuiz } from './test-quiz.ts';
import { startQuiz } from '../../../tests/helpers/test-render.ts';

// jsdom has no layout, so contrast is left to the e2e suite in Chromium; names, roles, labels and
// ARIA references are checked here, before and after each answer is checked.
async function violations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, { iframes: false, rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
}

describe('quiz accessibility', () => {
  it('has no axe violations on any question type, checked or not, nor on the results', { timeout: 30_000 }, async () => {
    const quiz = makeQuiz(Object.values(QUESTIONS), { timeLimit: 30 });
    const { container, user } = await startQuiz(quiz);
    // Text between questions shares its question's step.
    for (let step = 0; step < quiz.questions.filter((q) => q.type !== 'description').length; step++) {
      expect(await violations(container)).toEqual([]);
      const check = screen.queryByRole('button', { name: 'Check answer' });
      if (check) {
        const radio = screen.queryAllByRole('radio')[0];
        if (radio) await user.click(radio);
        await user.click(check);
        expect(await violations(container)).toEqual([]);
      }
      const next = screen.queryByRole('button', { name: 'Next' }) ?? screen.getByRole('button', { name: 'Submit quiz' });
      await user.click(next);
    }
    expect(screen.getByRole('group', { name: /unanswered/ })).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Submit anyway' }));
    expect(screen.getByRole('heading', { name: 'Your results' })).toBeInTheDocument();
    expect(await violations(container)).toEqual([]);
  });
});
