// Lesson Markdown can never run code or break a lesson (issue 9, items 2 and 3): every case found
// from outside, compiled as a lesson body and read back with Svelte's own parser.
import { describe, expect, it } from 'vitest';
import { lessonToJs } from '../compile.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { compileBody, readSource } from '../../../tests/helpers/lesson-compile.ts';

/** Only our asset imports may be expressions in a lesson's markup. */
const OUR_EXPRESSION = /^\{__cm_asset_\d+\}$/;

function clean(body: string) {
  const result = compileBody(body);
  expect(result.errors.map(formatDiagnostic)).toEqual([]);
  return { ...result, reading: readSource(result.source) };
}

function refused(body: string) {
  const result = compileBody(body);
  return { ...result, reading: readSource(result.source), report: result.diagnostics.map(formatDiagnostic).join('\n') };
}

const attributesOf = (reading: ReturnType<typeof readSource>, name: string) => reading.elements.filter((e) => e.name === name).map((e) => e.attributes);

describe('braces in alt text, titles and URLs stay text', () => {
  it.each([
    ['an image alt', '![{window.x=1}](media/a.png)'],
    ['a link title', '[t](https://e.com "{window.x=1}")'],
    ['a link URL', '[u](https://e.com/{window.x=1})'],
  ])('%s is never an expression', (_, body) => {
    const { reading } = clean(body);
    expect(reading.expressions.filter((e) => !OUR_EXPRESSION.test(e))).toEqual([]);
  });

  it('keeps the text of innocent braces: alt "The set {a, b}", a {id} URL, a title "Guide {2024}"', async () => {
    const { reading, source } = clean('![The set {a, b}](media/a.png) [API](https://e.com/users/{id}/orders) [g](https://e.com "Guide {2024}")');
    expect(attributesOf(reading, 'img')[0]).toMatchObject({ alt: 'The set {a, b}', src: '{}' });
    const links = attributesOf(reading, 'a');
    expect(links[0]!.href).toBe('https://e.com/users/%7Bid%7D/orders');
    expect(links[1]!.title).toBe('Guide {2024}');
    await expect(lessonToJs(source, 'lesson.md')).resolves.toBeTruthy();
  });
});

