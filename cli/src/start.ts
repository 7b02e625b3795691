// The CLI's bin: runs the CLI's bundle (main.js beside this file) from V8's code cache
// (server/src/node/codeCache.ts), one cache per command: a cache holds what its first run compiled,
// so one written by `--version` would leave a check compiling nearly everything again, run after run.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runWithCodeCache } from '../../server/src/node/codeCache';

/** What a check worker's argv ends with (workers/checkPool.ts): only the main thread writes the cache. */
const CHECK_WORKER_ARGUMENT = '--mlops-readiness-check-worker';

const COMMANDS = ['check', 'diff', 'report', 'init', 'rules'];

// V8 runs a regex's first match in its bytecode interpreter and compiles it to machine code when
// it runs again: most of the engine's ~200 patterns run many times per file, so each was compiled
// twice. Compiled once, straight to machine code, a one-file check is ~15 % faster (docs/performance.md).
// Set before the bundle creates any pattern; the flag is read when a pattern is first compiled.
setFlagsFromString('--no-regexp-tier-up');

const command = process.argv[2];
runWithCodeCache({
  bundle: join(__dirname, 'main.js'),
  name: `cli-${command !== undefined && COMMANDS.includes(command) ? command : 'other'}`,
  writeCache: process.argv.at(-1) !== CHECK_WORKER_ARGUMENT,
});
