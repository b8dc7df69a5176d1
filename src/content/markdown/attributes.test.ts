// slugify's two rules, pinned: ids are where stored progress lives, so each caller must keep making
// exactly the ids it made before the quiz's copy of slugify and this one became one function.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify } from './attributes.ts';

describe('slugify', () => {
  it('block, heading, quiz and course ids: an apostrophe splits a word, tags go, six words unless said', () => {
    expect(slugify("It's the <b>customer's</b> café!")).toBe('it-s-the-customer-s-cafe');
    expect(slugify('one two three four five six seven')).toBe('one-two-three-four-five-six');
    expect(slugify('one two three four five six seven', { maxWords: 12 })).toBe('one-two-three-four-five-six-seven');
    expect(slugify('[[Ottawa]] is the [capital](https://example.com)')).toBe('ottawa-is-the-capital-https-example');
    expect(slugify('¿?')).toBe('');
  });

  it('question ids: blanks and link destinations are not words, an apostrophe joins its word', () => {
    expect(slugify("It's the <b>customer's</b> café!", { question: true })).toBe('its-the-customers-cafe');
    expect(slugify('[[Ottawa]] is the [capital](https://example.com)', { question: true })).toBe('is-the-capital');
    expect(slugify('one two three four five six seven', { question: true })).toBe('one-two-three-four-five-six');
    expect(slugify('\\[[not a blank]]', { question: true })).toBe('not-a-blank');
  });

  it('gives lowercase words joined by hyphens, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.boolean(), (text, question) => {
        expect(slugify(text, { question })).toMatch(/^([a-z0-9]+(-[a-z0-9]+){0,5})?$/);
      }),
    );
  });
});
