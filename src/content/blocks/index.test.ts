// The registry and the player's blocks module agree: every name a compiled lesson imports from
// virtual:coursemark/blocks is one src/player/blocks/index.ts exports, each kind's compiler names
// the component the player's map gives for that kind, and the generated code names no file of the
// player. The player module is read with TypeScript's parser: this project runs without Svelte.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../pipeline.ts';
import { BLOCK_KINDS } from '../schema/block.ts';
import { BLOCK_COMPILERS } from './index.ts';
import { BLOCKS_MODULE, resolveBlocksModule } from './virtual-module.ts';

const PLAYER_INDEX = resolve(import.meta.dirname, '../../player/blocks/index.ts');

/** The names the player's blocks module exports, and its BLOCK_COMPONENTS map as kind → identifier. */
function readPlayerIndex(): { exported: Set<string>; map: Map<string, string> } {
  const file = ts.createSourceFile(PLAYER_INDEX, readFileSync(PLAYER_INDEX, 'utf8'), ts.ScriptTarget.Latest);
  const exported = new Set<string>();
  const map = new Map<string, string>();
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) exported.add(element.name.text);
    }
    const isExported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!ts.isVariableStatement(statement) || !isExported) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name)) continue;
      exported.add(declaration.name.text);
      if (declaration.name.text !== 'BLOCK_COMPONENTS' || !declaration.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) continue;
      for (const property of declaration.initializer.properties) {
        if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.initializer)) continue;
        const key = ts.isStringLiteral(property.name) || ts.isIdentifier(property.name) ? property.name.text : '';
        map.set(key, property.initializer.text);
      }
    }
  }
  return { exported, map };
}

/** The generated source of the fixture course that uses every block kind, by lesson id. */
function everyBlockSources(): string[] {
  const result = loadContent('tests/fixtures/valid/content', { cwd: resolve(import.meta.dirname, '../../..') });
  const course = result.courses.find((c) => c.manifest.id === 'every-block')!;
  return [...course.lessons.values()].map((lesson) => lesson.source);
}

describe('the block registry and the player blocks module', () => {
  const player = readPlayerIndex();

  it.each(BLOCK_KINDS)('compiles :::%s to the component the player maps that kind to', (kind) => {
    expect(player.map.get(kind), `BLOCK_COMPONENTS has no ${kind}`).toBe(BLOCK_COMPILERS[kind].component);
    expect(player.exported.has(BLOCK_COMPILERS[kind].component)).toBe(true);
  });

  it('writes lessons that import every component by name from the virtual module, and no path of the player', () => {
    const sources = everyBlockSources();
    const imported = new Set<string>();
    for (const source of sources) {
      const script = /^<script>\n([\s\S]*?)\n<\/script>/.exec(source)![1]!;
      expect(script).not.toMatch(/player|\.svelte/);
      for (const [, names] of script.matchAll(/import \{ ([\w, ]+) \} from "virtual:coursemark\/blocks";/g)) {
        for (const name of names!.split(', ')) imported.add(name);
      }
      // Only course files are imported by path.
      const lines = script.split('\n').filter((line) => !line.includes(`"${BLOCKS_MODULE}"`));
      for (const line of lines) expect(line).toMatch(/^ {2}import __cm_asset_\d+ from "[^"]*tests\/fixtures\/valid\/content\/every-block\//);
    }
    expect([...imported].sort()).toEqual([...new Set([...Object.values(BLOCK_COMPILERS).map((c) => c.component), 'Reveal', 'CaseQuestion', 'ReflectionPrompt'])].sort());
    for (const name of imported) expect(player.exported, name).toContain(name);
  });

  it('resolves the virtual module to the player file, free of side effects of its own so each lesson bundles only what it uses', () => {
    expect(resolveBlocksModule(BLOCKS_MODULE)).toEqual({ id: PLAYER_INDEX, moduleSideEffects: false });
    expect(resolveBlocksModule('virtual:coursemark/lessons')).toBeNull();
  });
});
