// Every question of Moodle's own GIFT files, checked against what Moodle's importer makes of it
// (written out by hand from Moodle's documented semantics).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { QuestionSchema } from '../schema/quiz.ts';
import { parseGift } from './parse.ts';
import { MOODLE, read } from './test-files.ts';

/** [option html, weight, feedback html?] */
type Option = [string, number, string?];
/** [accepted text, weight, feedback html?] */
type Accepted = [string, number, string?];
/** [min, max, value, weight, feedback html?] */
type Numeric = [number, number, number, number, string?];

/** What Moodle's importer makes of one question, in our model's terms. */
type Expected = { line: number; title?: string; prompt: string; explanation?: string } & (
  | { type: 'single' | 'multiple'; options: Option[] }
  | { type: 'short'; accepted: Accepted[]; otherwise?: string }
  | { type: 'numeric'; answers: Numeric[]; otherwise?: string }
  | { type: 'truefalse'; answer: boolean; onTrue?: string; onFalse?: string }
  | { type: 'matching'; pairs: [string, string][]; distractors: string[] }
  | { type: 'essay' | 'description' }
);

const letter = (i: number) => String.fromCharCode(97 + i);
/** Question text and feedback are paragraphs; options and matching items are single lines. */
const para = (html: string) => `<p>${html}</p>`;
const feedback = (html: string | undefined) => (html ? { feedbackHtml: para(html) } : {});
/** Numbers computed as value ± tolerance carry binary rounding (3.1415 + 0.0005). */
const near = (n: number) => expect.closeTo(n, 12);

/** Builds the whole expected question (bar id and source), so a stray extra field fails too. */
function expectedQuestion(e: Expected): Record<string, unknown> {
  const base = {
    promptHtml: para(e.prompt),
    points: e.type === 'description' ? 0 : 1,
    ...(e.title !== undefined ? { title: e.title } : {}),
    ...(e.explanation ? { explanationHtml: para(e.explanation) } : {}),
  };
  switch (e.type) {
    case 'single':
    case 'multiple':
      return {
        ...base,
        type: e.type,
        options: e.options.map(([html, weight, fb], i) => ({ id: letter(i), html, correct: weight > 0, weight, ...feedback(fb) })),
      };
    case 'short':
      return {
        ...base,
        type: 'short',
        caseSensitive: false,
        accepted: e.accepted.map(([text, weight, fb]) => ({ text, weight, ...feedback(fb) })),
        ...(e.otherwise ? { otherwiseFeedbackHtml: para(e.otherwise) } : {}),
      };
    case 'numeric':
      return {
        ...base,
        type: 'numeric',
        answers: e.answers.map(([min, max, value, weight, fb]) => ({ min: near(min), max: near(max), value: near(value), weight, ...feedback(fb) })),
        ...(e.otherwise ? { otherwiseFeedbackHtml: para(e.otherwise) } : {}),
      };
    case 'truefalse':
      return {
        ...base,
        type: 'truefalse',
        answer: e.answer,
        ...(e.onTrue ? { trueFeedbackHtml: para(e.onTrue) } : {}),
        ...(e.onFalse ? { falseFeedbackHtml: para(e.onFalse) } : {}),
      };
    case 'matching':
      return {
        ...base,
        type: 'matching',
        pairs: e.pairs.map(([promptHtml, answer], i) => ({ id: letter(i), promptHtml, answer })),
        distractors: e.distractors,
      };
    default:
      return { ...base, type: e.type };
  }
}

