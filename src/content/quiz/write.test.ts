// serializeQuestion: a compiled question written back as house syntax reads back as the same
// question, for examples of every type and for arbitrary questions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionSchema, type Question } from '../schema/quiz.ts';
import { renderInline, renderMarkdown } from '../markdown/render.ts';
import { only, parse, quizOf, roundTrip, withoutIds } from './test-quiz-body.ts';
import { serializeQuestion } from './write.ts';

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
});
