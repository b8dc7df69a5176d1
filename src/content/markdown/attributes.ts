// Parses the attribute list a tutor writes at the end of a block fence or a quiz heading:
//   :::video The customer journey {#journey url="https://..." duration="4:30"}
// `#id` sets the id; `key=value` or `key="quoted value"`; a bare `key` means "true".

export interface AttributeList {
  /** The text before the braces, trimmed (the block title or question text). */
  text: string;
  /** Parsed values; the id, if any, under "id". */
  values: Record<string, string>;
  /** 0-based offset of each key within the input, for diagnostics. */
  offsets: Record<string, number>;
  /** 0-based offset of the opening brace, or -1. */
  braceOffset: number;
  /** A problem found while parsing, with its 0-based offset. */
  problem?: { offset: number; message: string; hint: string };
}

const TRAILING_BRACES = /\{([^{}]*)\}\s*$/;

export function parseAttributeList(input: string): AttributeList {
  const match = TRAILING_BRACES.exec(input);
  if (!match) return { text: input.trim(), values: {}, offsets: {}, braceOffset: -1 };
  const braceOffset = match.index;
  const inner = match[1] ?? '';
  const innerOffset = braceOffset + 1;
  const values: Record<string, string> = {};
  const offsets: Record<string, number> = {};
  let i = 0;
  while (i < inner.length) {
    const c = inner[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '#') {
      i++;
      while (i < inner.length && !/\s/.test(inner[i]!)) i++;
      values.id = inner.slice(start + 1, i);
      offsets.id = innerOffset + start;
      continue;
    }
    while (i < inner.length && /[A-Za-z0-9_-]/.test(inner[i]!)) i++;
    const key = inner.slice(start, i);
    if (!key) {
      return {
        text: input.slice(0, braceOffset).trim(),
        values,
        offsets,
        braceOffset,
        problem: {
          offset: innerOffset + start,
          message: `unexpected "${c}" in the attribute list`,
          hint: 'write attributes as {#id key=value key="a value with spaces"}',
        },
      };
    }
    offsets[key] = innerOffset + start;
    if (inner[i] !== '=') {
      values[key] = 'true';
      continue;
    }
    i++;
    const quote = inner[i];
    if (quote === '"' || quote === "'") {
      const end = inner.indexOf(quote, i + 1);
      if (end === -1) {
        return {
          text: input.slice(0, braceOffset).trim(),
          values,
          offsets,
          braceOffset,
          problem: {
            offset: innerOffset + i,
            message: `the value of "${key}" opens a quote that is never closed`,
            hint: `close it: ${key}=${quote}...${quote}`,
          },
        };
      }
      values[key] = inner.slice(i + 1, end);
      i = end + 1;
    } else {
      const valueStart = i;
      while (i < inner.length && !/\s/.test(inner[i]!)) i++;
      values[key] = inner.slice(valueStart, i);
    }
  }
  return { text: input.slice(0, braceOffset).trim(), values, offsets, braceOffset };
}

/**
 * Applies `replace` to the text up to its last `close` delimiter only. A pattern such as /<[^>]*>/
 * scans to the end of the text from every unclosed "<" (quadratic on "<<<<…"); no match can end
 * after the last delimiter, so leaving the tail out changes nothing but the time.
 */
export function beforeLastClose(text: string, close: string, replace: (head: string) => string): string {
  const at = text.lastIndexOf(close);
  if (at < 0) return text;
  const end = at + close.length;
  return replace(text.slice(0, end)) + text.slice(end);
}

export interface SlugOptions {
  /** At most this many words (6 unless said). */
  maxWords?: number;
  /**
   * The text is a quiz question's heading in the house syntax (src/content/quiz/): its `[[blanks]]`,
   * link destinations and tags are not words and go before the text is normalised, and an apostrophe
   * joins its word ("it's" → "its"). Question ids have always been made this way; block, heading,
   * quiz and course ids the other way ("it-s", tags dropped after normalising), and GIFT question ids
   * that way once their apostrophes are gone (gift/parse.ts). The rules stay apart because stored
   * progress is keyed by these ids: making them one would orphan it.
   */
  question?: boolean;
}

/** A stable slug for ids derived from text: lowercase ASCII words joined by hyphens ("" when none). */
export function slugify(text: string, { maxWords = 6, question = false }: SlugOptions = {}): string {
  const marked = question ? withoutTags(withoutQuestionMarkup(text)) : text;
  const lower = marked
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const plain = question ? lower.replace(/['’]/g, '') : withoutTags(lower);
  return plain.split(/[^a-z0-9]+/).filter(Boolean).slice(0, maxWords).join('-');
}

// Each pattern only up to its last closing delimiter, so unclosed "[[", "](" or "<" stay linear.
const withoutTags = (text: string): string => beforeLastClose(text, '>', (head) => head.replace(/<[^>]*>/g, ' '));

function withoutQuestionMarkup(text: string): string {
  const withoutBlanks = beforeLastClose(text, ']]', (head) => head.replace(/(?<!\\)\[\[.*?\]\]/g, ' '));
  return beforeLastClose(withoutBlanks, ')', (head) => head.replace(/\]\([^)]*\)/g, ' '));
}

/** Hands out unique ids: the second "intro" becomes "intro-2". */
export class IdAllocator {
  readonly #used = new Set<string>();
  /** The next suffix worth trying per base: ids are never released, so smaller ones stay taken (keeps n repeats linear). */
  readonly #next = new Map<string, number>();
  has(id: string): boolean {
    return this.#used.has(id);
  }
  claim(id: string): void {
    this.#used.add(id);
  }
  unique(base: string): string {
    let id = base;
    let n = this.#next.get(base) ?? 2;
    if (this.#used.has(id)) {
      for (id = `${base}-${n}`; this.#used.has(id); id = `${base}-${n}`) n++;
      this.#next.set(base, n + 1);
    }
    this.#used.add(id);
    return id;
  }
}
