// Compiles a lesson's generated Markdown (component tags + Markdown) into a Svelte component with
// mdsvex, then into JavaScript with the Svelte compiler. Tutors write Markdown, never Svelte: every
// `{`, `}` and `<` in their text is escaped so it can only ever be text.
import { compile as mdsvex } from 'mdsvex';
import { compile as svelte } from 'svelte/compiler';
import { rewriteLinks, type LessonIndex } from './markdown/lesson.ts';
import { decorativeImages } from './markdown/decorative-images.ts';
import { headingIds } from './markdown/heading-ids.ts';

interface HastNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '{': '&#123;', '}': '&#125;' };

/** A rehype plugin for mdsvex's tree: text can never become Svelte syntax. */
function escapeSvelteSyntax() {
  return (tree: HastNode) => {
    const walk = (node: HastNode) => {
      if (node.type === 'text' && node.value) node.value = node.value.replace(/[&<>{}]/g, (c) => TEXT_ESCAPES[c]!);
      else if (node.type === 'raw' && node.value) node.value = node.value.replace(/[{}]/g, (c) => TEXT_ESCAPES[c]!);
      if (node.type === 'element' && node.tagName === 'a') {
        const href = String(node.properties?.href ?? '');
        if (/^https?:/i.test(href)) node.properties = { ...node.properties, target: '_blank', rel: 'noopener noreferrer' };
      }
      if (node.type === 'element' && node.tagName === 'img') node.properties = { loading: 'lazy', ...node.properties };
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

/** Code blocks as plain, escaped <pre><code> (no highlighter shipped to learners). */
function highlighter(code: string, lang: string | null | undefined): string {
  const escaped = code.replace(/[&<>{}]/g, (c) => TEXT_ESCAPES[c]!);
  const cls = lang ? ` class="language-${lang.replace(/[^\w-]/g, '')}"` : '';
  return `<pre${cls}><code>${escaped}</code></pre>`;
}

export async function lessonToSvelte(source: string, file: string, index: LessonIndex): Promise<string> {
  const result = await mdsvex(source, {
    filename: file,
    extensions: ['.md'],
    smartypants: { quotes: true, ellipses: true, dashes: 'oldschool' },
    highlight: { highlighter },
    // The decorative marker is text until removed, so it goes before the escaping.
    rehypePlugins: [decorativeImages, headingIds, escapeSvelteSyntax],
  });
  if (!result) throw new Error(`mdsvex returned nothing for ${file}`);
  return rewriteLinks(result.code, file, index).code;
}

export async function lessonToJs(source: string, file: string, index: LessonIndex, dev = false): Promise<{ code: string; map: unknown }> {
  const svelteCode = await lessonToSvelte(source, file, index);
  // In dev the lesson swaps itself in place when its source changes (Svelte HMR; see dev-update.ts).
  const out = svelte(svelteCode, { filename: file.replace(/\.md$/, '.svelte'), generate: 'client', dev, hmr: dev, runes: true, css: 'external' });
  return { code: out.js.code, map: out.js.map };
}
