import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { CONFIG_FILE_NAME } from '../../server/src/service';
import { UsageError } from './io';

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line (not found by searching a folder). */
  explicit: boolean;
}

const MARKDOWN = ['**/*.md', '**/*.markdown'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/**
 * The Markdown files the paths name: files as given, folders searched (without node_modules
 * and .git). Whether each is a readiness file is the engine's decision (F6), made per file.
 */
export function collectTargets(paths: string[], cwd: string): Target[] {
  const targets = new Map<string, Target>();
  for (const given of paths.length ? paths : ['.']) {
    const path = resolve(cwd, given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stat.isDirectory()) {
      for (const file of globSync(MARKDOWN, { cwd: path, ignore: IGNORED, absolute: true, dot: true }).sort()) {
        if (!targets.has(file)) targets.set(file, { path: resolve(file), explicit: false });
      }
    } else {
      targets.set(path, { path, explicit: true });
    }
  }
  return [...targets.values()];
}

/** The nearest folder upward holding `.git` or a config file; else the starting folder. */
export function findWorkspaceRoot(file: string, cache = new Map<string, string>()): string {
  const start = dirname(file);
  const visited: string[] = [];
  let dir = start;
  for (;;) {
    const known = cache.get(dir);
    if (known) return remember(known);
    visited.push(dir);
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, CONFIG_FILE_NAME))) return remember(dir);
    const parent = dirname(dir);
    if (parent === dir) return remember(start);
    dir = parent;
  }
  function remember(root: string): string {
    for (const dir of visited) cache.set(dir, root);
    return root;
  }
}
