// The player's Vite configuration, shared by vite.config.ts (npm run dev / vite build) and the
// coursemark CLI (build, dev), so both build exactly the same site.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { InlineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { coursemark } from '../content/vite-plugin.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SiteOptions {
  /** Content folder, relative to the working directory. */
  contentDir?: string;
  /** Output folder, relative to the working directory. */
  outDir?: string;
}

export function siteConfig(options: SiteOptions = {}): InlineConfig {
  const cwd = process.cwd();
  return {
    configFile: false,
    root: resolve(PROJECT_ROOT, 'src'),
    // Relative asset URLs: the same build works from any path on a static host, from file:// and in an LMS.
    base: './',
    publicDir: resolve(PROJECT_ROOT, 'static'),
    logLevel: 'warn',
    plugins: [coursemark({ contentDir: resolve(cwd, options.contentDir ?? 'content') }), svelte({ compilerOptions: { runes: true } })],
    build: {
      outDir: resolve(cwd, options.outDir ?? 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: 200,
      // Images stay files: lesson chunks stay small and the service worker caches each once.
      assetsInlineLimit: 0,
      rolldownOptions: { checks: { pluginTimings: false } },
    },
    server: { fs: { allow: [PROJECT_ROOT, resolve(cwd, options.contentDir ?? 'content')] } },
  };
}
