// One `coursemark build` in a process of its own, so its peak memory is its own: prints one JSON line
// with the exit code, the time spent in run() and the process's peak resident memory.
//
//   node --import tsx scripts/bench/build-child.ts CONTENT_DIR OUT_DIR   (paths relative to the cwd)
import { run } from '../../src/cli/main.ts';

export interface BuildChildResult {
  code: number;
  /** Wall time of run(['build', ...]), ms: loading content, the Vite build, writing the site. */
  ms: number;
  /** Peak resident set size of the whole process, bytes. */
  peakRssBytes: number;
  /** What the build printed (diagnostics, the summary line). */
  log: string[];
}

const [contentDir, outDir] = process.argv.slice(2);
if (!contentDir || !outDir) {
  process.stderr.write('Usage: node --import tsx scripts/bench/build-child.ts CONTENT_DIR OUT_DIR\n');
  process.exit(2);
}

const log: string[] = [];
const started = performance.now();
const code = await run(['build', '--content', contentDir, '--out', outDir], {
  out: (line) => log.push(line),
  err: (line) => log.push(line),
  cwd: process.cwd(),
});
const ms = performance.now() - started;
// maxRSS is in kilobytes (libuv's getrusage).
const result: BuildChildResult = { code, ms, peakRssBytes: process.resourceUsage().maxRSS * 1024, log };
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(code);
