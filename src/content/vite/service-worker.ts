// The offline part of the site build: a Vite plugin that writes sw.js (the build's file lists in
// front of service-worker-runtime.js) and, per course, a manifest and packs in offline/:
//   - the shell (the page, the app's code, the catalogue, icons) is cached when the worker installs;
//   - a course's own files (its lesson chunks, quiz data, details and media) only when the learner
//     opens it, from packs: its small files concatenated into a few files of about PACK_BYTES, so a
//     course of 1,000 lessons comes in about a dozen requests instead of a thousand.
// Files Vite names after their content (assets/) need no revision; the others carry one (a hash of
// their bytes), which the worker puts in the query of a request that bypasses the HTTP cache.
//
// Written here rather than with Workbox: workbox-build pulls in rollup, whose native package this
// project's registry lacks; Workbox's runtime modules bundled by Vite would do the precaching, but
// not the per-course packs, and would add bytes the worker does not need (docs/offline.md, "Why not Workbox").
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** Source maps are never needed offline. (Local videos are cached with their course: they must play offline.) */
const SKIP = /\.map$/i;
/** Where the per-course manifests and packs go; like assets/, every name there carries a content hash. */
export const OFFLINE_DIR = 'offline';
/** Files named after their content: the worker fetches them without a revision and may keep them from an older version. */
const IMMUTABLE = /^(assets|offline)\//;
/** A pack grows to about this size; a file this big or bigger is fetched alone. */
export const PACK_BYTES = 512 * 1024;
const RUNTIME = readFileSync(new URL('./service-worker-runtime.js', import.meta.url), 'utf8');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.vtt': 'text/vtt',
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const TEXT = /^(text\/|application\/json|image\/svg)/;

/** What the plugin keeps of a chunk of the bundle: its file and the assets (images, CSS) it imports. */
export interface ChunkFacts {
  fileName: string;
  facadeModuleId: string | null;
  assets: string[];
}

/**
 * Per-course modules are named `virtual:coursemark/<kind>/<course-id>[/<item>]` (lesson, quiz,
 * details: src/content/vite/plugin.ts); a chunk made from one belongs to that course. Anything else,
 * and any asset a site-wide chunk also uses, is the shell; so are each course's lesson list and its
 * loaders (`course/<id>`, `loaders/<id>`: small, and changed by any lesson's new name), so that a
 * course never opened still shows its contents offline and says which lesson it has not saved.
 */
const COURSE_MODULE = /^\0?virtual:coursemark\/(?!course\/|loaders\/)[^/]+\/([^/]+)/;

/** Each course's own files (its chunks and the assets only they use), by course id. */
export function courseFiles(chunks: readonly ChunkFacts[]): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  const shared = new Set<string>();
  for (const chunk of chunks) {
    const course = COURSE_MODULE.exec(chunk.facadeModuleId ?? '')?.[1];
    if (!course) {
      chunk.assets.forEach((asset) => shared.add(asset));
      continue;
    }
    for (const file of [chunk.fileName, ...chunk.assets]) owners.set(file, (owners.get(file) ?? new Set()).add(course));
  }
  const byCourse = new Map<string, string[]>();
  for (const [file, courses] of owners) {
    if (shared.has(file)) continue;
    for (const course of courses) byCourse.set(course, [...(byCourse.get(course) ?? []), file]);
  }
  for (const files of byCourse.values()) files.sort();
  return byCourse;
}

export interface PackedFile {
  path: string;
  size: number;
  type: string;
}

/** What the worker reads to save a course: packs of small files (in order, byte sizes) and big files alone. */
export interface CourseOfflineManifest {
  course: string;
  packs: { path: string; files: PackedFile[] }[];
  files: string[];
}

const hashOf = (bytes: Uint8Array | string, length = 16) => createHash('sha256').update(bytes).digest('hex').slice(0, length);
const typeOf = (path: string) => TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Packs a course's files: text and binary apart (a host compresses a text pack, as it would the
 * files), each filled up to `packBytes` in path order; a file of `packBytes` or more stays alone.
 */
