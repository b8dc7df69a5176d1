#!/usr/bin/env node
// Entry point of the `coursemark` command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  // What run() did not foresee still reaches the tutor as one line, not a stack trace; the stack
  // is there for whoever debugs it.
  process.stderr.write(`coursemark: ${error instanceof Error ? error.message : String(error)}\n`);
  if (process.env.COURSEMARK_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
  else process.stderr.write('  hint: if a file is named above, check that it exists and can be read; otherwise please report this (COURSEMARK_DEBUG=1 shows where it happened)\n');
  process.exitCode = 1;
}
