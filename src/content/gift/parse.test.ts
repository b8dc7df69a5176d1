// Every question of Moodle's own GIFT files, checked against what Moodle's importer makes of it
// (written out by hand from Moodle's documented semantics), plus one broken file per diagnostic.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { QuestionSchema } from '../schema/quiz.ts';
import { parseGift } from './parse.ts';

/** Moodle's own files, kept beside the repository in shared/ (see its README). */
const MOODLE = join(import.meta.dirname, '../../../../shared/fixtures/gift');
const OURS = join(import.meta.dirname, '../../../tests/fixtures/gift');
const read = (path: string) => readFileSync(path, 'utf8');

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

describe('question ids', () => {
  it('come from the title or the first words, with -2, -3 on repeats, under the given prefix', () => {
    const { questions } = parseGift(read(join(MOODLE, 'moodle-examples.gift')), 'x.gift', { idPrefix: 'final' });
    const ids = questions.map((q) => q.question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 7)).toEqual([
      'final-whos-buried-in-grants-tomb',
      'final-grant-is-in-grants-tomb',
      'final-grant-is-buried-in-grants-tomb',
      'final-whos-buried-in-grants-tomb-2',
      'final-when-was-ulysses-s-grant-born',
      'final-whos-buried-in-grants-tomb-3',
      'final-grant-is-in-grants-tomb-2',
    ]);
    expect(ids).toContain('final-kanji-origins');
    expect(ids).toContain('final-jesus-hometown-2');
  });

  it('stay the same when another question changes', () => {
    const before = parseGift('::A::One?{T}\n\n::B::Two?{F}', 'x.gift').questions.map((q) => q.question.id);
    const after = parseGift('::A::One, reworded?{=yes}\n\n::B::Two?{F}', 'x.gift').questions.map((q) => q.question.id);
    expect(after).toEqual(before);
  });
});

describe('escapes', () => {
  it('turn \\~ \\= \\# \\{ \\} \\: \\\\ into text and \\n into a line break', () => {
    const source = String.raw`::Ratio 1\:2::Is a\{b\} \~ c\#d \= e\\f?\nYes{T}`;
    const [first] = parseGift(source, 'x.gift').questions;
    expect(first?.question).toMatchObject({ title: 'Ratio 1:2', promptHtml: '<p>Is a{b} ~ c#d = e\\f?<br />Yes</p>', type: 'truefalse' });
  });

  it('read \\\\ as a backslash, so the character after it keeps its meaning', () => {
    const { questions, diagnostics } = parseGift(String.raw`Which path? {=C:\\ ~D:\\}`, 'x.gift');
    expect(diagnostics).toEqual([]);
    expect(questions[0]?.question).toMatchObject({ type: 'single', options: [{ html: 'C:\\' }, { html: 'D:\\' }] });
  });

  it('keep "//" inside a line as text; only lines that start with it are comments', () => {
    const source = ['Where is http://example.com hosted? {', '  // a comment line between answers', '  =Here', '  ~There', '}'].join('\n');
    const { questions } = parseGift(source, 'x.gift');
    expect(questions[0]?.question).toMatchObject({
      promptHtml: '<p>Where is http://example.com hosted?</p>',
      options: [{ html: 'Here' }, { html: 'There' }],
    });
  });
});

