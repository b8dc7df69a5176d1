// A question heading's attribute list, `### Text {#id points=2 type=short case=sensitive title="..."}`:
// each attribute read and checked on its own, so one mistake never hides the others.
import { didYouMean, type DiagnosticSink } from '../diagnostics.ts';
import { ID_PATTERN } from '../schema/course.ts';
import type { QuestionType } from '../schema/quiz.ts';
import { at, QUESTION_TYPES, type Pos, type QuestionSource } from './syntax.ts';

export interface HeadingAttributes {
  id?: { value: string; at: Pos };
  points?: number;
  type?: { value: QuestionType; at: Pos };
  caseSensitive?: boolean;
  title?: string;
}

const HEADING_ATTRIBUTES = ['id', 'points', 'type', 'case', 'title'] as const;
const ATTRIBUTE_TOKEN = /#([^\s}]*)|([A-Za-z][\w-]*)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']*))|(\S+)/g;
const ID_HINT = 'write the id like {#capital-of-canada}';

/** One `key=value`: its value unquoted, where the key and the value start. */
interface Attribute {
  value: string;
  line: number;
  column: number;
  valueColumn: number;
}

type Reader = (attribute: Attribute, result: HeadingAttributes, sink: DiagnosticSink) => void;

/** One reader per attribute name: each sets its field or reports why not. */
const READERS: Record<(typeof HEADING_ATTRIBUTES)[number], Reader> = {
  id({ value, line, column, valueColumn }, result, sink) {
    if (!ID_PATTERN.test(value)) {
      sink.error(line, valueColumn, 'quiz/bad-attribute', `invalid question id: expected lowercase letters, digits and hyphens, received "${value}"`, ID_HINT);
    } else result.id = { value, at: at(line, column) };
  },
  points({ value, line, valueColumn }, result, sink) {
    const points = Number(value);
    if (value === '' || !Number.isFinite(points) || points < 0) {
      sink.error(line, valueColumn, 'quiz/bad-attribute', `invalid points: expected a number of 0 or more, received "${value}"`, 'write e.g. {points=2}');
    } else result.points = points;
  },
  type({ value, line, valueColumn }, result, sink) {
    if ((QUESTION_TYPES as readonly string[]).includes(value)) {
      result.type = { value: value as QuestionType, at: at(line, valueColumn) };
      return;
    }
    const suggestion = didYouMean(value, QUESTION_TYPES);
    sink.error(
      line,
      valueColumn,
      'quiz/bad-attribute',
      `unknown question type: expected one of ${QUESTION_TYPES.join(', ')}, received "${value}"`,
      suggestion ? `did you mean "type=${suggestion}"?` : 'leave type out to infer it from the answers, or write e.g. {type=essay}',
    );
  },
  case({ value, line, valueColumn }, result, sink) {
    if (value === 'sensitive' || value === 'insensitive') result.caseSensitive = value === 'sensitive';
    else {
      sink.error(line, valueColumn, 'quiz/bad-attribute', `invalid case rule: expected "sensitive" or "insensitive", received "${value}"`, 'write {case=sensitive} to compare answers case-sensitively');
    }
  },
  title({ value, line, valueColumn }, result, sink) {
    if (value.trim() === '') {
      sink.error(line, valueColumn, 'quiz/bad-attribute', 'empty question title: expected some text', 'write e.g. {title="Kanji origins"} or leave it out');
    } else result.title = value;
  },
};

const isKnown = (name: string): name is keyof typeof READERS => Object.hasOwn(READERS, name);

export function readAttributes(source: QuestionSource, sink: DiagnosticSink): HeadingAttributes {
  const result: HeadingAttributes = {};
  if (!source.attributes) return result;
  const { text, at: start } = source.attributes;
  // One unreadable token is enough to say so; "{a, b}" is one mistake, not two.
  let strayReported = false;
  for (const token of text.matchAll(ATTRIBUTE_TOKEN)) {
    const column = start.column + token.index;
    const [whole, hashId, key, quoted, singleQuoted, bare, stray] = token;
    if (hashId !== undefined) {
      if (!ID_PATTERN.test(hashId)) {
        sink.error(start.line, column, 'quiz/bad-attribute', `invalid question id: expected lowercase letters, digits and hyphens, received "${whole}"`, ID_HINT);
      } else result.id = { value: hashId, at: at(start.line, column) };
    } else if (stray !== undefined) {
      if (!strayReported) reportStray(stray, at(start.line, column), sink);
      strayReported = true;
    } else if (!isKnown(key!)) {
      reportUnknown(key!, at(start.line, column), sink);
    } else {
      const value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (singleQuoted ?? bare ?? '');
      const valueColumn = column + whole.length - value.length - (quoted !== undefined || singleQuoted !== undefined ? 1 : 0);
      READERS[key!]({ value, line: start.line, column, valueColumn }, result, sink);
    }
  }
  return result;
}

function reportStray(stray: string, where: Pos, sink: DiagnosticSink): void {
  const asType = didYouMean(stray, QUESTION_TYPES);
  sink.error(
    where.line,
    where.column,
    'quiz/bad-attribute',
    `unreadable heading attribute: expected key=value or #id, received "${stray}"`,
    asType ? `did you mean "type=${asType}"?` : 'write attributes like {#my-id points=2 type=short case=sensitive}, or "\\{" for a brace that is part of the question',
  );
}

function reportUnknown(name: string, where: Pos, sink: DiagnosticSink): void {
  const suggestion = didYouMean(name, HEADING_ATTRIBUTES);
  sink.error(
    where.line,
    where.column,
    'quiz/unknown-attribute',
    `unknown question attribute: expected one of ${HEADING_ATTRIBUTES.join(', ')}, received "${name}"`,
    suggestion ? `did you mean "${suggestion}"?` : 'remove it; a question takes {#id points=2 type=short case=sensitive title="..."}',
  );
}
