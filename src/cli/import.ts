// `coursemark import gift FILE`: a Moodle GIFT file → a Coursemark quiz lesson, printed or written
// to --out (never over a file without --force). The conversion itself is giftToMarkdown.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DiagnosticSink } from '../content/diagnostics.ts';
import { report, type Io } from './command.ts';
import { checkOutputFile, writeWhole } from './output-guard.ts';

export interface ImportGiftOptions {
  /** The GIFT file, relative to the working folder. */
  file: string;
  out?: string;
  title?: string;
  force: boolean;
}

export async function importGift({ file, out, title, force }: ImportGiftOptions, io: Io): Promise<number> {
  if (!statSync(resolve(io.cwd, file), { throwIfNoEntry: false })?.isFile()) {
    io.err(`${file}:1:1: error: ${existsSync(resolve(io.cwd, file)) ? 'this is a folder, not a GIFT file' : 'the file does not exist'} [import/missing]`);
    return 1;
  }
  // Checked before the (possibly long) conversion, so a refused --out costs nothing.
  const target = out ? checkOutputFile(out, { cwd: io.cwd, extension: '.md', inputs: [file], force }) : undefined;
  const { giftToMarkdown } = await import('../content/gift/to-house.ts');
  const { readGiftFile } = await import('../content/gift/source.ts');
  const sink = new DiagnosticSink(file);
  const bytes = readGiftFile(resolve(io.cwd, file), sink);
  if (!bytes) return report(sink.list, io) ? 0 : 1;
  const result = giftToMarkdown(bytes, file, title ? { title } : {});
  if (!report(result.diagnostics, io)) return 1;
  if (target) {
    mkdirSync(dirname(target), { recursive: true });
    writeWhole(target, result.markdown);
    io.err(`Imported ${result.count} question(s) into ${out}.`);
  } else {
    io.out(result.markdown);
  }
  return 0;
}
