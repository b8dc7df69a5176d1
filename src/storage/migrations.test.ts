import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, RECORD_FORMATS, isRecordVersion } from './migrations.ts';
import { restoreProgress } from './restore.ts';
import { CURRENT_RECORD_VERSION, CourseProgressSchema, ProgressRecordSchema } from './schema.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`../../tests/fixtures/storage/${name}`, import.meta.url));
const readJson = (name: string): unknown => JSON.parse(readFileSync(fixture(name), 'utf8'));

const versions = Object.keys(RECORD_FORMATS).map(Number);
const older = versions.filter((version) => version < CURRENT_RECORD_VERSION);

describe('the table of record versions', () => {
  it('runs from 1 to the current version without gaps, with a migration for every older version', () => {
    expect(versions).toEqual(Array.from({ length: CURRENT_RECORD_VERSION }, (_, i) => i + 1));
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(older);
    expect(isRecordVersion(CURRENT_RECORD_VERSION + 1)).toBe(false);
  });

  it('has a stored blob and its expected restore for every version', () => {
    for (const version of versions) expect(existsSync(fixture(`record-v${version}.json`)), `record-v${version}.json`).toBe(true);
    for (const version of older) {
      expect(existsSync(fixture(`record-v${version}.expected.json`)), `record-v${version}.expected.json`).toBe(true);
    }
  });
});

describe.each(older)('a version %i record', (version) => {
  const stored = readJson(`record-v${version}.json`);

  it('restores to the expected current progress, unknown fields kept', () => {
    const restored = restoreProgress(stored, 'external-customers', 0);
    expect(restored.problems).toEqual([]);
    expect(restored.migratedFrom).toBe(version);
    expect(restored.progress).toEqual(readJson(`record-v${version}.expected.json`));
  });

  it('restores to valid current progress, and the same ids twice (two tabs migrating agree)', () => {
    const first = restoreProgress(structuredClone(stored), 'external-customers', 1);
    const second = restoreProgress(structuredClone(stored), 'external-customers', 2);
    expect(CourseProgressSchema.safeParse(first.progress).success).toBe(true);
    expect(second.progress.attempts.map((a) => a.id)).toEqual(first.progress.attempts.map((a) => a.id));
  });
});

describe('the current record', () => {
  it('restores as it is, minus the storage-only fields, keeping unknown fields', () => {
    const stored = readJson(`record-v${CURRENT_RECORD_VERSION}.json`) as Record<string, unknown>;
    expect(ProgressRecordSchema.safeParse(stored).success).toBe(true);
    const restored = restoreProgress(stored, 'external-customers', 0);
    expect(restored).toMatchObject({ problems: [], migratedFrom: null });
    const { version: _version, writeId: _writeId, ...expected } = stored;
    // A summary record holds no attempts: they are stored one each (attempt-log.ts).
    expect(restored.progress).toEqual({ ...expected, attempts: [] });
  });
});
