// The requests the browser's language server sends its client to see the workspace's files: the
// Web Worker has no file system, the client reads with `vscode.workspace.fs` and searches with
// `vscode.workspace.findFiles`. The one definition: the browser client imports this module too.
import { RequestType } from 'vscode-languageserver-protocol';

/** The largest file the client sends whole; the server applies its own, smaller, limits. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface FileQuery {
  uri: string;
  /** `stat`: its kind; `read`: its kind and text; `list`: its kind and the names in it. */
  want: 'stat' | 'read' | 'list';
}

export interface FileAnswer {
  /** `link`: a symbolic link, never followed (its target may lie outside the workspace). */
  kind: 'file' | 'folder' | 'link' | 'missing';
  size?: number;
  /** For `read` of a file of at most MAX_FILE_BYTES. */
  text?: string;
  /** For `list` of a folder. */
  names?: string[];
}

export interface ReadFilesParams {
  queries: FileQuery[];
}
/** Answers each query, in order. A URI outside every workspace folder is `missing`. */
export const ReadFilesRequest = new RequestType<ReadFilesParams, FileAnswer[], void>('mlopsReadiness/readFiles');

export interface FindFilesParams {
  /** The workspace folder's URI. */
  folder: string;
  /** Globs relative to the folder. */
  include: string[];
  exclude: string[];
}
/** The URIs of the files below the folder matching `include` and none of `exclude`. */
export const FindFilesRequest = new RequestType<FindFilesParams, string[], void>('mlopsReadiness/findFiles');