describe('format tags', () => {
  const { questions, diagnostics } = parseGift(read(join(OURS, 'formats.gift')), 'formats.gift');
  const byTitle = (title: string) => questions.find((q) => q.question.title === title)!.question;

  it('import the file cleanly', () => {
    expect(diagnostics).toEqual([]);
    expect(questions).toHaveLength(4);
  });

  it('[html] is sanitised: scripts, handlers and javascript: links disappear', () => {
    const q = byTitle('Html');
    expect(q.promptHtml).toBe('<p>Who is <b>buried</b> here?</p>');
    expect(q.explanationHtml).toBe('<p><a>Read more</a> about <em>Grant</em>.</p>');
    expect(JSON.stringify(q)).not.toMatch(/script|onclick|javascript/);
  });

  it('answers and feedback take their own tag, else the question text format', () => {
    const q = byTitle('Html');
    expect(q.type === 'single' && q.options).toEqual([
      { id: 'a', html: '&lt;no one&gt;', correct: true, weight: 1, feedbackHtml: '<p><strong>Right</strong>: nobody is.</p>' },
      { id: 'b', html: 'Grant', correct: false, weight: 0, feedbackHtml: '<p><i>he is entombed</i></p>' },
    ]);
  });

  it('[markdown] renders Markdown; [moodle] escapes markup and keeps line breaks', () => {
    const q = byTitle('Markdown');
    expect(q.promptHtml).toBe(
      '<p>Who is buried in <strong>Grant\'s tomb</strong>?\nSee <a href="https://www.nps.gov/gegr/">the memorial</a>.</p>',
    );
    expect(q.type === 'single' && q.options.map((o) => o.feedbackHtml)).toEqual([
      '<p>Right, <em>nobody</em>.</p>',
      '<p>Grant is &lt;entombed&gt;,<br />not buried.</p>',
    ]);
  });

  it('[plain] escapes everything', () => {
    const q = byTitle('Plain');
    expect(q).toMatchObject({ promptHtml: '<p>Is 2 &lt; 3 &amp; 3 &gt; 2?</p>', type: 'truefalse', answer: true });
    // The first "#" is the feedback for the wrong answer: "false", since the answer is true.
    expect(q).toMatchObject({ falseFeedbackHtml: '<p><b>Look</b> again.</p>', trueFeedbackHtml: '<p>Yes.</p>' });
  });

  it('the missing-word blank survives Markdown and HTML rendering', () => {
    const { questions } = parseGift('[markdown]Grant is {~buried =entombed} in **his** tomb.\n\n[html]Grant is {~buried =entombed} in <b>his</b> tomb.', 'x.gift');
    expect(questions.map((q) => q.question.promptHtml)).toEqual([
      '<p>Grant is _____ in <strong>his</strong> tomb.</p>',
      '<p>Grant is _____ in <b>his</b> tomb.</p>',
    ]);
  });

  it('untagged text is Moodle auto-format: markup shown as typed, line breaks kept', () => {
    expect(byTitle('Moodle')).toMatchObject({ type: 'essay', promptHtml: '<p>First line<br />second line<br />third line</p>' });
  });

  it('a bracketed word that is no format and no near miss stays text, as in Moodle', () => {
    const { questions, diagnostics } = parseGift('[Note] Read carefully. {T}', 'x.gift');
    expect(diagnostics).toEqual([]);
    expect(questions[0]?.question.promptHtml).toBe('<p>[Note] Read carefully.</p>');
  });
});

describe('weights', () => {
  it('thirds add up to 100% as Moodle rounds them, and read as written', () => {
    const { questions, diagnostics } = parseGift('Pick the primes. {~%33.33333%2 ~%33.33333%3 ~%33.33333%5 ~%-100%4}', 'x.gift');
    expect(diagnostics).toEqual([]);
    const q = questions[0]!.question;
    expect(q.type === 'multiple' && q.options.map((o) => o.weight)).toEqual([0.3333333, 0.3333333, 0.3333333, -1]);
  });
});

describe('categories', () => {
  it('apply to the questions that follow, until the next $CATEGORY', () => {
    const { questions, diagnostics } = parseGift(read(join(OURS, 'categories.gift')), 'categories.gift');
    expect(diagnostics).toEqual([]);
    expect(questions.map((q) => [q.question.type, q.category])).toEqual([
      ['truefalse', undefined],
      ['short', '$course$/top/Presidents'],
      ['numeric', '$course$/top/Presidents'],
      ['matching', '$course$/top/Geography: capitals'],
    ]);
  });
});

