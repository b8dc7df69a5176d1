// What every coursemark command shares: where it prints, how its arguments are read, and how it
// reports diagnostics, so each command file holds only what that command does.
import { formatDiagnostic, summarise, type Diagnostic } from '../content/diagnostics.ts';

/** Bad usage: the command prints the message and "Run coursemark --help" and exits 2. */
export class UsageError extends Error {}

/** Where a command prints (stdout, stderr) and the folder its paths are relative to. */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  cwd: string;
}

export const defaultIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
};

/** `--name value`, `--name=value` and boolean `--name` options; anything else is positional. */
export function parseArgs(argv: string[], flags: readonly string[], booleans: readonly string[] = []) {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (booleans.includes(name)) {
        options[name] = 'true';
        continue;
      }
      if (!flags.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** Prints every diagnostic and the summary line; true when none is an error. */
export function report(diagnostics: Diagnostic[], io: Io): boolean {
  for (const d of diagnostics) io.err(formatDiagnostic(d));
  const errors = diagnostics.some((d) => d.severity === 'error');
  io.err(`${errors ? '✗' : '✓'} ${summarise(diagnostics)}`);
  return !errors;
}
