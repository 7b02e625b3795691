import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'tinyglobby';
import type { ServerHost } from '../lsp/host';
import { fileSystemWorkspace } from './fsWorkspace';

/** The language server on Node: paths are the file system's, files are read from disk at once. */
export const nodeHost: ServerHost = {
  path,
  uriToPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  pathToUri: (file) => pathToFileURL(file).toString(),
  exists: (file) => existsSync(file),
  readText(file, maxBytes) {
    try {
      if (statSync(file).size > maxBytes) return undefined;
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  view: (root) => fileSystemWorkspace(root),
  findFiles: (folder, patterns, ignore) =>
    glob(patterns, { cwd: folder, absolute: true, dot: true, ignore, followSymbolicLinks: false }).catch(() => [] as string[]),
  // Everything is read synchronously: a computation never needs a second run.
  settle: (run) => Promise.resolve(run()),
};
