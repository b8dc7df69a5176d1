// The Vite plugin that exposes content/ to the player as virtual modules:
//   virtual:coursemark/catalogue   a card per course (part of the first load); loadCourse(course) → the
//                                  course's packed lesson list (schema/course-pack.ts), and
//                                  loadCourseLoaders(course) → its lesson and quiz loaders, each its own chunk
//   virtual:coursemark/course/<id>   one course's packed manifest, what its home needs
//   virtual:coursemark/loaders/<id>  loadLesson(lesson) → a lazily loaded component chunk,
//                                    loadQuiz(quiz) → a lazily loaded JSON chunk, for one course
//   virtual:coursemark/details     loadCourseDetails(course) → the full manifest (prompts, block titles)
//   virtual:coursemark/search      loadSearchIndex(course) → the course's search index (search-index.ts)
// Content errors fail the build once, with every diagnostic; in dev they show in the overlay and
// the page reloads when a content file changes.
import { existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatDiagnostic, summarise } from '../diagnostics.ts';
import { catalogueOf, loadContent, type ContentResult, type LessonCache } from '../pipeline.ts';
import type { Catalogue } from '../schema/manifest.ts';
import { cardCatalogue, packCourse } from '../schema/course-pack.ts';
import { lessonToJs } from '../compile.ts';
import { isSearchModule, searchModule } from '../search-index.ts';
import { PROOF_BANNER, PROOF_HEAD, proofSource } from '../proof.ts';
import { diagnosticsPayload, planUpdate } from '../dev-update.ts';
import { DEV_CLIENT_ID, devClientSource } from '../dev-overlay.ts';
import { resolveBlocksModule } from '../blocks/virtual-module.ts';

export interface CoursemarkPluginOptions {
  /** The content folder, relative to the working directory. */
  contentDir: string;
  /** Build only this course (the single-file target). */
  only?: string;
  /** The proof copy for tutors: every hidden part open, every quiz listed with answers (src/content/proof.ts). */
  proof?: boolean;
  /**
   * The content the caller has already read (`coursemark build`): a build uses it as it is instead of
   * reading and compiling every lesson a second time. Dev always reads its own, and again on a save.
   */
  content?: ContentResult;
}

const CATALOGUE = 'virtual:coursemark/catalogue';
const COURSE_PREFIX = 'virtual:coursemark/course/';
const LOADERS_PREFIX = 'virtual:coursemark/loaders/';
const DETAILS = 'virtual:coursemark/details';
const DETAILS_PREFIX = 'virtual:coursemark/details/';
const LESSON_PREFIX = 'virtual:coursemark/lesson/';
const QUIZ_PREFIX = 'virtual:coursemark/quiz/';
/** In dev, a lesson module asked for with this suffix is its proof copy (the page's ?proof). */
const PROOF_SUFFIX = '?proof';

export class ContentError extends Error {
  constructor(readonly result: ContentResult) {
    super(
      `${result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}\n${summarise(result.diagnostics)}`,
    );
    this.name = 'ContentError';
  }
}

/**
 * The catalogue without what only later pages need: block titles, prompts and choices, and blocks
 * that completion does not wait for. The full manifest is `virtual:coursemark/details`.
 */
export function lightCatalogue(catalogue: Catalogue): Catalogue {
  return {
    courses: catalogue.courses.map((course) => ({
      ...course,
      lessons: course.lessons.map((lesson) => ({
        ...lesson,
        blocks: lesson.blocks.filter((b) => b.required || b.kind === 'quiz').map((b) => ({ id: b.id, kind: b.kind, required: b.required })),
      })),
    })),
  };
}

/**
 * A module exporting `name(key)`: looks the key up in a table of `() => import(...)` (static strings,
 * so Vite can follow them) and resolves to what `pick` takes from the module; an unknown key rejects.
 */
