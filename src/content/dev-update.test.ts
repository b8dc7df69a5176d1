// What a save in `coursemark dev` updates: a lesson's body alone is a hot update of that lesson;
// a change to what the catalogue or a quiz holds reloads the page.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnosticsPayload, planUpdate } from './dev-update.ts';
import { loadContent } from './pipeline.ts';

function course() {
  const dir = mkdtempSync(join(tmpdir(), 'coursemark-dev-update-'));
  cpSync(resolve(import.meta.dirname, '../../tests/fixtures/valid/content'), join(dir, 'content'), { recursive: true });
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(dir, 'content/every-block', file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };
  return { load: () => loadContent('content', { cwd: dir, lint: true }), edit };
}

describe('planUpdate', () => {
  it('updates only the lesson whose body changed, even when its estimated minutes move', () => {
    const { load, edit } = course();
    const before = load();
    edit('02-reflect.md', (t) => t.replace('Think of a recent purchase in a shop.', `Think of a recent purchase in a shop. ${'More words. '.repeat(150)}`));
    const after = load();
    expect(after.courses[0]!.manifest.lessons[1]!.minutes).not.toBe(before.courses[0]!.manifest.lessons[1]!.minutes);
    expect(planUpdate(before, after)).toEqual({ reload: false, lessons: ['every-block/reflect'] });
  });

  it('reloads when a block title, a quiz or the course changes, or when nothing came before', () => {
    const { load, edit } = course();
    const before = load();
    edit('01-customers.md', (t) => t.replace(':::question Cereal', ':::question Breakfast cereal'));
    expect(planUpdate(before, load())).toEqual({ reload: true, lessons: [] });
    const second = load();
    edit('03-quiz.md', (t) => t.replace('- [ ] Pricing strategy', '- [ ] Pricing policy'));
    expect(planUpdate(second, load()).reload).toBe(true);
    expect(planUpdate(undefined, load()).reload).toBe(true);
  });

  it('hands the panel errors before warnings', () => {
    const { load, edit } = course();
    edit('01-customers.md', (t) => t.replace(':::challenge', ':::chalenge'));
    const severities = diagnosticsPayload(load()).diagnostics.map((d) => d.severity);
    expect(severities[0]).toBe('error');
    expect(severities).toEqual([...severities].sort());
  });
});