const GRANT = "Who's buried in Grant's tomb?";
const GRANT_MC: Expected = { line: 0, type: 'single', prompt: GRANT, options: [['Grant', 0], ['Jefferson', 0], ['no one', 1]] };
const GRANT_BLANK: Expected = { line: 0, type: 'single', prompt: "Grant is _____ in Grant's tomb.", options: [['buried', 0], ['entombed', 1], ['living', 0]] };
const GRANT_TF: Expected = { line: 0, type: 'truefalse', prompt: "Grant is buried in Grant's tomb.", answer: false };
const GRANT_SHORT: Expected = { line: 0, type: 'short', prompt: GRANT, accepted: [['no one', 1], ['nobody', 1]] };
const BORN = 'When was Ulysses S. Grant born?';
const PI = 'What is the value of pi (to 3 decimal places)? _____.';
const NAZARETH: Accepted[] = [
  ['Nazareth', 1, "Yes! That's right!"],
  ['Nazereth', 0.75, 'Right, but misspelled.'],
  ['Bethlehem', 0.25, 'He was born here, but not raised here.'],
];
const ENTOMBED: Option[] = [['No one', 0], ['Grant', 0.5], ["Grant's wife", 0.5], ["Grant's father", 0]];
const at = (line: number, e: Expected): Expected => ({ ...e, line });

