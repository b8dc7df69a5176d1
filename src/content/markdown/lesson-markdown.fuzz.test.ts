// Fuzzes the lesson compiler with Markdown made of hostile fragments (braces, tags, attributes,
// schemes, entities, quotes, block fences): nothing throws, every problem is a diagnostic with a
// location, what check accepts compiles, and the compiled markup holds nothing that could run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lessonToJs } from '../compile.ts';
import { compileBody, readSource, type Reading } from '../../../tests/helpers/lesson-compile.ts';
import { escapeForSvelte, sanitiseHtml, SNIPPET_URLS } from './sanitise.ts';

const FRAGMENTS = [
  // Svelte syntax and braces
  '{', '}', '{window.x=1}', '{@html "<img src=x onerror=window.x=1>"}', '{#if true}', '{/if}', '{a, b}', '{@const a = 1}',
  // characters that change meaning
  '<', '>', '"', "'", '`', '\\', '\\"', '&', '&#106;', '&#x6A;', '&#123;', '&#x7b;', '&lt;', '&quot;', '&#0;', '\u0000', '\t',
  // tags and attributes
  '<img src=media/a.png onerror=window.x=1>', '<IMG SRC="media/a.png" ONERROR="window.x=1">', '<img src=x', ' onerror=',
  ' onclick="window.x=1"', ' title="{window.x=1}"', ' style="background:url(javascript:window.x=1)"', ' href=', ' src=',
  ' formaction=javascript:window.x=1', ' srcdoc="<script>window.x=1</script>"', '<svg onload=window.x=1>', '</svg>',
  '<script>window.x=1</script>', '<script>', '</script>', '<style>', '<iframe src="javascript:window.x=1">', '</iframe>',
  '<a href="javascript:window.x=1">', '<a href="&#106;avascript:window.x=1">', '<a href=media/d.svg>', '</a>',
  '<details open ontoggle=window.x=1>', '<summary>', '<div>', '</div>', '<p>', '</p>', '<table>', '<tr>', '<td>',
  '<Enter>', '<everything>', '<svelte:head>', '<svelte:window onkeydown={() => window.x=1} />', '<math>', '<!--', '-->',
  '<![CDATA[', '<?x ?>', '<form action=javascript:window.x=1>', '<object data=media/d.svg>', '<embed src=media/d.svg>',
  '<base href="javascript:/">', '<meta http-equiv=refresh content="0;url=javascript:window.x=1">', '<input type=text>',
  '<Component />', '<slot />', '<template>', '<textarea>', '<pre>', '</pre>',
  // URLs and schemes
  'javascript:window.x=1', 'JaVaScRiPt:window.x=1', 'java\tscript:window.x=1', 'vbscript:x', 'data:text/html,<script>window.x=1</script>',
  'https://e.com/{id}', 'mailto:a@b.c', 'media/a.png', 'media/d.svg', 'media/page.html', '02-next.md', '//evil.example',
  // Markdown
  '[', ']', '(', ')', '![', '](', '[t](', '![a](media/a.png', ' "t")', '[r][ref]', '\n[ref]: ', '\n', '\n\n', ' ', '*', '_',
  '```', '\n```\n', '    ', '- [ ] ', '| a | b |\n|---|---|\n| ', '## ', '# ', '<https://e.com>', '<javascript:window.x=1>',
  ':::theory {window.x=1}\n', ':::example A "title" with {braces} & <b>tags</b>\n', '\n:::case-study C\n? Q {x} "<i>"\n: ',
  '../../secret.png', '[d]: media/d.svg "{t}"\n', ':::question\n', '\n???\n', ':::\n', '\n:::reflection\n? ', '\n: ', 'text', 'Guide', '...', '--',
];

const body = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 24 }).map((parts) => parts.join(''));

const COMPONENTS = /^[A-Z][A-Za-z]+$/;

/** Attribute values as the browser reads them (the entities sanitize-html writes). */
const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const ELEMENTS = new Set([
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div',
  'dl', 'dt', 'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
]);
const SAFE_URL = /^(https?:|mailto:|tel:|#|\{\}$)/i;

/** Nothing in the markup can run: our asset imports are the only expressions; allowed elements, attributes and URLs only. */
function expectInert(reading: Reading): void {
  for (const expression of reading.expressions) expect(expression).toMatch(/^\{__cm_asset_\d+\}$/);
  for (const element of reading.elements) {
    expect(ELEMENTS.has(element.name) || COMPONENTS.test(element.name), element.name).toBe(true);
    for (const [name, value] of Object.entries(element.attributes)) {
      expect(name).not.toMatch(/^on|^(srcdoc|style|action|formaction|data|srcset)$|:/i);
      // Text props of our components (a prompt's text) may say "javascript:"; URLs may not.
      if (typeof value !== 'string' || !['href', 'src', 'url', 'captions'].includes(name)) continue;
      expect(value.replace(/[\u0000-\u0020]/g, '')).toMatch(SAFE_URL);
    }
  }
}

describe('the lesson compiler under fuzzing', () => {
  it('never throws, locates every problem, compiles what check accepts, and emits nothing that runs', async () => {
    const lastLine = (text: string) => text.split('\n').length + 3;
    let clean = 0;
    await fc.assert(
      fc.asyncProperty(body, async (markdown) => {
        const { diagnostics, errors, source } = compileBody(markdown);
        for (const d of diagnostics) {
          expect(d.file).toBe('content/c/01-lesson.md');
          expect(d.line).toBeGreaterThanOrEqual(4);
          expect(d.line).toBeLessThanOrEqual(lastLine(markdown));
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(d.rule).toMatch(/^[a-z-]+\/[a-z0-9-]+$/);
          expect(`${d.message}\n${d.hint ?? ''}`).not.toMatch(/\n\s+at |\.svelte:\d+/);
        }
        // Inert even when check refused the lesson (the build would stop), wherever Svelte can read it.
        let reading: Reading | undefined;
        try {
          reading = readSource(source);
        } catch (error) {
          if (errors.length === 0) throw error;
        }
        if (reading) expectInert(reading);
        if (errors.length === 0) {
          clean++;
          await expect(lessonToJs(source, 'lesson.md')).resolves.toBeTruthy();
        }
      }),
      { numRuns: 1500 },
    );
    // The property must have exercised lessons that build, not only refused ones.
    console.info(`lesson fuzz: ${clean} of 1500 lessons built`);
    expect(clean).toBeGreaterThan(300);
  }, 120_000);

  it('sanitised and escaped HTML from any mix of fragments is inert, whatever the policy reported', () => {
    fc.assert(
      fc.property(body, (html) => {
        const safe = escapeForSvelte(sanitiseHtml(html, { urls: SNIPPET_URLS, report: () => {} }));
        // Sanitised HTML has one strict shape, so a plain reading finds every tag (nesting aside,
        // which only the Svelte compiler judges: see the property above).
        expect(safe).not.toMatch(/[{}]/);
        const tags = safe.match(/<[^>]*>/g) ?? [];
        expect(safe.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
        const elements = tags
          .filter((tag) => !tag.startsWith('</'))
          .map((tag) => {
            const match = /^<([a-z0-9-]+)((?:\s[a-z-]+(?:="[^"<>]*")?)*)\s*\/?>$/.exec(tag);
            expect(match, tag).not.toBeNull();
            const attributes = Object.fromEntries([...match![2]!.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, decode(m[2] ?? '')]));
            return { name: match![1]!, attributes };
          });
        expectInert({ expressions: [], elements, text: '' });
      }),
      { numRuns: 5000 },
    );
  }, 60_000);
});