function loaderModule(name: string, what: string, entries: readonly [key: string, load: string][], pick: string, where = ''): string {
  const table = `${name}Table`;
  return [
    `const ${table} = {${entries.map(([key, load]) => `${JSON.stringify(key)}: () => ${load}`).join(',\n')}};`,
    `export function ${name}(id) {`,
    `  const load = Object.hasOwn(${table}, id) ? ${table}[id] : undefined;`,
    `  if (!load) return Promise.reject(new Error('No ${what} "' + id + '"${where.replaceAll("'", "\\'")}'));`,
    `  return load().then((m) => m${pick});`,
    `}`,
  ].join('\n');
}

const importOf = (id: string): string => `import(${JSON.stringify(id)})`;

const stampOf = (file: string): string => {
  try {
    const stat = statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'gone';
  }
};

/**
 * The file watcher drops a second change to a file within 50 ms of the first (longer on a busy
 * machine), so the end of a save can go unseen and the page would show a half-written file. A
 * cheap check of every content file's size and time, a few times a second, replays what it missed.
 */
function watchForMissedSaves(devServer: ViteDevServer, stamps: Map<string, string>): void {
  const timer = setInterval(() => {
    for (const [file, stamp] of stamps) {
      const now = stampOf(file);
      if (now === stamp) continue;
      // A removed file is the watcher's to report ("unlink"); a changed one is replayed.
      if (now === 'gone') stamps.delete(file);
      else devServer.watcher.emit('change', file);
      return;
    }
  }, 250);
  timer.unref();
  devServer.httpServer?.on('close', () => clearInterval(timer));
}

