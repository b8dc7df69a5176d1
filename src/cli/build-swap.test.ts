// The build's last step: the new site is written beside the old one and swapped in only when it is
// whole. Vite's build is replaced by a double that writes a few files and then fails or succeeds,
// so the swap itself is tested quickly and exactly (a real build is in writes.test.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InlineConfig } from 'vite';
import { run } from './main.ts';
import { BUILD_MARKER, markBuild } from './output-guard.ts';

const viteBuild = vi.hoisted(() => vi.fn<(config: InlineConfig) => Promise<void>>());
vi.mock('vite', async (importOriginal) => ({ ...(await importOriginal<typeof import('vite')>()), build: viteBuild }));
// renameSync passes through to the real one unless a test makes it fail.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, default: fs, renameSync: vi.fn(fs.renameSync) };
});

/** Writes what a build would, then fails halfway when asked to. */
function fakeBuild(fail: boolean) {
  viteBuild.mockImplementation(async (config) => {
    const outDir = config.build!.outDir!;
    mkdirSync(join(outDir, 'assets'), { recursive: true });
    writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>new</title>');
    if (fail) throw new Error('[svelte] Unexpected token in lesson.svelte');
    writeFileSync(join(outDir, 'assets/app.js'), 'new();');
  });
}

/** A project with valid content and a previous build in site/. */
function projectWithSite(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'coursemark-swap-')));
  cpSync(resolve(import.meta.dirname, '../../tests/fixtures/valid/content'), join(dir, 'content'), { recursive: true });
  mkdirSync(join(dir, 'site/assets'), { recursive: true });
  writeFileSync(join(dir, 'site/index.html'), '<!doctype html><title>old</title>');
  writeFileSync(join(dir, 'site/assets/old.js'), 'old();');
  markBuild(join(dir, 'site'));
  return dir;
}

async function cli(args: string[], cwd: string) {
  const err: string[] = [];
  const code = await run(args, { out: () => {}, err: (l) => err.push(l), cwd });
  return { code, err: err.join('\n') };
}

beforeEach(async () => {
  viteBuild.mockReset();
  const fs = await vi.importActual<typeof import('node:fs')>('node:fs');
  vi.mocked(renameSync).mockImplementation(fs.renameSync);
});

describe('a failed build', () => {
  it('leaves the old site whole and no temporary folder behind', async () => {
    const dir = projectWithSite();
    fakeBuild(true);
    const result = await cli(['build', '--out', 'site'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('coursemark: the build failed: [svelte] Unexpected token in lesson.svelte\nNothing was written to site.');
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toBe('<!doctype html><title>old</title>');
    expect(readdirSync(join(dir, 'site/assets'))).toEqual(['old.js']);
    expect(readdirSync(dir).sort()).toEqual(['content', 'site']);
  });

  it('leaves the old single files whole too', async () => {
    const dir = projectWithSite();
    fakeBuild(true);
    expect((await cli(['build', '--single-file', '--out', 'site'], dir)).code).toBe(1);
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toBe('<!doctype html><title>old</title>');
    expect(readdirSync(dir).sort()).toEqual(['content', 'site']);
  });

  it('built into a sibling of the output folder, never into it', async () => {
    const dir = projectWithSite();
    fakeBuild(true);
    await cli(['build', '--out', 'site'], dir);
    const outDir = viteBuild.mock.calls[0]![0].build!.outDir!;
    expect(outDir).toMatch(new RegExp(`^${join(dir, 'site')}\\.building-`));
  });
});

describe('a build whose new site cannot be moved in', () => {
  it('puts the old site back', async () => {
    const dir = projectWithSite();
    fakeBuild(false);
    const fs = await vi.importActual<typeof import('node:fs')>('node:fs');
    vi.mocked(renameSync).mockImplementation((from, to) => {
      if (String(from).includes('.building-') && to === join(dir, 'site')) throw new Error('EXDEV: cross-device link not permitted');
      fs.renameSync(from, to);
    });
    const result = await cli(['build', '--out', 'site'], dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('coursemark: the build failed: EXDEV: cross-device link not permitted');
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toBe('<!doctype html><title>old</title>');
    expect(readdirSync(dir).sort()).toEqual(['content', 'site']);
  });
});

describe('a build that succeeds', () => {
  it('replaces the old site whole and marks the new one', async () => {
    const dir = projectWithSite();
    fakeBuild(false);
    const result = await cli(['build', '--out', 'site'], dir);
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toBe('<!doctype html><title>new</title>');
    expect(readdirSync(join(dir, 'site')).sort()).toEqual([BUILD_MARKER, 'assets', 'index.html']);
    expect(readdirSync(join(dir, 'site/assets'))).toEqual(['app.js']);
    expect(readdirSync(dir).sort()).toEqual(['.coursemark', 'content', 'site']);
  });

  it('writes one file per course with --single-file, marked the same way', async () => {
    const dir = projectWithSite();
    fakeBuild(false);
    expect((await cli(['build', '--single-file', '--out', 'site'], dir)).code).toBe(0);
    expect(readdirSync(join(dir, 'site')).sort()).toEqual([BUILD_MARKER, 'every-block.html']);
    expect(existsSync(join(dir, 'site/index.html'))).toBe(false);
  });
});
