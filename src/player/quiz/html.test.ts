import { describe, expect, it } from 'vitest';
import { blankPieces, withGaps } from './html.ts';

describe('blankPieces', () => {
  it('keeps an inline prompt flat', () => {
    expect(blankPieces('The <cm-blank n="0"></cm-blank> buys &amp; the <cm-blank n="1"></cm-blank> uses.')).toEqual([
      { html: 'The ' },
      { blank: 0 },
      { html: ' buys &amp; the ' },
      { blank: 1 },
      { html: ' uses.' },
    ]);
  });

  it('keeps each blank inside the element it was written in, across paragraphs and emphasis', () => {
    const html =
      '<p>Read this first.</p><p>A <strong>key <cm-blank n="0"></cm-blank></strong> here,</p><p><a href="https://example.org/">see</a> <cm-blank n="1"></cm-blank></p>';
    expect(blankPieces(html)).toEqual([
      { html: '<p>Read this first.</p>' },
      {
        tag: 'p',
        attributes: {},
        pieces: [{ html: 'A ' }, { tag: 'strong', attributes: {}, pieces: [{ html: 'key ' }, { blank: 0 }] }, { html: ' here,' }],
      },
      { tag: 'p', attributes: {}, pieces: [{ html: '<a href="https://example.org/">see</a> ' }, { blank: 1 }] },
    ]);
  });

  it('carries the attributes of an element that holds a blank', () => {
    expect(blankPieces('<table><tbody><tr><th scope="row">Who <cm-blank n="0"></cm-blank></th><td>buys</td></tr></tbody></table>')).toEqual([
      {
        tag: 'table',
        attributes: {},
        pieces: [
          {
            tag: 'tbody',
            attributes: {},
            pieces: [
              {
                tag: 'tr',
                attributes: {},
                pieces: [
                  { tag: 'th', attributes: { scope: 'row' }, pieces: [{ html: 'Who ' }, { blank: 0 }] },
                  { html: '<td>buys</td>' },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });
});

describe('withGaps', () => {
  it('numbers each gap for the review', () => {
    expect(withGaps('<p>The <cm-blank n="0"></cm-blank> and <cm-blank n="1"></cm-blank>.</p>')).toBe(
      '<p>The <span class="gap">(1) ____</span> and <span class="gap">(2) ____</span>.</p>',
    );
  });
});
