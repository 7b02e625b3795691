import type * as ChildProcess from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './io';

// Loaded when git runs: node:child_process takes ≈ 10 ms to load, and most runs never start git.
const spawnSync = ((...args: Parameters<typeof ChildProcess.spawnSync>) =>
  (require('node:child_process') as typeof ChildProcess).spawnSync(...args)) as typeof ChildProcess.spawnSync;

/**
 * The files changed since a git ref, as absolute real paths: what the branch changed
 * (`git diff --name-only REF...HEAD`, i.e. since the merge base, as a pull request shows it),
 * plus what is not committed yet (staged, unstaged and untracked files). Git runs without a
 * shell; every failure is a UsageError with one line saying what to do.
 */
export function changedFilesSince(ref: string, cwd: string): Set<string> {
  if (!ref || ref.startsWith('-')) throw new UsageError(`--since takes a git ref (a branch, tag or commit), not "${ref}"`);
  const top = git(['rev-parse', '--show-toplevel'], cwd, () => '--since needs a git repository: run it inside one').trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top, () =>
    `--since: "${ref}" is not a commit in this repository (in CI, fetch it first, e.g. git fetch origin ${ref.replace(/^origin\//, '')})`,
  );
  const names = [
    ...git(['diff', '--name-only', '-z', `${ref}...HEAD`, '--'], top, (stderr) =>
      /no merge base/i.test(stderr)
        ? `--since: "${ref}" and HEAD have no common ancestor (in a shallow clone, fetch the full history, e.g. fetch-depth: 0)`
        : `--since: git diff ${ref}...HEAD failed: ${firstLine(stderr)}`,
    ).split('\0'),
    ...git(['diff', '--name-only', '-z', 'HEAD', '--'], top, (stderr) => `--since: git diff HEAD failed: ${firstLine(stderr)}`).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '-z'], top, (stderr) => `--since: git ls-files failed: ${firstLine(stderr)}`).split('\0'),
  ];
  const realTop = realpathSync(top);
  return new Set(names.filter(Boolean).map((name) => resolve(realTop, name)));
}

function git(args: string[], cwd: string, problem: (stderr: string) => string): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? '--since needs git, which is not installed or not on the PATH' : `--since: ${result.error.message}`);
  }
  if (result.status !== 0) throw new UsageError(problem(result.stderr ?? ''));
  return result.stdout;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.replace(/^(fatal|error): /, '') || 'unknown error';
}
