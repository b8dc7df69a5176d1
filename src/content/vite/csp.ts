// The Content-Security-Policy of the built player, as a <meta http-equiv> (static hosts, file:// and
// LMS packages cannot be relied on to send headers). It is the second wall behind the sanitiser:
// if anything ever slipped into a lesson, no inline script or handler could run.
//   site         script-src 'self': the player is module files, nothing inline.
//   single-file  everything is inlined, so script-src lists the SHA-256 of each inline script.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/** The video providers whose privacy-friendly players a video block opens on demand (video-embed.ts). */
const FRAMES = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'];

/**
 * The policy, given the script sources (and any origins beyond our own that the player may fetch from:
 * a cmi5 package's LRS). Styles may be inline: Svelte sets style attributes, and CSS cannot run code.
 */
export function contentSecurityPolicy(scriptSources: string[], connectSources: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectSources].join(' '),
    "worker-src 'self'",
    "manifest-src 'self'",
    `frame-src ${FRAMES.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const META = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;

/** The policy for a page whose scripts are all inline: one hash per script. */
export function inlinePolicy(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1]!)
    .filter((code) => code.trim() !== '')
    .map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  return contentSecurityPolicy(hashes.length ? hashes : ["'none'"]);
}

/**
 * Adds the policy to index.html in builds (not in dev, where Vite's client needs more). For the
 * single file it runs after vite-plugin-singlefile has inlined the scripts, and hashes them.
 */
export function cspPlugin(target: 'site' | 'single-file', connectSources: string[] = []): Plugin {
  return {
    name: 'coursemark-csp',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => (target === 'site' ? html.replace('<head>', `<head>\n    ${META(contentSecurityPolicy(["'self'"], connectSources))}`) : html),
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (target !== 'single-file') return;
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
          const html = String(file.source);
          file.source = html.replace('<head>', `<head>\n    ${META(inlinePolicy(html))}`);
        }
      },
    },
  };
}
