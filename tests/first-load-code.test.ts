// What a lazily loaded page may not use because it would land in the first load anyway. Svelte's
// runtime reaches the build as one barrel the entry imports, so every runtime module sits in the entry
// chunk and brings along each export that any chunk uses: a bind:value on one lazy page added Svelte's
// input binding (about 350 bytes gzip) to the first load. Pages write value + oninput instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? svelteFiles(path) : entry.name.endsWith('.svelte') ? [path] : [];
  });
}

/** `bind:<x>` on an HTML element (lower-case tag), other than bind:this: a DOM binding of Svelte's runtime. */
function domBindings(source: string): string[] {
  const found: string[] = [];
  for (const [tag] of source.matchAll(/<[a-z][\w-]*(?:\s[^<>]*?)?>/g)) {
    for (const [, name] of tag.matchAll(/\sbind:([\w-]+)/g)) if (name !== 'this') found.push(`bind:${name}`);
  }
  return found;
}

describe('first-load code', () => {
  it('finds DOM bindings and leaves component bindings and bind:this alone', () => {
    expect(domBindings('<input type="time" bind:value={time} />')).toEqual(['bind:value']);
    expect(domBindings('<label><input type="checkbox" bind:checked={on} /> On</label>')).toEqual(['bind:checked']);
    expect(domBindings('<Dialog bind:open={open} /><div bind:this={box}></div>')).toEqual([]);
  });

  it('no player component binds a DOM property (value + oninput instead)', () => {
    const offenders = svelteFiles(join(ROOT, 'src/player')).flatMap((file) =>
      domBindings(readFileSync(file, 'utf8')).map((binding) => `${relative(ROOT, file)}: ${binding}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the first-load format module makes no date formatter that only study pages use', () => {
    const format = readFileSync(join(ROOT, 'src/player/ui/format.ts'), 'utf8');
    expect(format).not.toContain("dateStyle: 'long'");
  });
});
