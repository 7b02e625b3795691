// Loads a bundle with V8's code cache, so a start does not compile again what the last run
// compiled (most of a short run's start-up, and a fifth of the language server's time to its
// first diagnostics). Node ≥ 22.1 has this built in (module.enableCompileCache); on Node 20 the
// bundle is compiled through vm.Script with the cached data, as the v8-compile-cache package does.
//
// The cache is a file per bundle build, Node version and kind of run in <tmpdir>/mlops-readiness-<uid>,
// a folder only its user may write (a file planted there by anyone else would be run). It is
// written at the end of a run that found none (or found it rejected), so it holds what that run
// compiled. NODE_DISABLE_COMPILE_CACHE=1 turns it off, as it does Node's own.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

declare const __VERSION__: string | undefined;

export interface CachedBundle {
  /** The bundle's absolute path. */
  bundle: string;
  /** Names the cache among the others: the bundle and the kind of run (`cli-check`, `server`). */
  name: string;
  /** False in a run whose compiled code should not be kept (a worker thread: the main thread keeps its own). */
  writeCache: boolean;
}

/** Runs the bundle as `require(bundle)` would, compiled from the cache when there is a valid one. */
export function runWithCodeCache({ bundle, name, writeCache }: CachedBundle): void {
  const enableCompileCache = (Module as { enableCompileCache?: () => unknown }).enableCompileCache;
  if (process.env.NODE_DISABLE_COMPILE_CACHE || enableCompileCache) {
    enableCompileCache?.();
    require(bundle);
    return;
  }
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = cachePath(bundle, name, source.length);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  if (cacheFile !== undefined && writeCache && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => writeCacheFile(cacheFile, script));
  }
  // The bundle's module: exports, require and paths as `require(bundle)` would give it.
  const loaded = new Module(bundle, module);
  loaded.filename = bundle;
  loaded.loaded = true;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(loaded.exports, loaded.exports, Module.createRequire(bundle), loaded, bundle, dirname(bundle));
}

/** The cache file of this build of the bundle for this Node; undefined when there is no safe folder. */
function cachePath(bundle: string, name: string, length: number): string | undefined {
  try {
    const uid = process.getuid?.() ?? 'user';
    const dir = join(tmpdir(), `mlops-readiness-${uid}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const folder = statSync(dir);
    // Ours and writable by us alone (POSIX); on Windows the temporary folder is the user's own.
    if (process.getuid && (folder.uid !== process.getuid() || (folder.mode & 0o022) !== 0)) return undefined;
    const built = statSync(bundle);
    // npm gives every installed file the same time: the version tells installed builds apart, the time local ones.
    const build = `${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}-${length}-${Math.round(built.mtimeMs)}`;
    return join(dir, `${name}-${build}-${process.version}-${process.arch}.cache`);
  } catch {
    return undefined;
  }
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside, then renamed: a run reading it meanwhile sees the old file or the new one, whole. */
function writeCacheFile(file: string, script: Script) {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // No cache this time: the next run compiles again, nothing else changes.
  }
}
