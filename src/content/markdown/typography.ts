// Typographic quotes, dashes and ellipses in lesson text ("SmartyPants"), applied to marked's text
// tokens in reading order, so a quote after an inline tag or link still knows what came before it.
// Code, raw HTML and backslash-escaped characters are left as the tutor typed them.
import type { Token, Tokens } from 'marked';

interface State {
  /** The character before the next text token, across tokens of one block. */
  previous: string;
}

const OPENS_AFTER = /[\s([{\u2014\u2013-]/;

function quotes(text: string, state: State): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const before = i === 0 ? state.previous : text[i - 1]!;
    const after = text[i + 1] ?? '';
    if (c === '"') out += before === '' || OPENS_AFTER.test(before) ? '\u201c' : '\u201d';
    else if (c === "'") out += (before === '' || OPENS_AFTER.test(before)) && /\S/.test(after) ? '\u2018' : '\u2019';
    else out += c;
  }
  return out;
}

/** "--" en dash, "---" em dash, "..." ellipsis (SmartyPants's "oldschool" dashes). */
function punctuation(text: string): string {
  return text.replace(/---/g, '\u2014').replace(/--/g, '\u2013').replace(/\.\.\./g, '\u2026');
}

function lastChar(text: string, fallback: string): string {
  return text.length ? text[text.length - 1]! : fallback;
}

function walk(tokens: Token[], state: State): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens?.length) walk(text.tokens, state);
        else {
          text.text = quotes(punctuation(text.text), state);
          state.previous = lastChar(text.text, state.previous);
        }
        break;
      }
      case 'escape':
      case 'codespan':
      case 'html':
      case 'br':
        state.previous = lastChar(token.raw, state.previous);
        break;
      case 'code':
      case 'space':
      case 'hr':
      case 'def':
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) walk(item.tokens, { previous: '' });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, { previous: '' });
        break;
      }
      default:
        if ('tokens' in token && Array.isArray(token.tokens)) {
          // A new block starts a new run; inline containers (em, strong, link) continue it.
          const block = ['paragraph', 'heading', 'blockquote'].includes(token.type);
          walk(token.tokens, block ? { previous: '' } : state);
        }
    }
  }
}

/** Replaces straight quotes, "--", "---" and "..." in the text tokens of a token tree, in place. */
export function smarten(tokens: Token[]): void {
  walk(tokens, { previous: '' });
}
