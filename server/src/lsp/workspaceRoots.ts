import { confinePath, findWorkspaceRoot, NO_WORKSPACE, type WorkspaceView } from '../service';
import type { ServerHost } from './host';

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
 * Paths are the host's (the file system's on Node, the client's URIs in the browser).
 */
export class WorkspaceRoots {
  private folders: string[] = [];
  private readonly views = new Map<string, WorkspaceView>();
  trusted = true;

  constructor(readonly host: ServerHost) {}

  /** The same file whatever the client's URI spelling (`%3A`, `%40`…). */
  key(uri: string): string {
    return this.host.uriToPath(uri) ?? uri;
  }

  setFolders(paths: string[]): void {
    // Deepest first, so a nested workspace folder wins.
    this.folders = [...new Set(paths)].sort((a, b) => b.length - a.length);
    this.views.clear();
  }

  get workspaceFolders(): readonly string[] {
    return this.folders;
  }

  folderOf(file: string): string | undefined {
    return this.folders.find((folder) => this.inside(folder, file));
  }

  rootOf(file: string): string | undefined {
    const folder = this.folderOf(file);
    if (!folder || !this.trusted) return folder;
    const { dirname, join } = this.host.path;
    const probe = { exists: (path: string) => this.host.exists(path), dirname, join };
    return findWorkspaceRoot(dirname(file), probe, { within: (dir) => this.inside(folder, dir), fallback: folder });
  }

  place(uri: string): Placement {
    const file = this.host.uriToPath(uri);
    const root = file ? this.rootOf(file) : undefined;
    if (!file || !root) return { root: undefined, documentPath: undefined, workspace: NO_WORKSPACE };
    const documentPath = this.relativePath(root, file);
    return { root, documentPath, workspace: this.trusted ? this.view(root) : NO_WORKSPACE };
  }

  /** `file` relative to `root`, `/`-separated (with `..` when outside it). */
  relativePath(root: string, file: string): string {
    return this.host.path.relative(root, file).split(this.host.path.sep).join('/');
  }

  private inside(folder: string, file: string): boolean {
    const rel = this.host.path.relative(folder, file);
    return rel === '' || (!rel.startsWith('..') && !this.host.path.isAbsolute(rel));
  }

  private view(root: string): WorkspaceView {
    let view = this.views.get(root);
    if (!view) {
      view = this.host.view(root);
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
