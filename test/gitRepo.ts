// Real git repositories for the CLI tests of diff and report: commits are made in the test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, writeFiles as write } from './helpers';

export const CLI = join(ROOT, 'cli/out/cli.js');

export const EXAMPLE_PATH = 'documentation/readiness/CVN-N011-EA-S11.md';
export const EXAMPLE = readFileSync(join(ROOT, 'examples', EXAMPLE_PATH), 'utf8');

/** The example's runbooks, so its §2 checks pass as they do in examples/. */
export const RUNBOOKS: Record<string, string> = Object.fromEntries(
  readdirSync(join(ROOT, 'examples/documentation/runbooks')).map((name) => [
    `documentation/runbooks/${name}`,
    readFileSync(join(ROOT, 'examples/documentation/runbooks', name), 'utf8'),
  ]),
);

export function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export { write };

export function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Writes the files and commits everything. */
export function commit(dir: string, files: Record<string, string>, message: string): void {
  write(dir, files);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

/** A real git repository on branch main with `files` committed. */
export function gitRepository(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-diff-'));
  git(dir, 'init', '-q', '-b', 'main');
  commit(dir, files, 'initial');
  return dir;
}
