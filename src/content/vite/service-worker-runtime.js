// The service worker's code, the same for every build: `coursemark build` puts the build's own
// constants (VERSION, SHELL, COURSES) in front of it and writes the whole as sw.js
// (src/content/vite/service-worker.ts explains the choices; docs/offline.md tells the story).
//
// - Install caches the shell (the page, its code, the catalogue, the icons) and every course the
//   learner had saved for offline use in an older version, in a cache named after this version.
//   Any failure deletes that cache and fails the install: the old version stays in charge, whole.
// - A file whose name carries no content hash is fetched past every HTTP cache (cache: 'reload') with
//   its revision in the query, so a host's `max-age` or a browser's heuristic caching can never put
//   an old index.html into a new version.
// - A course is saved when the learner opens it ({type: 'SAVE_COURSE'}): its lessons, quizzes and
//   media come in a few packs (see the per-course manifest in offline/), then a marker says it is whole.
// - Old versions' caches are kept while a tab that opened with them is still open, so that tab keeps
//   loading its lessons even once the server has only the new files.
/* global VERSION, SHELL, COURSES */

const CACHE = 'coursemark-' + VERSION;
/** Which old caches are kept, and for which open tabs (one JSON entry). */
const META = 'coursemark-meta';
const scope = new URL(self.registration.scope);
const url = (path) => new URL(path, scope).href;
const RETIRED = url('__coursemark/retired.json');
/** A marker per course, put in a version's cache once every file of that course is there. */
const SAVED = url('__coursemark/saved/');
/** In every cache this worker fills; a cache with index.html but without it was filled by the first worker, which cached every course. */
const FILLED = url('__coursemark/filled');
/** Files that Vite or the build named after their content: the same name is always the same bytes. */
const IMMUTABLE = /^(assets|offline)\//;
/** A pack is fetched whole when more than this many of its files are missing; fewer come one by one. */
const FEW = 4;
const PARALLEL = 3;

const isImmutable = (href) => href.startsWith(scope.href) && IMMUTABLE.test(href.slice(scope.href.length));
const ourCaches = async () => (await caches.keys()).filter((key) => key.startsWith('coursemark-') && key !== META);

async function download(path, revision) {
  const target = revision ? `${url(path)}?__v=${revision}` : url(path);
  // A content-named file in the HTTP cache is the right one; any other must come from the server.
  const response = await fetch(target, { cache: revision || !IMMUTABLE.test(path) ? 'reload' : 'default' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  // Kept without the query in its URL, so a page served from it is the page's own address.
  return revision ? new Response(await response.blob(), { headers: response.headers }) : response;
}

/** Runs `work` on every item, at most `limit` at a time; on a failure, lets the running ones finish, then throws it. */
async function pool(items, limit, work) {
  let next = 0;
  let failure;
  const lane = async () => {
    while (next < items.length && !failure) {
      try {
        await work(items[next++]);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure;
}

/** Which cache already holds each URL, this version's first (a copy from an older one costs no request). */
async function knownFiles() {
  const known = new Map();
  for (const key of await ourCaches()) {
    for (const request of await (await caches.open(key)).keys()) if (!known.has(request.url) || key === CACHE) known.set(request.url, key);
  }
  return known;
}

/** A copy of `path` from an older cache, if one has it. */
async function copyOf(known, path) {
  const key = known.get(url(path));
  return key && key !== CACHE ? (await caches.open(key)).match(url(path)) : undefined;
}

async function putShell(cache) {
  const known = await knownFiles();
  await pool(SHELL, PARALLEL, async ([path, revision]) => {
    if (!revision && known.get(url(path)) === CACHE) return;
    const copy = revision ? undefined : await copyOf(known, path);
    await cache.put(url(path), copy ?? (await download(path, revision)));
  });
}

async function unpack(cache, pack) {
  const body = await (await download(pack.path)).arrayBuffer();
  const total = pack.files.reduce((sum, file) => sum + file.size, 0);
  if (total !== body.byteLength) throw new Error(`${pack.path}: ${body.byteLength} bytes, the manifest says ${total}`);
  let offset = 0;
  await Promise.all(
    pack.files.map((file) => {
      const part = body.slice(offset, (offset += file.size));
      return cache.put(url(file.path), new Response(part, { headers: { 'content-type': file.type } }));
    }),
  );
}

/** Puts every file of a course in `cache` (copied from an older cache, from packs, or one by one), then its marker. */
async function saveCourse(cache, courseId) {
  if (!Object.hasOwn(COURSES, courseId) || (await cache.match(SAVED + courseId))) return;
  const manifest = await (await download(COURSES[courseId])).json();
  const known = await knownFiles();
  const jobs = [];
  const missing = async (path) => {
    if (known.get(url(path)) === CACHE) return false;
    const copy = await copyOf(known, path);
    if (copy) await cache.put(url(path), copy);
    return !copy;
  };
  const single = (path) => jobs.push(async () => cache.put(url(path), await download(path)));
  for (const pack of manifest.packs) {
    const needed = [];
    for (const file of pack.files) if (await missing(file.path)) needed.push(file.path);
    if (needed.length > FEW) jobs.push(() => unpack(cache, pack));
    else needed.forEach(single);
  }
  for (const path of manifest.files) if (await missing(path)) single(path);
  await pool(jobs, PARALLEL, (job) => job());
  await cache.put(SAVED + courseId, new Response(courseId));
}

async function savedCourses(cacheNames) {
  const ids = new Set();
  for (const key of cacheNames) {
    const urls = (await (await caches.open(key)).keys()).map((request) => request.url);
    // Coming from the worker that cached the whole site (its cache has the page but not our mark):
    // the learner keeps every course offline.
    if (key !== CACHE && !urls.includes(FILLED) && urls.includes(url('index.html'))) return Object.keys(COURSES);
    for (const href of urls) if (href.startsWith(SAVED)) ids.add(href.slice(SAVED.length));
  }
  return [...ids];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await cache.put(FILLED, new Response(VERSION));
        await putShell(cache);
        // Courses saved in an older version stay available offline in this one.
        for (const courseId of await savedCourses(await ourCaches())) await saveCourse(cache, courseId);
      } catch (error) {
        await caches.delete(CACHE);
        throw error;
      }
    })(),
  );
});

