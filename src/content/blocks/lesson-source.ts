// The Svelte source of one lesson as its blocks write it: chunks that remember the tutor's lines
// (so the compiler's complaints land there), the components used from the blocks module, and the
// course files bound to imports. It is what a BlockWriter writes into.
import { assetPlaceholder, bindAssets, type SourceChunk } from '../compile.ts';
import { renderLessonMarkdown, type LessonContext } from '../markdown/lesson-markdown.ts';
import type { SourceLine } from '../scan/index.ts';
import type { BlockWriter } from './types.ts';
import { BLOCKS_MODULE } from './virtual-module.ts';

export class LessonSource implements BlockWriter {
  readonly chunks: SourceChunk[] = [];
  readonly #components = new Set<string>();
  /** Absolute path of a course file → the number of the import its URL is bound to (`__cm_asset_<n>`). */
  readonly #assets = new Map<string, number>();
  readonly #context: LessonContext;

  constructor(context: Omit<LessonContext, 'asset'>) {
    this.#context = { ...context, asset: (path) => this.asset(path) };
  }

  markdown(lines: SourceLine[]): void {
    this.chunks.push({ code: renderLessonMarkdown(lines, this.#context), lines });
  }

  markup(line: number, code: string): void {
    this.chunks.push({ code, line });
  }

  use(component: string): void {
    this.#components.add(component);
  }

  asset(absolutePath: string): string {
    let n = this.#assets.get(absolutePath);
    if (n === undefined) {
      n = this.#assets.size;
      this.#assets.set(absolutePath, n);
    }
    return assetPlaceholder(n);
  }

  /** The lesson's <script>: its components from the blocks module, then its course files. */
  prefix(): string {
    const components = [...this.#components].sort();
    return [
      '<script>',
      ...(components.length ? [`  import { ${components.join(', ')} } from ${JSON.stringify(BLOCKS_MODULE)};`] : []),
      // An SVG is only ever an image, inlined as a data: URL: never a page on the site's origin.
      ...[...this.#assets].map(([path, n]) => `  import __cm_asset_${n} from ${JSON.stringify(path.toLowerCase().endsWith('.svg') ? `${path}?inline` : path)};`),
      '</script>',
      '',
      '',
    ].join('\n');
  }

  /** The whole source, asset placeholders bound to their imports. */
  source(prefix = this.prefix()): string {
    return bindAssets(prefix + this.chunks.map((chunk) => chunk.code).join('\n'));
  }
}
