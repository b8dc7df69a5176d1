// `coursemark check`: every course read and linted, every problem printed, nothing written.
import { strictly } from '../content/diagnostics.ts';
import { loadContent } from '../content/pipeline.ts';
import { report, type Io } from './command.ts';

/** Exit 0 when clean (warnings allowed unless `strict`), 1 on any error. */
export function check(contentDir: string, strict: boolean, io: Io): number {
  const result = loadContent(contentDir, { cwd: io.cwd, lint: true });
  const lessons = result.courses.reduce((n, c) => n + c.manifest.lessons.length, 0);
  const ok = report(strict ? strictly(result.diagnostics) : result.diagnostics, io);
  if (ok) io.out(`Checked ${result.courses.length} course(s), ${lessons} lesson(s) in ${contentDir}.`);
  return ok ? 0 : 1;
}
