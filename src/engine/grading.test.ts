import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionSchema, type Question } from '../content/schema/quiz.ts';
import { answerFor, anyQuestion, gradableQuestion, questionOf } from '../../tests/helpers/arbitrary-questions.ts';
import { correctAnswer, describeAnswer, emptyAnswer, gradeQuestion, isAnswered, parseNumber } from './grading.ts';
import type { Answer } from './progress-types.ts';

const common = { promptHtml: '<p>?</p>', points: 1 };

const capital: Question = {
  ...common,
  id: 'capital',
  type: 'single',
  points: 2,
  correctFeedbackHtml: '<p>Well done.</p>',
  incorrectFeedbackHtml: '<p>Not quite.</p>',
  explanationHtml: '<p>Ottawa since 1857.</p>',
  options: [
    { id: 'a', html: 'Toronto', correct: false, weight: 0, feedbackHtml: '<p>The biggest city.</p>' },
    { id: 'b', html: 'Ottawa', correct: true, weight: 1, feedbackHtml: '<p>Yes.</p>' },
    { id: 'c', html: 'Galilee', correct: true, weight: 0.5 },
    { id: 'd', html: 'Rome', correct: false, weight: -1 },
  ],
};

const grade = (question: Question, answer: Answer) => gradeQuestion(question, answer);

describe('single choice', () => {
  it('scores the chosen weight × points, with option feedback, then correct/incorrect, then explanation', () => {
    expect(grade(capital, { type: 'single', optionId: 'b' })).toEqual({
      score: 2,
      max: 2,
      verdict: 'correct',
      feedbackHtml: ['<p>Yes.</p>', '<p>Well done.</p>', '<p>Ottawa since 1857.</p>'],
    });
    expect(grade(capital, { type: 'single', optionId: 'a' })).toEqual({
      score: 0,
      max: 2,
      verdict: 'incorrect',
      feedbackHtml: ['<p>The biggest city.</p>', '<p>Not quite.</p>', '<p>Ottawa since 1857.</p>'],
    });
  });

  it('gives partial credit for a partial weight and floors negative weights at 0', () => {
    expect(grade(capital, { type: 'single', optionId: 'c' })).toMatchObject({ score: 1, verdict: 'partial' });
    expect(grade(capital, { type: 'single', optionId: 'd' })).toMatchObject({ score: 0, verdict: 'incorrect' });
  });

  it('treats nothing chosen as unanswered (explanation only) and an unknown id as wrong', () => {
    expect(grade(capital, { type: 'single', optionId: null })).toEqual({ score: 0, max: 2, verdict: 'unanswered', feedbackHtml: ['<p>Ottawa since 1857.</p>'] });
    expect(grade(capital, { type: 'single', optionId: 'zz' })).toMatchObject({ score: 0, verdict: 'incorrect' });
  });

  it('treats an answer of another type as unanswered', () => {
    expect(grade(capital, { type: 'short', text: 'Ottawa' })).toMatchObject({ score: 0, verdict: 'unanswered' });
  });
});

