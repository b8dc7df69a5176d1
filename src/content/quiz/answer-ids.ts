// Ids for the parts of a question that a learner's answer points at: options, matching pairs,
// blanks and ordering items. Stored attempts keep these ids for good, so an id must survive every
// edit around its part (an option inserted, pairs reordered): it is the tutor's explicit `{#id}` or
// it is made from the part's own text alone, never from its position or its neighbours.
//
// The rule (docs/authoring.md, "Answer ids"): the text is lowercased, accents dropped, and every run
// of other characters becomes one hyphen. Text of plain words (letters, digits, single spaces) that
// makes a slug of 3 to 32 characters is its own id ("Call centres" → "call-centres"). Anything else
// gets the slug's first words and a hash of the whole normalised text ("C++" → "c-1kz3vd"), so two
// different texts never share an id whatever else the question holds. Only parts with the same
// normalised text would share one: the second becomes "-2", the third "-3", in source order.
// Ids of one or two letters are never made (nor accepted as explicit ids): builds before this rule
// used the letters "a", "b", ... for positions, and the grading engine still reads those as
// positions in attempts stored back then (see resolveAnswer in src/engine/grading.ts).
import { htmlToText, normaliseText } from '../../engine/grading.ts';
import { IdAllocator } from '../markdown/attributes.ts';
import type { Question } from '../schema/quiz.ts';

/** The explicit id syntax at the end of an answer's text: `{#my-id}` (a `\{` is a literal brace). */
const EXPLICIT = /(?<!\\)\{#([^{}\s]*)\}[ \t]*$/;
/** What an explicit id may be: lowercase words joined by hyphens, the question ids' pattern. */
export const ANSWER_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The ids of positions in attempts stored before stable ids (letterId in older builds). */
export const POSITIONAL_ID = /^[a-z]{1,2}$/;
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const MAX_SLUG = 32;
const HEAD = 20;

/** Splits a trailing `{#id}` off an answer's text. `column` is the 0-based offset of the `{`. */
export function splitExplicitId(text: string): { text: string; id?: string; column?: number } {
  const match = EXPLICIT.exec(text);
  if (!match) return { text };
  return { text: text.slice(0, match.index).trimEnd(), id: match[1]!, column: match.index };
}

/** Why an explicit answer id cannot be used, or null when it is fine. */
export function explicitIdProblem(id: string): string | null {
  if (!ANSWER_ID_PATTERN.test(id)) return `expected lowercase letters, digits and hyphens, received "${id}"`;
  if (POSITIONAL_ID.test(id)) return `ids of one or two letters are kept for answers saved by older builds, received "${id}"`;
  return null;
}

/** FNV-1a, 32 bits, in base 36: short, stable across platforms and Node versions. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, '0');
}

/** The id made from a part's plain text (see the rule at the top of this file). */
export function derivedAnswerId(text: string): string {
  const normalised = normaliseText(text, false);
  const plain = normalised.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = plain.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (PLAIN.test(normalised) && slug.length >= 3 && slug.length <= MAX_SLUG) return slug;
  let head = '';
  for (const word of slug.split('-')) {
    if (head && head.length + word.length + 1 > HEAD) break;
    head = head ? `${head}-${word.slice(0, HEAD)}` : word.slice(0, HEAD);
  }
  return `${head || 'item'}-${hash(normalised)}`;
}

/**
 * Ids for one list of parts: explicit ids as given (the parser has checked them), the rest derived
 * from their text; a derived id already taken gets "-2", "-3"... in source order.
 */
export function assignIds(parts: readonly { text: string; explicit?: string | undefined }[]): string[] {
  const taken = new IdAllocator();
  for (const part of parts) if (part.explicit) taken.claim(part.explicit);
  return parts.map((part) => part.explicit || taken.unique(derivedAnswerId(part.text)));
}

/**
 * "a", "b", ... "z", "aa", "ab", ...: the positional ids of older builds. Kept for the GIFT reader,
 * whose ids a quiz replaces with stable ones (withAnswerIds).
 */
export function letterId(index: number): string {
  let id = '';
  let n = index;
  do {
    id = String.fromCharCode(97 + (n % 26)) + id;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return id;
}

/** The text a part's id is made from; a blank's is its first accepted answer (alternatives are added later, not first). */
const optionText = (part: { html: string }) => htmlToText(part.html);

/** The ids a question's parts carry now, in source order ('' = none given yet). */
export function currentIds(question: Question): (string | undefined)[] {
  const list =
    question.type === 'single' || question.type === 'multiple'
      ? question.options
      : question.type === 'matching'
        ? question.pairs
        : question.type === 'ordering'
          ? question.items
          : question.type === 'blanks'
            ? question.blanks
            : [];
  return list.map((part) => part.id || undefined);
}

/**
 * Gives every answer part of a question its id. `explicit` holds the tutor's ids per part, in source
 * order (absent for a GIFT question, whose syntax has none): parts without one get a derived id.
 */
export function withAnswerIds(question: Question, explicit: readonly (string | undefined)[] = []): Question {
  const ids = (texts: string[]) => assignIds(texts.map((text, i) => ({ text, explicit: explicit[i] })));
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const next = ids(question.options.map(optionText));
      return { ...question, options: question.options.map((option, i) => ({ ...option, id: next[i]! })) };
    }
    case 'matching': {
      const next = ids(question.pairs.map((pair) => htmlToText(pair.promptHtml)));
      return { ...question, pairs: question.pairs.map((pair, i) => ({ ...pair, id: next[i]! })) };
    }
    case 'ordering': {
      const next = ids(question.items.map(optionText));
      return { ...question, items: question.items.map((item, i) => ({ ...item, id: next[i]! })) };
    }
    case 'blanks': {
      const next = ids(question.blanks.map((blank) => blank.accepted[0] ?? ''));
      return { ...question, blanks: question.blanks.map((blank, i) => ({ ...blank, id: next[i]! })) };
    }
    default:
      return question;
  }
}