/** question/format/gift/examples.txt: 43 questions. */
const EXAMPLES: Expected[] = [
  at(8, GRANT_MC),
  at(10, GRANT_BLANK),
  at(12, GRANT_TF),
  at(14, GRANT_SHORT),
  { line: 16, type: 'numeric', prompt: BORN, answers: [[1821, 1823, 1822, 1]] },
  at(25, GRANT_MC),
  at(27, GRANT_BLANK),
  {
    line: 29,
    type: 'single',
    prompt: 'The American holiday of Thanksgiving is celebrated on the _____ Thursday of November.',
    options: [['second', 0], ['third', 0], ['fourth', 1]],
  },
  {
    line: 35,
    type: 'single',
    prompt: 'Japanese characters originally came from what country?',
    options: [['India', 0], ['China', 1], ['Korea', 0], ['Egypt', 0]],
  },
  at(43, GRANT_SHORT),
  { line: 45, type: 'short', prompt: 'Two plus two equals _____.', accepted: [['four', 1], ['4', 1]] },
  at(49, GRANT_TF),
  { line: 51, type: 'truefalse', prompt: 'The sun rises in the east.', answer: true },
  {
    line: 55,
    type: 'matching',
    prompt: 'Matching Question.',
    pairs: [['subquestion1', 'subanswer1'], ['subquestion2', 'subanswer2'], ['subquestion3', 'subanswer3']],
    distractors: [],
  },
  {
    line: 61,
    type: 'matching',
    prompt: 'Match the following countries with their corresponding capitals.',
    pairs: [['Canada', 'Ottawa'], ['Italy', 'Rome'], ['Japan', 'Tokyo'], ['India', 'New Delhi']],
    distractors: [],
  },
  { line: 70, type: 'numeric', prompt: BORN, answers: [[1822, 1822, 1822, 1]] },
  { line: 72, type: 'numeric', prompt: PI, answers: [[3.141, 3.142, 3.1415, 1]] },
  { line: 74, type: 'numeric', prompt: PI, answers: [[3.141, 3.142, 3.1415, 1]] },
  { line: 76, type: 'numeric', prompt: BORN, answers: [[1822, 1822, 1822, 1], [1820, 1824, 1822, 0.5]] },
  { line: 85, type: 'numeric', prompt: "What's 2 plus 2?", answers: [[4, 4, 4, 1]] },
  { line: 90, type: 'short', title: 'Kanji Origins', prompt: 'Japanese characters originally<br />came from what country?', accepted: [['China', 1]] },
  {
    line: 93,
    type: 'single',
    title: 'Thanksgiving Date',
    prompt: 'The American holiday of Thanksgiving is<br />celebrated on the _____ Thursday of November.',
    options: [['second', 0], ['third', 0], ['fourth', 1]],
  },
  {
    line: 98,
    type: 'single',
    prompt: "What's the answer to this multiple-choice question?",
    options: [
      ['wrong answer', 0, 'feedback comment on the wrong answer'],
      ['another wrong answer', 0, 'feedback comment on this wrong answer'],
      ['right answer', 1, 'Very good!'],
    ],
  },
  { line: 103, type: 'short', prompt: GRANT, accepted: [['no one', 1, 'excellent answer!'], ['nobody', 1, 'excellent answer!']] },
  {
    line: 108,
    type: 'short',
    prompt: "Who's buried in <strong>Grant's tomb</strong>?",
    accepted: [['no one', 1, 'excellent answer!'], ['nobody', 1, 'excellent answer!']],
  },
  // Moodle: the first "#" of a true/false answer is the feedback for the wrong answer ("true" here).
  { ...at(113, GRANT_TF), onTrue: "No one is buried in Grant's tomb." } as Expected,
  { line: 115, type: 'single', prompt: 'Difficult question.', options: [['wrong answer', 0], ['half credit answer', 0.5], ['full credit answer', 1]] },
  {
    line: 117,
    type: 'single',
    title: "Jesus' hometown",
    prompt: 'Jesus Christ was from _____.',
    options: [
      ['Jerusalem', 0, 'This was an important city, but the wrong answer.'],
      ['Bethlehem', 0.25, 'He was born here, but not raised here.'],
      ['Galilee', 0.5, 'You need to be more specific.'],
      ['Nazareth', 1, "Yes! That's right!"],
    ],
  },
  { line: 123, type: 'short', title: "Jesus' hometown", prompt: 'Jesus Christ was from', accepted: NAZARETH },
  // No "=" answer: Moodle's multiple-answer question.
  { line: 130, type: 'multiple', prompt: "What two people are entombed in Grant's tomb?", options: ENTOMBED },
  {
    line: 136,
    type: 'multiple',
    prompt: "What two people are entombed in Grant's tomb?",
    options: [['No one', -0.5], ['Grant', 0.5], ["Grant's wife", 0.5], ["Grant's father", -0.5]],
  },
  { line: 143, type: 'single', prompt: 'Which answer equals 5?', options: [['= 2 + 2', 0], ['= 2 + 3', 1], ['= 2 + 4', 0]] },
  {
    line: 148,
    type: 'single',
    title: 'GIFT Control Characters',
    prompt: 'Which of the following is NOT a control character for the GIFT import format?',
    options: [
      ['~', 0, '~ is a control character.'],
      ['=', 0, '= is a control character.'],
      ['#', 0, '# is a control character.'],
      ['{', 0, '{ is a control character.'],
      ['}', 0, '} is a control character.'],
      [
        '\\',
        1,
        'Correct! \\ (backslash) is not a control character. BUT,<br />it is used to escape the control characters. So, to specify<br />a literal backslash, you must escape it with a backslash<br />(as shown in this example).',
      ],
    ],
  },
  at(167, GRANT_MC),
  at(169, GRANT_BLANK),
  at(171, GRANT_TF),
  at(173, GRANT_SHORT),
  { line: 175, type: 'numeric', prompt: BORN, answers: [[1817, 1827, 1822, 1]] },
  {
    line: 177,
    type: 'matching',
    prompt: 'Match the following countries with their corresponding<br />capitals.',
    pairs: [['Canada', 'Ottawa'], ['Italy', 'Rome'], ['Japan', 'Tokyo']],
    distractors: [],
  },
  {
    line: 184,
    type: 'single',
    title: "Grant's Tomb",
    prompt: "Grant is _____ in Grant's tomb.",
    options: [['buried', 0, 'No one is buried there.'], ['entombed', 1, 'Right answer!'], ['living', 0, 'We hope not!']],
  },
  {
    line: 190,
    type: 'single',
    prompt: 'Difficult multiple choice question.',
    options: [
      ['wrong answer', 0, 'comment on wrong answer'],
      ['half credit answer', 0.5, 'comment on answer'],
      ['full credit answer', 1, 'well done!'],
    ],
  },
  { line: 195, type: 'short', title: "Jesus' hometown (Short answer ex.)", prompt: 'Jesus Christ was from _____.', accepted: NAZARETH },
  {
    line: 202,
    type: 'numeric',
    title: 'Numerical example',
    prompt: BORN,
    answers: [
      [1822, 1822, 1822, 1, 'Correct! 100% credit'],
      [1820, 1824, 1822, 0.5, 'He was born in 1822.<br />You get 50% credit for being close.'],
    ],
  },
];

