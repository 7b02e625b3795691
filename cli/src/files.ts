import { existsSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { findFiles, realPathOf } from '../../server/src/node/findFiles';
import { findWorkspaceRoot as findRoot } from '../../server/src/service';
import { UsageError } from './io';

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line (not found by searching a folder). */
  explicit: boolean;
}

export interface Targets {
  /** Each real file once, in the order named (a folder's files sorted). */
  targets: Target[];
  /** Symlinked files found in a folder that lead outside the workspace root: never read. */
  outside: Target[];
  /** Paths that could not be read or searched, as one line each. */
  failures: string[];
}

const MARKDOWN = /\.(md|markdown)$/i;

/**
 * The Markdown files the paths name: files as given, folders searched as the language server's
 * workspace scan does (findFiles: no node_modules or .git, no symlinked folder entered, no link
 * out of `rootOf(folder)`). Whether each is a readiness file is the engine's decision (F6), made
 * per file. A path that does not exist is a UsageError; one that cannot be read is a failure.
 */
export function collectTargets(paths: string[], cwd: string, rootOf: (folder: string) => string): Targets {
  const byRealPath = new Map<string, Target>();
  const result: Targets = { targets: [], outside: [], failures: [] };
  const add = (target: Target) => {
    const key = realPathOf(target.path) ?? target.path;
    if (!byRealPath.has(key)) byRealPath.set(key, target);
  };
  for (const given of paths.length ? paths : ['.']) {
    const path = resolve(cwd, given);
    const entry = lookUp(path);
    if ('missing' in entry) throw new UsageError(`no such file or folder: ${given}`);
    if ('unreadable' in entry) {
      result.failures.push(`cannot read ${given}: ${entry.unreadable}`);
      continue;
    }
    if (!entry.stat.isDirectory()) {
      add({ path, explicit: true });
      continue;
    }
    const found = findFiles(path, (name) => MARKDOWN.test(name), rootOf(path));
    for (const file of found.files) add({ path: file, explicit: false });
    for (const file of found.outside) result.outside.push({ path: file, explicit: false });
    for (const { path: folder, error } of found.unreadable) {
      result.failures.push(`cannot search ${relative(cwd, folder).split(sep).join('/') || '.'}: ${describeError(error)}`);
    }
  }
  result.targets = [...byRealPath.values()];
  return result;
}

/** What is at a path the user named: its stat, `missing` when nothing is there, or why it cannot be read. */
export function lookUp(path: string): { stat: Stats } | { missing: true } | { unreadable: string } {
  try {
    return { stat: statSync(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { missing: true } : { unreadable: describeError(error) };
  }
}

/** An I/O error as a person reads it. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'EIO') return 'input/output error';
  return code ?? (error as Error)?.message ?? String(error);
}

/** The nearest folder upward from a file's folder holding `.git` or a config file; else the file's folder. */
export function findWorkspaceRoot(file: string, cache = new Map<string, string>()): string {
  const start = dirname(file);
  return findRoot(start, { exists: existsSync, dirname, join }, { fallback: start, cache });
}

/** The repository a file belongs to: the nearest folder upward holding `.git`; else `fallback`. */
export function findRepositoryRoot(file: string, fallback: string): string {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return fallback;
  }
}

/** `--output` must not name a file being checked: the report would replace it. */
export function refuseOverwritingInput(output: string, targets: Target[], cwd: string): void {
  const real = realPathOf(output) ?? output;
  const input = targets.find((target) => (realPathOf(target.path) ?? target.path) === real);
  if (input) {
    const name = relative(cwd, output).split(sep).join('/') || output;
    throw new UsageError(`--output ${name} is one of the files being checked: write the report to another file`);
  }
}
