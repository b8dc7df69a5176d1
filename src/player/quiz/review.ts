// What the player says about an answered question beyond the question's own marks: the right answer
// in words where the question cannot mark it (a typed answer, a blank), the feedback that is not
// already shown beside an option, and, for the results page, the stored result read against the
// question as it is now, with the lesson to go back to.
import type { Question, Quiz } from '../../content/schema/quiz.ts';
import { correctAnswer, gradeQuestion, resolveAnswer, type Grade } from '../../engine/grading.ts';
import type { Answer, QuestionResult } from '../../engine/progress-types.ts';

/**
 * An accepted answer in words: a `*` (any text) is said, not shown. "CMP-*" → "CMP- followed by
 * anything", "*ing" → "anything ending in ing", "*cat*" → "anything containing cat".
 */
export function patternText(accepted: string): string {
  const parts = accepted.split(/(?<!\\)\*/).map((part) => part.replace(/\\\*/g, '*'));
  const [first, ...rest] = parts;
  const last = rest.pop();
  if (last === undefined) return first!;
  if (rest.every((part) => !part)) {
    if (first && last) return `${first}, then anything, then ${last}`;
    return first ? `${first} followed by anything` : last ? `anything ending in ${last}` : 'anything';
  }
  return !first && !last && rest.length === 1 ? `anything containing ${rest[0]}` : parts.map((part) => part || 'anything').join(', then ');
}

/** "Right answer" lines where the question's own marks do not show it: typed answers and blanks. */
export function rightLines(question: Question, grade: Grade): [string, string][] {
  if (grade.verdict === 'correct') return [];
  const words =
    question.type === 'short'
      ? patternText(question.accepted.reduce((a, b) => (b.weight > a.weight ? b : a)).text)
      : question.type === 'blanks'
        ? question.blanks.map((blank, i) => `(${i + 1}) ${patternText(blank.accepted[0]!)}`).join('; ')
        : question.type === 'numeric'
          ? (correctAnswer(question) as { text: string }).text
          : '';
  return words ? [['Right answer', words]] : [];
}

/** Option feedback shows beside the chosen options (the question marks them); the panel keeps the rest. */
export function panelFeedback(question: Question, grade: Grade): string[] {
  const beside =
    question.type === 'single' || question.type === 'multiple'
      ? question.options.map((option) => option.feedbackHtml)
      : question.type === 'truefalse'
        ? [question.trueFeedbackHtml, question.falseFeedbackHtml]
        : [];
  return grade.feedbackHtml.filter((html) => !beside.includes(html));
}

export interface ReviewEntry {
  question: Question;
  /** The stored answer, naming the question's parts by their current ids. */
  answer: Answer;
  grade: Grade;
  /** The question was edited since and now grades differently: the verdict shown is the attempt's. */
  changed: boolean;
  /** The lesson to go back to: the one the question's feedback links to, else the quiz's own. */
  revisit: { href: string; title?: string | undefined };
}

/** The review of one stored result, or null for text between questions and questions since removed. */
export function reviewEntry(quiz: Quiz, courseId: string, result: QuestionResult): ReviewEntry | null {
  const question = quiz.questions.find((q) => q.id === result.questionId);
  if (!question || question.type === 'description') return null;
  const answer = resolveAnswer(question, result.answer);
  let grade = gradeQuestion(question, answer);
  const { score, max } = result;
  // The attempt's own score is the record: a question edited since keeps the verdict it was given.
  const changed = grade.verdict !== 'ungraded' && grade.verdict !== 'unanswered' && (grade.score !== score || grade.max !== max);
  if (changed) grade = { ...grade, score, max, verdict: score >= max ? 'correct' : score > 0 ? 'partial' : 'incorrect' };
  return { question, answer, grade, changed, revisit: { href: `#/${courseId}/${question.revisit?.lessonId ?? quiz.lessonId}`, title: question.revisit?.title } };
}
