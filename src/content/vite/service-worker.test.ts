import { describe, expect, it } from 'vitest';
import { courseFiles, packCourse, serviceWorkerSource, type ChunkFacts } from './service-worker.ts';

const chunk = (fileName: string, facadeModuleId: string | null, assets: string[] = []): ChunkFacts => ({ fileName, facadeModuleId, assets });

describe('which files belong to a course', () => {
  it('gives a course its lesson, quiz and details chunks and the media only they use; everything else is the shell', () => {
    const owned = courseFiles([
      chunk('assets/index-a1.js', '/src/player/main.ts', ['assets/index-a1.css', 'assets/logo-b2.svg']),
      chunk('assets/intro-c3.js', '\0virtual:coursemark/lesson/sales/intro', ['assets/shop-d4.png', 'assets/logo-b2.svg']),
      chunk('assets/check-e5.js', '\0virtual:coursemark/quiz/sales/check'),
      chunk('assets/sales-f6.js', '\0virtual:coursemark/details/sales'),
      chunk('assets/welcome-g7.js', '\0virtual:coursemark/lesson/service/welcome', ['assets/shop-d4.png']),
      chunk('assets/QuestionBlock-h8.js', '/src/player/blocks/QuestionBlock.svelte'),
      chunk('assets/lessons-i9.js', '\0virtual:coursemark/lessons'),
    ]);
    expect(Object.fromEntries(owned)).toEqual({
      // A picture two courses use goes with each; one the shell uses stays in the shell.
      sales: ['assets/check-e5.js', 'assets/intro-c3.js', 'assets/sales-f6.js', 'assets/shop-d4.png'],
      service: ['assets/shop-d4.png', 'assets/welcome-g7.js'],
    });
  });
});

describe("each course's lesson list", () => {
  it('and its loaders stay in the shell, cached at the first visit; its lessons go with the course', () => {
    const owned = courseFiles([
      chunk('assets/sales-a1.js', '\0virtual:coursemark/course/sales'),
      chunk('assets/sales-b2.js', '\0virtual:coursemark/loaders/sales'),
      chunk('assets/intro-c3.js', '\0virtual:coursemark/lesson/sales/intro'),
    ]);
    expect(Object.fromEntries(owned)).toEqual({ sales: ['assets/intro-c3.js'] });
  });
});

describe('packing a course', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('packs small files in path order up to the pack size, text apart from binary, and leaves big files alone', () => {
    const files = [
      { path: 'assets/a-1.js', bytes: bytes('a'.repeat(40)) },
      { path: 'assets/b-2.js', bytes: bytes('b'.repeat(40)) },
      { path: 'assets/c-3.js', bytes: bytes('c'.repeat(40)) },
      { path: 'assets/d-4.png', bytes: new Uint8Array([137, 80, 78, 71]) },
      { path: 'assets/e-5.mp4', bytes: new Uint8Array(200) },
    ];
    const { manifest, written } = packCourse('sales', files, 100);
    expect(manifest.packs.map((pack) => pack.files.map((file) => `${file.path} ${file.size} ${file.type}`))).toEqual([
      ['assets/a-1.js 40 text/javascript', 'assets/b-2.js 40 text/javascript'],
      ['assets/c-3.js 40 text/javascript'],
      ['assets/d-4.png 4 image/png'],
    ]);
    expect(manifest.files).toEqual(['assets/e-5.mp4']);
    expect(manifest.packs.map((pack) => pack.path)).toEqual([
      expect.stringMatching(/^offline\/sales-[0-9a-f]{12}\.txt$/),
      expect.stringMatching(/^offline\/sales-[0-9a-f]{12}\.txt$/),
      expect.stringMatching(/^offline\/sales-[0-9a-f]{12}\.bin$/),
    ]);
    // A pack is its files' bytes end to end, so the worker can cut it by the sizes.
    const first = written.find((file) => file.path === manifest.packs[0]!.path)!;
    expect(new TextDecoder().decode(first.bytes)).toBe('a'.repeat(40) + 'b'.repeat(40));
    // The manifest is written last, named after its own content.
    const last = written.at(-1)!;
    expect(last.path).toMatch(/^offline\/sales-[0-9a-f]{12}\.json$/);
    expect(JSON.parse(new TextDecoder().decode(last.bytes))).toEqual(manifest);
  });

  it('names packs after their content, so a changed lesson makes a new pack and the others stay', () => {
    const before = packCourse('sales', [{ path: 'assets/a-1.js', bytes: bytes('one') }], 100).manifest.packs[0]!.path;
    const same = packCourse('sales', [{ path: 'assets/a-1.js', bytes: bytes('one') }], 100).manifest.packs[0]!.path;
    const after = packCourse('sales', [{ path: 'assets/a-2.js', bytes: bytes('two') }], 100).manifest.packs[0]!.path;
    expect(same).toBe(before);
    expect(after).not.toBe(before);
  });
});

describe('the worker script', () => {
  it('is a new version whenever a file revision or a course changes', () => {
    const shell: [string, string | null][] = [
      ['index.html', 'aaaa'],
      ['assets/index-a1.js', null],
    ];
    const one = serviceWorkerSource(shell, { sales: 'offline/sales-1.json' });
    const version = (source: string) => /const VERSION = "([0-9a-f]+)"/.exec(source)?.[1];
    expect(version(serviceWorkerSource(shell, { sales: 'offline/sales-1.json' }))).toBe(version(one));
    expect(version(serviceWorkerSource([['index.html', 'bbbb'], shell[1]!], { sales: 'offline/sales-1.json' }))).not.toBe(version(one));
    expect(version(serviceWorkerSource(shell, { sales: 'offline/sales-2.json' }))).not.toBe(version(one));
  });
});
