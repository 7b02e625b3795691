// The GitHub Action's check step (action.yml), run as GitHub runs it — bash -e with the inputs as environment
// variables — in a real git repository. `npx` is replaced by the built CLI, so nothing is downloaded.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, commit, EXAMPLE, EXAMPLE_PATH, git, gitRepository, run, RUNBOOKS } from './gitRepo';
import { ROOT } from './helpers';

/** The `run: |` script of the step with `id: check`, as GitHub passes it to bash. */
function checkStepScript(): string {
  const lines = readFileSync(join(ROOT, 'action.yml'), 'utf8').split('\n');
  const step = lines.findIndex((line) => /^\s+id: check\s*$/.test(line));
  const start = lines.findIndex((line, i) => i > step && /^\s+run: \|\s*$/.test(line));
  const indent = /^\s*/.exec(lines[start + 1])![0].length;
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() !== '' && /^\s*/.exec(line)![0].length < indent) break;
    body.push(line.slice(indent));
  }
  return body.join('\n');
}

/** A folder with an `npx` that runs the built CLI with what follows `-- mlops-readiness`. */
function fakeNpx(): string {
  const bin = mkdtempSync(join(tmpdir(), 'readiness-npx-'));
  const npx = join(bin, 'npx');
  writeFileSync(npx, `#!/bin/sh\nwhile [ "$1" != "--" ]; do shift; done\nshift 2\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(npx, 0o755);
  return bin;
}

describe('GitHub Action', () => {
  it('writes the diff since the base to the job summary, then gates on the check', () => {
    const dir = gitRepository({ [EXAMPLE_PATH]: EXAMPLE, ...RUNBOOKS });
    git(dir, 'checkout', '-q', '-b', 'feature');
    commit(dir, { [EXAMPLE_PATH]: EXAMPLE.replace('| P1 | Pagerduty |', '| P2 | Pagerduty |') }, 'downgrade');
    const summary = join(dir, '..', `${dir.split(/[\\/]/).pop()}-summary.md`);
    writeFileSync(summary, '');
    const script = join(dir, '..', `${dir.split(/[\\/]/).pop()}-step.sh`);
    writeFileSync(script, checkStepScript());
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${fakeNpx()}:${process.env.PATH}`,
        NO_COLOR: '1',
        GITHUB_ACTION_PATH: ROOT,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: join(dir, '..', 'github-output'),
        READINESS_PATHS: '.',
        READINESS_FORMAT: 'stylish',
        READINESS_SARIF_FILE: '',
        READINESS_MAX_WARNINGS: '',
        READINESS_SINCE: 'main',
        READINESS_SUMMARY: 'diff',
      },
    });
    // The gate fails: the change left no P1 alert.
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /RDY201/);
    const expected = run(['diff', '--base', 'main', '.'], dir).stdout;
    assert.match(expected, /P1 alert `ea_s11_expectancy_negative` downgraded to P2/);
    assert.equal(readFileSync(summary, 'utf8'), expected);
  });
});
