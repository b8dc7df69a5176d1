// Fuzzing the GIFT reader with random files, bytes included (GIFT syntax, broken UTF-8, NUL, line
// breaks of every kind): no exception escapes, every diagnostic points inside the file, and every
// question that is not read is explained by an error at its place.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { giftToMarkdown } from './to-house.ts';
import { QuestionSchema } from '../schema/quiz.ts';
import { parseGift } from './parse.ts';
import { splitBlocks } from './cells.ts';

const SYNTAX = ['{', '}', '~', '=', '#', '####', '%50%', '%-25%', '%x%', '->', '::', '\\', '\\~', '\\n', '[html]', '[markdown]', '[htm]', '..', ':', '1822', 'T', 'FALSE', '*', ' ', '\t', '\n', '\n\n', '\r\n', '\r', '// c\n', '$CATEGORY: a\n', 'word', '€', '<b>', '.', '_', '> ', '- ', '1. ', '`'];
const token = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SYNTAX).map((text) => new TextEncoder().encode(text)) },
  // Bytes that are not UTF-8 text: a NUL, Latin-1, a cut sequence, a stray continuation, a BOM.
  { weight: 1, arbitrary: fc.constantFrom([0x00], [0xe9], [0xff], [0xe2, 0x82], [0x80], [0xef, 0xbb, 0xbf]).map((b) => Uint8Array.from(b)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 3 }) },
);
const file = fc.array(token, { maxLength: 60 }).map((parts) => Uint8Array.from(parts.flatMap((part) => [...part])));

const linesOf = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split(/\r\n|\r|\n/);

describe('the GIFT reader on random files', () => {
  it('throws nothing and locates every diagnostic inside the file', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(file, (bytes) => {
        const { questions, diagnostics } = parseGift(bytes, 'fuzz.gift');
        const lines = linesOf(bytes);
        for (const q of questions) expect(QuestionSchema.safeParse(q.question).success).toBe(true);
        for (const d of diagnostics) {
          expect(d.file).toBe('fuzz.gift');
          expect(d.rule).toMatch(/^gift\//);
          expect(d.hint).toBeTruthy();
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.line).toBeLessThanOrEqual(lines.length);
          expect(d.column).toBeGreaterThanOrEqual(1);
          // Line 1 may start with a byte order mark, which the reader does not count.
          expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.replace(/^\uFEFF/, '').length + 1);
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads every question or reports an error where it stands', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(file, (bytes) => {
        const { questions, diagnostics } = parseGift(bytes, 'fuzz.gift');
        const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => d.line);
        const blocks = splitBlocks(new TextDecoder().decode(bytes).replaceAll('\0', '\uFFFD'));
        blocks.forEach((block, index) => {
          const text = block.lines.filter((line) => !line.text.startsWith('$CATEGORY:'));
          // Escaped line breaks alone ("\n") are blank: nothing to read.
          if (text.every((line) => line.text.replaceAll('\\n', '').trim() === '')) return;
          const first = block.lines[0]!.line;
          const last = block.lines.at(-1)!.line;
          // An answer list cut by a blank line is reported once, at the question before the cut.
          const from = index > 0 ? blocks[index - 1]!.lines[0]!.line : first;
          const read = questions.some((q) => q.line >= first && q.line <= last);
          const reported = errors.some((line) => line >= from && line <= last);
          expect(read || reported, `block at line ${first}`).toBe(true);
        });
      }),
      { numRuns: 2_000 },
    );
  });

  it('imports any file without throwing, and writes a quiz whenever there is no error', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(file, (bytes) => {
        const result = giftToMarkdown(bytes, 'fuzz.gift');
        if (!result.diagnostics.some((d) => d.severity === 'error')) expect(result.markdown).toContain(':::quiz ');
        for (const d of result.diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 1_000 },
    );
  });
});
