// The GIFT reader's rules beyond Moodle's example files: ids, escapes, format tags, weights,
// categories, line endings, and any input at all. Moodle's files are in moodle.test.ts, one broken
// file per diagnostic in diagnostics.test.ts.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuestionSchema } from '../schema/quiz.ts';
import { parseGift } from './parse.ts';
import { MOODLE, OURS, read } from './test-files.ts';

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
