// Every quiz/* diagnostic of the house quiz syntax, pinned as the tutor reads it.
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import type { Question } from '../schema/quiz.ts';
import { errors, only, parse } from './test-quiz-body.ts';

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
