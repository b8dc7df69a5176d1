// A GIFT file's bytes → its text, within limits. GIFT files come from elsewhere (Moodle exports,
// colleagues, the web): one may be huge, binary, UTF-16 or Latin-1. Every such problem becomes a
// diagnostic at its line, so `check` and `import gift` stay quick and say what is wrong.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { DiagnosticSink } from '../diagnostics.ts';

/** What one GIFT file may hold; far above any real question bank, far below what would hang a build. */
export const GIFT_LIMITS = {
  /** Size of the file. */
  bytes: 2 * 1024 * 1024,
  /** Questions in one file. */
  questions: 5_000,
  /** Answers (choices, accepted answers, pairs) in one question. */
  answers: 200,
  /** Characters of one question, answers and feedback included. */
  questionCharacters: 100_000,
} as const;

/** Encoding warnings after which the rest are counted, not listed. */
const MAX_ENCODING_WARNINGS = 10;

const LF = 0x0a;
const CR = 0x0d;
const format = (n: number) => n.toLocaleString('en-GB');

/**
 * The file's text, or undefined when it is over the size limit (reported at the first line not
 * read; nothing is read then, so a cut question cannot add errors of its own). Invalid UTF-8 and
 * NUL bytes are read as U+FFFD, with a warning at their line and column.
 */
export function giftText(input: string | Uint8Array, sink: DiagnosticSink): string | undefined {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (bytes.length > GIFT_LIMITS.bytes) {
    reportTooLarge(bytes, bytes.length, sink);
    return undefined;
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    sink.error(1, 1, 'gift/encoding', 'the file is UTF-16 text (it starts with a UTF-16 byte order mark); GIFT files are read as UTF-8', 'save the file as UTF-8 text');
    return undefined;
  }
  const text = new TextDecoder().decode(bytes);
  if (text.includes('\uFFFD') || text.includes('\0')) reportEncoding(bytes, sink);
  return text.replaceAll('\0', '\uFFFD');
}

/**
 * A GIFT file's bytes, read from disk no further than the size limit: a bigger file is reported
 * (with its size) without being read whole, a folder or a missing file is reported too.
 */
export function readGiftFile(path: string, sink: DiagnosticSink): Uint8Array | undefined {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    sink.error(1, 1, 'gift/not-a-file', stat ? 'this is a folder, not a GIFT file' : 'the GIFT file does not exist', 'give the path of a .gift file, relative to the lesson file');
    return undefined;
  }
  if (stat.size <= GIFT_LIMITS.bytes) return readFileSync(path);
  const head = new Uint8Array(GIFT_LIMITS.bytes);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  reportTooLarge(head, stat.size, sink);
  return undefined;
}

/** The size error, at the line where the file passes the limit. */
function reportTooLarge(bytes: Uint8Array, size: number, sink: DiagnosticSink): void {
  sink.error(
    lineOfByte(bytes, GIFT_LIMITS.bytes),
    1,
    'gift/too-large',
    `the GIFT file is ${format(size)} bytes, over the limit of ${format(GIFT_LIMITS.bytes)} (2 MiB); it is not read`,
    'split the questions into several .gift files of at most 2 MiB each',
  );
}

/** 1-based line of the byte at `offset`, counting line breaks as the GIFT reader does (\r\n, \r, \n). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) line++;
  }
  return line;
}

/** Warns at every line holding a NUL byte or bytes that are not UTF-8 (the first few, then a count). */
function reportEncoding(bytes: Uint8Array, sink: DiagnosticSink): void {
  let reported = 0;
  let more = 0;
  let firstUnlisted = 0;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const end = i === bytes.length || bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF);
    if (!end) continue;
    const problem = lineProblem(bytes.subarray(start, i));
    if (problem && reported < MAX_ENCODING_WARNINGS) {
      sink.warning(line, problem.column, problem.rule, problem.message, problem.hint);
      reported++;
    } else if (problem && more++ === 0) firstUnlisted = line;
    line++;
    start = i + 1;
  }
  if (more > 0) {
    sink.warning(firstUnlisted, 1, 'gift/encoding', `${format(more)} more line(s) from here on hold bytes that are not UTF-8 text`, 'save the file as UTF-8 text');
  }
}

interface LineProblem {
  column: number;
  rule: string;
  message: string;
  hint: string;
}

/** The first problem on one line: bytes that are not UTF-8, or a NUL byte. */
function lineProblem(line: Uint8Array): LineProblem | undefined {
  const bad = firstInvalidByte(line);
  const nul = line.indexOf(0);
  if (bad >= 0 && (nul < 0 || bad <= nul)) {
    return {
      column: columnOf(line, bad),
      rule: 'gift/encoding',
      message: `this line is not valid UTF-8 (byte 0x${line[bad]!.toString(16).toUpperCase().padStart(2, '0')}); it is read as "\uFFFD"`,
      hint: 'save the file as UTF-8: the file was probably written in another encoding, such as Windows-1252 or Latin-1',
    };
  }
  if (nul < 0) return undefined;
  return {
    column: columnOf(line, nul),
    rule: 'gift/nul',
    message: 'a NUL byte (0x00) in the text; it is read as "\uFFFD"',
    hint: 'delete it; NUL bytes on many lines mean the file is UTF-16 or binary: save it as UTF-8 text',
  };
}

/** 1-based column (in characters, as the reader counts them) of the byte at `offset`. */
function columnOf(line: Uint8Array, offset: number): number {
  return new TextDecoder().decode(line.subarray(0, offset), { stream: true }).length + 1;
}

/**
 * Offset of the first byte of the first sequence that is not UTF-8, or -1. The fatal decoder says
 * whether a prefix is valid (a sequence cut at its end is fine while streaming), so a binary search
 * finds the longest valid prefix; the bad sequence starts right after its last whole character.
 */
function firstInvalidByte(line: Uint8Array): number {
  if (decodes(line, false)) return -1;
  let valid = 0;
  let invalid = line.length + 1;
  while (invalid - valid > 1) {
    const middle = (valid + invalid) >>> 1;
    if (decodes(line.subarray(0, middle), true)) valid = middle;
    else invalid = middle;
  }
  const whole = new TextDecoder('utf-8', { ignoreBOM: true }).decode(line.subarray(0, valid), { stream: true });
  return new TextEncoder().encode(whole).length;
}

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}