describe('raw HTML passes one allow-list', () => {
  it.each([
    ['<img src="media/a.png" ONERROR="window.x=1">', 'onerror', 'markdown/unsafe-html'],
    ['<img src="media/a.png" onerror=alert(1)>', 'onerror', 'markdown/unsafe-html'],
    ['<details open ONTOGGLE="window.x=1"><summary>s</summary>x</details>', 'ontoggle', 'markdown/unsafe-html'],
    ['<iframe src="javascript:window.x=1"></iframe>', '<iframe>', 'markdown/unsafe-html'],
    ['<iframe srcdoc="<script>window.x=1</script>"></iframe>', '<iframe>', 'markdown/unsafe-html'],
    ['<a href="javascript:window.x=1">a</a>', 'javascript:', 'link/unsafe'],
    ['<a href="&#106;avascript:window.x=1">a</a>', 'javascript:', 'link/unsafe'],
    ['[c](&#106;avascript:window.x=1)', 'javascript:', 'link/unsafe'],
    ['<form action="javascript:window.x=1"><button>Go</button></form>', '<form>', 'markdown/unsafe-html'],
    ['[r][ref]\n\n[ref]: javascript:window.x=1', 'javascript:', 'link/unsafe'],
    ['<object data="media/d.svg"></object>', '<object>', 'markdown/unsafe-html'],
    ['<embed src="media/d.svg">', '<embed>', 'markdown/unsafe-html'],
    ['<iframe src="media/d.svg"></iframe>', '<iframe>', 'markdown/unsafe-html'],
    ['<svg onload="window.x=1"><script>window.x=1</script></svg>', '<svg>', 'markdown/unsafe-html'],
    ['[diagram](media/d.svg)', 'media/d.svg', 'link/active-file'],
    ['<a href="media/page.html">page</a>', 'media/page.html', 'link/active-file'],
    ['![key](../../../../../../etc/hostname)', 'outside the course', 'asset/outside-course'],
    ['[secrets](../../package.json)', 'outside the course', 'link/outside-course'],
  ])('%s is an error at its line, and nothing of it can run', (body, what, rule) => {
    const { errors, reading, report } = refused(`Intro line.\n\n${body}`);
    expect(errors.length, report).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ line: 6, rule });
    expect(errors[0]!.message).toContain(what);
    for (const element of reading.elements) {
      expect(['iframe', 'object', 'embed', 'svg', 'script', 'form', 'button']).not.toContain(element.name);
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(name).not.toMatch(/^on|^srcdoc$|^action$/i);
        if (typeof value === 'string') expect(value).not.toMatch(/^\s*(javascript|vbscript|data):/i);
        if (name === 'href') expect(value).not.toMatch(/\.(svg|html)$/);
      }
    }
    expect(reading.expressions.filter((e) => !OUR_EXPRESSION.test(e))).toEqual([]);
  });

  it('shows an SVG from the course as an image, inlined as a data: URL (never a page on the origin)', () => {
    const { source } = clean('![A diagram](media/d.svg)\n\n<img src="media/d.svg" alt="Again">');
    expect(source).toMatch(/import __cm_asset_0 from ".*media\/d\.svg\?inline";/);
    expect(source.match(/src=\{__cm_asset_0\}/g)).toHaveLength(2);
  });

  it('resolves a reference link to a definition in another stretch of the lesson, and judges it', () => {
    const { errors } = refused('[a trick][ref] before a block.\n\n:::theory T\nInside.\n:::\n\n[ref]: javascript:window.x=1');
    expect(errors.map((e) => [e.line, e.column, e.rule])).toEqual([[4, 1, 'link/unsafe']]);
    const { reading } = clean(':::theory T\n[the next lesson][next]\n:::\n\n[next]: 02-next.md');
    expect(attributesOf(reading, 'a').map((a) => a.href)).toEqual(['#/c/next']);
  });

  it('keeps task lists as disabled tick boxes, and says so when raw HTML asks for another input', () => {
    const { reading, diagnostics } = clean('- [x] done\n- [ ] to do\n\n<input type="text" name="card">');
    expect(attributesOf(reading, 'input')).toEqual([
      { type: 'checkbox', disabled: '', checked: '' },
      { type: 'checkbox', disabled: '' },
      { type: 'checkbox', disabled: '' },
    ]);
    expect(diagnostics.map((d) => [d.line, d.rule])).toEqual([
      [7, 'markdown/html-attribute'],
      [7, 'markdown/html-attribute'],
    ]);
  });

  it('links http(s), mailto, other lessons and passive course files', () => {
    const { reading } = clean('[a](https://e.com) [b](mailto:a@b.c) [c](02-next.md) [d](media/notes.pdf) [e](#part)');
    expect(attributesOf(reading, 'a').map((a) => a.href)).toEqual(['https://e.com', 'mailto:a@b.c', '#/c/next', '{}', '#part']);
  });
});

