// Answer ids survive edits: an attempt stored against one build of a quiz reviews the same after the
// tutor inserts an option, reorders pairs or items, or adds a blank; attempts stored with the
// positional ids of older builds still review right; GIFT questions follow the same rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correctAnswer, describeAnswer, gradeQuestion } from '../../engine/grading.ts';
import type { Answer } from '../../engine/progress-types.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { QuizSchema, type Question } from '../schema/quiz.ts';
import { derivedAnswerId, POSITIONAL_ID } from './answer-ids.ts';
import { parseGift } from '../gift/parse.ts';
import { parseQuizBody } from './compile.ts';

function compile(lines: string[], extraQuestions: Question[] = []) {
  return parseQuizBody({
    body: lines.join('\n'),
    file: 'content/c/09-quiz.md',
    startLine: 2,
    quizId: 'final',
    title: 'Final',
    lessonId: 'quiz',
    attrs: {},
    coursePassMark: 80,
    extraQuestions,
  });
}

/** The one question of a quiz that must compile cleanly. */
function question(...lines: string[]): Question {
  const result = compile(lines);
  expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
  return QuizSchema.parse(result.quiz).questions[0]!;
}

const errors = (...lines: string[]) => compile(lines).diagnostics.map(formatDiagnostic).join('\n');

/** What the review shows for a stored answer: the verdict and the learner's answer in words. */
const review = (q: Question, answer: Answer) => [gradeQuestion(q, answer).verdict, describeAnswer(q, answer)];

describe('the derived id rule', () => {
  it('uses plain words as they are, and adds a hash of the whole text to anything else', () => {
    expect(derivedAnswerId('Call centres')).toBe('call-centres');
    expect(derivedAnswerId('  Mobile   APPS ')).toBe('mobile-apps');
    expect(derivedAnswerId('Café')).toMatch(/^cafe-[0-9a-z]{7}$/);
    expect(derivedAnswerId('C++')).not.toBe(derivedAnswerId('C#'));
    expect(derivedAnswerId('A restaurant that buys a coffee maker')).toMatch(/^a-restaurant-that-[0-9a-z]{7}$/);
    expect(derivedAnswerId('£')).toMatch(/^item-[0-9a-z]{7}$/);
  });

  it('never makes an id of one or two letters (those are the positions of older builds)', () => {
    expect(derivedAnswerId('A')).toMatch(/^a-[0-9a-z]{7}$/);
    expect(derivedAnswerId('No')).toMatch(/^no-[0-9a-z]{7}$/);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const id = derivedAnswerId(text);
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(POSITIONAL_ID.test(id)).toBe(false);
        expect(id.length).toBeLessThanOrEqual(32);
      }),
    );
  });
});

