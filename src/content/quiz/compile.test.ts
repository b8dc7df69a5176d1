import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { QuestionSchema, QuizSchema, type Question, type Quiz } from '../schema/quiz.ts';
import { withAnswerIds } from './answer-ids.ts';
import { parseQuizBody, serializeQuestion, slugify, type QuizBodyInput } from './compile.ts';
import { renderInline, renderMarkdown } from '../markdown/render.ts';

const FILE = 'content/external-customers/09-quiz.md';

/** Parses a quiz body whose first line is line 2 of the file (the `:::quiz` fence is line 1). */
function parse(lines: string[], overrides: Partial<QuizBodyInput> = {}) {
  return parseQuizBody({
    body: lines.join('\n'),
    file: FILE,
    startLine: 2,
    quizId: 'final-quiz',
    title: 'Final quiz',
    lessonId: 'quiz',
    attrs: {},
    coursePassMark: 80,
    ...overrides,
  });
}

/** The quiz, which must have parsed without diagnostics and must satisfy the schema. */
function quizOf(lines: string[], overrides: Partial<QuizBodyInput> = {}): Quiz {
  const result = parse(lines, overrides);
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  return QuizSchema.parse(result.quiz);
}

const only = (lines: string[]): Question => {
  const questions = quizOf(lines).questions;
  expect(questions).toHaveLength(1);
  return questions[0]!;
};

const errors = (lines: string[], overrides: Partial<QuizBodyInput> = {}): string => {
  const result = parse(lines, overrides);
  if (result.diagnostics.length > 0) expect(result.quiz).toBeNull();
  return result.diagnostics.map(formatDiagnostic).join('\n');
};

