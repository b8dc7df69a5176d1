// The proof copy a tutor reads before release (`coursemark build --proof`, `coursemark dev` with
// ?proof): every part a learner reveals on demand is shown expanded, and every quiz is listed in
// full under its card, each question with its id, its right answers, weights, feedback and hints.
// It works on the generated lesson source, so the player itself has no proof mode to ship.
import { escapeMarkup } from './escape.ts';
import type { Question, Quiz } from './schema/quiz.ts';

const TYPE_NAMES: Record<Question['type'], string> = {
  single: 'single choice',
  multiple: 'multiple choice',
  truefalse: 'true/false',
  short: 'short answer',
  numeric: 'numeric',
  blanks: 'fill in the blanks',
  matching: 'matching',
  ordering: 'ordering',
  essay: 'essay',
  description: 'description',
};

const percent = (weight: number) => `${Math.round(weight * 1000) / 10}%`;
/** One paragraph reads on the label's line; longer feedback goes below it. */
const labelled = (label: string, html: string | undefined) => {
  if (!html) return '';
  const single = /^<p>((?:(?!<p[\s>])[\s\S])*)<\/p>$/.exec(html.trim());
  return `<div class="cm-proof-note"><strong>${label}:</strong> ${single ? single[1] : html}</div>`;
};

function answersHtml(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return `<ul class="cm-proof-options">${q.options
        .map((o) => `<li>${o.correct ? '✓' : '✗'} ${o.html} <span class="cm-proof-weight">(${percent(o.weight)})</span>${labelled('Feedback', o.feedbackHtml)}</li>`)
        .join('')}</ul>`;
    case 'truefalse':
      return `<p>Answer: <strong>${q.answer ? 'true' : 'false'}</strong></p>${labelled('If "true"', q.trueFeedbackHtml)}${labelled('If "false"', q.falseFeedbackHtml)}`;
    case 'short':
      return `<ul class="cm-proof-options">${q.accepted.map((a) => `<li>✓ ${escapeMarkup(a.text)} <span class="cm-proof-weight">(${percent(a.weight)})</span>${labelled('Feedback', a.feedbackHtml)}</li>`).join('')}</ul><p>${q.caseSensitive ? 'Case-sensitive' : 'Case does not matter'}</p>${labelled('Any other answer', q.otherwiseFeedbackHtml)}`;
    case 'numeric':
      return `<ul class="cm-proof-options">${q.answers
        .map((a) => `<li>✓ ${a.min === a.max ? a.value : `${a.min} to ${a.max}`} <span class="cm-proof-weight">(${percent(a.weight)})</span>${labelled('Feedback', a.feedbackHtml)}</li>`)
        .join('')}</ul>${labelled('Any other answer', q.otherwiseFeedbackHtml)}`;
    case 'matching':
      return `<ul class="cm-proof-options">${q.pairs.map((p) => `<li>${p.promptHtml} → <strong>${escapeMarkup(p.answer)}</strong></li>`).join('')}${q.distractors.map((d) => `<li>(matches nothing) → ${escapeMarkup(d)}</li>`).join('')}</ul>`;
    case 'ordering':
      return `<ol class="cm-proof-options">${q.items.map((item) => `<li>${item.html}</li>`).join('')}</ol>`;
    case 'essay':
      return labelled('Model answer', q.modelAnswerHtml);
    case 'blanks':
    case 'description':
      return '';
  }
}

/** The prompt with each blank written out as its accepted answers. */
function promptHtml(q: Question): string {
  if (q.type !== 'blanks') return q.promptHtml;
  return q.promptHtml.replace(/<cm-blank n="(\d+)"><\/cm-blank>/g, (_m, n: string) => {
    const blank = q.blanks[Number(n)];
    return `<mark class="cm-proof-blank">[${escapeMarkup((blank?.accepted ?? []).join(' | '))}]</mark>`;
  });
}

