// The source of each virtual:coursemark/* module the player imports (the list is in plugin.ts), made
// from the content the plugin holds.
import { catalogueOf } from '../pipeline.ts';
import type { Catalogue } from '../schema/manifest.ts';
import { cardCatalogue, packCourse } from '../schema/course-pack.ts';
import { lessonToJs } from '../compile.ts';
import { isSearchModule, searchModule } from '../search-index.ts';
import { proofSource } from '../proof.ts';
import { diagnosticsPayload } from '../dev-update.ts';
import { DEV_CLIENT_ID, devClientSource } from '../dev-overlay.ts';
import { resolveBlocksModule } from '../blocks/virtual-module.ts';
import type { ContentState } from './content-state.ts';

const CATALOGUE = 'virtual:coursemark/catalogue';
const COURSE_PREFIX = 'virtual:coursemark/course/';
const LOADERS_PREFIX = 'virtual:coursemark/loaders/';
const DETAILS = 'virtual:coursemark/details';
const DETAILS_PREFIX = 'virtual:coursemark/details/';
export const LESSON_PREFIX = 'virtual:coursemark/lesson/';
const QUIZ_PREFIX = 'virtual:coursemark/quiz/';
/** In dev, a lesson module asked for with this suffix is its proof copy (the page's ?proof). */
export const PROOF_SUFFIX = '?proof';

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
const jsonModule = (value: unknown): string => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** The id Vite should use for a module of ours, or null when it is not one. */
export function resolveVirtual(id: string): ReturnType<typeof resolveBlocksModule> | string {
  if (id === DEV_CLIENT_ID) return `\0${id}`;
  const blocks = resolveBlocksModule(id);
  if (blocks) return blocks;
  const prefixes = [LESSON_PREFIX, QUIZ_PREFIX, DETAILS_PREFIX, COURSE_PREFIX, LOADERS_PREFIX];
  if (id === CATALOGUE || isSearchModule(id) || id === DETAILS || prefixes.some((prefix) => id.startsWith(prefix))) return `\0${id}`;
  return null;
}

/** The first load carries a card per course; a course's lessons come with its home. */
function catalogueModule(state: ContentState): string {
  const { courses } = state.ensureValid();
  const ids = courses.map((c) => c.manifest.id);
  return [
    `export const catalogue = JSON.parse(${JSON.stringify(JSON.stringify(cardCatalogue(catalogueOf(courses))))});`,
    loaderModule('loadCourse', 'course', ids.map((id) => [id, importOf(COURSE_PREFIX + id)]), '.default'),
    loaderModule('loadCourseLoaders', 'course', ids.map((id) => [id, importOf(LOADERS_PREFIX + id)]), ''),
  ].join('\n');
}

/** One course's lesson and quiz loaders; in dev a lesson can also be asked for as its proof copy. */
function loadersModule(state: ContentState, courseId: string): string | null {
  const found = state.course(courseId);
  if (!found) return null;
  const id = found.manifest.id;
  // Both imports are static strings, so Vite can follow them; only dev offers the choice.
  const lessonLoad = (target: string) => (state.dev ? `PROOF ? ${importOf(target + PROOF_SUFFIX)} : ${importOf(target)}` : importOf(target));
  const where = ` in course ${JSON.stringify(id)}`;
  return [
    ...(state.dev ? ["const PROOF = new URLSearchParams(location.search).has('proof');"] : []),
    loaderModule('loadLesson', 'lesson', [...found.lessons.keys()].map((lesson) => [lesson, lessonLoad(`${LESSON_PREFIX}${id}/${lesson}`)]), '.default', where),
    loaderModule('loadQuiz', 'quiz', [...found.quizzes.keys()].map((quiz) => [quiz, importOf(`${QUIZ_PREFIX}${id}/${quiz}`)]), '.default', where),
  ].join('\n');
}

/** A lesson's component, compiled to JavaScript, or a quiz's data. */
async function itemModule(state: ContentState, name: string) {
  const asProof = state.options.proof || (state.dev && name.endsWith(PROOF_SUFFIX));
  const path = name.endsWith(PROOF_SUFFIX) ? name.slice(0, -PROOF_SUFFIX.length) : name;
  const [courseId, itemId] = path.slice(path.startsWith(LESSON_PREFIX) ? LESSON_PREFIX.length : QUIZ_PREFIX.length).split('/');
  const found = state.course(courseId ?? '');
  if (path.startsWith(QUIZ_PREFIX)) {
    const quiz = found?.quizzes.get(itemId ?? '');
    return quiz ? jsonModule(quiz) : null;
  }
  const lesson = found?.lessons.get(itemId ?? '');
  if (!found || !lesson) return null;
  const source = asProof ? proofSource(lesson.source, found.quizzes) : lesson.source;
  const { code, map } = await lessonToJs(source, lesson.file, state.dev);
  // Vite keeps a map it is given until the end of the build: none when the build writes none.
  return { code, map: state.sourcemap ? (map as null) : null };
}

/** The source of a resolved module of ours (`\0virtual:coursemark/…`), or null for anyone else's. */
export async function loadVirtual(state: ContentState, id: string) {
  if (!id.startsWith('\0virtual:coursemark')) return null;
  const name = id.slice(1);
  if (name === DEV_CLIENT_ID) return devClientSource(diagnosticsPayload(state.load()));
  if (isSearchModule(name)) return searchModule(name, state.ensureValid().courses);
  if (name === CATALOGUE) return catalogueModule(state);
  if (name.startsWith(COURSE_PREFIX)) {
    // Only what completion and the home need of each lesson (lightCatalogue), by columns.
    const found = state.course(name.slice(COURSE_PREFIX.length));
    if (!found) return null;
    const [light] = lightCatalogue({ courses: [found.manifest] }).courses;
    return jsonModule(packCourse(light!));
  }
  if (name.startsWith(LOADERS_PREFIX)) return loadersModule(state, name.slice(LOADERS_PREFIX.length));
  if (name === DETAILS) {
    const ids = state.ensureValid().courses.map((c) => c.manifest.id);
    return loaderModule('loadCourseDetails', 'course', ids.map((id) => [id, importOf(DETAILS_PREFIX + id)]), '.default');
  }
  if (name.startsWith(DETAILS_PREFIX)) {
    const found = state.course(name.slice(DETAILS_PREFIX.length));
    return found ? jsonModule(found.manifest) : null;
  }
  return itemModule(state, name);
}
