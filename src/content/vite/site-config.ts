// The player's Vite configuration, shared by vite.config.ts (vite / vite build) and the coursemark
// CLI (build, dev), so both build exactly the same site. Two targets:
//   site         the static site: lazily loaded chunks, an installable PWA whose service worker
//                precaches every course, lesson, quiz and asset after one visit;
//   single-file  one self-contained HTML file for one course (everything inlined), for file://;
//   lms          one course for a package an LMS launches (SCORM or cmi5, see src/cli/export-lms.ts):
//                the site's chunks with the LMS adapter, and no service worker.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { InlineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { viteSingleFile } from 'vite-plugin-singlefile';
import type { ContentResult } from '../pipeline.ts';
import { coursemark } from './plugin.ts';
import { serviceWorker } from './service-worker.ts';
import { cspPlugin } from './csp.ts';
import { outputGuard } from '../../cli/output-guard.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface SiteOptions {
  /** Content folder, relative to the working directory. */
  contentDir?: string;
  /** Output folder, relative to the working directory. */
  outDir?: string;
  target?: 'site' | 'single-file' | 'lms';
  /** single-file and lms: the one course to include. */
  course?: string;
  /** A proof copy for tutors: every answer and hidden part shown (src/content/proof.ts). */
  proof?: boolean;
  /** lms: the standard the player speaks to its LMS. */
  lms?: 'scorm12' | 'scorm2004' | 'cmi5';
  /** The content the caller already read (the CLI): a build uses it rather than reading it again. */
  content?: ContentResult;
}

/** A course's lesson and quiz loaders (src/content/vite/plugin.ts), and the name its chunk is given. */
const LOADERS_MODULE = '\0virtual:coursemark/loaders/';
const LOADERS_CHUNK = /(^|\/)loaders-[^/]+\.js$/;

/** Where a cmi5 package may send statements: any https origin (and a local LRS, for testing). */
const LRS_SOURCES = ['https:', 'http://127.0.0.1:*', 'http://localhost:*'];

export function siteConfig(options: SiteOptions = {}): InlineConfig {
  const cwd = process.cwd();
  const contentDir = resolve(cwd, options.contentDir ?? 'content');
  const singleFile = options.target === 'single-file';
  return {
    configFile: false,
    root: resolve(PROJECT_ROOT, 'src'),
    // Relative asset URLs: the same build works from any path on a static host, from file:// and in an LMS.
    base: './',
    // The PWA's icons and web app manifest: the site only (an LMS package is not installed as an app).
    publicDir: singleFile || options.target === 'lms' ? false : resolve(PROJECT_ROOT, 'static'),
    logLevel: 'warn',
    define: {
      __COURSEMARK_TARGET__: JSON.stringify(options.target ?? 'site'),
      // A constant, so that outside LMS builds the adapter's import is removed and adds no bytes.
      __COURSEMARK_LMS__: JSON.stringify(options.target === 'lms' ? (options.lms ?? 'scorm2004') : 'none'),
    },
    plugins: [
      outputGuard(contentDir),
      coursemark({
        contentDir,
        ...(options.course ? { only: options.course } : {}),
        ...(options.proof ? { proof: true } : {}),
        ...(options.content ? { content: options.content } : {}),
      }),
      svelte({ configFile: false, compilerOptions: { runes: true } }),
      singleFile ? viteSingleFile({ removeViteModuleLoader: true }) : options.target === 'lms' ? null : serviceWorker(),
      // Last: the single file's policy hashes the scripts vite-plugin-singlefile inlined. A cmi5 package
      // talks to the LRS its launch names, an origin known only then.
      cspPlugin(singleFile ? 'single-file' : 'site', options.lms === 'cmi5' ? LRS_SOURCES : []),
    ],
    build: {
      outDir: resolve(cwd, options.outDir ?? 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      chunkSizeWarningLimit: singleFile ? 5000 : 200,
      // Images stay files on the site (lesson chunks stay small, the service worker caches each once);
      // the single file inlines everything.
      assetsInlineLimit: singleFile ? Number.MAX_SAFE_INTEGER : 0,
      modulePreload: {
        // Every browser the player supports preloads modules itself: no polyfill in the first load.
        polyfill: false,
        // A course's lesson loaders name only each lesson's stylesheets: the browser fetches a lesson
        // chunk's own imports (block components) as soon as it reads it, and a list of scripts per
        // lesson would make the loaders of a 1,000-lesson course ten times larger.
        resolveDependencies: (_file, deps, { hostId, hostType }) =>
          hostType === 'js' && LOADERS_CHUNK.test(hostId) ? deps.filter((dep) => dep.endsWith('.css')) : deps,
      },
      rolldownOptions: {
        checks: { pluginTimings: false },
        output: { chunkFileNames: (chunk) => `assets/${chunk.facadeModuleId?.startsWith(LOADERS_MODULE) ? 'loaders-' : ''}[name]-[hash].js` },
      },
    },
    server: { fs: { allow: [PROJECT_ROOT, contentDir] } },
  };
}
