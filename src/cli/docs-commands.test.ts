// Every command example in docs/authoring.md ("Commands") runs, in the guide's order, on a copy of a
// small course, and does what the guide says. `dev` starts a server: the tutor's browser journey
// (tests/e2e/tutor.test.ts) runs it.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const guide = readFileSync(join(ROOT, 'docs/authoring.md'), 'utf8');
const section = guide.slice(guide.indexOf('## Commands'), guide.indexOf('## Common mistakes'));
const commands = [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.trim().split('\n'));

/** Splits a shell line as the guide writes it (double quotes only). */
const words = (line: string) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);

describe('the commands in docs/authoring.md', () => {
  it('shows every command of the CLI', () => {
    const names = commands.map((c) => words(c).slice(2, 3).join(' '));
    for (const name of ['new', 'check', 'stats', 'import', 'build']) expect(names).toContain(name);
    expect(section).toContain('npx coursemark dev');
  });

  it('runs each example as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursemark-docs-commands-'));
    cpSync(join(ROOT, 'tests/fixtures/valid/content'), join(dir, 'content'), { recursive: true });
    mkdirSync(join(dir, 'questions'));
    cpSync(join(ROOT, 'tests/fixtures/gift/categories.gift'), join(dir, 'questions/bank.gift'));
    const outputs: Record<string, string> = {};
    for (const line of commands) {
      expect(line.startsWith('npx coursemark '), line).toBe(true);
      const out: string[] = [];
      const code = await run(words(line).slice(2), { out: (l) => out.push(l), err: (l) => out.push(l), cwd: dir });
      outputs[line] = out.join('\n');
      // The example course has one lint warning, so only --strict fails; everything else passes.
      expect(code, `${line}\n${outputs[line]}`).toBe(line.includes('--strict') ? 1 : 0);
    }
    expect(outputs['npx coursemark check --strict --content content']).toContain('error: the question "which-are-customer-touchpoints" gives no feedback');
    expect(JSON.parse(outputs['npx coursemark stats --json']!).courses.map((c: { id: string }) => c.id)).toEqual(['customer-care', 'every-block']);
    expect(readFileSync(join(dir, 'content/customer-care/09-bank.md'), 'utf8')).toMatch(/^---\ntitle: /);
    expect(existsSync(join(dir, 'proof/index.html')) && readFileSync(join(dir, 'proof/index.html'), 'utf8')).toContain('Proof copy');
    expect(existsSync(join(dir, 'dist/index.html'))).toBe(true);
  }, 240_000);
});