export function questionProofHtml(q: Question): string {
  const points = `${q.points} point${q.points === 1 ? '' : 's'}`;
  return [
    `<section class="cm-proof-question" aria-label="Question ${escapeMarkup(q.id)}">`,
    `<p class="cm-proof-id">Question <code>${escapeMarkup(q.id)}</code> · ${TYPE_NAMES[q.type]} · ${points}</p>`,
    promptHtml(q),
    answersHtml(q),
    labelled('Hint', q.hintHtml),
    labelled('Explanation', q.explanationHtml),
    labelled('When right', q.correctFeedbackHtml),
    labelled('When wrong', q.incorrectFeedbackHtml),
    '</section>',
  ].join('');
}

export function quizProofHtml(quiz: Quiz): string {
  const settings = [
    `pass mark ${quiz.passMark}%`,
    quiz.settings.attempts ? `${quiz.settings.attempts} attempts` : 'unlimited attempts',
    quiz.settings.draw ? `draws ${quiz.settings.draw} of ${quiz.questions.length}` : '',
    quiz.settings.timeLimit ? `${quiz.settings.timeLimit} minutes` : '',
    `feedback ${quiz.settings.feedback === 'end' ? 'at the end' : 'per question'}`,
  ].filter(Boolean);
  const html = [
    `<div class="cm-proof-quiz" data-cm-proof-quiz="${escapeMarkup(quiz.id)}">`,
    `<p class="cm-proof-id">Quiz <code>${escapeMarkup(quiz.id)}</code> · ${settings.join(' · ')}</p>`,
    quiz.introHtml ?? '',
    ...quiz.questions.map(questionProofHtml),
    '</div>',
  ].join('\n');
  // The lesson source is Svelte: a brace in a tutor's text must stay text.
  return html.replace(/[{}]/g, (c) => (c === '{' ? '&#123;' : '&#125;'));
}

const REVEAL_OPEN = /^<Reveal>$/gm;
const REVEAL_CLOSE = /^<\/Reveal>$/gm;
const QUIZ_CARD = /^<QuizBlock id="([^"]+)"[^\n]*\/>$/gm;

/** The lesson's generated source as a proof: hidden parts open and labelled, quizzes in full. */
export function proofSource(source: string, quizzes: ReadonlyMap<string, Quiz>): string {
  return source
    .replace(REVEAL_OPEN, '<div class="cm-proof-reveal"><p class="cm-proof-label">Shown when the learner asks</p>')
    .replace(REVEAL_CLOSE, '</div>')
    .replace(QUIZ_CARD, (card, id: string) => {
      const quiz = quizzes.get(id.replace(/&quot;/g, '"'));
      return quiz ? `${card}\n\n${quizProofHtml(quiz)}\n` : card;
    });
}

/** Styles and a banner for the proof copy's page: it says what it is, and prints cleanly. */
export const PROOF_HEAD = `<style>
.cm-proof-banner { margin: 0; padding: 0.5rem 1rem; background: #fff3c4; color: #3b2f00; font: 600 0.95rem/1.4 system-ui, sans-serif; text-align: center; }
.cm-proof-reveal { margin-block: 0.75rem; padding: 0.5rem 0.75rem; border-inline-start: 4px solid #b58900; }
.cm-proof-label, .cm-proof-id { margin: 0 0 0.25rem; font-size: 0.85em; font-weight: 600; }
.cm-proof-quiz { margin-block: 1rem; }
.cm-proof-question { margin-block: 1rem; padding: 0.75rem 1rem; border: 1px solid currentColor; border-radius: 0.5rem; break-inside: avoid; }
.cm-proof-note { margin-block: 0.25rem; }
.cm-proof-weight { font-size: 0.85em; }
@media print { .cm-proof-banner { background: none; border-bottom: 1px solid; } }
</style>`;
export const PROOF_BANNER = '<p class="cm-proof-banner" role="note">Proof copy: every answer, feedback, hint and hidden part is shown, with question ids. Not for learners.</p>';