describe('line endings and layout', () => {
  it('reads Windows (CRLF) and old Mac (CR) files exactly like Unix ones', () => {
    const unix = read(join(MOODLE, 'moodle-examples.gift'));
    const expected = parseGift(unix, 'x.gift');
    for (const eol of ['\r\n', '\r']) {
      const result = parseGift(unix.replace(/\n/g, eol), 'x.gift');
      expect(result.diagnostics).toEqual([]);
      expect(result.questions).toEqual(expected.questions);
    }
  });

  it('reports CRLF positions by line and column, not by byte', () => {
    const { diagnostics } = parseGift('// note\r\n\r\n   Who? {~only}\r\n', 'x.gift');
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[3, 9]]);
  });

  it('ignores a byte-order mark and a description needs no braces', () => {
    const { questions } = parseGift('\uFEFF::Welcome::Read each question twice.', 'x.gift');
    expect(questions[0]).toMatchObject({ line: 1, column: 1, question: { type: 'description', points: 0, promptHtml: '<p>Read each question twice.</p>' } });
  });

  it('takes general feedback after #### for any type', () => {
    const { questions } = parseGift('Essay time. {####[markdown]Mention **two** causes.}\n\nSum? {#4 ####Two and two.}', 'x.gift');
    expect(questions.map((q) => [q.question.type, q.question.explanationHtml])).toEqual([
      ['essay', '<p>Mention <strong>two</strong> causes.</p>'],
      ['numeric', '<p>Two and two.</p>'],
    ]);
  });
});

