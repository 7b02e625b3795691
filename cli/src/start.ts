// The CLI's bin: loads the CLI's bundle (main.js beside this file) with V8's code cache, so a run
// does not compile again what the last run compiled (most of a short run's start-up). Node ≥ 22.1
// has this built in (module.enableCompileCache); on Node 20 the bundle is compiled through
// vm.Script with the cached data, as the v8-compile-cache package does.
//
// The cache is a file per bundle build and Node version in <tmpdir>/mlops-readiness-<uid>, a folder
// only its user may write (a file planted there by anyone else would be run). It is written at the
// end of a run that found none (or found it rejected), so it holds what that run compiled.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's own.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

declare const __VERSION__: string | undefined;

const BUNDLE = join(__dirname, 'main.js');
/** What a check worker's argv ends with (workers/checkPool.ts): only the main thread writes the cache. */
const CHECK_WORKER_ARGUMENT = '--mlops-readiness-check-worker';

start();

function start() {
  // V8 runs a regex's first match in its bytecode interpreter and compiles it to machine code when
  // it runs again: most of the engine's ~200 patterns run many times per file, so each was compiled
  // twice. Compiled once, straight to machine code, a one-file check is ~15 % faster (docs/performance.md).
  // Set before the bundle creates any pattern; the flag is read when a pattern is first compiled.
  setFlagsFromString('--no-regexp-tier-up');
  const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (process.env.NODE_DISABLE_COMPILE_CACHE || enableCompileCache) {
    enableCompileCache?.();
    require(BUNDLE);
    return;
  }
  const source = readFileSync(BUNDLE, 'utf8');
  const cacheFile = cachePath(source.length);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  if (cacheFile !== undefined && process.argv.at(-1) !== CHECK_WORKER_ARGUMENT && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => writeCache(cacheFile, script));
  }
  // The bundle's module: exports, require and paths as `require(BUNDLE)` would give it.
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  bundle.loaded = true;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, __dirname);
}

/** The cache file of this build of the bundle for this Node; undefined when there is no safe folder. */
function cachePath(length: number): string | undefined {
  try {
    const uid = process.getuid?.() ?? 'user';
    const dir = join(tmpdir(), `mlops-readiness-${uid}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const folder = statSync(dir);
    // Ours and writable by us alone (POSIX); on Windows the temporary folder is the user's own.
    if (process.getuid && (folder.uid !== process.getuid() || (folder.mode & 0o022) !== 0)) return undefined;
    const bundle = statSync(BUNDLE);
    // npm gives every installed file the same time: the version tells installed builds apart, the time local ones.
    const build = `${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}-${length}-${Math.round(bundle.mtimeMs)}`;
    return join(dir, `cli-${build}-${process.version}-${process.arch}-${commandOf(process.argv[2])}.cache`);
  } catch {
    return undefined;
  }
}

/**
 * A cache per command: the cache holds what its first run compiled, so one written by `--version`
 * would leave a check compiling nearly everything again, run after run.
 */
function commandOf(argument: string | undefined): string {
  return argument !== undefined && ['check', 'diff', 'report', 'init', 'rules'].includes(argument) ? argument : 'other';
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside, then renamed: a run reading it meanwhile sees the old file or the new one, whole. */
function writeCache(file: string, script: Script) {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // No cache this time: the next run compiles again, nothing else changes.
  }
}
