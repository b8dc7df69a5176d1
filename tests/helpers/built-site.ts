// Builds a content folder once per test run into a temporary folder (cached by content path).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../src/cli/main.ts';

const builds = new Map<string, Promise<string>>();

export function builtSite(contentDir = 'content'): Promise<string> {
  const key = resolve(contentDir);
  let pending = builds.get(key);
  if (!pending) {
    pending = (async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'coursemark-site-')), 'dist');
      const lines: string[] = [];
      const code = await run(['build', '--content', key, '--out', out], {
        out: (l) => lines.push(l),
        err: (l) => lines.push(l),
        cwd: process.cwd(),
      });
      if (code !== 0) throw new Error(`coursemark build failed (exit ${code}):\n${lines.join('\n')}`);
      return out;
    })();
    builds.set(key, pending);
  }
  return pending;
}
