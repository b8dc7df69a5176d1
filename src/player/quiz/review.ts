// What the results page says about one question of an attempt, worked out apart from the markup so
// it can be tested as text: the learner's answer part by part (each option with its own feedback,
// each pair, each step of an ordering), the right answer in the same shape, the feedback on the
// whole question, and the lesson to go back to.
import type { Question, Quiz } from '../../content/schema/quiz.ts';
import { correctAnswer, gradeQuestion, htmlToText, pairText, resolveAnswer, type Grade, type Verdict } from '../../engine/grading.ts';
import type { Answer, QuestionResult } from '../../engine/progress-types.ts';

/** One part of an answer: an option, a pair, a blank, a step. */
export interface ReviewPart {
  text: string;
  /** Whether this part was right; absent where a part is neither (a typed answer, a right-answer list). */
  right?: boolean;
  /** The tutor's feedback on this part (an option's), shown with it rather than in a pile below. */
  feedbackHtml?: string;
}

export interface ReviewEntry {
  question: Question;
  grade: Grade;
  /** The question was edited since the attempt and now grades differently: the verdict is the attempt's. */
  changed: boolean;
  /** `ol` when the order is the answer. */
  list: 'ul' | 'ol';
  yours: ReviewPart[];
  /** The right answer, when the learner's was not; for an essay the model answer (as HTML in `modelHtml`). */
  right: ReviewPart[];
  modelHtml?: string;
  /** Feedback on the whole answer (correct/incorrect, explanation, a matched answer's feedback). */
  feedbackHtml: string[];
  /** The lesson to go back to: the one the question's feedback links to, else the quiz's own. */
  revisit: { href: string; title: string | null };
}

/**
 * An accepted answer in words: a `*` (any text) is said, not shown. "CMP-*" → "CMP- followed by
 * anything", "*ing" → "anything ending in ing", "*cat*" → "anything containing cat".
 */
export function patternText(accepted: string): string {
  const parts = accepted.split(/(?<!\\)\*/).map((part) => part.replace(/\\\*/g, '*'));
  if (parts.length === 1) return parts[0]!;
  const inner = parts.slice(1, -1);
  const first = parts[0]!;
  const last = parts.at(-1)!;
  if (inner.every((part) => part === '')) {
    if (first && last) return `${first}, then anything, then ${last}`;
    if (first) return `${first} followed by anything`;
    if (last) return `anything ending in ${last}`;
    return 'anything';
  }
  if (!first && !last && inner.length === 1) return `anything containing ${inner[0]}`;
  return parts.map((part) => part || 'anything').join(', then ');
}

const text = (html: string) => htmlToText(html);

/** The answer part by part; `answer` is already resolved to the question's current ids. */
function parts(question: Question, answer: Answer): ReviewPart[] {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = answer.type === 'single' ? [answer.optionId] : answer.type === 'multiple' ? answer.optionIds : [];
      return question.options
        .filter((option) => ids.includes(option.id))
        .map((option) => ({ text: text(option.html), right: option.correct, ...(option.feedbackHtml ? { feedbackHtml: option.feedbackHtml } : {}) }));
    }
    case 'truefalse': {
      if (answer.type !== 'truefalse' || answer.value === null) return [];
      const feedbackHtml = answer.value ? question.trueFeedbackHtml : question.falseFeedbackHtml;
      return [{ text: answer.value ? 'True' : 'False', right: answer.value === question.answer, ...(feedbackHtml ? { feedbackHtml } : {}) }];
    }
    case 'blanks': {
      if (answer.type !== 'blanks') return [];
      const grade = (i: number) => gradeQuestion({ ...question, blanks: [question.blanks[i]!] }, { type: 'blanks', values: [answer.values[i] ?? ''] });
      return question.blanks.map((_, i) => ({ text: `Blank ${i + 1}: ${answer.values[i]?.trim() || 'left empty'}`, right: grade(i).verdict === 'correct' }));
    }
    case 'matching': {
      if (answer.type !== 'matching') return [];
      return question.pairs.map((pair) => {
        const chosen = answer.chosen[pair.id];
        return { text: pairText(text(pair.promptHtml), chosen ?? 'not matched'), right: chosen === pair.answer };
      });
    }
    case 'ordering': {
      if (answer.type !== 'ordering') return [];
      return answer.order.flatMap((id, i) => {
        const item = question.items.find((candidate) => candidate.id === id);
        return item ? [{ text: text(item.html), right: question.items[i]?.id === id }] : [];
      });
    }
    case 'short':
    case 'numeric':
    case 'essay':
      return 'text' in answer && answer.text.trim() ? [{ text: answer.text.trim() }] : [];
    case 'description':
      return [];
  }
}

/** The right answer in the shape of the learner's: patterns said in words, pairs and steps as lists. */
export function rightParts(question: Question): ReviewPart[] {
  switch (question.type) {
    case 'short':
      return [{ text: patternText(question.accepted.reduce((a, b) => (b.weight > a.weight ? b : a)).text) }];
    case 'blanks':
      return question.blanks.map((blank, i) => ({ text: `Blank ${i + 1}: ${patternText(blank.accepted[0]!)}` }));
    case 'matching':
      return question.pairs.map((pair) => ({ text: pairText(text(pair.promptHtml), pair.answer) }));
    case 'essay':
      return [];
    default:
      return parts(question, correctAnswer(question)).map(({ text: words }) => ({ text: words }));
  }
}

function verdictOf(score: number, max: number): Verdict {
  if (max > 0) return score >= max ? 'correct' : score > 0 ? 'partial' : 'incorrect';
  return 'correct';
}

/** The review of one stored result, or null for text between questions and questions since removed. */
export function reviewEntry(quiz: Quiz, courseId: string, result: QuestionResult): ReviewEntry | null {
  const question = quiz.questions.find((q) => q.id === result.questionId);
  if (!question || question.type === 'description') return null;
  const answer = resolveAnswer(question, result.answer);
  const regraded = gradeQuestion(question, answer);
  // The attempt's own score is the record: a question edited since keeps the verdict it was given.
  const changed = regraded.verdict !== 'ungraded' && regraded.verdict !== 'unanswered' && (regraded.score !== result.score || regraded.max !== result.max);
  const grade: Grade = changed ? { ...regraded, score: result.score, max: result.max, verdict: verdictOf(result.score, result.max) } : regraded;
  const yours = parts(question, answer);
  const attached = new Set(yours.flatMap((part) => (part.feedbackHtml ? [part.feedbackHtml] : [])));
  const lessonId = question.revisit?.lessonId ?? quiz.lessonId;
  return {
    question,
    grade,
    changed,
    list: question.type === 'ordering' ? 'ol' : 'ul',
    yours,
    right: grade.verdict === 'correct' ? [] : rightParts(question),
    ...(question.type === 'essay' && question.modelAnswerHtml ? { modelHtml: question.modelAnswerHtml } : {}),
    feedbackHtml: grade.feedbackHtml.filter((html) => !attached.has(html)),
    revisit: { href: `#/${courseId}/${lessonId}`, title: question.revisit?.title ?? null },
  };
}
