import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { loadContent } from './pipeline.ts';
import { isSearchModule, SEARCH_OPTIONS, searchDocuments, searchModule, type SearchDocument } from './search-index.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const courses = loadContent('content', { cwd: ROOT }).courses;
const external = courses.find((c) => c.manifest.id === 'external-customers')!;

describe('the search index', () => {
  it('has one document per block, with plain text and the block it links to', () => {
    const documents = searchDocuments(external);
    const coffee = documents.find((d) => d.blockId === 'example-a-coffee-maker-for-a-restaurant')!;
    expect(coffee).toMatchObject({ lessonId: 'customer-or-consumer', title: 'A coffee maker for a restaurant' });
    expect(coffee.text).toContain('A restaurant buys a coffee maker');
    expect(coffee.text).not.toMatch(/<|\*\*/);
    const blocks = external.manifest.lessons.reduce((n, lesson) => n + lesson.blocks.length, 0);
    // Every block of the manifest is found in its lesson (plus one document per lesson title).
    expect(documents.filter((d) => d.blockId).length).toBeGreaterThanOrEqual(blocks - external.manifest.quizzes.length);
  });

  it('is a module per course that the player loads back with the same options and searches', () => {
    expect(isSearchModule('virtual:coursemark/search/external-customers')).toBe(true);
    expect(isSearchModule('virtual:coursemark/searching')).toBe(false);
    const code = searchModule('virtual:coursemark/search/external-customers', courses)!;
    const json = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as string;
    const index = MiniSearch.loadJSON<SearchDocument>(json, SEARCH_OPTIONS);
    const [first] = index.search('coffee maker restaurant');
    expect(first).toMatchObject({ lessonId: 'customer-or-consumer', blockId: 'example-a-coffee-maker-for-a-restaurant' });
    expect(searchModule('virtual:coursemark/search/no-such-course', courses)).toBeNull();
    expect(searchModule('virtual:coursemark/search', courses)).toContain('"external-customers": () => import("virtual:coursemark/search/external-customers")');
  });
});
