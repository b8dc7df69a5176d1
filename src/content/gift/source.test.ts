// Bytes that are not UTF-8 text in a GIFT file (Latin-1 exports, NUL bytes, UTF-16): a warning or
// an error at the line and column, never a silent U+FFFD.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { parseGift } from './parse.ts';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? utf8(part) : Buffer.from(part))));
const diagnostics = (input: Uint8Array | string) => parseGift(input, 'bank.gift').diagnostics.map(formatDiagnostic);

const LATIN1_HINT = '  hint: save the file as UTF-8: the file was probably written in another encoding, such as Windows-1252 or Latin-1';

describe('GIFT bytes that are not UTF-8 text', () => {
  it('warns at the line and column of a Latin-1 byte, and still reads the question', () => {
    const input = bytes('// export\n\nCaf', [0xe9], ' au lait? {=oui ~non}\n');
    expect(diagnostics(input)).toEqual([`bank.gift:3:4: warning: this line is not valid UTF-8 (byte 0xE9); it is read as "\uFFFD" [gift/encoding]\n${LATIN1_HINT}`]);
    expect(parseGift(input, 'bank.gift').questions[0]!.question.promptHtml).toBe('<p>Caf\uFFFD au lait?</p>');
  });

  it('counts columns in characters and points at the start of a cut sequence', () => {
    // "€" is three bytes but one column; the two bytes after "~b" start a "€" that never ends.
    expect(diagnostics(bytes('€uro {=a ~b', [0xe2, 0x82], '}\n'))[0]).toMatch(/^bank\.gift:1:12: warning: this line is not valid UTF-8 \(byte 0xE2\)/);
  });

  it('skips a byte order mark when counting columns', () => {
    expect(diagnostics(bytes([0xef, 0xbb, 0xbf], 'é', [0xff], ' {=a ~b}\r\n'))[0]).toMatch(/^bank\.gift:1:2: warning: this line is not valid UTF-8 \(byte 0xFF\)/);
  });

  it('warns at a NUL byte, from bytes and from text alike', () => {
    const expected = [
      'bank.gift:3:2: warning: a NUL byte (0x00) in the text; it is read as "\uFFFD" [gift/nul]\n' +
        '  hint: delete it; NUL bytes on many lines mean the file is UTF-16 or binary: save it as UTF-8 text',
    ];
    expect(diagnostics(bytes('Q1 {=a ~b}\n\nQ', [0], 'two {=a ~b}\n'))).toEqual(expected);
    expect(diagnostics('Q1 {=a ~b}\n\nQ\u0000two {=a ~b}\n')).toEqual(expected);
  });

  it('counts lines the way the reader does (\\r\\n, \\r and \\n)', () => {
    expect(diagnostics(bytes('Q1 {=a ~b}\r\n\r\nQ2 {=a ~b}\r\rQ', [0x80], ' {=a ~b}'))[0]).toMatch(/^bank\.gift:5:2: warning/);
  });

  it('lists the first ten lines with bad bytes, then counts the rest', () => {
    const input = bytes(...Array.from({ length: 25 }, (_, i): (string | number[])[] => [`Q${i} `, [0xe9], ' {=a ~b}\n\n']).flat());
    const list = diagnostics(input);
    expect(list).toHaveLength(11);
    expect(list[9]).toMatch(/^bank\.gift:19:/);
    expect(list[10]).toBe('bank.gift:21:1: warning: 15 more line(s) from here on hold bytes that are not UTF-8 text [gift/encoding]\n  hint: save the file as UTF-8 text');
  });

  it('says nothing about a U+FFFD written in the file on purpose', () => {
    expect(diagnostics(utf8('\uFFFD marks a bad byte {=yes ~no}\n'))).toEqual([]);
  });

  it('refuses a UTF-16 file at its first line', () => {
    expect(diagnostics(Buffer.from('\uFEFFQ {=a ~b}\n', 'utf16le'))).toEqual([
      'bank.gift:1:1: error: the file is UTF-16 text (it starts with a UTF-16 byte order mark); GIFT files are read as UTF-8 [gift/encoding]\n' +
        '  hint: save the file as UTF-8 text',
    ]);
  });

  it('reaches `coursemark import gift`, which reads the file as bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-gift-bytes-'));
    writeFileSync(join(dir, 'latin.gift'), bytes('Caf', [0xe9], '? {=oui ~non}\n'));
    const err: string[] = [];
    const code = await run(['import', 'gift', 'latin.gift'], { out: () => {}, err: (line) => err.push(line), cwd: dir });
    expect(code).toBe(0);
    expect(err[0]).toBe(`latin.gift:1:4: warning: this line is not valid UTF-8 (byte 0xE9); it is read as "\uFFFD" [gift/encoding]\n${LATIN1_HINT}`);
  });
});
