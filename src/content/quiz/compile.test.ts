// The house quiz syntax → the compiled quiz: every question type, the settings and ids, and the
// fixtures. Diagnostics are in diagnostics.test.ts, writing questions back in write.test.ts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { QuizSchema, type Question } from '../schema/quiz.ts';
import { parseQuizBody } from './compile.ts';
import { questionSlug } from './syntax.ts';
import { FILE, only, parse, quizOf, roundTrip, withoutIds } from './test-quiz-body.ts';

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

describe('question ids from headings', () => {
  it('questionSlug is stable and id-shaped', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(questionSlug(text)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(questionSlug(text).split('-').length).toBeLessThanOrEqual(6);
      }),
    );
  });
});
