import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import type { ServerHost } from '../lsp/host';
import { findFiles } from './findFiles';
import { fileSystemWorkspace } from './fsWorkspace';
import { bundledRuleDocs } from './ruleDocs';

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
  // The CLI's folder search: node_modules and .git skipped, no symlinked folder entered, no link out of
  // the folder followed, each real file once. The patterns name files (`**/*.md`): matched on the name.
  findFiles(folder, patterns) {
    const wanted = picomatch(patterns, { dot: true });
    return Promise.resolve(findFiles(folder, (name) => wanted(name)).files);
  },
  ruleDocs: (showCommand) => bundledRuleDocs(__dirname, showCommand),
  // Everything is read synchronously: a computation never needs a second run.
  settle: (run) => Promise.resolve(run()),
};
