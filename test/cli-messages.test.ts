// What a person reads from the CLI in their first hour: the summary line, what --fix did, what init wrote.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, TODAY } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const VALID = 'documentation/readiness/CVN-N011-EA-S11.md';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args, '--today', TODAY], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of `examples/` (its own workspace root, runbooks included). */
function examples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-messages-'));
  cpSync(join(ROOT, 'examples'), dir, { recursive: true });
  return dir;
}

function summaryLine(stdout: string): string {
  return stdout.trimEnd().split('\n').at(-1)!;
}

describe('the stylish summary line', () => {
  it('names every severity it counts, and the parts add up to the total', () => {
    const dir = examples();
    const line = summaryLine(run(['check', '.'], dir).stdout);
    const match = /^✖ (\d+) problems \((\d+) errors, (\d+) warnings, (\d+) information\) in 4 files$/.exec(line);
    assert.ok(match, line);
    const [total, errors, warnings, information] = match.slice(1).map(Number);
    assert.ok(information! > 0, 'the examples have information findings');
    assert.equal(errors! + warnings! + information!, total);
    const json = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout) as { files: Array<{ diagnostics: Array<{ severity: string }> }> };
    const severities = json.files.flatMap((f) => f.diagnostics.map((d) => d.severity));
    assert.deepEqual(
      { errors, warnings, information },
      { errors: severities.filter((s) => s === 'error').length, warnings: severities.filter((s) => s === 'warning').length, information: severities.filter((s) => s === 'information').length },
    );
  });

  it('says "1 error" and "1 warning", and leaves out severities with none', () => {
    const dir = examples();
    const path = join(dir, VALID);
    // A team as DRI: one error (RDY601), and the ticked §6 box becomes one warning (RDY701).
    writeFileSync(path, readFileSync(path, 'utf8').replace('- **DRI**: `@ana-m`', '- **DRI**: `@cvn/ml-platform`'));
    const { code, stdout } = run(['check', VALID], dir);
    assert.equal(code, 1);
    assert.equal(summaryLine(stdout), '✖ 2 problems (1 error, 1 warning) in 1 file');
  });
});

describe('check --fix', () => {
  it('says what each fix did and how many problems remain, counted as the report counts them', () => {
    const dir = examples();
    const file = 'documentation/readiness/CVN-N015-CAL-S01.md';
    const before = JSON.parse(run(['check', file, '--format', 'json'], dir).stdout).summary.errors as number;
    const { stdout } = run(['check', file, '--fix'], dir);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      `Applied 1 fix in 1 file: ${file}`,
      `  ${file}: inserted section "6. Owner & DRI (MUST)": 4 fields to fill`,
    ]);
    const remain = /^(\d+) problems remain \((\d+) errors, /.exec(lines[2]!);
    assert.ok(remain, lines[2]);
    // The inserted section's placeholders are errors until filled: more errors than before, and said so.
    assert.ok(Number(remain[2]) > before);
    assert.equal(`✖ ${lines[2]!.replace(' remain', '')} in 1 file`, summaryLine(stdout));
  });
});

describe('init', () => {
  it('fills the DRI with the owner and says how a handle without @ was written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-init-'));
    mkdirSync(join(dir, '.git'));
    const { code, stdout } = run(['init', '--story', 'CVN-N020-XY-S01', '--title', 'A title', '--owner', 'ana'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /^Created documentation\/readiness\/CVN-N020-XY-S01\.md: @ana is Owner and DRI \(--owner "ana" written as @ana\); fill in/);
    const text = readFileSync(join(dir, 'documentation/readiness/CVN-N020-XY-S01.md'), 'utf8');
    assert.match(text, /^\*\*Owner\*\*: @ana \(DRI/m);
    assert.match(text, /^- \*\*DRI\*\*: `@ana` \(single human, not a team\)$/m);

    // The DRI line has nothing left to fill; the backup DRI still does.
    const check = JSON.parse(run(['check', '.', '--format', 'json'], dir).stdout) as { files: Array<{ diagnostics: Array<{ line: number; code: string }> }> };
    const lineOf = (prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
    const onLine = (line: number) => check.files[0]!.diagnostics.filter((d) => d.line === line).map((d) => d.code);
    assert.deepEqual(onLine(lineOf('- **DRI**')), []);
    assert.ok(onLine(lineOf('- **Backup DRI**')).includes('RDY001'));
  });

  it('says nothing about normalising when the handle was typed with @', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-init-'));
    mkdirSync(join(dir, '.git'));
    const { stdout } = run(['init', '--story', 'CVN-N020-XY-S01', '--title', 'A title', '--owner', '@ana'], dir);
    assert.match(stdout, /^Created documentation\/readiness\/CVN-N020-XY-S01\.md: @ana is Owner and DRI; fill in/);
  });
});