describe('multiple choice', () => {
  const touchpoints: Question = {
    ...common,
    id: 'touchpoints',
    type: 'multiple',
    options: [
      { id: 'a', html: 'Call centres', correct: true, weight: 1 / 3, feedbackHtml: '<p>a</p>' },
      { id: 'b', html: 'Apps', correct: true, weight: 1 / 3 },
      { id: 'c', html: 'Shops', correct: true, weight: 1 / 3, feedbackHtml: '<p>c</p>' },
      { id: 'd', html: 'Pricing', correct: false, weight: -1 / 3, feedbackHtml: '<p>d</p>' },
    ],
  };
  const pick = (...optionIds: string[]) => grade(touchpoints, { type: 'multiple', optionIds });

  it('each right option earns a share, each wrong one takes a share away', () => {
    expect(pick('a', 'b', 'c')).toMatchObject({ score: 1, verdict: 'correct' });
    expect(pick('a')).toMatchObject({ score: 0.33, verdict: 'partial' });
    expect(pick('a', 'b')).toMatchObject({ score: 0.67, verdict: 'partial' });
    expect(pick('a', 'b', 'd')).toMatchObject({ score: 0.33, verdict: 'partial' });
    expect(pick('a', 'b', 'c', 'd')).toMatchObject({ score: 0.67, verdict: 'partial' });
  });

  it('never goes below zero, ignores unknown and repeated ids', () => {
    expect(pick('d')).toMatchObject({ score: 0, verdict: 'incorrect' });
    expect(pick('a', 'd', 'd')).toMatchObject({ score: 0, verdict: 'incorrect' });
    expect(pick('a', 'a', 'a', 'zz')).toMatchObject({ score: 0.33 });
  });

  it('gives the feedback of every chosen option, in option order', () => {
    expect(pick('d', 'a').feedbackHtml).toEqual(['<p>a</p>', '<p>d</p>']);
  });

  it('clamps GIFT weights that add up to more than the points', () => {
    const generous: Question = { ...touchpoints, options: touchpoints.options.map((o) => ({ ...o, weight: o.correct ? 0.5 : -1 })) };
    expect(grade(generous, { type: 'multiple', optionIds: ['a', 'b', 'c'] })).toMatchObject({ score: 1, verdict: 'correct' });
  });
});

describe('true/false', () => {
  const sun: Question = { ...common, id: 'sun', type: 'truefalse', answer: false, trueFeedbackHtml: '<p>t</p>', falseFeedbackHtml: '<p>f</p>' };
  it('is all or nothing, with the chosen value’s feedback', () => {
    expect(grade(sun, { type: 'truefalse', value: false })).toMatchObject({ score: 1, verdict: 'correct', feedbackHtml: ['<p>f</p>'] });
    expect(grade(sun, { type: 'truefalse', value: true })).toMatchObject({ score: 0, verdict: 'incorrect', feedbackHtml: ['<p>t</p>'] });
    expect(grade(sun, { type: 'truefalse', value: null })).toMatchObject({ verdict: 'unanswered' });
  });
});

describe('short answer', () => {
  const animal: Question = {
    ...common,
    id: 'animal',
    type: 'short',
    caseSensitive: false,
    accepted: [
      { text: 'Frog', weight: 1, feedbackHtml: '<p>Good!</p>' },
      { text: 'Cat', weight: 0.5, feedbackHtml: '<p>Cats?</p>' },
      { text: 'tree  frog', weight: 1 },
      { text: '*', weight: 0, feedbackHtml: '<p>Completely wrong.</p>' },
    ],
  };
  const answer = (text: string, question: Question = animal) => grade(question, { type: 'short', text });

  it('ignores case, surrounding space and repeated inner space', () => {
    expect(answer('  fROG ')).toMatchObject({ score: 1, verdict: 'correct', feedbackHtml: ['<p>Good!</p>'] });
    expect(answer('Tree \t Frog')).toMatchObject({ score: 1 });
    expect(answer('treefrog')).toMatchObject({ score: 0 });
  });

  it('takes the best matching weight; a * answer catches everything else', () => {
    expect(answer('cat')).toMatchObject({ score: 0.5, verdict: 'partial', feedbackHtml: ['<p>Cats?</p>'] });
    expect(answer('dog')).toMatchObject({ score: 0, verdict: 'incorrect', feedbackHtml: ['<p>Completely wrong.</p>'] });
  });

  it('respects case=sensitive', () => {
    const sensitive: Question = { ...animal, caseSensitive: true };
    expect(answer('Frog', sensitive)).toMatchObject({ score: 1 });
    expect(answer('frog', sensitive)).toMatchObject({ score: 0, feedbackHtml: ['<p>Completely wrong.</p>'] });
  });

  it('reads * inside an answer as a wildcard and \\* as a star, and shows "otherwise" feedback on no match', () => {
    const wild: Question = {
      ...common,
      id: 'wild',
      type: 'short',
      caseSensitive: false,
      accepted: [
        { text: 'Naz*th', weight: 1 },
        { text: '2\\*3 (a+b)', weight: 1 },
      ],
      otherwiseFeedbackHtml: '<p>No.</p>',
    };
    expect(answer('Nazareth', wild)).toMatchObject({ score: 1 });
    expect(answer('nazth', wild)).toMatchObject({ score: 1 });
    expect(answer('Nazarene', wild)).toMatchObject({ score: 0, feedbackHtml: ['<p>No.</p>'] });
    expect(answer('2*3 (a+b)', wild)).toMatchObject({ score: 1 });
    expect(answer('2x3 (a+b)', wild)).toMatchObject({ score: 0 });
  });

  it('treats blank text as unanswered, even with a * answer', () => {
    expect(answer('   ')).toMatchObject({ verdict: 'unanswered', score: 0 });
  });
});

