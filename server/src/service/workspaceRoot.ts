import { CONFIG_FILE_NAME } from './config/fileName';

/**
 * Files whose change on disk can change a readiness file's findings (readiness files, runbooks and
 * ADRs, config, requirements, owners): what an editor watches for the engine.
 */
export const WATCHED_FILES: readonly string[] = ['**/*.md', `**/${CONFIG_FILE_NAME}`, '**/requirements.txt', '**/CODEOWNERS'];

/** A folder holding one of these is a workspace root: config files and cross-file paths resolve from it. */
const ROOT_MARKERS = ['.git', CONFIG_FILE_NAME];

/** The path operations a root search needs, over the shell's files (Node's, or the browser client's). */
export interface FolderProbe {
  exists(path: string): boolean;
  dirname(path: string): string;
  join(folder: string, name: string): string;
}

export interface RootSearch {
  /** Where the search may go (the editor: its workspace folder); unbounded: up to the file system's root. */
  within?(folder: string): boolean;
  /** The root when no folder on the way has a marker. */
  fallback: string;
  /** Roots already found, by folder: every folder a search passes is remembered with the root it found. */
  cache?: Map<string, string>;
}

/**
 * A document's workspace root, as the CLI and the language server both decide it: the nearest folder
 * from `start` (the document's folder) upward holding `.git` or `.mlops-readiness.json`, else `fallback`.
 */
export function findWorkspaceRoot(start: string, probe: FolderProbe, search: RootSearch): string {
  const visited: string[] = [];
  const remember = (root: string) => {
    for (const folder of visited) search.cache?.set(folder, root);
    return root;
  };
  for (let dir = start; !search.within || search.within(dir); ) {
    const known = search.cache?.get(dir);
    if (known) return remember(known);
    visited.push(dir);
    if (ROOT_MARKERS.some((name) => probe.exists(probe.join(dir, name)))) return remember(dir);
    const parent = probe.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return remember(search.fallback);
}
