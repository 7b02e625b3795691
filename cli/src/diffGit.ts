import type * as ChildProcess from 'node:child_process';
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { confinePath, type WorkspaceView } from '../../server/src/service';
import { UsageError } from './io';

// Loaded when git runs: node:child_process takes ≈ 10 ms to load, and most runs never start git.
const spawnSync = ((...args: Parameters<typeof ChildProcess.spawnSync>) =>
  (require('node:child_process') as typeof ChildProcess).spawnSync(...args)) as typeof ChildProcess.spawnSync;

/** Files read from a revision larger than this are left out (as the file-system view does). */
const MAX_BLOB_BYTES = 2 * 1024 * 1024;

/** A git repository the diff reads: its top folder, and git run there without a shell. */
export interface Repository {
  top: string;
  git(args: string[], problem?: (stderr: string) => string): string;
}

export function openRepository(cwd: string): Repository {
  const top = runGit(['rev-parse', '--show-toplevel'], cwd, () => 'diff needs a git repository: run it inside one').trim();
  const realTop = realpathSync(top);
  return { top: realTop, git: (args, problem) => runGit(args, realTop, problem ?? ((stderr) => `git ${args[0]} failed: ${firstLine(stderr)}`)) };
}

/** The commit a ref names, or a UsageError saying why it is not there (a shallow clone says so). */
export function resolveCommit(repo: Repository, ref: string, option: string): string {
  if (!ref || ref.startsWith('-')) throw new UsageError(`${option} takes a git ref (a branch, tag or commit), not "${ref}"`);
  return repo
    .git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () =>
      isShallow(repo)
        ? `${option}: "${ref}" is not in this shallow clone: fetch it with its history (e.g. actions/checkout with fetch-depth: 0)`
        : ref === 'HEAD'
          ? `${option}: this repository has no commit yet, so there is nothing to compare with: commit first`
          : `${option}: "${ref}" is not a commit in this repository (in CI, fetch it first, e.g. git fetch origin ${ref.replace(/^origin\//, '')})`,
    )
    .trim();
}

/** Where the branch left the base: what a pull request compares against. */
export function mergeBase(repo: Repository, base: string, head: string, names: { base: string; head: string }): string {
  return repo
    .git(['merge-base', base, head], () =>
      isShallow(repo)
        ? `"${names.base}" and ${names.head} have no common ancestor in this shallow clone: fetch the full history (fetch-depth: 0)`
        : `"${names.base}" and ${names.head} have no common ancestor`,
    )
    .trim();
}

function isShallow(repo: Repository): boolean {
  try {
    return repo.git(['rev-parse', '--is-shallow-repository']).trim() === 'true';
  } catch {
    return false;
  }
}

export interface ChangedPath {
  /** Path at the old side (undefined: added). */
  before: string | undefined;
  /** Path at the new side (undefined: removed). */
  after: string | undefined;
}

/**
 * Files that differ between `from` and `to` (a commit, or the working tree with untracked files
 * when `to` is undefined), renames paired, limited to `pathspecs` (repository-relative).
 */
export function changedPaths(repo: Repository, from: string, to: string | undefined, pathspecs: string[]): ChangedPath[] {
  // `.` at the top (the repository itself) limits nothing.
  const specs = pathspecs.length && !pathspecs.includes('') ? pathspecs.map((p) => `:(top,literal)${p}`) : [];
  const out = repo.git(['diff', '--name-status', '-z', '--find-renames', from, ...(to ? [to] : []), '--', ...specs]);
  const parts = out.split('\0');
  const changes: ChangedPath[] = [];
  for (let i = 0; i < parts.length - 1; ) {
    const status = parts[i++];
    if (status.startsWith('R')) {
      changes.push({ before: parts[i], after: parts[i + 1] });
      i += 2;
    } else if (status.startsWith('C')) {
      changes.push({ before: undefined, after: parts[i + 1] });
      i += 2;
    } else {
      const path = parts[i++];
      if (status === 'A') changes.push({ before: undefined, after: path });
      else if (status === 'D') changes.push({ before: path, after: undefined });
      else changes.push({ before: path, after: path });
    }
  }
  if (!to) {
    const untracked = repo.git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...specs]).split('\0').filter(Boolean);
    for (const path of untracked) changes.push({ before: undefined, after: path });
  }
  // Only Markdown can be a readiness file (as \`check\` searches folders): images and data are never read.
  const markdown = (path: string | undefined) => path !== undefined && /\.(md|markdown)$/i.test(path);
  return changes
    .filter((change) => markdown(change.before) || markdown(change.after))
    .map((change) => ({ before: markdown(change.before) ? change.before : undefined, after: markdown(change.after) ? change.after : undefined }))
    .sort((a, b) => (a.after ?? a.before)!.localeCompare((b.after ?? b.before)!));
}

/** A command-line path as a repository-relative one; a path outside the repository is a UsageError. */
export function repositoryPath(repo: Repository, cwd: string, given: string): string {
  const absolute = resolve(cwd, given);
  let real = absolute;
  try {
    real = realpathSync(absolute);
  } catch {
    // A path removed in the working tree may still name files of the old revision.
  }
  const rel = relative(repo.top, real);
  if (rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) throw new UsageError(`${given} is outside the repository (${repo.top})`);
  return rel.split(sep).join('/');
}

/**
 * The repository as it stood at a commit, as the engine's read-only workspace view: runbooks,
 * requirements, CODEOWNERS and config files are read from that revision, never from the disk.
 */
export function revisionWorkspace(repo: Repository, commit: string): WorkspaceView {
  const blobs = new Map<string, string | undefined>();
  const read = (path: string): string | undefined => {
    const confined = confinePath(path);
    if (confined === undefined) return undefined;
    if (blobs.has(confined)) return blobs.get(confined);
    const result = spawnSync('git', ['cat-file', 'blob', `${commit}:${confined}`], { cwd: repo.top, maxBuffer: MAX_BLOB_BYTES + 1, windowsHide: true });
    const text = result.status === 0 && result.stdout.length <= MAX_BLOB_BYTES ? result.stdout.toString('utf8') : undefined;
    blobs.set(confined, text);
    return text;
  };
  return {
    exists: (path) => read(path) !== undefined,
    read,
    list(folder) {
      const confined = folder === '' ? '' : confinePath(folder);
      if (confined === undefined) return [];
      try {
        return repo.git(['ls-tree', '--name-only', '-z', `${commit}:${confined}`]).split('\0').filter(Boolean);
      } catch {
        return [];
      }
    },
    uriOf: (path) => `${commit}:${confinePath(path) ?? path}`,
  };
}

function runGit(args: string[], cwd: string, problem: (stderr: string) => string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? 'diff needs git, which is not installed or not on the PATH' : `git: ${result.error.message}`);
  }
  if (result.status !== 0) throw new UsageError(problem(result.stderr ?? ''));
  return result.stdout;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^(fatal|error): /, '') || 'unknown error';
}