describe('numeric', () => {
  const pi: Question = {
    ...common,
    id: 'pi',
    type: 'numeric',
    points: 4,
    answers: [
      { value: 3.1415, min: 3.1415 - 0.0005, max: 3.1415 + 0.0005, weight: 1, feedbackHtml: '<p>Exactly.</p>' },
      { value: 3.5, min: 3, max: 4, weight: 0.5 },
    ],
    otherwiseFeedbackHtml: '<p>Not even close.</p>',
  };
  const answer = (text: string, question: Question = pi) => grade(question, { type: 'numeric', text });

  it('accepts plain, padded, decimal-comma and exponent forms', () => {
    for (const text of ['3.1415', ' 3.1416 ', '3,1415', '+3.1415', '31415e-4']) {
      expect(answer(text), text).toMatchObject({ score: 4, verdict: 'correct', feedbackHtml: ['<p>Exactly.</p>'] });
    }
  });

  it('includes the ends of a tolerance despite floating point', () => {
    expect(answer('3.141')).toMatchObject({ score: 4 });
    expect(answer('3.142')).toMatchObject({ score: 4 });
    expect(answer('3.1405')).toMatchObject({ score: 2, verdict: 'partial' });
    // 0.9 - 0.3 is 0.6000000000000001 and 1.4 + 0.2 is 1.5999999999999999 in floating point.
    const low: Question = { ...pi, answers: [{ value: 0.9, min: 0.9 - 0.3, max: 0.9 + 0.3, weight: 1 }] };
    expect(answer('0.6', low)).toMatchObject({ verdict: 'correct' });
    expect(answer('0.5999', low)).toMatchObject({ verdict: 'incorrect' });
    const high: Question = { ...pi, answers: [{ value: 1.4, min: 1.4 - 0.2, max: 1.4 + 0.2, weight: 1 }] };
    expect(answer('1,6', high)).toMatchObject({ verdict: 'correct' });
    expect(answer('1.6001', high)).toMatchObject({ verdict: 'incorrect' });
  });

  it('takes the best weight among matching answers; outside every range is wrong', () => {
    expect(answer('3.9')).toMatchObject({ score: 2 });
    expect(answer('4.0001')).toMatchObject({ score: 0, feedbackHtml: ['<p>Not even close.</p>'] });
  });

  it('does not read text, thousands separators or two numbers as a number', () => {
    const year: Question = { ...common, id: 'year', type: 'numeric', answers: [{ value: 1822, min: 1822, max: 1822, weight: 1 }] };
    expect(answer('1822', year)).toMatchObject({ score: 1 });
    expect(answer('1822.0', year)).toMatchObject({ score: 1 });
    expect(answer('1,822', year)).toMatchObject({ score: 0, verdict: 'incorrect' });
    expect(answer('about 1822', year)).toMatchObject({ score: 0 });
    expect(answer('18 22', year)).toMatchObject({ score: 0 });
  });

  it('parseNumber reads one number or nothing', () => {
    expect([parseNumber('-2'), parseNumber('\u22125'), parseNumber('.5'), parseNumber('5.'), parseNumber('3,14'), parseNumber('1e3')]).toEqual([-2, -5, 0.5, 5, 3.14, 1000]);
    expect([parseNumber(''), parseNumber('1,822,000'), parseNumber('1.2.3'), parseNumber('Infinity'), parseNumber('0x10')]).toEqual([null, null, null, null, null]);
  });
});