describe('an attempt stored against one build reviews the same after edits', () => {
  const before = question('### Which is an external customer?', '- ( ) A colleague in HR', '- (x) A restaurant that buys a coffee maker', '- ( ) The caretaker');
  const stored = correctAnswer(before);

  it('inserting an option before the right one keeps it right', () => {
    const after = question(
      '### Which is an external customer?',
      '- ( ) A new distractor',
      '- ( ) A colleague in HR',
      '- (x) A restaurant that buys a coffee maker',
      '- ( ) The caretaker',
    );
    expect(review(after, stored)).toEqual(['correct', 'A restaurant that buys a coffee maker']);
  });

  it('a wrong choice stays the same wrong choice when options are inserted and reordered', () => {
    const wrong: Answer = { type: 'single', optionId: before.type === 'single' ? before.options[2]!.id : '' };
    const after = question('### Which is an external customer?', '- ( ) The caretaker', '- ( ) Payroll', '- (x) A restaurant that buys a coffee maker', '- ( ) A colleague in HR');
    expect(review(after, wrong)).toEqual(['incorrect', 'The caretaker']);
  });

  it('multiple choice: inserted and reordered options keep every ticked one', () => {
    const first = question('### Which are touchpoints?', '- [x] Call centres', '- [x] Mobile apps', '- [ ] Pricing strategy');
    const after = question('### Which are touchpoints?', '- [ ] Payroll', '- [x] Mobile apps', '- [ ] Pricing strategy', '- [x] Call centres');
    expect(review(after, correctAnswer(first))).toEqual(['correct', 'Mobile apps, Call centres']);
  });

  it('matching: reordered pairs and a new pair keep the answers given', () => {
    const first = question('### Match the capitals', '- Canada -> Ottawa', '- Italy -> Rome');
    const after = question('### Match the capitals', '- Japan -> Tokyo', '- Italy -> Rome', '- Canada -> Ottawa');
    const grade = gradeQuestion(after, correctAnswer(first));
    expect(grade.score).toBeCloseTo(2 / 3);
    expect(describeAnswer(after, correctAnswer(first))).toBe('Italy: Rome; Canada: Ottawa');
  });

  it('ordering: the same items in a new source order, and an item added, keep the order given', () => {
    const first = question('### Order the steps', '1. Greet', '2. Listen', '3. Solve');
    const answer = correctAnswer(first);
    // The tutor only rewrites the list: still the same order, still right.
    expect(review(question('### Order the steps', '1. Greet', '2. Listen', '3. Solve'), answer)[0]).toBe('correct');
    // A step added in the middle: the three the learner placed are still named, by their ids.
    const after = question('### Order the steps', '1. Greet', '2. Check the account', '3. Listen', '4. Solve');
    expect(describeAnswer(after, answer)).toBe('Greet, Listen, Solve');
  });

  it('blanks: a blank inserted before keeps each value with its blank', () => {
    const first = question('### The [[customer]] buys; the [[consumer]] uses.');
    const after = question('### In a [[shop]], the [[customer]] buys; the [[consumer]] uses.');
    const grade = gradeQuestion(after, correctAnswer(first));
    expect(grade.score).toBeCloseTo(2 / 3);
    expect(describeAnswer(after, correctAnswer(first))).toBe('…, customer, consumer');
  });

  it('explicit ids survive a change of text', () => {
    const first = question('### Capital?', '- (x) Ottawa {#capital}', '- ( ) Toronto');
    const after = question('### Capital?', '- ( ) Montreal', '- (x) Ottawa, Ontario {#capital}', '- ( ) Toronto');
    expect(first.type === 'single' && first.options.map((o) => [o.id, o.html])).toEqual([
      ['capital', 'Ottawa'],
      ['toronto', 'Toronto'],
    ]);
    expect(review(after, correctAnswer(first))[0]).toBe('correct');
    const pairs = question('### Match', '- Canada -> Ottawa {#cdn}', '- Italy -> Rome {#ita}');
    expect(pairs.type === 'matching' && pairs.pairs.map((p) => [p.id, p.answer])).toEqual([
      ['cdn', 'Ottawa'],
      ['ita', 'Rome'],
    ]);
    const items = question('### Order', '1. Greet {#hello}', '2. Listen');
    expect(items.type === 'ordering' && items.items.map((i) => i.id)).toEqual(['hello', 'listen']);
    const blanks = question('### The [[customer {#buyer}]] buys a [[~kettle =toaster {#thing}]].');
    expect(blanks.type === 'blanks' && blanks.blanks.map((b) => [b.id, b.accepted])).toEqual([
      ['buyer', ['customer']],
      ['thing', ['toaster']],
    ]);
  });

  it('reports explicit ids that are malformed, positional or repeated, at the id', () => {
    expect(errors('### Capital?', '- (x) Ottawa {#Big City}', '- ( ) Toronto')).toBe('');
    expect(errors('### Capital?', '- (x) Ottawa {#Big}', '- ( ) Toronto')).toContain('content/c/09-quiz.md:3:14: error: invalid answer id: expected lowercase letters');
    expect(errors('### Capital?', '- (x) Ottawa {#b}', '- ( ) Toronto')).toContain('3:14: error: invalid answer id: ids of one or two letters are kept for answers saved by older builds');
    expect(errors('### Capital?', '- (x) Ottawa {#city}', '- ( ) Toronto {#city}')).toContain('4:15: error: duplicate answer id: "city"');
    expect(errors('### Match', '- Canada -> Ottawa', '- Italy -> Rome', '- -> Paris {#paris}')).toContain('an id on a distractor');
    // An escaped brace is text, not an id.
    const literal = question('### Which set?', '- (x) The set \\{#a}', '- ( ) Nothing');
    expect(literal.type === 'single' && literal.options[0]!.html).toBe('The set {#a}');
  });
});

