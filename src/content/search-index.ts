// The full-text search index of each course, built at build time with MiniSearch and shipped as the
// course's own lazily loaded chunk (`virtual:coursemark/search/<course-id>`): the player loads it only
// when the learner opens search, and the service worker packs it with the course.
// One search document per block (and one per lesson title), so a result links to the block.
import MiniSearch, { type Options } from 'minisearch';
import type { CompiledCourse } from './pipeline.ts';

/** A block as search finds it; `blockId` is absent for a lesson's own title. */
export interface SearchDocument {
  id: string;
  lessonId: string;
  lessonTitle: string;
  blockId?: string;
  title: string;
  text: string;
  /** The start of the text, shown under a result. */
  excerpt: string;
}

/** Shared by the build (indexing) and the player (loading): MiniSearch needs the same options on both sides. */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ['title', 'lessonTitle', 'text'],
  storeFields: ['lessonId', 'lessonTitle', 'blockId', 'title', 'excerpt'],
  searchOptions: { boost: { title: 3, lessonTitle: 1.5 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' },
};

export const SEARCH_LOADER = 'virtual:coursemark/search';
const SEARCH_PREFIX = 'virtual:coursemark/search/';

/** Markdown and component tags → the words a learner reads. */
function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|~]+/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const BLOCK = /<(\w+Block) id="([^"]+)"(?: title="([^"]*)")?[^>]*>([\s\S]*?)<\/\1>/g;

/** Every block of every lesson of a course, as search documents. */
export function searchDocuments(course: CompiledCourse): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const lesson of course.manifest.lessons) {
    const compiled = course.lessons.get(lesson.id);
    if (!compiled) continue;
    documents.push({ id: lesson.id, lessonId: lesson.id, lessonTitle: lesson.title, title: lesson.title, text: '', excerpt: '' });
    for (const [, , blockId, rawTitle, body] of compiled.source.matchAll(BLOCK)) {
      const text = plainText(body ?? '');
      const entry = lesson.blocks.find((block) => block.id === blockId);
      const title = plainText(rawTitle ?? '') || entry?.title || lesson.title;
      const excerpt = text.length > 160 ? `${text.slice(0, 157).replace(/\s\S*$/, '')}…` : text;
      documents.push({ id: `${lesson.id}#${blockId}`, lessonId: lesson.id, lessonTitle: lesson.title, blockId: blockId!, title, text, excerpt });
    }
  }
  return documents;
}

export function buildSearchIndex(course: CompiledCourse): MiniSearch<SearchDocument> {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(searchDocuments(course));
  return index;
}

export function isSearchModule(id: string): boolean {
  return id === SEARCH_LOADER || id.startsWith(SEARCH_PREFIX);
}

/**
 * The code of a search module for the Vite plugin: the loader (`loadSearchIndex(courseId)` → the
 * serialised index) or one course's index. Null for an unknown course.
 */
export function searchModule(name: string, courses: readonly CompiledCourse[]): string | null {
  if (name === SEARCH_LOADER) {
    const entries = courses.map((c) => `${JSON.stringify(c.manifest.id)}: () => import(${JSON.stringify(SEARCH_PREFIX + c.manifest.id)})`);
    return [
      `const loaders = {${entries.join(',\n')}};`,
      `export function loadSearchIndex(courseId) {`,
      `  const load = Object.hasOwn(loaders, courseId) ? loaders[courseId] : undefined;`,
      `  if (!load) return Promise.reject(new Error('No course "' + courseId + '"'));`,
      `  return load().then((m) => m.default);`,
      `}`,
    ].join('\n');
  }
  const course = courses.find((c) => c.manifest.id === name.slice(SEARCH_PREFIX.length));
  if (!course) return null;
  return `export default ${JSON.stringify(JSON.stringify(buildSearchIndex(course)))};`;
}
