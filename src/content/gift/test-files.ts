// The GIFT files the tests read: Moodle's own, kept beside the repository in shared/ (see its
// README), and ours in tests/fixtures/gift/. Only the tests import it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MOODLE = join(import.meta.dirname, '../../../../shared/fixtures/gift');
export const OURS = join(import.meta.dirname, '../../../tests/fixtures/gift');
export const read = (path: string) => readFileSync(path, 'utf8');
