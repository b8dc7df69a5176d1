// A quiz attempt as SCORM interactions: one per answered question, with the learner's response in
// the version's own format and the result. Pure. Responses are sanitised to what the data model's
// types accept; an LMS that still refuses one loses that line of its report, nothing else.
import type { Answer, QuestionResult, QuizAttempt } from '../engine/progress-types.ts';
import { scorm12Time, scorm2004Time } from './time-format.ts';

export type InteractionVersion = '1.2' | '2004';

/** One interaction as [element suffix, value] pairs, e.g. ['id', 'quiz.q1']. */
export type Interaction = [string, string][];

/** An identifier both versions accept: letters, digits, `.`, `-`, `_`. */
export const identifier = (text: string): string => (text.replace(/[^A-Za-z0-9._-]/g, '_') || '_').slice(0, 250);

const plain = (text: string, max: number): string => text.replace(/[\u0000-\u001f]/g, ' ').slice(0, max);

function kind(answer: Answer, version: InteractionVersion): string | null {
  switch (answer.type) {
    case 'single':
    case 'multiple':
      return 'choice';
    case 'truefalse':
      return 'true-false';
    case 'short':
    case 'blanks':
      return 'fill-in';
    case 'numeric':
      return 'numeric';
    case 'matching':
      return 'matching';
    case 'ordering':
      return 'sequencing';
    case 'essay':
      return version === '2004' ? 'long-fill-in' : null;
    default:
      return null;
  }
}

/** The learner's response in the version's format (1.2 separates with `,` and `.`, 2004 with `[,]` and `[.]`). */
function response(answer: Answer, version: InteractionVersion): string | null {
  const list = version === '1.2' ? ',' : '[,]';
  const pair = version === '1.2' ? '.' : '[.]';
  switch (answer.type) {
    case 'single':
      return answer.optionId === null ? null : identifier(answer.optionId);
    case 'multiple':
      return answer.optionIds.map(identifier).join(list);
    case 'truefalse':
      return answer.value === null ? null : version === '1.2' ? (answer.value ? 't' : 'f') : String(answer.value);
    case 'short':
      return plain(answer.text, 250).replace(/\[[,.]\]/g, ' ');
    case 'blanks':
      return answer.values.map((value) => plain(value, 60).replace(/\[[,.]\]|,/g, ' ')).join(list).slice(0, 250);
    case 'numeric':
      return /^-?\d+(\.\d+)?$/.test(answer.text.trim()) ? answer.text.trim() : null;
    case 'matching':
      return Object.entries(answer.chosen).filter(([, value]) => value !== '').map(([premise, value]) => `${identifier(premise)}${pair}${identifier(value)}`).join(list);
    case 'ordering':
      return answer.order.map(identifier).join(list);
    case 'essay':
      return plain(answer.text, 4000);
    default:
      return null;
  }
}

function result(question: QuestionResult, version: InteractionVersion): string {
  if (question.max > 0 && question.score >= question.max) return 'correct';
  if (question.score <= 0) return version === '1.2' ? 'wrong' : 'incorrect';
  return String(Math.round((question.score / question.max) * 100) / 100);
}

/** The interactions of one attempt, in the order the questions were shown. */
export function attemptInteractions(attempt: QuizAttempt, version: InteractionVersion): Interaction[] {
  const interactions: Interaction[] = [];
  for (const question of attempt.results) {
    const type = kind(question.answer, version);
    if (!type) continue;
    const id = identifier(`${attempt.quizId}.${question.questionId}`);
    const lines: Interaction = [['id', id], ['type', type]];
    if (version === '1.2') lines.push(['time', scorm12Time(attempt.finishedAt)]);
    else lines.push(['timestamp', scorm2004Time(attempt.finishedAt)]);
    lines.push(['weighting', String(question.max)]);
    const given = response(question.answer, version);
    if (given !== null && given !== '') lines.push([version === '1.2' ? 'student_response' : 'learner_response', given]);
    lines.push(['result', result(question, version)]);
    interactions.push(lines);
  }
  return interactions;
}