async function readRetired() {
  const hit = await (await caches.open(META)).match(RETIRED);
  return hit ? hit.json() : { caches: [], holders: [] };
}

async function writeRetired(retired) {
  await (await caches.open(META)).put(RETIRED, new Response(JSON.stringify(retired), { headers: { 'content-type': 'application/json' } }));
}

const openTabs = async () => (await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((client) => client.id);

/** Deletes the old caches once no tab that was open when they were retired is still open. */
async function tidy() {
  const retired = await readRetired();
  if (retired.caches.length === 0) return;
  const open = new Set(await openTabs());
  const holders = retired.holders.filter((id) => open.has(id));
  if (holders.length > 0) {
    if (holders.length < retired.holders.length) await writeRetired({ caches: retired.caches, holders });
    return;
  }
  await Promise.all(retired.caches.filter((key) => key !== CACHE).map((key) => caches.delete(key)));
  await writeRetired({ caches: [], holders: [] });
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const older = (await ourCaches()).filter((key) => key !== CACHE);
      const retired = await readRetired();
      const union = (a, b) => [...new Set([...a, ...b])];
      // Every tab open now started with an older version (or none): it may still need those files.
      await writeRetired({ caches: union(retired.caches, older), holders: union(retired.holders, await openTabs()) });
      await self.clients.claim();
      await tidy();
    })(),
  );
});

const saving = new Map();
function save(courseId) {
  if (!saving.has(courseId)) {
    const done = caches.open(CACHE).then((cache) => saveCourse(cache, courseId));
    saving.set(courseId, done.finally(() => saving.delete(courseId)));
  }
  return saving.get(courseId);
}

async function tell(clients) {
  const courses = await savedCourses([CACHE]);
  for (const client of clients) client.postMessage({ type: 'OFFLINE_COURSES', courses });
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'SKIP_WAITING') {
    self.skipWaiting();
    return;
  }
  event.waitUntil(
    (async () => {
      if (data.type === 'SAVE_COURSE' && typeof data.course === 'string') {
        // A failure (the network went away) leaves the course unmarked; opening it again retries.
        await save(data.course).catch(() => {});
        await tell(await self.clients.matchAll({ type: 'window', includeUncontrolled: true }));
      } else if (data.type === 'OFFLINE_STATUS' && event.source) {
        await tell([event.source]);
      }
      await tidy();
    })(),
  );
});

/** This version's copy first; an older version's copy of a content-named file for a tab still on it. */
async function cached(key, navigate) {
  const own = await (await caches.open(CACHE)).match(key, { ignoreSearch: navigate });
  return own || !isImmutable(key) ? own : caches.match(key);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(scope.href)) return;
  // Every page of the player is index.html with a different hash: serve it for navigations.
  const navigate = request.mode === 'navigate';
  const key = navigate ? url('index.html') : request.url.split('#')[0];
  const range = request.headers.get('range');
  event.respondWith(
    cached(key, navigate).then((hit) => {
      if (!hit) return fetch(request);
      // A <video> asks for byte ranges; answer them from the cached file so it plays offline.
      return range ? partial(hit, range) : hit;
    }),
  );
});

async function partial(response, range) {
  const blob = await response.blob();
  const match = /^bytes=([0-9]*)-([0-9]*)$/.exec(range.trim());
  const refuse = () => new Response(null, { status: 416, headers: { 'content-range': `bytes */${blob.size}` } });
  if (!match) return refuse();
  const start = match[1] === '' ? Math.max(0, blob.size - Number(match[2])) : Number(match[1]);
  const end = match[1] !== '' && match[2] !== '' ? Math.min(Number(match[2]), blob.size - 1) : blob.size - 1;
  if (start > end || start >= blob.size) return refuse();
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      'content-type': response.headers.get('content-type') || 'application/octet-stream',
      'content-range': `bytes ${start}-${end}/${blob.size}`,
      'content-length': String(end - start + 1),
      'accept-ranges': 'bytes',
    },
  });
}
