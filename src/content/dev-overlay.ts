// The dev page's panel for content problems, served as a module only by `coursemark dev`. It lists
// every error and warning as the terminal does (file:line:col, message, hint), and talks to a tutor
// about their content only: Vite's own overlay, which would suggest editing vite.config.js, is off.
// It also keeps the page's state across a lesson's hot update: reveals open or closed as they were,
// and the scroll position.
export const DEV_CLIENT_ID = 'virtual:coursemark/dev-client';

/** The client module; `initial` is what the server knew when the page loaded. */
export function devClientSource(initial: unknown): string {
  return `
const initial = ${JSON.stringify(initial)};
const STYLE = \`
:host { all: initial; }
.panel { position: fixed; inset: 0 0 auto 0; z-index: 2147483647; max-height: 70vh; overflow: auto; margin: 0;
  padding: 1rem 1.25rem; background: #1d1d1f; color: #f5f5f7; font: 0.9rem/1.5 ui-monospace, SFMono-Regular, Menlo, monospace;
  box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.4); }
h2 { margin: 0 0 0.5rem; font: 600 1rem/1.4 system-ui, sans-serif; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 0 0 0.75rem; white-space: pre-wrap; }
.error { color: #ff8a80; } .warning { color: #ffd479; } .hint { color: #c7c7cc; }
button { font: inherit; margin-top: 0.25rem; }
.pill { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647; padding: 0.4rem 0.8rem; border: 0; border-radius: 999px;
  background: #1d1d1f; color: #ffd479; font: 600 0.85rem/1.4 system-ui, sans-serif; cursor: pointer; }
\`;

class Overlay extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }
  /** Errors open the full list; warnings alone wait behind a small button, so the page stays usable. */
  show(diagnostics, fallback, expanded) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');
    const summary = fallback ? 'The page could not update' : 'Coursemark: ' + plural(errors, 'error') + ', ' + plural(warnings, 'warning');
    const root = this.shadowRoot;
    root.innerHTML = '';
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style);
    if (!expanded) {
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'pill';
      open.textContent = summary;
      open.addEventListener('click', () => this.show(diagnostics, fallback, true));
      root.append(open);
      return;
    }
    const panel = document.createElement('section');
    panel.className = 'panel';
    panel.setAttribute('role', errors || fallback ? 'alert' : 'status');
    panel.setAttribute('aria-label', 'Problems in the course content');
    const title = document.createElement('h2');
    title.textContent = summary;
    const list = document.createElement('ul');
    for (const d of diagnostics) {
      const item = document.createElement('li');
      const head = document.createElement('span');
      head.className = d.severity;
      head.textContent = d.file + ':' + d.line + ':' + d.column + ': ' + d.severity + ': ' + d.message + ' [' + d.rule + ']';
      item.append(head);
      if (d.hint) {
        const hint = document.createElement('span');
        hint.className = 'hint';
        hint.textContent = '\\n  hint: ' + d.hint;
        item.append(hint);
      }
      list.append(item);
    }
    if (fallback) {
      const item = document.createElement('li');
      item.className = 'error';
      item.textContent = fallback;
      list.append(item);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = errors || fallback ? 'Hide until the next save' : 'Hide the warnings';
    close.addEventListener('click', () => (errors || fallback ? this.remove() : this.show(diagnostics, fallback, false)));
    panel.append(title, list, close);
    root.append(panel);
  }
}
if (!customElements.get('coursemark-overlay')) customElements.define('coursemark-overlay', Overlay);

function render(payload, fallback) {
  document.querySelector('coursemark-overlay')?.remove();
  if (!payload.diagnostics.length && !fallback) return;
  const overlay = document.createElement('coursemark-overlay');
  document.body.append(overlay);
  overlay.show(payload.diagnostics, fallback, Boolean(fallback) || payload.diagnostics.some((d) => d.severity === 'error'));
}

// A lesson's hot update re-creates its blocks: remember which hidden parts were open, then set them so again.
let saved = null;
function snapshot() {
  const blocks = {};
  for (const block of document.querySelectorAll('section[id^="block-"]')) {
    blocks[block.id] = [...block.querySelectorAll('[data-cm-reveal]')].map((el) => !el.hidden);
  }
  return { blocks, scroll: window.scrollY };
}
function restore(state) {
  for (const [id, open] of Object.entries(state.blocks)) {
    const block = document.getElementById(id);
    if (!block) continue;
    [...block.querySelectorAll('[data-cm-reveal]')].forEach((el, i) => {
      if (open[i] === undefined || open[i] === !el.hidden) return;
      const controls = [...document.querySelectorAll('[aria-controls="' + el.id + '"]')].filter((b) => !b.disabled);
      (controls.find((b) => b.hasAttribute('aria-expanded')) ?? controls[0])?.click();
    });
  }
  window.scrollTo(0, state.scroll);
}
const frames = (n) => new Promise((done) => (n <= 0 ? done() : requestAnimationFrame(() => frames(n - 1).then(done))));

if (import.meta.hot) {
  import.meta.hot.on('coursemark:diagnostics', (payload) => render(payload));
  import.meta.hot.on('vite:beforeUpdate', () => {
    saved = snapshot();
  });
  import.meta.hot.on('vite:afterUpdate', async () => {
    if (!saved) return;
    const state = saved;
    saved = null;
    await frames(2);
    restore(state);
  });
  // Errors Vite would show in its own overlay (a broken import, say): shown here instead.
  // Content errors are already listed from the server's own message; anything else is shown as it is.
  import.meta.hot.on('vite:error', (payload) => {
    if (payload.err?.plugin !== 'coursemark') render({ diagnostics: [] }, payload.err?.message ?? String(payload));
  });
}
render(initial);
`;
}
