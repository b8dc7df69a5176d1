// A build reads the content once: the command's reading is handed to the Vite plugin, which does not
// read it again (issue 10 and issue 15 item 4: it used to be read, compiled and checked twice).
import { cpSync, existsSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { run } from './main.ts';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../content/pipeline.ts', async (importOriginal) => {
  const pipeline = await importOriginal<typeof import('../content/pipeline.ts')>();
  return {
    ...pipeline,
    loadContent: (...args: Parameters<typeof pipeline.loadContent>) => {
      reads.count++;
      return pipeline.loadContent(...args);
    },
  };
});

function project(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'coursemark-once-')));
  cpSync(resolve(import.meta.dirname, '../../tests/fixtures/valid/content'), join(dir, 'content'), { recursive: true });
  return dir;
}

async function cli(args: string[], cwd: string) {
  const err: string[] = [];
  const code = await run(args, { out: () => {}, err: (l) => err.push(l), cwd });
  return { code, err: err.join('\n') };
}

describe('coursemark build', () => {
  it('reads the content once for the site', { timeout: 300_000 }, async () => {
    const dir = project();
    reads.count = 0;
    const result = await cli(['build', '--out', 'site'], dir);
    expect(result.err).toContain('Built the site');
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'site/index.html'))).toBe(true);
    expect(reads.count).toBe(1);
  });

  it('reads the content once for every single file', { timeout: 300_000 }, async () => {
    const dir = project();
    reads.count = 0;
    const result = await cli(['build', '--single-file', '--out', 'files'], dir);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'files/every-block.html'))).toBe(true);
    expect(reads.count).toBe(1);
  });
});
