// Links in a quiz's text (feedback, explanations, hints, options) to lesson files become the
// player's hash routes, as links in lesson bodies do (rewriteLinks in lesson.ts), so "See
// [Introduction](01-introduction.md)" in an explanation opens that lesson. A question whose feedback
// links to a lesson names it as the lesson to revisit when the question is missed.
import { htmlToText } from '../../engine/grading.ts';
import type { Question, Quiz } from '../schema/quiz.ts';

/** A relative link to a Markdown file (an optional #fragment is dropped: the hash holds the route). */
const LESSON_LINK = /<a href="([^":#?]+\.md)(?:#[^"]*)?"([^>]*)>([\s\S]*?)<\/a>/g;

/** Where the feedback that explains a miss usually is, first. */
const REVISIT_FIELDS = ['explanationHtml', 'incorrectFeedbackHtml', 'hintHtml', 'otherwiseFeedbackHtml'] as const;

type LessonOf = (url: string) => string | undefined;

function rewrite(html: string, courseId: string, lessonOf: LessonOf): string {
  return html.replace(LESSON_LINK, (_whole, url: string, rest: string, inner: string) => {
    const lessonId = lessonOf(url);
    return `<a href="#/${courseId}${lessonId ? `/${lessonId}` : ''}"${rest.replace(/\s*rel="[^"]*"/, '')}>${inner}</a>`;
  });
}

/** Every `…Html` / `html` string in a value, rewritten; other values as they are. */
function rewriteAll<T>(value: T, courseId: string, lessonOf: LessonOf, key = ''): T {
  if (typeof value === 'string') return (/html$/i.test(key) ? rewrite(value, courseId, lessonOf) : value) as T;
  if (Array.isArray(value)) return value.map((item) => rewriteAll(item, courseId, lessonOf, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteAll(v, courseId, lessonOf, k)])) as T;
  }
  return value;
}

/** The first lesson a question's feedback links to, with the link's text as its title. */
function revisitOf(question: Question, lessonOf: LessonOf): Question['revisit'] {
  const html = [
    ...REVISIT_FIELDS.map((field) => (question as Partial<Record<(typeof REVISIT_FIELDS)[number], string>>)[field] ?? ''),
    ...('options' in question ? question.options.map((option) => option.feedbackHtml ?? '') : []),
  ].join('\n');
  for (const [, url, , inner] of html.matchAll(LESSON_LINK)) {
    const lessonId = lessonOf(url!);
    if (lessonId) return { lessonId, title: htmlToText(inner!) };
  }
  return undefined;
}

/** The quiz with its lesson links routed and each question's lesson to revisit filled in. */
export function linkQuizLessons(quiz: Quiz, courseId: string, lessonOf: LessonOf): Quiz {
  const questions = quiz.questions.map((question) => {
    const revisit = revisitOf(question, lessonOf);
    return rewriteAll(revisit ? { ...question, revisit } : question, courseId, lessonOf);
  });
  return { ...rewriteAll({ ...quiz, questions: [] }, courseId, lessonOf), questions };
}