describe('parseQuizBody: question types', () => {
  it('reads a single-choice question with option feedback, hint and explanation', () => {
    const q = only([
      '### Which of these is an external customer?',
      '- ( ) A colleague in Human Resources',
      '- (x) A restaurant that buys a **coffee maker**',
      '  > Right: it buys from the company for its own guests.',
      '> hint: Who pays?',
      '> explanation: External customers are outside the company.',
      '> It buys for its guests.',
      '> correct: Well done.',
      '> incorrect: Not quite.',
    ]);
    expect(q).toEqual({
      id: 'which-of-these-is-an-external',
      type: 'single',
      promptHtml: '<p>Which of these is an external customer?</p>',
      points: 1,
      hintHtml: '<p>Who pays?</p>',
      explanationHtml: '<p>External customers are outside the company.\nIt buys for its guests.</p>',
      correctFeedbackHtml: '<p>Well done.</p>',
      incorrectFeedbackHtml: '<p>Not quite.</p>',
      source: `${FILE}:2:1`,
      options: [
        { id: 'a-colleague-in-human-resources', html: 'A colleague in Human Resources', correct: false, weight: 0 },
        {
          id: 'a-restaurant-that-1d9ezvi',
          html: 'A restaurant that buys a <strong>coffee maker</strong>',
          correct: true,
          weight: 1,
          feedbackHtml: '<p>Right: it buys from the company for its own guests.</p>',
        },
      ],
    });
  });

  it('reads a multiple-choice question: correct options share +1, wrong ones take a share away', () => {
    const q = only(['### Which are customer touchpoints?', '- [x] Call centres', '- [X] Mobile apps', '- [ ] Pricing strategy', '- [ ] Payroll']);
    expect(q.type).toBe('multiple');
    if (q.type !== 'multiple') return;
    expect(q.options.map((o) => [o.id, o.weight, o.correct])).toEqual([
      ['call-centres', 0.5, true],
      ['mobile-apps', 0.5, true],
      ['pricing-strategy', -0.5, false],
      ['payroll', -0.5, false],
    ]);
  });

  it('takes explicit percentage weights on options (GIFT partial credit)', () => {
    const q = only([
      '### Jesus Christ was from',
      '- ( ) Jerusalem',
      '- ( ) %25% Bethlehem',
      '  > He was born here, but not raised here.',
      '- ( ) %50% Galilee',
      '- (x) Nazareth',
    ]);
    if (q.type !== 'single') throw new Error(q.type);
    expect(q.options.map((o) => [o.html, o.weight, o.correct])).toEqual([
      ['Jerusalem', 0, false],
      ['Bethlehem', 0.25, true],
      ['Galilee', 0.5, true],
      ['Nazareth', 1, true],
    ]);
    const multiple = only(['### Who is in the tomb?', '- [ ] %-100% No one', '- [x] %50% Grant', '- [x] %50% His wife', '- [ ] %0% His father']);
    if (multiple.type !== 'multiple') throw new Error(multiple.type);
    expect(multiple.options.map((o) => o.weight)).toEqual([-1, 0.5, 0.5, 0]);
  });

  it('reads true/false, with answer-specific feedback', () => {
    expect(only(['### The sun rises in the east.', '= TRUE'])).toMatchObject({ type: 'truefalse', answer: true });
    expect(
      only(['### Grant is buried in his tomb.', '= false', '  > Right, no one is buried there.', '> true: He is entombed, not buried.']),
    ).toMatchObject({
      type: 'truefalse',
      answer: false,
      falseFeedbackHtml: '<p>Right, no one is buried there.</p>',
      trueFeedbackHtml: '<p>He is entombed, not buried.</p>',
    });
  });

  it('reads a short answer with alternatives, partial credit, case rule and "otherwise" feedback', () => {
    const q = only(['### Which is the best animal? {case=sensitive}', '= Frog', '  > Good!', '= %50% Cat', '= %0% *', '> otherwise: Completely wrong.']);
    expect(q).toMatchObject({
      type: 'short',
      caseSensitive: true,
      accepted: [
        { text: 'Frog', weight: 1, feedbackHtml: '<p>Good!</p>' },
        { text: 'Cat', weight: 0.5 },
        { text: '*', weight: 0 },
      ],
      otherwiseFeedbackHtml: '<p>Completely wrong.</p>',
    });
    expect(only(['### Capital of Canada?', '= Ottawa'])).toMatchObject({ type: 'short', caseSensitive: false });
  });

  it('reads numeric answers: exact, tolerance, range, partial credit; numbers alone make it numeric', () => {
    const q = only(['### When was Grant born?', '= 1822', '= %50% 1822 +- 2', '= 1821.5..1822.5', '= -3 ± 0.5']);
    expect(q).toMatchObject({
      type: 'numeric',
      answers: [
        { value: 1822, min: 1822, max: 1822, weight: 1 },
        { value: 1822, min: 1820, max: 1824, weight: 0.5 },
        { value: 1822, min: 1821.5, max: 1822.5, weight: 1 },
        { value: -3, min: -3.5, max: -2.5, weight: 1 },
      ],
    });
  });

  it('{type=short} keeps number-like answers as text; {type=numeric} insists on numbers', () => {
    expect(only(['### Two plus two? {type=short}', '= 4', '= four'])).toMatchObject({ type: 'short' });
    expect(only(['### Two plus two?', '= 4', '= four'])).toMatchObject({ type: 'short', accepted: [{ text: '4' }, { text: 'four' }] });
    expect(only(['### A year? {type=short}', '= 1822'])).toMatchObject({ type: 'short', accepted: [{ text: '1822' }] });
    expect(only(['### Is it true? {type=short}', '= true'])).toMatchObject({ type: 'short' });
  });

  it('reads fill-in-the-blanks with alternatives and drop-downs, in the heading and in paragraphs', () => {
    const q = only(['### Grant is [[~buried =entombed ~living]] in Grant\'s tomb.', '', 'Paint it [[colour|color]], not [[grey]].']);
    expect(q).toMatchObject({
      type: 'blanks',
      promptHtml:
        '<p>Grant is <cm-blank n="0"></cm-blank> in Grant\'s tomb.</p>\n<p>Paint it <cm-blank n="1"></cm-blank>, not <cm-blank n="2"></cm-blank>.</p>',
      blanks: [
        { accepted: ['entombed'], choices: ['buried', 'entombed', 'living'], caseSensitive: false },
        { accepted: ['colour', 'color'], caseSensitive: false },
        { accepted: ['grey'], caseSensitive: false },
      ],
    });
    expect(q.id).toBe('grant-is-in-grants-tomb');
  });

  it('reads matching pairs with distractors', () => {
    const q = only(['### Match the capitals', '- Canada -> Ottawa', '- **Italy** -> Rome', '- -> Chat', '- Japan -> Tokyo']);
    expect(q).toMatchObject({
      type: 'matching',
      pairs: [
        { id: 'canada', promptHtml: 'Canada', answer: 'Ottawa' },
        { id: 'italy', promptHtml: '<strong>Italy</strong>', answer: 'Rome' },
        { id: 'japan', promptHtml: 'Japan', answer: 'Tokyo' },
      ],
      distractors: ['Chat'],
    });
  });

  it('reads an ordering question in its correct order', () => {
    const q = only(['### Put the steps in order', '1. Greet the customer', '2. Listen', '3) Solve the *problem*']);
    expect(q).toMatchObject({
      type: 'ordering',
      items: [
        { id: 'greet-the-customer', html: 'Greet the customer' },
        { id: 'listen', html: 'Listen' },
        { id: 'solve-the-problem', html: 'Solve the <em>problem</em>' },
      ],
    });
  });

  it('reads an essay with a model answer, and a description', () => {
    const quiz = quizOf([
      '### Before you start {type=description}',
      '',
      'The next questions are about **service**.',
      '',
      '### Describe an external customer {type=essay points=5}',
      '',
      'Use an example from your work.',
      '',
      '???',
      'Someone outside the company who buys from it.',
      '',
      '- for example a restaurant',
      '> explanation: Customers buy; consumers use.',
      '',
      '### Why does it matter?',
      '???',
      'Their expectations decide.',
    ]);
    expect(quiz.questions).toMatchObject([
      { type: 'description', id: 'before-you-start', promptHtml: '<p>Before you start</p>\n<p>The next questions are about <strong>service</strong>.</p>' },
      {
        type: 'essay',
        points: 5,
        promptHtml: '<p>Describe an external customer</p>\n<p>Use an example from your work.</p>',
        modelAnswerHtml: '<p>Someone outside the company who buys from it.</p>\n<ul>\n<li>for example a restaurant</li>\n</ul>',
        explanationHtml: '<p>Customers buy; consumers use.</p>',
      },
      { type: 'essay', modelAnswerHtml: '<p>Their expectations decide.</p>' },
    ]);
    expect(only(['### Tell us about your day {type=essay}'])).toMatchObject({ type: 'essay', promptHtml: '<p>Tell us about your day</p>' });
  });

  it('keeps paragraphs, plain lists, quotes and code in the question text', () => {
    const q = only([
      '### Look at this order',
      '',
      'A customer wrote:',
      '',
      '> Churchill: we shall fight',
      '',
      '- two coffees',
      '- one tea',
      '',
      '```',
      '### not a heading',
      '- (x) not an option',
      '```',
      '',
      '- (x) Fine',
      '- ( ) Not fine',
    ]);
    expect(q.promptHtml).toBe(
      '<p>Look at this order</p>\n<p>A customer wrote:</p>\n<blockquote>\n<p>Churchill: we shall fight</p>\n</blockquote>\n<ul>\n<li>two coffees</li>\n<li>one tea</li>\n</ul>\n<pre><code>### not a heading\n- (x) not an option\n</code></pre>',
    );
    if (q.type !== 'single') throw new Error(q.type);
    expect(q.options).toHaveLength(2);
  });

  it('ignores one-line HTML comments under the answers', () => {
    const q = only(['### Pick one <!-- from the 2023 exam -->', '- (x) A', '<!-- - ( ) B (too easy) -->', '- ( ) C']);
    if (q.type !== 'single') throw new Error(q.type);
    expect(q.options.map((o) => o.html)).toEqual(['A', 'C']);
    expect(q.promptHtml).toBe('<p>Pick one</p>');
    expect(q.id).toBe('pick-one');
  });

  it('continues an option on indented lines', () => {
    const q = only(['### Pick one', '- (x) A long option', '  that wraps', '- ( ) Short']);
    if (q.type !== 'single') throw new Error(q.type);
    expect(q.options[0]!.html).toBe('A long option\nthat wraps');
  });

  it('renders the intro before the first question', () => {
    const result = parse(['Answer **all** questions.', '', '### Pick one', '- (x) A', '- ( ) B']);
    expect(result.introHtml).toBe('<p>Answer <strong>all</strong> questions.</p>');
    expect(parse(['### Pick one', '- (x) A', '- ( ) B']).introHtml).toBe('');
  });

  it('sanitises what tutors write', () => {
    const q = only(['### Pick <script>alert(1)</script>one', '- (x) <img src=x onerror=alert(1)>A', '- ( ) [B](javascript:alert(1))']);
    expect(q.promptHtml).not.toMatch(/script|onerror/);
    if (q.type !== 'single') throw new Error(q.type);
    expect(q.options.map((o) => o.html).join('')).not.toMatch(/onerror|javascript/);
  });
});

