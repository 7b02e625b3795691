import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Folders never searched: dependencies and git's own files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export interface FoundFiles {
  /** Absolute paths (as found, not resolved), sorted; each real file once. */
  files: string[];
  /** Symlinked files whose target lies outside the root: not listed in `files`, never read. */
  outside: string[];
  /** Folders that could not be listed, with the error. */
  unreadable: Array<{ path: string; error: NodeJS.ErrnoException }>;
}

/**
 * The files below `folder` whose name is `wanted`, as both the CLI's folder search and the
 * language server's workspace scan see them: node_modules and .git skipped; a symlinked folder
 * never entered (a link to a parent would list every file again, a link elsewhere would read
 * outside the root); a symlinked file kept only when its real path lies inside `root`, and each
 * real file listed once.
 */
export function findFiles(folder: string, wanted: (name: string) => boolean, root = folder): FoundFiles {
  const found: FoundFiles = { files: [], outside: [], unreadable: [] };
  const realRoot = realPathOf(root) ?? root;
  const seen = new Set<string>();
  const pending = [folder];
  const candidates: string[] = [];
  while (pending.length) {
    const dir = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      found.unreadable.push({ path: dir, error: error as NodeJS.ErrnoException });
      continue;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && wanted(entry.name)) {
        candidates.push(path);
      }
    }
  }
  for (const path of candidates.sort()) {
    const real = realPathOf(path);
    if (real === undefined) {
      // A dangling link or a file gone meanwhile: the caller's read reports it if it matters.
      found.files.push(path);
      continue;
    }
    if (!isInside(realRoot, real)) {
      found.outside.push(path);
      continue;
    }
    if (seen.has(real)) continue;
    try {
      // A link to a folder named like a file (`x.md/`) is a folder: not entered, not listed.
      if (!statSync(real).isFile()) continue;
    } catch {
      // Unreadable: listed, so the caller says why it cannot be checked.
    }
    seen.add(real);
    found.files.push(path);
  }
  return found;
}

export function realPathOf(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `path` is `root` or lies below it (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}