describe('broken files', () => {
  const check = (name: string) => {
    const file = `tests/fixtures/gift/broken/${name}.gift`;
    const result = parseGift(read(join(OURS, 'broken', `${name}.gift`)), file);
    return { ...result, text: result.diagnostics.map(formatDiagnostic).join('\n') };
  };

  it('gift/unclosed-brace: a blank line inside the braces, and braces never closed', () => {
    const { text, questions } = check('unclosed-brace');
    expect(questions).toEqual([]);
    expect(text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/unclosed-brace.gift:2:32: error: the answers opened with "{" are cut off by the blank line at line 4 [gift/unclosed-brace]
        hint: a blank line ends a question in GIFT: remove the blank lines between "{" and "}"
      tests/fixtures/gift/broken/unclosed-brace.gift:9:25: error: the answers opened with "{" are never closed with "}" [gift/unclosed-brace]
        hint: close the answers with "}" before the next blank line (a blank line ends a question), or write "\\{" for a literal brace"
    `);
  });

  it('gift/stray-brace: "}" first, a nested "{", a second set of answers', () => {
    expect(check('stray-brace').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/stray-brace.gift:1:39: error: found "}" with no "{" before it [gift/stray-brace]
        hint: open the answers with "{", or write "\\}" for a literal brace
      tests/fixtures/gift/broken/stray-brace.gift:3:29: error: found a second "{" before the answers opened at 3:10 were closed [gift/stray-brace]
        hint: close the answers with "}" first, or write "\\{" for a literal brace
      tests/fixtures/gift/broken/stray-brace.gift:5:29: error: found "{" after the answers closed at 5:24; a question has one set of answers [gift/stray-brace]
        hint: separate questions with a blank line, or write "\\{" for a literal brace"
    `);
  });

  it('gift/unclosed-title', () => {
    expect(check('unclosed-title').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/unclosed-title.gift:1:1: error: the question title opened with "::" is never closed [gift/unclosed-title]
        hint: end the title with "::", e.g. "::Grant's tomb::Who is buried in Grant's tomb?{=no one}""
    `);
  });

  it('gift/empty-question', () => {
    expect(check('empty-question').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/empty-question.gift:1:1: error: the question has a title but no text [gift/empty-question]
        hint: write the question after the title, e.g. "::Tomb::Who is buried in Grant's tomb?{=no one}"
      tests/fixtures/gift/broken/empty-question.gift:3:1: error: the question has answers but no text [gift/empty-question]
        hint: write the question before the "{", e.g. "Who is buried in Grant's tomb?{=no one}""
    `);
  });

  it('gift/no-answers: one choice, one pair, no number, only a catch-all', () => {
    expect(check('no-answers').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/no-answers.gift:1:32: error: a multiple-choice question needs at least 2 answers, found 1 [gift/no-answers]
        hint: add answers: "=" before the right one, "~" before each wrong one, e.g. {=no one ~Grant ~Jefferson}
      tests/fixtures/gift/broken/no-answers.gift:3:20: error: a matching question needs at least 2 pairs, found 1 [gift/no-answers]
        hint: write each pair as "=question -> answer", e.g. "=Canada -> Ottawa"; "= -> Chat" adds an answer that matches nothing
      tests/fixtures/gift/broken/no-answers.gift:5:22: error: a numeric question needs at least one number after "#" [gift/no-answers]
        hint: write the answer after "#", e.g. {#1822}, {#1822:2} (within 2) or {#1820..1824} (a range)
      tests/fixtures/gift/broken/no-answers.gift:7:27: error: a short-answer question needs at least one accepted answer [gift/no-answers]
        hint: add an answer after "=", e.g. {=no one =nobody}"
    `);
  });

  it('gift/no-marker: an answer without "=" or "~"', () => {
    expect(check('no-marker').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/no-marker.gift:1:33: error: the answer "Grant" has no "=" or "~" in front [gift/no-marker]
        hint: start each answer with "=" (right) or "~" (wrong), e.g. {=no one ~Grant ~Jefferson}
      tests/fixtures/gift/broken/no-marker.gift:3:33: error: the answer "Paris" has no "=" or "~" in front [gift/no-marker]
        hint: start each answer with "=" (right) or "~" (wrong), e.g. {=no one =nobody}"
    `);
  });

  it('gift/bad-truefalse: Moodle only knows T, TRUE, F and FALSE in capitals', () => {
    expect(check('bad-truefalse').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/bad-truefalse.gift:1:29: error: expected T, TRUE, F or FALSE in capitals, received "true" [gift/bad-truefalse]
        hint: write {TRUE} for a true/false question, or {=true} for a short answer "true""
    `);
  });

  it('gift/bad-weight: malformed, out of range, on "=", not adding up, negative for text', () => {
    expect(check('bad-weight').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/bad-weight.gift:1:30: error: expected a weight such as %50%, received "%fifty%" [gift/bad-weight]
        hint: write a percentage from -100% to 100% between two "%" signs, e.g. "~%50%half right"
      tests/fixtures/gift/broken/bad-weight.gift:3:30: error: expected a weight from -100% to 100%, received "%150%" [gift/bad-weight]
        hint: a weight is a share of the points: 100% at most, and no less than -100% for a wrong choice
      tests/fixtures/gift/broken/bad-weight.gift:5:30: error: "=%50%" in a multiple-choice question: "=" already marks the full-credit answer [gift/bad-weight]
        hint: write "~%50%answer" for partial credit, or drop the weight
      tests/fixtures/gift/broken/bad-weight.gift:7:29: error: the right answers of a multiple-answer question add up to 75%, expected 100% [gift/bad-weight]
        hint: give the right answers weights that add up to 100%, e.g. "~%50%Grant ~%50%Grant's wife", or mark the one right answer with "="
      tests/fixtures/gift/broken/bad-weight.gift:9:35: error: expected a weight from 0% to 100%, received "%-50%" [gift/bad-weight]
        hint: a weight is a share of the points from 0% to 100%; only choice answers take negative weights"
    `);
  });

  it('gift/bad-number: not a number, a backwards range, "~" without "#", a negative tolerance', () => {
    expect(check('bad-number').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/bad-number.gift:1:24: error: expected a number, received "eighteen22" [gift/bad-number]
        hint: write a number such as 1822 or 3.1415, optionally with a tolerance (1822:2) or as a range (3.141..3.142); use a dot for decimals
      tests/fixtures/gift/broken/bad-number.gift:3:29: error: the range "3.15..3.13" runs backwards [gift/bad-number]
        hint: write the smaller number first: 3.13..3.15
      tests/fixtures/gift/broken/bad-number.gift:5:35: error: expected "~#feedback" for wrong answers, received "~Completely wrong" [gift/bad-number]
        hint: write the feedback for any other answer as "~#Completely wrong"
      tests/fixtures/gift/broken/bad-number.gift:7:29: error: expected a tolerance of zero or more after ":", received "-1" [gift/bad-number]
        hint: write a number such as 1822 or 3.1415, optionally with a tolerance (1822:2) or as a range (3.141..3.142); use a dot for decimals"
    `);
  });

  it('gift/unknown-format: a mistyped tag on the question text and on feedback', () => {
    const { text, questions } = check('unknown-format');
    expect(questions.map((q) => q.line)).toEqual([8]);
    expect(text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/unknown-format.gift:1:1: error: unknown text format "[htlm]" [gift/unknown-format]
        hint: did you mean "[html]"? GIFT knows [html], [moodle], [plain] and [markdown]
      tests/fixtures/gift/broken/unknown-format.gift:4:14: error: unknown text format "[markdwn]" [gift/unknown-format]
        hint: did you mean "[markdown]"? GIFT knows [html], [moodle], [plain] and [markdown]"
    `);
  });

  it('gift/empty-answer', () => {
    expect(check('empty-answer').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/empty-answer.gift:1:40: error: "~" is followed by no answer text [gift/empty-answer]
        hint: write the answer after the marker, e.g. "~Jefferson", or delete the marker (write "\\~" or "\\=" for a literal one)
      tests/fixtures/gift/broken/empty-answer.gift:3:34: error: "=" is followed by no answer text [gift/empty-answer]
        hint: write the accepted answer after "=", e.g. "=no one", or delete the "=" (write "\\=" for a literal one)"
    `);
  });

  it('gift/bad-matching: no arrow, feedback on a pair, nothing after the arrow', () => {
    expect(check('bad-matching').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/bad-matching.gift:1:41: error: expected "question -> answer", received "Italy Rome" [gift/bad-matching]
        hint: write each pair as "=question -> answer", e.g. "=Canada -> Ottawa"; "= -> Chat" adds an answer that matches nothing
      tests/fixtures/gift/broken/bad-matching.gift:3:40: error: matching pairs take no feedback after "#" [gift/bad-matching]
        hint: delete the feedback, or write "\\#" for a literal "#"
      tests/fixtures/gift/broken/bad-matching.gift:5:30: error: the pair has no answer after "->" [gift/bad-matching]
        hint: write each pair as "=question -> answer", e.g. "=Canada -> Ottawa"; "= -> Chat" adds an answer that matches nothing"
    `);
  });

  it('gift/unsupported: a catch-all answer that earns credit', () => {
    expect(check('unsupported').text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/unsupported.gift:1:34: error: a catch-all "*" answer worth 50% cannot be imported: any answer would earn credit [gift/unsupported]
        hint: give the catch-all no credit ("=%0%*#feedback for other answers"), or list the accepted answers"
    `);
  });

  it('gift/category-line: a warning, and the question is still imported', () => {
    const { text, questions } = check('category-line');
    expect(questions.map((q) => [q.category, q.question.type])).toEqual([['$course$/top/Animals', 'short']]);
    expect(text).toMatchInlineSnapshot(`
      "tests/fixtures/gift/broken/category-line.gift:2:1: warning: a question follows "$CATEGORY:" without a blank line; Moodle would read it as part of the category name [gift/category-line]
        hint: put a blank line after the "$CATEGORY:" line"
    `);
  });

  it('collects every error in one pass and keeps the good questions', () => {
    const source = ['Good one? {T}', '', 'Bad weight. {~%x%a =b}', '', 'Also good. {=yes}', '', 'Bad number. {#abc}', '', 'Bad format. {=[htm]a}'].join('\n');
    const { questions, diagnostics } = parseGift(source, 'mixed.gift');
    expect(questions.map((q) => q.line)).toEqual([1, 5]);
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['3:15 gift/bad-weight', '7:15 gift/bad-number', '9:15 gift/unknown-format']);
  });
});

describe('any input', () => {
  const piece = fc.constantFrom('{', '}', '~', '=', '#', '####', '%50%', '%-25%', '%x%', '->', '::', '\\', '\\~', '\\n', '[html]', '[markdown]', '[htm]', '..', ':', '1822', 'T', 'FALSE', '*', ' ', '\n', '\n\n', '\r\n', '// c\n', '$CATEGORY: a\n', 'word', '<b>', '.');
  const file = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

  it('never throws; questions fit the model and diagnostics point inside the file', () => {
    fc.assert(
      fc.property(file, (source) => {
        const { questions, diagnostics } = parseGift(source, 'fuzz.gift');
        const lines = source.split(/\r\n|\r|\n/);
        for (const q of questions) expect(QuestionSchema.safeParse(q.question).success).toBe(true);
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
          expect(d.hint).toBeTruthy();
        }
      }),
      { numRuns: 500 },
    );
  });
});