export function packCourse(
  courseId: string,
  files: readonly { path: string; bytes: Uint8Array }[],
  packBytes = PACK_BYTES,
): { manifest: CourseOfflineManifest; written: { path: string; bytes: Uint8Array }[] } {
  const manifest: CourseOfflineManifest = { course: courseId, packs: [], files: [] };
  const written: { path: string; bytes: Uint8Array }[] = [];
  for (const text of [true, false]) {
    let group: { path: string; bytes: Uint8Array }[] = [];
    let size = 0;
    const close = () => {
      if (group.length === 0) return;
      const bytes = Buffer.concat(group.map((file) => file.bytes));
      const path = `${OFFLINE_DIR}/${courseId}-${hashOf(bytes, 12)}.${text ? 'txt' : 'bin'}`;
      manifest.packs.push({ path, files: group.map((file) => ({ path: file.path, size: file.bytes.length, type: typeOf(file.path) })) });
      written.push({ path, bytes });
      group = [];
      size = 0;
    };
    for (const file of files) {
      if (TEXT.test(typeOf(file.path)) !== text) continue;
      if (file.bytes.length >= packBytes) {
        manifest.files.push(file.path);
        continue;
      }
      if (size + file.bytes.length > packBytes) close();
      group.push(file);
      size += file.bytes.length;
    }
    close();
  }
  const json = JSON.stringify(manifest);
  written.push({ path: `${OFFLINE_DIR}/${courseId}-${hashOf(json, 12)}.json`, bytes: Buffer.from(json) });
  return { manifest, written };
}

/**
 * sw.js for a shell of [path, revision] pairs (revision null for content-named files) and each
 * course's manifest path. The version names the cache: any change to a file, a course or the
 * worker's own code makes a new version, which the browser installs as an update.
 */
export function serviceWorkerSource(shell: [string, string | null][], courses: Record<string, string>): string {
  const version = hashOf(JSON.stringify([shell, courses, RUNTIME]), 12);
  return `// Generated by coursemark build: the shell is cached at install, each course when it is opened.
const VERSION = ${JSON.stringify(version)};
const SHELL = ${JSON.stringify(shell)};
const COURSES = ${JSON.stringify(courses)};
${RUNTIME}`;
}

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesOf(path) : [path];
  });
}

/** Writes offline/ and sw.js for a built site in `outDir`, given the bundle's chunks. */
export function writeOffline(outDir: string, chunks: readonly ChunkFacts[]): void {
  const site = filesOf(outDir)
    .map((path) => relative(outDir, path).split('\\').join('/'))
    .filter((file) => file !== 'sw.js' && !SKIP.test(file) && statSync(join(outDir, file)).size > 0)
    .sort();
  const present = new Set(site);
  const owned = new Set<string>();
  const courses: Record<string, string> = {};
  for (const [courseId, files] of courseFiles(chunks)) {
    const real = files.filter((file) => present.has(file));
    real.forEach((file) => owned.add(file));
    const { written } = packCourse(courseId, real.map((path) => ({ path, bytes: readFileSync(join(outDir, path)) })));
    mkdirSync(join(outDir, OFFLINE_DIR), { recursive: true });
    for (const file of written) writeFileSync(join(outDir, file.path), file.bytes);
    courses[courseId] = written.at(-1)!.path;
  }
  const shell = site
    .filter((file) => !owned.has(file))
    .map((file): [string, string | null] => [file, IMMUTABLE.test(file) ? null : hashOf(readFileSync(join(outDir, file)))]);
  // A file of its own, written after the bundle: it lists the bundle, so it cannot be part of it.
  writeFileSync(join(outDir, 'sw.js'), serviceWorkerSource(shell, courses));
}

export function serviceWorker(): Plugin {
  let outDir = '';
  let chunks: ChunkFacts[] = [];
  return {
    name: 'coursemark-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // The web app manifest and icons live in static/; only the site (not the single file) links them.
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'manifest', href: './manifest.webmanifest' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', href: './icon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icon-192.png' }, injectTo: 'head' },
      { tag: 'meta', attrs: { name: 'theme-color', content: '#1f5fa8' }, injectTo: 'head' },
    ],
    generateBundle(_options, bundle) {
      chunks = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? [{ fileName: output.fileName, facadeModuleId: output.facadeModuleId, assets: [...(output.viteMetadata?.importedAssets ?? []), ...(output.viteMetadata?.importedCss ?? [])] }]
          : [],
      );
    },
    writeBundle: {
      order: 'post',
      handler() {
        writeOffline(outDir, chunks);
      },
    },
  };
}