describe('attempts stored with the positional ids of older builds', () => {
  it('read "a", "b", ... as positions in source order, for every kind of part', () => {
    const single = question('### Which is an external customer?', '- ( ) A colleague in HR', '- (x) A restaurant', '- ( ) The caretaker');
    expect(review(single, { type: 'single', optionId: 'b' })).toEqual(['correct', 'A restaurant']);
    const multiple = question('### Which are touchpoints?', '- [x] Call centres', '- [ ] Pricing', '- [x] Mobile apps');
    expect(review(multiple, { type: 'multiple', optionIds: ['a', 'c'] })).toEqual(['correct', 'Call centres, Mobile apps']);
    const matching = question('### Match', '- Canada -> Ottawa', '- Italy -> Rome');
    expect(review(matching, { type: 'matching', chosen: { a: 'Ottawa', b: 'Rome' } })).toEqual(['correct', 'Canada: Ottawa; Italy: Rome']);
    const ordering = question('### Order', '1. Greet', '2. Listen', '3. Solve');
    expect(review(ordering, { type: 'ordering', order: ['a', 'b', 'c'] })).toEqual(['correct', 'Greet, Listen, Solve']);
    expect(review(ordering, { type: 'ordering', order: ['b', 'a', 'c'] })[0]).toBe('partial');
    const blanks = question('### The [[customer]] buys; the [[consumer]] uses.');
    expect(review(blanks, { type: 'blanks', values: ['customer', 'consumer'] })).toEqual(['correct', 'customer, consumer']);
  });

  it('an option whose id is a current id is never read as a position', () => {
    // Pair ids "a"/"b" cannot be made any more, so "a" below is always an old position.
    const q = question('### Pick', '- ( ) Alpha option', '- (x) Beta option');
    expect(q.type === 'single' && q.options.every((o) => !POSITIONAL_ID.test(o.id))).toBe(true);
    expect(gradeQuestion(q, { type: 'single', optionId: 'zz' }).verdict).toBe('incorrect');
  });
});

describe('GIFT questions take the same ids', () => {
  const fromGift = (source: string) => {
    const gift = parseGift(source, 'content/c/bank.gift', { idPrefix: 'final' });
    expect(gift.diagnostics.map(formatDiagnostic)).toEqual([]);
    const result = compile(['Intro.'], gift.questions.map((q) => q.question));
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    return QuizSchema.parse(result.quiz).questions[0]!;
  };

  it('inserting a GIFT option before the right one keeps an attempt right', () => {
    const first = fromGift('::capital:: Capital of Canada? {~Toronto =Ottawa ~Vancouver}');
    const after = fromGift('::capital:: Capital of Canada? {~Montreal ~Toronto =Ottawa ~Vancouver}');
    expect(first.type === 'single' && first.options.map((o) => o.id)).toEqual(['toronto', 'ottawa', 'vancouver']);
    expect(review(after, correctAnswer(first))).toEqual(['correct', 'Ottawa']);
  });

  it('reordered GIFT matching pairs keep the answers given', () => {
    const first = fromGift('::m:: Match {=Canada -> Ottawa =Italy -> Rome =Japan -> Tokyo}');
    const after = fromGift('::m:: Match {=Japan -> Tokyo =Canada -> Ottawa =Italy -> Rome}');
    expect(review(after, correctAnswer(first))[0]).toBe('correct');
  });
});
