#!/usr/bin/env node
// Entry point of the `coursemark` command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
