import { describe, expect, it } from 'vitest';
import { parseJson } from './json.ts';

describe('parseJson', () => {
  it('parses ordinary JSON, ignoring a byte-order mark', () => {
    expect(parseJson('\uFEFF{"a":[1,"x",null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key "%s" at any depth', (key) => {
    expect(parseJson(`{"a":{"b":[{"${key}":{"polluted":true}}]}}`)).toEqual({
      ok: false,
      message: `it contains the key "${key}", which is not allowed`,
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a string or a key longer than the limit', () => {
    expect(parseJson('{"note":"abcdef"}', { maxStringLength: 5 })).toEqual({
      ok: false,
      message: 'it contains a text of 6 characters (at "note"); the limit is 5',
    });
    expect(parseJson('{"abcdef":1}', { maxStringLength: 5 })).toEqual({ ok: false, message: 'it contains a key of 6 characters' });
    expect(parseJson('"abcde"', { maxStringLength: 5 })).toEqual({ ok: true, value: 'abcde' });
  });

  it('says "not valid JSON" for anything JSON.parse rejects', () => {
    expect(parseJson("{'single': 'quotes'}")).toEqual({ ok: false, message: 'it is not valid JSON' });
    expect(parseJson('')).toEqual({ ok: false, message: 'it is not valid JSON' });
  });
});
