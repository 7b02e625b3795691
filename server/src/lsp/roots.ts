import { existsSync } from 'node:fs';
import { dirname, join, relative, sep, isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fileSystemWorkspace, relativeToRoot } from '../node/fsWorkspace';
import { CONFIG_FILE_NAME, confinePath, NO_WORKSPACE, type WorkspaceView } from '../service';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).toString();
}

/** The same file whatever the client's URI spelling (`%3A`, `%40`…). */
export function uriKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

function inside(folder: string, file: string): boolean {
  const rel = relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Where a document stands: its root for cross-file reads, its root-relative path, and the view of that root. */
export interface Placement {
  root: string | undefined;
  documentPath: string | undefined;
  workspace: WorkspaceView;
}

/**
 * Workspace folders and the roots inside them. A file's root is the nearest folder upward holding
 * `.git` or `.mlops-readiness.json`, without leaving its workspace folder (as the CLI decides,
 * so both report the same), else the workspace folder. Untrusted: nothing is read, ever.
 */
export class Roots {
  private folders: string[] = [];
  private readonly views = new Map<string, WorkspaceView>();
  trusted = true;

  setFolders(paths: string[]): void {
    // Deepest first, so a nested workspace folder wins.
    this.folders = [...new Set(paths)].sort((a, b) => b.length - a.length);
    this.views.clear();
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  folderOf(file: string): string | undefined {
    return this.folders.find((folder) => inside(folder, file));
  }

  rootOf(file: string): string | undefined {
    const folder = this.folderOf(file);
    if (!folder || !this.trusted) return folder;
    for (let dir = dirname(file); inside(folder, dir); dir = dirname(dir)) {
      if (existsSync(join(dir, '.git')) || existsSync(join(dir, CONFIG_FILE_NAME))) return dir;
      if (dir === folder || dirname(dir) === dir) break;
    }
    return folder;
  }

  place(uri: string): Placement {
    const file = uriToPath(uri);
    const root = file ? this.rootOf(file) : undefined;
    if (!file || !root) return { root: undefined, documentPath: undefined, workspace: NO_WORKSPACE };
    const documentPath = relativeToRoot(root, file) ?? relative(root, file).split(sep).join('/');
    return { root, documentPath, workspace: this.trusted ? this.view(root) : NO_WORKSPACE };
  }

  private view(root: string): WorkspaceView {
    let view = this.views.get(root);
    if (!view) {
      view = fileSystemWorkspace(root);
      this.views.set(root, view);
    }
    return view;
  }
}

/** Wraps a view to note every path asked about: a later change to one of them re-checks the document. */
export function recordingView(view: WorkspaceView, reads: Set<string>): WorkspaceView {
  return {
    exists: (path) => (reads.add(confinePath(path) ?? path), view.exists(path)),
    read: (path) => (reads.add(confinePath(path) ?? path), view.read(path)),
    list: (folder) => (reads.add((confinePath(folder) ?? '') + '/'), view.list?.(folder) ?? []),
    uriOf: (path) => view.uriOf(path),
  };
}