describe('fill in the blanks', () => {
  const grant: Question = {
    ...common,
    id: 'grant',
    type: 'blanks',
    points: 3,
    blanks: [
      { id: 'entombed', accepted: ['entombed'], caseSensitive: false, choices: ['buried', 'entombed', 'living'] },
      { id: 'colour', accepted: ['colour', 'color'], caseSensitive: false },
      { id: 'grant', accepted: ['Grant'], caseSensitive: true },
    ],
  };
  const fill = (...values: string[]) => grade(grant, { type: 'blanks', values });

  it('gives each blank an equal share', () => {
    expect(fill('entombed', 'Color ', 'Grant')).toMatchObject({ score: 3, verdict: 'correct' });
    expect(fill('entombed', 'grey', 'Grant')).toMatchObject({ score: 2, verdict: 'partial' });
    expect(fill('buried', '', '')).toMatchObject({ score: 0, verdict: 'incorrect' });
  });

  it('compares drop-downs exactly and text blanks by their case rule', () => {
    expect(fill('Entombed', 'colour', 'Grant')).toMatchObject({ score: 2 });
    expect(fill('entombed', 'colour', 'grant')).toMatchObject({ score: 2 });
  });

  it('counts missing values as wrong and all-empty as unanswered', () => {
    expect(fill('entombed')).toMatchObject({ score: 1 });
    expect(fill('', ' ', '')).toMatchObject({ verdict: 'unanswered' });
  });
});

describe('matching', () => {
  const capitals: Question = {
    ...common,
    id: 'capitals',
    type: 'matching',
    points: 2,
    pairs: [
      { id: 'a', promptHtml: 'Canada', answer: 'Ottawa' },
      { id: 'b', promptHtml: 'Italy', answer: 'Rome' },
      { id: 'c', promptHtml: '<em>Japan</em>', answer: 'Tokyo' },
      { id: 'd', promptHtml: 'Vatican', answer: 'Rome' },
    ],
    distractors: ['Chat'],
  };
  it('gives each pair an equal share', () => {
    const all = { a: 'Ottawa', b: 'Rome', c: 'Tokyo', d: 'Rome' };
    expect(grade(capitals, { type: 'matching', chosen: all })).toMatchObject({ score: 2, verdict: 'correct' });
    expect(grade(capitals, { type: 'matching', chosen: { ...all, c: 'Chat' } })).toMatchObject({ score: 1.5, verdict: 'partial' });
    expect(grade(capitals, { type: 'matching', chosen: { a: 'ottawa' } })).toMatchObject({ score: 0, verdict: 'incorrect' });
    expect(grade(capitals, { type: 'matching', chosen: {} })).toMatchObject({ verdict: 'unanswered' });
  });
  it('describes the answer as pairs', () => {
    expect(describeAnswer(capitals, { type: 'matching', chosen: { a: 'Ottawa', c: 'Chat' } })).toBe('Canada: Ottawa; Japan: Chat');
  });
});

