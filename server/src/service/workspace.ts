/**
 * The engine's only window on other files: read-only, synchronous, confined to the workspace
 * root. The CLI and the language server implement it over the file system (resolving real
 * paths so nothing outside the root is read); tests implement it over a map.
 */
export interface WorkspaceView {
  /** Whether the file exists. `path` is relative to the workspace root, `/`-separated. */
  exists(path: string): boolean;
  /** The file's text, or undefined when it is missing, unreadable or outside the root. */
  read(path: string): string | undefined;
  /** File names directly in a folder (for completions), or [] when unknown. */
  list?(folder: string): string[];
  /** A URI for the path (for links and related information). */
  uriOf(path: string): string;
}

/** No other files: what an untrusted workspace or a lone buffer gets. */
export const NO_WORKSPACE: WorkspaceView = {
  exists: () => false,
  read: () => undefined,
  list: () => [],
  uriOf: (path) => path,
};

/**
 * Normalises a workspace-relative path and refuses any that leaves the root (`..`, absolute,
 * a drive letter). Shells still resolve symlinks themselves; this is the first, pure line.
 */
export function confinePath(path: string): string | undefined {
  if (!path || path.includes('\0')) return undefined;
  const unified = path.replace(/\\/g, '/');
  if (unified.startsWith('/') || /^[A-Za-z]:/.test(unified) || /^[a-z][a-z0-9+.-]*:\/\//i.test(unified)) return undefined;
  const parts: string[] = [];
  for (const part of unified.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length ? parts.join('/') : undefined;
}

/** An in-memory workspace (tests, benchmarks, and the browser). */
export function memoryWorkspace(files: Record<string, string>, base = 'file:///workspace/'): WorkspaceView {
  return {
    exists: (path) => {
      const confined = confinePath(path);
      return confined !== undefined && confined in files;
    },
    read: (path) => {
      const confined = confinePath(path);
      return confined === undefined ? undefined : files[confined];
    },
    list: (folder) => {
      const prefix = (confinePath(folder) ?? '') + '/';
      return Object.keys(files)
        .filter((name) => name.startsWith(prefix) && !name.slice(prefix.length).includes('/'))
        .map((name) => name.slice(prefix.length));
    },
    uriOf: (path) => base + path,
  };
}
