// Which source modules make up a chunk: builds the site in memory with the same configuration as
// `coursemark build` and reads rolldown's rendered code of each module; each source's share is that
// code minified and gzipped on its own (an estimate: gzip works better across a whole chunk, so the
// shares add up to a little more than the chunk). For the notes of a figure over its bar.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { minifySync } from 'vite';
import { gzipSize } from './measure.ts';

export interface ModuleShare {
  /** A package name ("svelte", "localforage"), a file of the project ("src/player/App.svelte") or a virtual module. */
  source: string;
  /** Its code in the chunk, minified and gzipped on its own (level 9). */
  gzip: number;
}

/** A source's rendered code in one chunk (what tree-shaking kept, before minification). */
interface SourceCode {
  source: string;
  code: string;
}

const HASHED = /^(.*)-[\w-]{8}(\.\w+)$/;

/** "assets/index-CtcwukYM.js" → "assets/index.js": chunk names are stable across builds, hashes may not be. */
export const withoutHash = (file: string): string => file.replace(HASHED, '$1$2');

function sourceOf(id: string, root: string): string {
  const clean = id.replace(/^\0/, '').split('?')[0]!;
  const inModules = clean.lastIndexOf(`node_modules${sep}`);
  if (inModules !== -1) {
    const [scope, name] = clean.slice(inModules + 'node_modules/'.length).split(sep);
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? clean);
  }
  return clean.startsWith(root) ? relative(root, clean).split(sep).join('/') : clean;
}

/** Per chunk file (and per chunk file without its hash), the code of each source in it. */
export type ChunkSources = Map<string, SourceCode[]>;

export async function chunkSources(contentDir: string): Promise<ChunkSources> {
  const { build } = await import('vite');
  const { siteConfig, PROJECT_ROOT } = await import('../../src/content/vite/site-config.ts');
  const outDir = mkdtempSync(join(tmpdir(), 'coursemark-attribution-'));
  try {
    const config = siteConfig({ contentDir, outDir });
    const result = await build({ ...config, logLevel: 'silent', build: { ...config.build, write: false } });
    const outputs = Array.isArray(result) ? result : [result];
    const chunks: ChunkSources = new Map();
    for (const output of outputs) {
      if (!('output' in output)) continue;
      for (const item of output.output) {
        if (item.type !== 'chunk') continue;
        const bySource = new Map<string, string[]>();
        for (const [id, info] of Object.entries(item.modules)) {
          if (!info.code) continue;
          const source = sourceOf(id, PROJECT_ROOT);
          bySource.set(source, [...(bySource.get(source) ?? []), info.code]);
        }
        const list = [...bySource].map(([source, codes]) => ({ source, code: codes.join('\n') }));
        chunks.set(item.fileName, list);
        chunks.set(withoutHash(item.fileName), list);
      }
    }
    return chunks;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function minifiedGzip(source: string, code: string): number {
  const minified = minifySync(`${source.replace(/[^\w.-]+/g, '_')}.js`, code);
  // Rendered code is a module body, so it parses; if it ever does not, the unminified size still ranks it.
  return gzipSize(minified.errors.length ? code : minified.code);
}

/** The largest sources across some chunk files, by minified gzip size. */
export function largestSources(chunks: ChunkSources, files: readonly string[], count = 8): ModuleShare[] {
  const codes = new Map<string, string[]>();
  for (const file of files) {
    for (const { source, code } of chunks.get(file) ?? chunks.get(withoutHash(file)) ?? []) {
      codes.set(source, [...(codes.get(source) ?? []), code]);
    }
  }
  return [...codes]
    .map(([source, parts]) => ({ source, gzip: minifiedGzip(source, parts.join('\n')) }))
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, count);
}