describe('ordering', () => {
  const steps: Question = {
    ...common,
    id: 'steps',
    type: 'ordering',
    points: 3,
    items: [
      { id: 'a', html: 'Greet' },
      { id: 'b', html: 'Listen' },
      { id: 'c', html: 'Solve' },
    ],
  };
  const order = (...ids: string[]) => grade(steps, { type: 'ordering', order: ids });
  it('gives a share for each item in its correct absolute position', () => {
    expect(order('a', 'b', 'c')).toMatchObject({ score: 3, verdict: 'correct' });
    expect(order('a', 'c', 'b')).toMatchObject({ score: 1, verdict: 'partial' });
    expect(order('c', 'a', 'b')).toMatchObject({ score: 0, verdict: 'incorrect' });
    expect(order('a')).toMatchObject({ score: 1 });
    expect(order()).toMatchObject({ verdict: 'unanswered' });
  });
  it('rounds shares to 2 decimals', () => {
    expect(grade({ ...steps, points: 1 }, { type: 'ordering', order: ['a', 'c', 'b'] })).toMatchObject({ score: 0.33 });
  });
});

describe('essay and description', () => {
  const essay: Question = { ...common, id: 'essay', type: 'essay', points: 4, modelAnswerHtml: '<p>A <strong>model</strong> answer.</p>', explanationHtml: '<p>e</p>' };
  it('is ungraded (max = points) until self-assessed', () => {
    expect(grade(essay, { type: 'essay', text: 'My answer' })).toEqual({ score: 0, max: 4, verdict: 'ungraded', feedbackHtml: ['<p>e</p>'] });
    expect(grade(essay, { type: 'essay', text: '' })).toMatchObject({ verdict: 'unanswered' });
  });
  it('scores got it / partly / missed as full / half / nothing', () => {
    expect(grade(essay, { type: 'essay', text: 'x', assessment: 'got' })).toMatchObject({ score: 4, verdict: 'correct' });
    expect(grade(essay, { type: 'essay', text: 'x', assessment: 'partly' })).toMatchObject({ score: 2, verdict: 'partial' });
    expect(grade(essay, { type: 'essay', text: 'x', assessment: 'missed' })).toMatchObject({ score: 0, verdict: 'incorrect' });
  });
  it('a description is worth nothing and never graded', () => {
    const description: Question = { ...common, id: 'd', type: 'description' };
    expect(grade(description, { type: 'description' })).toEqual({ score: 0, max: 0, verdict: 'ungraded', feedbackHtml: [] });
  });
  it('the essay’s correct answer is its model answer as text, self-assessed as got it', () => {
    expect(correctAnswer(essay)).toEqual({ type: 'essay', text: 'A model answer.', assessment: 'got' });
  });
});

describe('points and verdicts', () => {
  it('a 0-point question still says whether it was right', () => {
    const warmUp: Question = { ...capital, points: 0 };
    expect(grade(warmUp, { type: 'single', optionId: 'b' })).toMatchObject({ score: 0, max: 0, verdict: 'correct' });
    expect(grade(warmUp, { type: 'single', optionId: 'c' })).toMatchObject({ score: 0, max: 0, verdict: 'partial' });
    expect(grade(warmUp, { type: 'single', optionId: 'a' })).toMatchObject({ score: 0, max: 0, verdict: 'incorrect' });
  });
});

describe('describeAnswer', () => {
  it('writes answers as plain text', () => {
    const multiple: Question = { ...capital, type: 'multiple', options: capital.options.map((o) => ({ ...o, html: `<em>${o.html}</em> &amp; co` })) };
    expect(describeAnswer(multiple, { type: 'multiple', optionIds: ['c', 'a'] })).toBe('Toronto & co, Galilee & co');
    expect(describeAnswer(capital, { type: 'single', optionId: 'b' })).toBe('Ottawa');
    expect(describeAnswer(capital, { type: 'single', optionId: null })).toBe('');
    const tf: Question = { ...common, id: 't', type: 'truefalse', answer: true };
    expect(describeAnswer(tf, { type: 'truefalse', value: false })).toBe('False');
    const steps: Question = { ...common, id: 's', type: 'ordering', items: [{ id: 'a', html: 'One' }, { id: 'b', html: '<strong>Two</strong>' }] };
    expect(describeAnswer(steps, { type: 'ordering', order: ['b', 'a'] })).toBe('Two, One');
    const blanks: Question = { ...common, id: 'b', type: 'blanks', blanks: [{ id: 'blank-x', accepted: ['x'], caseSensitive: false }, { id: 'blank-y', accepted: ['y'], caseSensitive: false }] };
    expect(describeAnswer(blanks, { type: 'blanks', values: ['red', ''] })).toBe('red, …');
    expect(describeAnswer(blanks, { type: 'short', text: 'red' })).toBe('');
  });
});

