// One broken GIFT file per diagnostic, its full text pinned, line and column included.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../diagnostics.ts';
import { parseGift } from './parse.ts';
import { OURS, read } from './test-files.ts';

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