describe('parseQuizBody: settings and ids', () => {
  const two = ['### One?', '- (x) A', '- ( ) B', '### Two?', '= 2'];

  it('defaults: no shuffling, immediate feedback, the course pass mark', () => {
    const quiz = quizOf(two);
    expect(quiz).toMatchObject({ id: 'final-quiz', title: 'Final quiz', lessonId: 'quiz', passMark: 80 });
    expect(quiz.settings).toEqual({ shuffleQuestions: false, shuffleOptions: false, feedback: 'immediate' });
  });

  it('maps the fence attributes onto the settings', () => {
    const quiz = quizOf(two, { attrs: { pass: 60, attempts: 3, shuffle: 'all', draw: 1, feedback: 'end', time: 20 } });
    expect(quiz.passMark).toBe(60);
    expect(quiz.settings).toEqual({
      passMark: 60,
      attempts: 3,
      shuffleQuestions: true,
      shuffleOptions: true,
      draw: 1,
      feedback: 'end',
      timeLimit: 20,
    });
    expect(quizOf(two, { attrs: { shuffle: 'questions' } }).settings).toMatchObject({ shuffleQuestions: true, shuffleOptions: false });
    expect(quizOf(two, { attrs: { shuffle: 'options' } }).settings).toMatchObject({ shuffleQuestions: false, shuffleOptions: true });
    expect(quizOf(two, { attrs: { shuffle: 'none' } }).settings).toMatchObject({ shuffleQuestions: false, shuffleOptions: false });
  });

  it('derives ids from the heading (at most six words), numbers duplicates, and keeps explicit ids', () => {
    const quiz = quizOf([
      '### What is the capital city of Canada, in North America?',
      '= Ottawa',
      '### Café **owners**: who are they?',
      '= customers',
      '### Pick one',
      '- (x) A',
      '- ( ) B',
      '### Pick one',
      '- (x) A',
      '- ( ) B',
      '### Another {#pick-one}',
      '= x',
      '### ¿¡!?',
      '= y',
    ]);
    expect(quiz.questions.map((q) => q.id)).toEqual([
      'what-is-the-capital-city-of',
      'cafe-owners-who-are-they',
      'pick-one-2',
      'pick-one-3',
      'pick-one',
      'question',
    ]);
  });

  it('keeps derived ids when questions are reordered', () => {
    const a = ['### Alpha question', '= a'];
    const b = ['### Beta question', '= b'];
    const forward = quizOf([...a, ...b]).questions.map((q) => q.id);
    const backward = quizOf([...b, ...a]).questions.map((q) => q.id);
    expect(backward).toEqual([...forward].reverse());
  });

  it('reads points, title and points=0', () => {
    expect(only(['### Hard one {points=2.5 title="Kanji \\"origins\\""}', '= China'])).toMatchObject({ points: 2.5, title: 'Kanji "origins"' });
    expect(only(["### Warm-up {points=0 title='Start'}", '= x'])).toMatchObject({ points: 0, title: 'Start' });
  });

  it('appends questions from a GIFT file after the Markdown ones', () => {
    const gift: Question = {
      id: 'kanji-origins',
      type: 'short',
      promptHtml: '<p>Japanese characters came from?</p>',
      points: 1,
      accepted: [{ text: 'China', weight: 1 }],
      caseSensitive: false,
    };
    const quiz = quizOf(['### Pick one', '- (x) A', '- ( ) B'], { extraQuestions: [gift] });
    expect(quiz.questions.map((q) => q.id)).toEqual(['pick-one', 'kanji-origins']);
    expect(quizOf([], { extraQuestions: [gift] }).questions).toEqual([gift]);
  });

  it('uses a title when the block has none', () => {
    expect(quizOf(two, { title: '  ' }).title).toBe('Quiz');
  });
});

