import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { confinePath, type WorkspaceView } from '../service';

/** Files read for cross-file checks (runbooks, requirements, configs) larger than this are ignored. */
const MAX_READ_BYTES = 2 * 1024 * 1024;

/**
 * A read-only view of the file system below `root`. Every path is resolved to its real path
 * (symlinks followed) and must still lie inside the root's real path: `../../etc/passwd`,
 * absolute paths and links that leave the root are never read.
 */
export function fileSystemWorkspace(root: string, options: { cacheResolution?: boolean } = {}): WorkspaceView {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    realRoot = root;
  }
  // A one-shot run (the CLI) may remember each path's confined real path: profiling over 1,000
  // files showed realpath (and the exceptions of the config files that do not exist, probed in
  // every folder for every file) at about a tenth of the run. Only the resolution is remembered,
  // never a file's content or existence, and it is computed (and confined) exactly as below. The
  // server's views live for a session in which links and files come and go: they never cache.
  const resolved = options.cacheResolution ? new Map<string, string | undefined>() : undefined;
  const resolve = (path: string): string | undefined => {
    if (!resolved) return resolveNow(path);
    if (resolved.has(path)) return resolved.get(path);
    const real = resolveNow(path);
    resolved.set(path, real);
    return real;
  };
  const resolveNow = (path: string): string | undefined => {
    const confined = confinePath(path);
    if (confined === undefined) return undefined;
    try {
      const target = join(realRoot, confined);
      // Most paths asked about do not exist (runbooks not written yet, config files probed in every
      // folder): a stat that returns nothing is far cheaper than the error realpath throws.
      if (!statSync(target, { throwIfNoEntry: false })) return undefined;
      const real = realpathSync(target);
      const rel = relative(realRoot, real);
      if (rel === '' || rel.startsWith('..' + sep) || rel === '..' || isAbsolute(rel)) return undefined;
      return real;
    } catch {
      return undefined;
    }
  };
  return {
    exists(path) {
      const real = resolve(path);
      if (!real) return false;
      try {
        return statSync(real).isFile();
      } catch {
        return false;
      }
    },
    read(path) {
      const real = resolve(path);
      if (!real) return undefined;
      try {
        const stat = statSync(real);
        if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
        return readFileSync(real, 'utf8');
      } catch {
        return undefined;
      }
    },
    list(folder) {
      const real = folder === '' ? realRoot : resolve(folder);
      if (!real) return [];
      try {
        return readdirSync(real);
      } catch {
        return [];
      }
    },
    uriOf(path) {
      return pathToFileURL(join(realRoot, confinePath(path) ?? '')).toString();
    },
  };
}

/** The document's path relative to the workspace root, `/`-separated, or undefined when outside it. */
export function relativeToRoot(root: string, file: string): string | undefined {
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}
