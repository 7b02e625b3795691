import type { BundledDocs, WorkspaceView } from '../service';

/** The path operations the server needs, as `node:path` offers them (the browser brings a POSIX subset). */
export interface PathOps {
  readonly sep: string;
  dirname(path: string): string;
  basename(path: string): string;
  join(...paths: string[]): string;
  relative(from: string, to: string): string;
  isAbsolute(path: string): boolean;
}

/**
 * Everything the language server's shell needs from its platform: how URIs map to paths, and the
 * files outside the open editors. Node reads the file system directly; the browser asks the client,
 * which reads with `vscode.workspace.fs`. The engine only ever sees `view(root)`.
 */
export interface ServerHost {
  readonly path: PathOps;
  /** The path of a URI this host can read, or undefined (another scheme, a malformed URI). */
  uriToPath(uri: string): string | undefined;
  pathToUri(path: string): string;
  /** Whether a file or folder exists at this absolute path. */
  exists(path: string): boolean;
  /** A file's text, or undefined when it is missing, not a file, or larger than `maxBytes`. */
  readText(path: string, maxBytes: number): string | undefined;
  /** The engine's read-only view of the files below `root`, confined to it. */
  view(root: string): WorkspaceView;
  /** Files below `folder` matching `patterns` (globs relative to it), skipping `ignore`; absolute paths. */
  findFiles(folder: string, patterns: string[], ignore: string[]): Promise<string[]>;
  /**
   * Runs a synchronous computation over the files (a check, a config's problems) and returns its
   * result. A host that fetches files asynchronously runs it again until it read nothing the host
   * did not have yet, so that no result is published from a partial view; `retry` is called as soon
   * as a run proves partial (it drops what that run cached).
   */
  settle<T>(run: () => T, retry?: () => void): Promise<T>;
  /**
   * Links to the rule pages shipped with the server (`docs/rules/<code>.md`): through the client's
   * command when it registered one (VS Code: the Markdown preview), else where the platform can link
   * the page itself. A page that is not there gets no link.
   */
  ruleDocs(showCommand: string | undefined): BundledDocs;
  /** Files changed on the client: forget what was known about them. */
  changed?(uris: string[]): void;
}