export function coursemark(options: CoursemarkPluginOptions): Plugin {
  let content: ContentResult | undefined;
  /** The last content without errors: what the open page shows, and what a save is compared with. */
  let lastGood: ContentResult | undefined;
  /** Compiled lessons kept across saves in dev, so a save compiles only the lesson that changed. */
  const lessonCache: LessonCache = new Map();
  /** Each content file's size and time as last read in dev (see watchForMissedSaves). */
  const stamps = new Map<string, string>();
  let server: ViteDevServer | undefined;
  let dev = false;
  /** Whether the build writes source maps: a lesson's map is only made and kept for Vite if so. */
  let sourcemap = false;

  const load = (): ContentResult => {
    if (!content) {
      const result = options.content && !dev ? options.content : loadContent(options.contentDir, { lint: true, cache: lessonCache });
      content = options.only ? { ...result, courses: result.courses.filter((c) => c.manifest.id === options.only) } : result;
      if (!content.diagnostics.some((d) => d.severity === 'error')) lastGood = content;
      if (server) for (const file of content.files) if (!stamps.has(file)) stamps.set(file, stampOf(file));
    }
    return content;
  };
  const ensureValid = (): ContentResult => {
    const result = load();
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new ContentError(result);
    return result;
  };
  const course = (id: string) => ensureValid().courses.find((c) => c.manifest.id === id);

  return {
    name: 'coursemark',
    enforce: 'pre',
    configResolved(config) {
      dev = config.command === 'serve';
      sourcemap = dev || Boolean(config.build.sourcemap);
    },
    config(_config, env) {
      // Content problems show in Coursemark's own panel (dev-overlay.ts), which speaks to tutors.
      // The player is transformed as soon as the server listens, not module by module as the
      // browser discovers its imports, so the first page does not wait for that chain.
      if (env.command === 'serve') {
        return {
          server: {
            hmr: { overlay: false },
            // The pages a tutor opens first (catalogue, course, lesson) and every block; not the quiz player.
            warmup: { clientFiles: ['./player/main.ts', './player/routes/{Catalogue,Course,Lesson}Page.svelte', './player/blocks/*Block.svelte', './player/blocks/{Reveal,CaseQuestion,ReflectionPrompt}.svelte'] },
          },
        };
      }
      return undefined;
    },
    configureServer(devServer) {
      server = devServer;
      // content/ is outside the app root, so Vite does not watch it by itself.
      devServer.watcher.add(options.contentDir);
      watchForMissedSaves(devServer, stamps);
      // Read the content while the browser is still on its way, not when it asks for the catalogue.
      devServer.httpServer?.once('listening', () => setImmediate(() => load()));
    },
    async hotUpdate({ file, type }) {
      if (this.environment.name !== 'client' || !server) return undefined;
      const inContent = resolve(file).startsWith(`${resolve(options.contentDir)}${sep}`);
      const isContent = inContent || file.endsWith('.gift') || (content ?? load()).files.includes(file);
      if (!isContent) return undefined;
      // A lesson's result depends on the files it links to (images, GIFT files): any other file
      // changing may change it.
      if (!file.endsWith('.md')) lessonCache.clear();
      // An editor that truncates before writing can be caught in between: give it a moment.
      if (type === 'update' && existsSync(file) && statSync(file).size === 0) await new Promise((done) => setTimeout(done, 50));
      const started = performance.now();
      for (const known of new Set([...(content ?? load()).files, file])) stamps.set(known, stampOf(known));
      const previous = lastGood;
      content = undefined;
      const result = load();
      const env = this.environment;
      const clientModule = env.moduleGraph.getModuleById(`\0${DEV_CLIENT_ID}`);
      if (clientModule) env.moduleGraph.invalidateModule(clientModule);
      env.hot.send({ type: 'custom', event: 'coursemark:diagnostics', data: diagnosticsPayload(result) });
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length) {
        server.config.logger.error(new ContentError(result).message, { timestamp: true });
        return [];
      }
      // A file added or removed changes the course (a lesson, an image a lesson was missing): reload.
      const plan = type === 'update' ? planUpdate(previous, result) : { reload: true, lessons: [] };
      if (plan.reload) {
        for (const mod of env.moduleGraph.idToModuleMap.values()) {
          if (mod.id?.startsWith('\0virtual:coursemark')) env.moduleGraph.invalidateModule(mod);
        }
        env.hot.send({ type: 'full-reload', path: '*' });
        return [];
      }
      // Nothing of a lesson changed (an image was edited, say): Vite's own update handles it.
      if (plan.lessons.length === 0) return undefined;
      const modules = plan.lessons
        .flatMap((lesson) => [`\0${LESSON_PREFIX}${lesson}`, `\0${LESSON_PREFIX}${lesson}${PROOF_SUFFIX}`])
        .map((id) => env.moduleGraph.getModuleById(id))
        .filter((mod): mod is NonNullable<typeof mod> => mod !== undefined);
      server.config.logger.info(`coursemark: ${plan.lessons.join(', ')} updated in place (${Math.round(performance.now() - started)} ms to read the content)`, { timestamp: true });
      return modules;
    },
    buildStart() {
      const result = load();
      for (const file of result.files) this.addWatchFile(file);
      if (!dev) ensureValid();
    },
    transformIndexHtml(html, ctx) {
      // In dev the page's own ?proof asks for it; a --proof build always is one.
      const proof = options.proof || (dev && /[?&]proof\b/.test(ctx.originalUrl ?? ''));
      const withProof = proof ? html.replace('</head>', `${PROOF_HEAD}\n</head>`).replace('<body>', `<body>\n${PROOF_BANNER}`) : html;
      if (!dev) return withProof;
      return { html: withProof, tags: [{ tag: 'script', attrs: { type: 'module', src: `/@id/${DEV_CLIENT_ID}` }, injectTo: 'head' }] };
    },
    resolveId(id) {
      if (id === DEV_CLIENT_ID) return `\0${id}`;
      const blocks = resolveBlocksModule(id);
      if (blocks) return blocks;
      const prefixes = [LESSON_PREFIX, QUIZ_PREFIX, DETAILS_PREFIX, COURSE_PREFIX, LOADERS_PREFIX];
      if (id === CATALOGUE || isSearchModule(id) || id === DETAILS || prefixes.some((prefix) => id.startsWith(prefix))) {
        return `\0${id}`;
      }
      return null;
    },
    async load(id) {
      if (!id.startsWith('\0virtual:coursemark')) return null;
      const name = id.slice(1);
      if (name === DEV_CLIENT_ID) return devClientSource(diagnosticsPayload(load()));
      if (isSearchModule(name)) return searchModule(name, ensureValid().courses);
      if (name === CATALOGUE) {
        // The first load carries a card per course; a course's lessons come with its home.
        const courses = ensureValid().courses.map((c) => c.manifest.id);
        const cards = cardCatalogue(catalogueOf(ensureValid().courses));
        return [
          `export const catalogue = JSON.parse(${JSON.stringify(JSON.stringify(cards))});`,
          loaderModule('loadCourse', 'course', courses.map((id) => [id, importOf(COURSE_PREFIX + id)]), '.default'),
          loaderModule('loadCourseLoaders', 'course', courses.map((id) => [id, importOf(LOADERS_PREFIX + id)]), ''),
        ].join('\n');
      }
      if (name.startsWith(COURSE_PREFIX)) {
        // Only what completion and the home need of each lesson (lightCatalogue), by columns.
        const found = course(name.slice(COURSE_PREFIX.length));
        if (!found) return null;
        const [light] = lightCatalogue({ courses: [found.manifest] }).courses;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(packCourse(light!)))});`;
      }
      if (name.startsWith(LOADERS_PREFIX)) {
        const found = course(name.slice(LOADERS_PREFIX.length));
        if (!found) return null;
        const id = found.manifest.id;
        // Both imports are static strings, so Vite can follow them; only dev offers the choice.
        const lessonLoad = (target: string) => (dev ? `PROOF ? ${importOf(target + PROOF_SUFFIX)} : ${importOf(target)}` : importOf(target));
        return [
          ...(dev ? ["const PROOF = new URLSearchParams(location.search).has('proof');"] : []),
          loaderModule('loadLesson', 'lesson', [...found.lessons.keys()].map((lesson) => [lesson, lessonLoad(`${LESSON_PREFIX}${id}/${lesson}`)]), '.default', ` in course ${JSON.stringify(id)}`),
          loaderModule('loadQuiz', 'quiz', [...found.quizzes.keys()].map((quiz) => [quiz, importOf(`${QUIZ_PREFIX}${id}/${quiz}`)]), '.default', ` in course ${JSON.stringify(id)}`),
        ].join('\n');
      }
      if (name === DETAILS) {
        const courses = ensureValid().courses.map((c) => c.manifest.id);
        return loaderModule('loadCourseDetails', 'course', courses.map((id) => [id, importOf(DETAILS_PREFIX + id)]), '.default');
      }
      if (name.startsWith(DETAILS_PREFIX)) {
        const found = course(name.slice(DETAILS_PREFIX.length));
        if (!found) return null;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(found.manifest))});`;
      }
      const asProof = options.proof || (dev && name.endsWith(PROOF_SUFFIX));
      const path = name.endsWith(PROOF_SUFFIX) ? name.slice(0, -PROOF_SUFFIX.length) : name;
      const [courseId, itemId] = path.slice(path.startsWith(LESSON_PREFIX) ? LESSON_PREFIX.length : QUIZ_PREFIX.length).split('/');
      const found = course(courseId ?? '');
      if (path.startsWith(QUIZ_PREFIX)) {
        const quiz = found?.quizzes.get(itemId ?? '');
        if (!quiz) return null;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(quiz))});`;
      }
      const lesson = found?.lessons.get(itemId ?? '');
      if (!found || !lesson) return null;
      const source = asProof ? proofSource(lesson.source, found.quizzes) : lesson.source;
      const { code, map } = await lessonToJs(source, lesson.file, dev);
      // Vite keeps a map it is given until the end of the build: none when the build writes none.
      return { code, map: sourcemap ? (map as null) : null };
    },
  };
}
