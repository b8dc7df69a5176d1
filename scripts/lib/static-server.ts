// A tiny static file server for the built site, on a free loopback port. Its caching headers can be
// those of real hosts (GitHub Pages' `max-age=600`, or only `Last-Modified`, which browsers cache by
// heuristic), and it logs every request, so tests and the benchmark can see what the browser fetched.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.vtt': 'text/vtt',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * How responses may be cached: `no-cache` (revalidate every time, the default), `max-age` (fresh for
 * ten minutes, as GitHub Pages sends), or `heuristic` (only a Last-Modified date, no Cache-Control:
 * browsers then keep a file for a tenth of its age).
 */
export type CachingHeaders = 'no-cache' | 'max-age' | 'heuristic';

export interface ServedRequest {
  /** The path asked for, with its query. */
  url: string;
  status: number;
  /** Body bytes sent. */
  bytes: number;
  /** The request's Sec-Fetch-Dest: `empty` for fetch() (a service worker filling its cache), `script`, `document`… */
  dest: string;
}

export interface StaticServer {
  url: string;
  /** Every request answered so far, in order. */
  readonly requests: ServedRequest[];
  close(): Promise<void>;
}

export interface StaticServerOptions {
  caching?: CachingHeaders;
}

function cachingHeaders(caching: CachingHeaders, file: string): Record<string, string> {
  if (caching === 'no-cache') return { 'cache-control': 'no-cache' };
  // A date well in the past, so the heuristic freshness (10% of the age) outlasts any test.
  const lastModified = new Date(Math.min(statSync(file).mtimeMs, Date.now() - 30 * 24 * 3600_000)).toUTCString();
  if (caching === 'max-age') return { 'cache-control': 'max-age=600', 'last-modified': lastModified };
  return { 'last-modified': lastModified };
}

export async function serveStatic(rootDir: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const root = resolve(rootDir);
  const caching = options.caching ?? 'no-cache';
  const requests: ServedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const log = (status: number, bytes: number) =>
      requests.push({ url: request.url ?? '/', status, bytes, dest: String(request.headers['sec-fetch-dest'] ?? '') });
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      log(403, 0);
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      log(404, 9);
      return;
    }
    // Read whole: the files are small, and a test may replace the site while a response is going out.
    const body = readFileSync(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...cachingHeaders(caching, file) });
    response.end(body);
    log(200, body.length);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