describe('properties', () => {
  it('generated questions are valid questions', () => {
    fc.assert(fc.property(anyQuestion, (q) => void QuestionSchema.parse(q)));
  });

  it('a score is always within [0, max] for any answer, and max is the points', () => {
    fc.assert(
      fc.property(
        anyQuestion.chain((q) => fc.tuple(fc.constant(q), answerFor(q))),
        ([q, answer]) => {
          const result = gradeQuestion(q, answer);
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(result.max);
          expect(result.max).toBe(q.type === 'description' ? 0 : q.points);
          expect(Math.round(result.score * 100) / 100).toBe(result.score);
          if (result.verdict === 'correct' && result.max > 0) expect(result.score).toBe(result.max);
          if (result.verdict === 'incorrect' || result.verdict === 'unanswered') expect(result.score).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  }, 30_000);

  for (const [type, arbitrary] of Object.entries(questionOf)) {
    if (type === 'description') continue;
    it(`correctAnswer scores full marks: ${type}`, () => {
      fc.assert(
        fc.property(arbitrary, (q) => {
          const answer = correctAnswer(q);
          expect(isAnswered(q, answer)).toBe(true);
          const result = gradeQuestion(q, answer);
          expect(result.score).toBe(result.max);
          expect(result.verdict).toBe('correct');
        }),
      );
    });
  }

  it('the order options are shown in never changes a score', () => {
    fc.assert(
      fc.property(
        fc.oneof(questionOf.single, questionOf.multiple).chain((q) => {
          const options = q.type === 'single' || q.type === 'multiple' ? q.options : [];
          const permutation = fc.shuffledSubarray(options, { minLength: options.length, maxLength: options.length });
          return fc.tuple(fc.constant(q), answerFor(q), permutation);
        }),
        ([q, answer, shuffled]) => {
          const reordered = { ...q, options: shuffled } as Question;
          const [before, after] = [gradeQuestion(q, answer), gradeQuestion(reordered, answer)];
          expect(after.score).toBe(before.score);
          expect(after.verdict).toBe(before.verdict);
        },
      ),
    );
  });

  it('an empty answer is never answered, and grades as unanswered', () => {
    fc.assert(
      fc.property(gradableQuestion, (q) => {
        const answer = emptyAnswer(q);
        expect(answer.type).toBe(q.type);
        expect(isAnswered(q, answer)).toBe(false);
        expect(gradeQuestion(q, answer)).toMatchObject({ score: 0, verdict: 'unanswered' });
        expect(describeAnswer(q, answer)).toBe('');
      }),
    );
  });
});

describe('float error in option weights', () => {
  it('counts six options worth a sixth each as full marks and correct, even on a 0-point question', () => {
    const options = Array.from({ length: 6 }, (_, i) => ({ id: String.fromCharCode(97 + i), html: `Option ${i}`, weight: 1 / 6, correct: true }));
    const question = { id: 'six', type: 'multiple' as const, points: 0, promptHtml: '<p>Which?</p>', options };
    const answer = { type: 'multiple' as const, optionIds: options.map((o) => o.id) };
    expect(gradeQuestion(question, answer)).toMatchObject({ score: 0, max: 0, verdict: 'correct' });
    expect(gradeQuestion({ ...question, points: 3 }, answer)).toMatchObject({ score: 3, max: 3, verdict: 'correct' });
  });
});