/** question/format/gift/tests/fixtures/questions.gift.txt: 9 questions. */
const QUESTIONS: Expected[] = [
  { line: 2, type: 'essay', title: 'Q8', prompt: 'How are you?' },
  {
    line: 5,
    type: 'matching',
    title: 'Moodle activities',
    prompt: 'Match the <b>activity</b> to the description.',
    pairs: [
      ['An activity supporting asynchronous discussions.', 'Forum'],
      ['A teacher asks a question and specifies a choice of multiple responses.', 'Choice'],
      ['A bank of record entries which participants can add to.', 'Database'],
      ['A collection of web pages that anyone can add to or edit.', 'Wiki'],
    ],
    distractors: ['Chat'],
  },
  {
    line: 14,
    type: 'single',
    title: 'Q2',
    prompt: "What's between orange and green in the spectrum?",
    options: [['yellow', 1, 'right; good!'], ['red', 0, "wrong, it's yellow"], ['blue', 0, "wrong, it's yellow"]],
  },
  {
    line: 22,
    type: 'multiple',
    title: 'colours',
    prompt: "What's between orange and green in the spectrum?",
    options: [['yellow', 0.5, 'right; good!'], ['red', -1, 'wrong'], ['off-beige', 0.5, 'right; good!'], ['blue', -1, 'wrong']],
  },
  // Text after the closing brace (here a stray `";`) makes Moodle show a blank where the answers were.
  { line: 31, type: 'numeric', title: 'Q5', prompt: 'What is a number from 1 to 5? _____";', answers: [[1, 5, 3, 1]], otherwise: 'Completely wrong' },
  {
    line: 34,
    type: 'short',
    title: 'Shortanswer',
    prompt: 'Which is the best animal?',
    accepted: [['Frog', 1, 'Good!'], ['Cat', 0.5, 'What is it with Moodlers and cats?']],
    otherwise: 'Completely wrong',
  },
  {
    line: 41,
    type: 'truefalse',
    title: 'Q1',
    prompt: '42 is the Absolute Answer to everything._____";',
    answer: false,
    onTrue: '42 is the Ultimate Answer.',
    onFalse: 'You gave the right answer.',
    explanation: "This is, of course, a Hitchiker's Guide to the Galaxy reference.",
  },
  { line: 46, type: 'truefalse', title: '2-08 TSL', prompt: 'TSL is blablabla.', answer: true },
  { line: 49, type: 'truefalse', title: '2-08 TSL', prompt: 'TSL is blablabla.', answer: true },
];

describe.each([
  { file: 'moodle-examples.gift', expected: EXAMPLES, count: 43 },
  { file: 'moodle-questions.gift', expected: QUESTIONS, count: 9 },
])('Moodle fixture $file', ({ file, expected, count }) => {
  const result = parseGift(read(join(MOODLE, file)), file);

  it(`imports all ${count} questions without a diagnostic`, () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(expected).toHaveLength(count);
    expect(result.questions.map((q) => q.line)).toEqual(expected.map((e) => e.line));
  });

  it.each(expected.map((e, index) => ({ ...e, index })))('line $line: $type', (e) => {
    const imported = result.questions[e.index];
    expect(imported?.line).toBe(e.line);
    const question = QuestionSchema.parse(imported!.question);
    const { id, source, ...rest } = question;
    expect(id).toMatch(/^gift-[a-z0-9-]+$/);
    expect(source).toBe(`${file}:${e.line}:1`);
    expect(rest).toEqual(expectedQuestion(e));
  });
});