describe('what check accepts, build compiles (item 3)', () => {
  it('a link title with \\" keeps its quotes', async () => {
    const { reading, source } = clean('[q](https://e.com "a \\"quoted\\" title")');
    expect(attributesOf(reading, 'a')[0]!.title).toBe('a "quoted" title');
    await expect(lessonToJs(source, 'lesson.md')).resolves.toBeTruthy();
  });

  it('"Press <Enter>" and "I want <everything>" render their text, with a warning', async () => {
    const { reading, diagnostics, source } = clean('Press <Enter> to go on.\n\n"I want <everything>"\n\n<Ctrl>');
    expect(reading.text).toContain('Press <Enter> to go on.');
    expect(reading.text).toContain('\u201cI want <everything>\u201d');
    expect(reading.text).toContain('<Ctrl>');
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule])).toEqual([
      [4, 7, 'warning', 'markdown/html-as-text'],
      [6, 9, 'warning', 'markdown/html-as-text'],
      [8, 1, 'warning', 'markdown/html-as-text'],
    ]);
    await expect(lessonToJs(source, 'lesson.md')).resolves.toBeTruthy();
  });

  it('passes on the compiler\'s accessibility warnings about the tutor\'s HTML, at the lesson line', () => {
    // (An image without alt is left to the lint rule image/no-alt, which knows {decorative}.)
    const { diagnostics } = clean('Fine.\n\nA heading: <h3></h3>');
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.rule, d.message])).toEqual([
      [6, 12, 'warning', 'markdown/accessibility', '`<h3>` element should contain text'],
    ]);
    expect(clean('Fine.\n\nA chart: <img src="media/a.png">').diagnostics).toEqual([]);
  });

  it('an unclosed <div> is closed within its own stretch of Markdown', async () => {
    const { source, reading } = clean(':::theory Inside\n<div>\nunclosed\n:::\n\nAfter.');
    expect(reading.text).toContain('After.');
    expect(reading.elements.map((e) => e.name)).toEqual(['TheoryBlock', 'div', 'p']);
    await expect(lessonToJs(source, 'lesson.md')).resolves.toBeTruthy();
  });

  it('HTML the Svelte compiler refuses is a diagnostic at the lesson line, one per stretch of Markdown', () => {
    const result = refused('Fine.\n\n<table><tr><td>x</td></tr></table>\n\n:::theory T\nText and <a href="https://a.org"><a href="https://b.org">nested</a></a>\n:::');
    expect(result.report).toMatchInlineSnapshot(`
      "content/c/01-lesson.md:6:8: error: this HTML cannot be compiled: \`<tr>\` cannot be a child of \`<table>\`. \`<table>\` only allows these children: \`<caption>\`, \`<colgroup>\`, \`<tbody>\`, \`<thead>\`, \`<tfoot>\`, \`<style>\`, \`<script>\`, \`<template>\`. [markdown/invalid-html]
        hint: close every element you open and nest them as HTML allows (e.g. a table needs <tbody> around its rows); or write it in Markdown
      content/c/01-lesson.md:9:10: error: this HTML cannot be compiled: \`<a>\` cannot be a child of \`<a>\`. [markdown/invalid-html]
        hint: close every element you open and nest them as HTML allows (e.g. a table needs <tbody> around its rows); or write it in Markdown"
    `);
  });
});

describe('mdsvex renders lesson Markdown as HTML, never as Svelte', () => {
  it('smartens quotes and dashes with its SmartyPants ("oldschool" dashes)', () => {
    const { reading } = clean('"Quoted" -- en --- em... it\'s');
    expect(reading.text).toContain('\u201cQuoted\u201d \u2013 en \u2014 em\u2026 it\u2019s');
  });

  it('keeps escaped characters as text: "&lt;b&gt;" in text and code never becomes an element', () => {
    const { reading } = clean('a &lt;b&gt;bold?&lt;/b&gt; & `&lt;i&gt; <i>`\n\n```\n<script>window.x=1</script>\n```');
    expect(reading.elements.map((e) => e.name)).toEqual(['p', 'code', 'pre', 'code']);
    expect(reading.text).toContain('a <b>bold?</b> & &lt;i&gt; <i>');
    expect(reading.text).toContain('<script>window.x=1</script>');
  });

  it('keeps quotes inside a title or alt in the attribute: no attribute can be smuggled out of one', () => {
    const { reading, diagnostics } = clean('[t](https://e.com \'x" onmouseover="window.x=1\') ![a "b" & c](media/a.png)');
    expect(attributesOf(reading, 'a')[0]).toEqual({ href: 'https://e.com', title: 'x" onmouseover="window.x=1' });
    expect(attributesOf(reading, 'img')[0]).toMatchObject({ alt: 'a "b" & c' });
    expect(diagnostics).toEqual([]);
  });

  it('reads Svelte syntax and "---" pairs as Markdown: text and rules, not blocks or frontmatter', async () => {
    const { reading, source } = clean('{#if x}\nshown\n{/if}\n\n{/ unclosed\n\n---\ntitle: x\n---\n\nAfter.');
    expect(reading.text).toContain('{#if x}\nshown\n{/if}');
    expect(reading.text).toContain('{/ unclosed');
    expect(reading.elements.map((e) => e.name)).toEqual(['p', 'p', 'hr', 'h2', 'p']);
    await expect(lessonToJs(source, 'lesson.md')).resolves.toBeTruthy();
  });
});