describe('parseQuizBody: diagnostics', () => {
  it('quiz/empty: no questions at all', () => {
    expect(errors(['Just an intro.'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:1:1: error: a quiz with no questions: expected at least one "### question" heading, received none [quiz/empty]
        hint: add a question under the intro, e.g. "### Which city is the capital of Canada?" followed by "- (x) Ottawa" and "- ( ) Toronto""
    `);
    expect(errors(['### Read this {type=description}'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:1:1: error: a quiz with nothing to answer: expected at least one question that is not {type=description} [quiz/empty]
        hint: add a question with answers"
    `);
  });

  it('quiz/one-correct: none or several (x)', () => {
    expect(errors(['### Capital of Canada?', '- ( ) Toronto', '- ( ) Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:3: error: a single-choice question needs exactly one correct option: expected one "(x)", received 0 [quiz/one-correct]
        hint: mark the right option with (x), e.g. "- (x) Toronto""
    `);
    expect(errors(['### Capital of Canada?', '- (x) Toronto', '- (x) Ottawa', '- ( ) Rome'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:3: error: a single-choice question needs exactly one correct option: expected one "(x)", received 2 [quiz/one-correct]
        hint: keep (x) on one option and make the others ( ), or use "- [x]" / "- [ ]" for a question with several right answers"
    `);
  });

  it('quiz/no-correct: a multiple-choice question with no [x]', () => {
    expect(errors(['### Touchpoints?', '- [ ] Call centres', '- [ ] Payroll'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:3: error: a multiple-choice question needs at least one correct option: expected "[x]" on an option, received none [quiz/no-correct]
        hint: tick each right option with [x], e.g. "- [x] Call centres""
    `);
  });

  it('quiz/no-correct: answers that earn nothing, a drop-down with no right choice', () => {
    expect(errors(['### Best animal?', '= %0% Cat'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:1: error: no answer earns points: expected at least one accepted answer above 0% [quiz/no-correct]
        hint: remove "%0%" from the right answer, e.g. "= Cat""
    `);
    expect(errors(['### Grant is [[~buried ~living]] there.'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:14: error: a drop-down blank needs a right choice: expected one "=choice", received none [quiz/no-correct]
        hint: mark the right one with "=", e.g. "[[~buried =living]]""
    `);
  });

  it('quiz/mixed-options: ( ) and [ ] in one question', () => {
    expect(errors(['### Touchpoints?', '- [x] Call centres', '- ( ) Payroll', '- [ ] Pricing'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:3: error: one question mixes "( )" and "[ ]" options: expected all "[ ]" (several right answers), received "( )" [quiz/mixed-options]
        hint: use "- ( )" / "- (x)" on every option for one right answer, or "- [ ]" / "- [x]" on every option for several"
    `);
  });

  it('quiz/duplicate-option: the same option twice', () => {
    expect(errors(['### Capital?', '- (x) Ottawa', '- ( ) Rome', '- ( )  ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:5:8: error: duplicate option: "ottawa" is already on line 3 [quiz/duplicate-option]
        hint: remove one of them or change its text"
    `);
    expect(errors(['### Capital?', '= Ottawa', '= OTTAWA'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:3: error: duplicate accepted answer: "OTTAWA" is already on line 3 [quiz/duplicate-option]
        hint: remove one of them or change its text"
    `);
    expect(errors(['### Capital? {case=sensitive}', '= Ottawa', '= OTTAWA'])).toBe('');
    expect(errors(['### Order', '1. One', '2. One'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:4: error: duplicate ordering item: "One" is already on line 3 [quiz/duplicate-option]
        hint: remove one of them or change its text"
    `);
    expect(errors(['### Match', '- Canada -> Ottawa', '- Italy -> Rome', '- -> Rome'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:5:6: error: duplicate distractor: "Rome" is already an answer [quiz/duplicate-option]
        hint: remove it or change its text"
    `);
  });

  it('quiz/no-answer: a question with no answers', () => {
    expect(errors(['### What is a customer?', '', 'Think about it.', '### Next', '= x'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:5: error: a question with no answers: expected options, "=" answers, pairs, a numbered list or [[blanks]], received none [quiz/no-answer]
        hint: add the answers under the heading, e.g. "- (x) Ottawa" and "- ( ) Toronto", or write {type=essay} for a free-text question"
    `);
  });

  it('quiz/bad-tolerance: negative tolerance, min > max, not a number', () => {
    expect(errors(['### Pi?', '= 3.14 +- -0.01'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:11: error: negative tolerance: expected 0 or more, received -0.01 [quiz/bad-tolerance]
        hint: write "= 3.14 +- 0.01""
    `);
    expect(errors(['### Pi?', '= 3.2..3.1'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:3: error: empty range: expected the smaller number first, received 3.2..3.1 [quiz/bad-tolerance]
        hint: write "= 3.1..3.2""
    `);
    expect(errors(['### Pi?', '= 3.14 +- abc'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:11: error: invalid tolerance: expected a number after "+-", received "abc" [quiz/bad-tolerance]
        hint: write e.g. "= 3.14 +- 0.5""
    `);
    expect(errors(['### Pi?', '= 3.1..x'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:8: error: invalid range: expected a number after "..", received "x" [quiz/bad-tolerance]
        hint: write e.g. "= 3.1..4.1""
    `);
    expect(errors(['### Pi? {type=numeric}', '= three'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:3: error: not a number: expected a number, "value +- tolerance" or "min..max", received "three" [quiz/bad-tolerance]
        hint: write e.g. "= 1822", "= 3.1415 +- 0.0005" or "= 3.141..3.142", or remove {type=numeric} to accept text"
    `);
  });

  it('quiz/unknown-attribute and quiz/bad-attribute on the heading', () => {
    expect(errors(['### Capital? {#capital point=2}', '= Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:24: error: unknown question attribute: expected one of id, points, type, case, title, received "point" [quiz/unknown-attribute]
        hint: did you mean "points"?"
    `);
    expect(errors(['### Capital? {colour=red}', '= Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:15: error: unknown question attribute: expected one of id, points, type, case, title, received "colour" [quiz/unknown-attribute]
        hint: remove it; a question takes {#id points=2 type=short case=sensitive title="..."}"
    `);
    expect(errors(['### Capital? {type=shrot points=-1 case=upper #Bad_Id}', '= Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:20: error: unknown question type: expected one of single, multiple, truefalse, short, numeric, blanks, matching, ordering, essay, description, received "shrot" [quiz/bad-attribute]
        hint: did you mean "type=short"?
      content/external-customers/09-quiz.md:2:33: error: invalid points: expected a number of 0 or more, received "-1" [quiz/bad-attribute]
        hint: write e.g. {points=2}
      content/external-customers/09-quiz.md:2:41: error: invalid case rule: expected "sensitive" or "insensitive", received "upper" [quiz/bad-attribute]
        hint: write {case=sensitive} to compare answers case-sensitively
      content/external-customers/09-quiz.md:2:47: error: invalid question id: expected lowercase letters, digits and hyphens, received "#Bad_Id" [quiz/bad-attribute]
        hint: write the id like {#capital-of-canada}"
    `);
    expect(errors(['### Capital? {essay}', '= Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:15: error: unreadable heading attribute: expected key=value or #id, received "essay" [quiz/bad-attribute]
        hint: did you mean "type=essay"?"
    `);
  });

  it('quiz/unknown-feedback: a mistyped label, an unlabelled quote under the answers, a label for another type', () => {
    expect(errors(['### Capital?', '= Ottawa', '> hnit: the biggest city is not it'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:3: error: unknown feedback label: expected one of hint, explanation, correct, incorrect, or true/false (true/false questions), otherwise (short and numeric answers), received "hnit" [quiz/unknown-feedback]
        hint: did you mean "> hint: ..."?"
    `);
    expect(errors(['### Capital?', '= Ottawa', '> Note: the biggest city is not it'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:3: error: unknown feedback label: expected one of hint, explanation, correct, incorrect, or true/false (true/false questions), otherwise (short and numeric answers), received "Note" [quiz/unknown-feedback]
        hint: write "> hint: ...", "> explanation: ...", "> correct: ..." or "> incorrect: ..." ("> true:", "> false:" on a true/false question, "> otherwise:" on a short or numeric one), or indent the line by two spaces to make it the feedback of the answer above"
    `);
    expect(errors(['### Capital?', '- (x) Ottawa', '- ( ) Rome', '> Right: it is.'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:5:3: error: unknown feedback label: expected one of hint, explanation, correct, incorrect, or true/false (true/false questions), otherwise (short and numeric answers), received "Right" [quiz/unknown-feedback]
        hint: write "> hint: ...", "> explanation: ...", "> correct: ..." or "> incorrect: ..." ("> true:", "> false:" on a true/false question, "> otherwise:" on a short or numeric one), or indent the line by two spaces to make it the feedback of the answer above"
    `);
    expect(errors(['### Capital?', '- (x) Ottawa', '- ( ) Rome', '> otherwise: no.'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:5:3: error: "> otherwise:" does not apply here: expected a short or numeric question, received single [quiz/unknown-feedback]
        hint: use "> correct:" or "> incorrect:" instead"
    `);
  });

  it('quiz/draw-too-large', () => {
    expect(errors(['### One?', '= 1', '### Two?', '= 2', '### Note {type=description}'], { attrs: { draw: 3 } })).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:1:1: error: draw=3 is more than the quiz has: expected at most 2, received 3 [quiz/draw-too-large]
        hint: write draw=2 or fewer, or add more questions to the pool"
    `);
    expect(errors(['### One?', '= 1', '### Two?', '= 2'], { attrs: { draw: 2 } })).toBe('');
  });

  it('quiz/duplicate-id', () => {
    expect(errors(['### One {#q1}', '= 1', '### Two {#q1}', '= 2'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:10: error: duplicate question id: "q1" is already used in this quiz [quiz/duplicate-id]
        hint: give each question its own id, e.g. {#q1-2}"
    `);
    const gift: Question = { id: 'q1', type: 'truefalse', answer: true, promptHtml: '<p>x</p>', points: 1, source: 'content/x/q.gift:3:1' };
    expect(errors(['### One {#q1}', '= 1'], { extraQuestions: [gift] })).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:10: error: duplicate question id: "q1" is also a question in the GIFT file (content/x/q.gift:3:1) [quiz/duplicate-id]
        hint: rename one of them; in a GIFT file the id comes from the "::title::""
    `);
  });

  it('quiz/too-few-pairs, quiz/too-few-items, quiz/too-few-options', () => {
    expect(errors(['### Match', '- Canada -> Ottawa', '- -> Rome'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:1: error: a matching question needs at least 2 pairs: expected "- left -> right" lines, received 1 [quiz/too-few-pairs]
        hint: add another pair, e.g. "- Italy -> Rome""
    `);
    expect(errors(['### Order', '1. Only step'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:1: error: an ordering question needs at least 2 items: expected a numbered list, received 1 [quiz/too-few-items]
        hint: add the next step, e.g. "2. Second step""
    `);
    expect(errors(['### Pick', '- (x) Only'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:3: error: a choice question needs at least 2 options, received 1 [quiz/too-few-options]
        hint: add another option, e.g. "- ( ) Another answer""
    `);
  });

  it('quiz/empty-blank', () => {
    expect(errors(['### Paint it [[ ]] and [[red|]] and [[~ =blue]].'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:14: error: an empty blank: expected the answer between [[ and ]], received nothing [quiz/empty-blank]
        hint: write the right answer inside, e.g. "[[Ottawa]]", or alternatives "[[colour|color]]"
      content/external-customers/09-quiz.md:2:24: error: an empty alternative in a blank: expected text on both sides of "|", received "[[red|]]" [quiz/empty-blank]
        hint: write alternatives like "[[colour|color]]"
      content/external-customers/09-quiz.md:2:37: error: an empty choice in a drop-down blank: expected text after "~" [quiz/empty-blank]
        hint: write each choice as "~wrong" or "=right", e.g. "[[~buried =entombed ~living]]""
    `);
  });

  it('quiz/type-mismatch, quiz/mixed-answers, quiz/unexpected-text, quiz/missing-heading', () => {
    expect(errors(['### Capital? {type=multiple}', '- (x) Ottawa', '- ( ) Rome'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:20: error: type=multiple does not fit the answers: expected multiple-choice options "- [ ] ...", received single-choice options "- ( ) ..." [quiz/type-mismatch]
        hint: remove type=multiple; "( )" options make a single-choice question, "[ ]" options a multiple-choice one"
    `);
    expect(errors(['### Capital? {type=ordering}', '= Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:20: error: type=ordering does not fit the answers: expected a numbered list "1. ...", received "=" answers [quiz/type-mismatch]
        hint: remove type=ordering to infer the type from the answers, or rewrite the answers"
    `);
    expect(errors(['### True? {type=truefalse}', '= yes'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:1: error: a true/false question takes one answer line: expected "= true" or "= false", received "= yes" [quiz/type-mismatch]
        hint: keep one line, "= true" or "= false""
    `);
    expect(errors(['### Capital of [[Canada]]?', '- (x) Ottawa', '- ( ) Rome'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:3: error: one question, two kinds of answer: expected only [[blanks]], received options too [quiz/mixed-answers]
        hint: keep one kind of answer per question, or split it into two questions with their own "### heading""
    `);
    expect(errors(['### Capital?', '- (x) Ottawa', 'Rome is not.', '- ( ) Rome', '#### Next'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:1: error: text after the answers: expected an answer, a "> label:" line or the next "### question", received "Rome is not." [quiz/unexpected-text]
        hint: move the text above the answers to make it part of the question, or indent it by two spaces to continue the answer above
      content/external-customers/09-quiz.md:6:1: error: a level-4 heading inside a quiz: questions start with "###" [quiz/heading-level]
        hint: write "### Next" to make it a question, or close the quiz with ":::" above it to make it part of the lesson"
    `);
    expect(errors(['- (x) Ottawa', '### Capital?', '= Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:3: error: an answer before the first question: expected a "### question" heading above it [quiz/missing-heading]
        hint: start each question with a heading, e.g. "### Which city is the capital of Canada?""
    `);
  });

  it('quiz/bad-weight, quiz/empty-option, quiz/duplicate-feedback, quiz/empty-feedback', () => {
    expect(errors(['### Pick', '- (x) %0% A', '- ( ) %150% B'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:7: error: a ticked option must earn points: expected a weight above 0%, received 0% [quiz/bad-weight]
        hint: untick it ("( )") or give it a positive weight such as %50%
      content/external-customers/09-quiz.md:4:7: error: weight out of range: expected a percentage from -100 to 100, received "%150%" [quiz/bad-weight]
        hint: write e.g. "%50%" for half the points or "%-50%" to take half away"
    `);
    expect(errors(['### Pick', '- [x] A', '- [ ] %50% B'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:4:7: error: an unticked option cannot earn points: expected a weight of 0% or less, received 50% [quiz/bad-weight]
        hint: tick it with [x] if it is a right answer"
    `);
    expect(errors(['### Pick', '- (x)', '- ( ) B'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:3: error: an answer line with no text: expected some text after the marker [quiz/empty-option]
        hint: write e.g. "- ( ) Ottawa""
    `);
    expect(errors(['### Capital?', '='])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:3:1: error: an answer line with no text: expected some text after the marker [quiz/empty-option]
        hint: write e.g. "= Ottawa""
    `);
    expect(errors(['### Capital?', '= Ottawa', '> hint: one', '> explanation: two', '> hint: three', '> correct:'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:6:3: error: a second "> hint:" in one question: the first is on line 4 [quiz/duplicate-feedback]
        hint: merge them into one "> hint:" (continue it on the next line with "> ...")
      content/external-customers/09-quiz.md:7:3: error: "> correct:" with no text: expected some text after the colon [quiz/empty-feedback]
        hint: write e.g. "> correct: ..." or remove the line"
    `);
  });

  it('quiz/empty-heading, and a brace in the question text', () => {
    expect(errors(['###   {#capital}', '= Ottawa'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:1: error: a question heading with no text: expected the question after "###" [quiz/empty-heading]
        hint: write the question on the heading line, e.g. "### What is the capital of Canada?""
    `);
    expect(errors(['### Which set is {a, b}', '= x'])).toMatchInlineSnapshot(`
      "content/external-customers/09-quiz.md:2:19: error: unreadable heading attribute: expected key=value or #id, received "a," [quiz/bad-attribute]
        hint: write attributes like {#my-id points=2 type=short case=sensitive}, or "\\{" for a brace that is part of the question"
    `);
    expect(only(['### Which set is \\{a, b}', '= x']).promptHtml).toBe('<p>Which set is {a, b}</p>');
  });

  it('collects every diagnostic in one pass, at the right lines', () => {
    const result = parse(
      [
        'Intro.',
        '### One {pionts=2}',
        '- ( ) A',
        '- ( ) B',
        '',
        '### Two',
        '- [ ] A',
        '- [ ] B',
        '',
        '### Three',
        '= 3.2..3.1',
      ],
      { startLine: 10, attrs: { draw: 5 } },
    );
    expect(result.quiz).toBeNull();
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual([
      '9:1 quiz/draw-too-large',
      '11:10 quiz/unknown-attribute',
      '12:3 quiz/one-correct',
      '16:3 quiz/no-correct',
      '20:3 quiz/bad-tolerance',
    ]);
  });

  it('gives a hint with every diagnostic', () => {
    const result = parse(['### A {x=1}', '- ( ) a', '- [ ] b', '### B', '1. x', '### C', '> hnit: x', '= x']);
    expect(result.diagnostics.length).toBeGreaterThan(2);
    for (const d of result.diagnostics) expect(d.hint, formatDiagnostic(d)).toBeTruthy();
  });
});

describe('fixtures', () => {
  /** The body of the one `:::quiz` block in a fixture file, with the file line of its first body line. */
  function quizBlock(name: string): { body: string; startLine: number; file: string } {
    const file = `tests/fixtures/quiz/${name}`;
    const lines = readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8').split('\n');
    const open = lines.findIndex((line) => line.startsWith(':::quiz'));
    const close = lines.findIndex((line, i) => i > open && line.trim() === ':::');
    expect(open, `${file} has a :::quiz block`).toBeGreaterThanOrEqual(0);
    return { body: lines.slice(open + 1, close).join('\n'), startLine: open + 2, file };
  }

  it('every-type.md: parses cleanly into every question type, and each question round-trips', () => {
    const { body, startLine, file } = quizBlock('every-type.md');
    const result = parseQuizBody({ body, file, startLine, quizId: 'final', title: 'Final quiz', lessonId: 'final-quiz', attrs: { pass: 70, shuffle: 'options' }, coursePassMark: 80 });
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const quiz = QuizSchema.parse(result.quiz);
    expect(quiz.questions.map((q) => q.type)).toEqual(['single', 'multiple', 'truefalse', 'short', 'numeric', 'blanks', 'matching', 'ordering', 'essay']);
    expect(quiz.questions[0]!.source).toBe(`${file}:7:1`);
    expect(result.introHtml).toBe('<p>Answer every question. You can check each answer as you go.</p>');
    for (const q of quiz.questions) expect(withoutIds(roundTrip(q))).toEqual(withoutIds(q));
  });

  it('broken.md: reports every mistake at once, as pinned in broken.diagnostics.txt', () => {
    const { body, startLine, file } = quizBlock('broken.md');
    const result = parseQuizBody({ body, file, startLine, quizId: 'broken', title: 'Broken', lessonId: 'broken', attrs: { draw: 9 }, coursePassMark: 80 });
    const expected = readFileSync(new URL('../../../tests/fixtures/quiz/broken.diagnostics.txt', import.meta.url), 'utf8');
    expect(expected.trim()).not.toBe('');
    expect(result.quiz).toBeNull();
    expect(`${result.diagnostics.map(formatDiagnostic).join('\n')}\n`).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// serializeQuestion

/** A question up to its ids: answer parts take the ids made from their text, as parsing gives them. */
const withoutIds = (q: Question): unknown => {
  const { id: _id, source: _source, ...rest } = withAnswerIds(q);
  return rest;
};

/** parse(serializeQuestion(q)); a filler question keeps a lone description from being an empty quiz. */
function roundTrip(q: Question): Question {
  const text = serializeQuestion(q);
  const result = parse([...text.split('\n'), '### Filler', '= x']);
  expect(result.diagnostics.map(formatDiagnostic), text).toEqual([]);
  return result.quiz!.questions[0]!;
}

describe('serializeQuestion', () => {
  const examples: Record<string, string[]> = {
    single: [
      '### Which of these is an *external* customer? {points=2}',
      '',
      'Read the list **carefully**.',
      '',
      '- ( ) A colleague in HR',
      '- (x) A restaurant',
      '  > Right: it buys for its guests.',
      '  >',
      '  > - and it pays',
      '- ( ) %50% A supplier',
      '> hint: Who pays?',
      '> explanation: Outside the company.',
      '>',
      '> Note: not a label here.',
    ],
    multiple: ['### Touchpoints?', '- [x] Call centres', '- [x] %25% Apps', '- [ ] Pricing', '- [ ] %0% Payroll', '> correct: Yes', '> incorrect: No'],
    truefalse: ['### The sun rises in the east.', '= true', '> false: It does rise in the east.'],
    short: ['### Best animal? {case=sensitive}', '= Frog', '  > Good!', '= %50% Cat', '= %0% *', '> otherwise: Wrong.'],
    numberText: ['### Two plus two?', '= 4', '= four'],
    numberOnlyText: ['### A year? {type=short}', '= 1822'],
    numeric: ['### Grant born?', '= 1822', '= %50% 1822 +- 2', '= 3.141..3.142', '= 3.1415 +- 0.0005', '= -1e-7..2'],
    blanks: ["### Grant is [[~buried =entombed ~living]] in Grant's tomb.", '', 'Paint it [[colour|color]].'],
    matching: ['### Match', '- Canada -> Ottawa', '- *Italy* -> Rome', '- -> Chat'],
    ordering: ['### Order', '1. First `step`', '2. Second', '3. Third'],
    essay: ['### Describe it {type=essay points=5}', '', 'In your words.', '', '???', 'A model answer.', '', '1. with a list', '2. of points'],
    description: ['### {type=description}', '', 'Some **context** for the next questions.', '', '> Quoted: text'],
    explicitId: ['### Capital? {#capital-of-canada}', '= Ottawa'],
    titled: ['### Kanji {title="Kanji \\"origins\\""}', '= China'],
  };

  for (const [name, lines] of Object.entries(examples)) {
    it(`round-trips a ${name} question`, () => {
      const q = quizOf([...lines, '### Filler', '= x']).questions[0]!;
      expect(withoutIds(roundTrip(q))).toEqual(withoutIds(q));
    });
  }

  it('writes readable house syntax', () => {
    expect(serializeQuestion(only(examples.single!))).toMatchInlineSnapshot(`
      "### Which of these is an *external* customer? {points=2}

      Read the list **carefully**.

      - ( ) A colleague in HR
      - (x) A restaurant
        > Right: it buys for its guests.
        >
        > - and it pays
      - ( ) %50% A supplier

      > hint: Who pays?
      > explanation: Outside the company.
      >
      > Note\\: not a label here.
      "
    `);
    expect(serializeQuestion(only(examples.blanks!))).toMatchInlineSnapshot(`
      "### Grant is [[~buried =entombed ~living]] in Grant's tomb.

      Paint it [[colour|color]].
      "
    `);
    expect(serializeQuestion(only(examples.numeric!))).toMatchInlineSnapshot(`
      "### Grant born?

      = 1822
      = %50% 1822 +- 2
      = 3.141..3.142
      = 3.1415 +- 0.0005
      = -1e-7..2
      "
    `);
  });

  it('keeps an id that differs from the heading slug, and leaves a derived one out', () => {
    const q = only(examples.explicitId!);
    expect(serializeQuestion(q)).toContain('{#capital-of-canada}');
    expect(roundTrip(q).id).toBe('capital-of-canada');
    expect(serializeQuestion(only(['### Capital?', '= Ottawa']))).not.toContain('{');
  });

  it('escapes text that the quiz syntax would otherwise read as answers, weights, labels or blanks', () => {
    const tricky: Question = {
      id: 'tricky',
      type: 'single',
      promptHtml: renderMarkdown('A heading {#with-braces} and [[brackets]]\n\n= not an answer\n\n1. not an item'),
      points: 1,
      hintHtml: renderMarkdown('Hint: explanation: still the hint\n\n### not a question'),
      options: [
        { id: 'a', html: renderInline('%50% is not a weight'), correct: true, weight: 1 },
        { id: 'b', html: renderInline('(x) -> not a pair & <b>bold</b> *star*'), correct: false, weight: 0 },
        { id: 'c', html: '<span>raw</span> <u>html</u> <sub>2</sub>', correct: false, weight: 0 },
      ],
    };
    QuestionSchema.parse(tricky);
    expect(withoutIds(roundTrip(tricky))).toEqual(withoutIds(tricky));
  });

  it('round-trips GIFT-shaped questions (odd weights, numeric answers, a soft-wrapped prompt collapses to one line)', () => {
    const gift: Question = {
      id: 'jesus-hometown',
      title: "Jesus' hometown",
      type: 'single',
      promptHtml: '<p>Jesus Christ was from</p>',
      points: 1,
      explanationHtml: '<p>General feedback.</p>',
      options: [
        { id: 'a', html: 'Jerusalem', correct: false, weight: 0, feedbackHtml: '<p>An important city.</p>' },
        { id: 'b', html: 'Bethlehem', correct: true, weight: 0.25 },
        { id: 'c', html: 'Nazareth', correct: true, weight: 1 },
        { id: 'd', html: 'Rome', correct: false, weight: -0.3333 },
      ],
    };
    expect(withoutIds(roundTrip(gift))).toEqual(withoutIds(gift));
    const wrapped: Question = { ...gift, promptHtml: '<p>Jesus Christ\nwas from</p>' };
    expect(roundTrip(wrapped).promptHtml).toBe('<p>Jesus Christ was from</p>');
  });

  it('puts the title on the heading when the question text does not start with a paragraph', () => {
    const listFirst: Question = {
      id: 'steps',
      title: 'Steps & <stages>',
      type: 'short',
      promptHtml: '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
      points: 1,
      accepted: [{ text: 'three', weight: 1 }],
      caseSensitive: false,
    };
    const text = serializeQuestion(listFirst);
    expect(text.split('\n')[0]).toBe('### Steps & \\<stages\\> {title="Steps & <stages>"}');
    expect(roundTrip(listFirst)).toMatchObject({ id: 'steps', title: 'Steps & <stages>', promptHtml: '<p>Steps &amp; &lt;stages&gt;</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>' });
  });

  // Arbitrary questions of every type, with text drawn from Markdown that exercises the escaping.
  const WORDS = ['Ottawa', 'café', 'it’s', "it's", 'A&B', '&amp;', '<tag>', '"quoted"', '2 * 3', 'a_b', 'x|y', '{x}', '[x]', '50%', '#1', '->', '(x)', 'hint:', '1.', 'a - b', '=', '???', '~', '\\', 'https://example.com/a?b=1', 'www.example.com', 'Nazareth'];
  const MARKUP = ['**bold**', '*em*', '`code`', '[link](https://example.com "title")', '~~gone~~', '![pic](https://example.com/p.png)'];
  const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, fc.constantFrom(...MARKUP), fc.stringMatching(/^[A-Za-z]{1,8}$/));
  const phrase = fc.array(token, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
  const inlineHtml = phrase.map(renderInline).filter((html) => html.trim() !== '');
  const blockHtml = fc
    .array(fc.oneof(phrase, fc.array(phrase, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n'))), { minLength: 1, maxLength: 3 })
    .map((blocks) => renderMarkdown(blocks.join('\n\n')))
    .filter((html) => html !== '');
  const plain = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,'?!é]{0,15}$/).map((text) => text.trim().replace(/\s+/g, ' '));
  const uniqueBy = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string, min: number, max: number) =>
    fc.uniqueArray(arb, { minLength: min, maxLength: max, selector: key });
  const lowerText = (html: string) => html.toLowerCase().replace(/\s+/g, ' ');
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

  const base = fc.record(
    {
      promptHtml: fc.tuple(inlineHtml, optional(blockHtml)).map(([heading, rest]) => (rest ? `<p>${heading}</p>\n${rest}` : `<p>${heading}</p>`)),
      points: fc.constantFrom(0, 1, 2, 0.5),
      title: plain,
      hintHtml: blockHtml,
      explanationHtml: blockHtml,
      correctFeedbackHtml: blockHtml,
      incorrectFeedbackHtml: blockHtml,
    },
    { requiredKeys: ['promptHtml', 'points'] },
  );
  const feedback = optional(blockHtml);
  const choiceQuestion = fc
    .tuple(base, fc.boolean(), uniqueBy(fc.tuple(inlineHtml, fc.constantFrom(-1, -0.5, 0, 0.25, 0.5, 1), feedback), ([html]) => lowerText(html), 2, 5))
    .filter(([, , options]) => options.some(([, weight]) => weight > 0))
    .map(([b, single, options]): Question => ({
      id: 'q',
      ...b,
      type: single ? 'single' : 'multiple',
      options: options.map(([html, weight, feedbackHtml], i) => ({
        id: String.fromCharCode(97 + i),
        html,
        weight,
        correct: weight > 0,
        ...(feedbackHtml ? { feedbackHtml } : {}),
      })),
    }));
  const trueFalse = fc
    .tuple(base, fc.boolean(), feedback, feedback)
    .map(([b, answer, t, f]): Question => ({ id: 'q', ...b, type: 'truefalse', answer, ...(t ? { trueFeedbackHtml: t } : {}), ...(f ? { falseFeedbackHtml: f } : {}) }));
  const shortAnswer = fc
    .tuple(base, fc.boolean(), uniqueBy(fc.tuple(fc.oneof(plain, fc.constant('*')), fc.constantFrom(0, 0.5, 1), feedback), ([t]) => t.toLowerCase(), 1, 4), feedback)
    .filter(([, , accepted]) => accepted.some(([, w]) => w > 0))
    .map(([b, caseSensitive, accepted, otherwise]): Question => ({
      id: 'q',
      ...b,
      type: 'short',
      caseSensitive,
      accepted: accepted.map(([text, weight, feedbackHtml]) => ({ text, weight, ...(feedbackHtml ? { feedbackHtml } : {}) })),
      ...(otherwise ? { otherwiseFeedbackHtml: otherwise } : {}),
    }));
  const decimal = fc.integer({ min: -100000, max: 100000 }).chain((n) => fc.constantFrom(n, n / 10, n / 1000));
  const numericAnswer = fc.oneof(
    fc.tuple(decimal, fc.constantFrom(0, 0.5, 1, 0.0005, 2)).map(([value, t]) => ({ value, min: value - t, max: value + t })),
    fc.tuple(decimal, decimal).map(([a, b]) => ({ value: (Math.min(a, b) + Math.max(a, b)) / 2, min: Math.min(a, b), max: Math.max(a, b) })),
  );
  const numeric = fc
    .tuple(base, fc.array(fc.tuple(numericAnswer, fc.constantFrom(0, 0.5, 1), feedback), { minLength: 1, maxLength: 3 }), feedback)
    .filter(([, answers]) => answers.some(([, w]) => w > 0))
    .map(([b, answers, otherwise]): Question => ({
      id: 'q',
      ...b,
      type: 'numeric',
      answers: answers.map(([range, weight, feedbackHtml]) => ({ ...range, weight, ...(feedbackHtml ? { feedbackHtml } : {}) })),
      ...(otherwise ? { otherwiseFeedbackHtml: otherwise } : {}),
    }));
  const blank = fc.oneof(
    uniqueBy(plain, (t) => t, 1, 3).map((accepted) => ({ accepted })),
    fc
      .tuple(uniqueBy(plain, (t) => t, 2, 4), fc.nat())
      .map(([choices, pick]) => ({ accepted: [choices[pick % choices.length]!], choices })),
  );
  const blanks = fc
    .tuple(base, fc.array(fc.tuple(inlineHtml, blank), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([b, parts, caseSensitive]): Question => ({
      id: 'q',
      ...b,
      promptHtml: `<p>${parts.map(([html], i) => `${html} <cm-blank n="${i}"></cm-blank>`).join(' ')}</p>`,
      type: 'blanks',
      blanks: parts.map(([, blankSpec], i) => ({ id: `blank-${i}`, ...blankSpec, caseSensitive })),
    }));
  const matching = fc
    .tuple(base, uniqueBy(fc.tuple(inlineHtml, plain), ([html]) => lowerText(html), 2, 4), uniqueBy(plain, (t) => t.toLowerCase(), 0, 2))
    .map(([b, pairs, distractors]): Question => ({
      id: 'q',
      ...b,
      type: 'matching',
      pairs: pairs.map(([promptHtml, answer], i) => ({ id: String.fromCharCode(97 + i), promptHtml, answer })),
      distractors: distractors.filter((d) => !pairs.some(([, answer]) => answer.toLowerCase() === d.toLowerCase())),
    }));
  const ordering = fc.tuple(base, uniqueBy(inlineHtml, lowerText, 2, 5)).map(([b, items]): Question => ({
    id: 'q',
    ...b,
    type: 'ordering',
    items: items.map((html, i) => ({ id: String.fromCharCode(97 + i), html })),
  }));
  const essay = fc.tuple(base, optional(blockHtml)).map(([b, model]): Question => ({ id: 'q', ...b, type: 'essay', ...(model ? { modelAnswerHtml: model } : {}) }));
  const anyQuestion = fc.oneof(choiceQuestion, trueFalse, shortAnswer, numeric, blanks, matching, ordering, essay);

  it('round-trips arbitrary questions of every type: parse(serializeQuestion(q)) equals q', () => {
    fc.assert(
      fc.property(anyQuestion, (q) => {
        QuestionSchema.parse(q);
        expect(withoutIds(roundTrip(q))).toEqual(withoutIds(q));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('writes type=short on a short answer whose answers look like numbers beside text ones (found by the property above)', () => {
    const q = QuestionSchema.parse({ id: 'q', promptHtml: '<p><strong>bold</strong></p>', points: 0, type: 'short', caseSensitive: false, accepted: [{ text: '0..', weight: 0 }, { text: '*', weight: 1 }] });
    expect(serializeQuestion(q)).toContain('type=short');
    expect(withoutIds(roundTrip(q))).toEqual(withoutIds(q));
  });

  it('slugify is stable and id-shaped', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(slugify(text)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slugify(text).split('-').length).toBeLessThanOrEqual(6);
      }),
    );
  });
});
