// The built CLI (cli/out/cli.js; build with `node esbuild.mjs`) against hostile input (issue 7):
// an unreadable file even as root, `--fix` writing only what it changes and atomically, and
// runbook paths that try to leave the workspace root.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, TODAY } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const VALID_PATH = 'documentation/readiness/CVN-N011-EA-S11.md';
const VALID = readFileSync(join(ROOT, 'examples', VALID_PATH), 'utf8');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder holding `root/` (a repository: .git and a copy of examples/) and `outside/`. */
function sandbox(): { base: string; root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'readiness-robust-'));
  made.push(base);
  const root = join(base, 'root');
  const outside = join(base, 'outside');
  cpSync(join(ROOT, 'examples'), root, { recursive: true });
  mkdirSync(join(root, '.git'));
  mkdirSync(outside);
  return { base, root, outside };
}

function replace(text: string, search: string, replacement: string): string {
  assert.ok(text.includes(search), `fixture edit: ${search}`);
  return text.replace(search, replacement);
}

describe('CLI: a file it cannot read', () => {
  it('exits 2 with one clear line, even as root (a link to /proc/self/mem reads as EIO)', () => {
    // chmod 000 does not stop root; /proc/self/mem does: reading it at offset 0 (unmapped) fails with EIO for every user.
    assert.throws(() => readFileSync('/proc/self/mem'), { code: 'EIO' });
    const { root } = sandbox();
    const link = 'documentation/readiness/CVN-N1-S1-unreadable.md';
    symlinkSync('/proc/self/mem', join(root, link));
    const { code, stdout, stderr } = run(['check', link, '--today', TODAY], root);
    assert.equal(code, 2, stdout + stderr);
    const lines = stderr.trim().split('\n');
    assert.equal(lines.length, 1, `one line: ${stderr}`);
    assert.match(lines[0], /CVN-N1-S1-unreadable\.md: the file could not be read \(input\/output error\)$/, 'names the file and the reason');
    assert.equal(stdout, '', 'no "no problems" summary when nothing could be checked');
    assert.doesNotMatch(stderr, /\n\s+at |node:internal|Error:/, 'no stack trace');
    // Found by searching its folder: the same.
    const folder = run(['check', 'documentation/readiness', '--today', TODAY], root);
    assert.equal(folder.code, 2, folder.stdout + folder.stderr);
    assert.equal(folder.stderr.trim().split('\n').length, 1, `one line: ${folder.stderr}`);
    assert.match(folder.stderr, /CVN-N1-S1-unreadable\.md/);
  });
});

describe('CLI: --fix', () => {
  it('writes only the files it changes (the others keep their mtime), atomically, and leaves no temporary file', () => {
    const { root } = sandbox();
    const readiness = join(root, 'documentation/readiness');
    // The valid example with a metric type written `Counter (per hour)` has one safe fix (RDY111: `counter`);
    // some of the other examples have nothing safe to fix.
    const fixable = replace(VALID, '| counter | Prometheus |', '| Counter (per hour) | Prometheus |');
    writeFileSync(join(readiness, 'CVN-N011-EA-S11.md'), fixable);
    // Back-date every file, so an unchanged mtime cannot be a same-second coincidence.
    const past = new Date('2020-01-01T00:00:00Z');
    const before = new Map<string, { mtimeMs: number; ino: number; mode: number; text: string }>();
    for (const name of readdirSync(readiness)) {
      const path = join(readiness, name);
      utimesSync(path, past, past);
      const stat = statSync(path);
      before.set(name, { mtimeMs: stat.mtimeMs, ino: stat.ino, mode: stat.mode, text: readFileSync(path, 'utf8') });
    }

    const { code, stdout, stderr } = run(['check', '--fix', '--today', TODAY], root);
    assert.notEqual(code, 2, stderr);
    const reported = /Applied \d+ fix(?:es)? in \d+ files?: (.*)/.exec(stdout + stderr)?.[1].split(', ') ?? [];

    const changed: string[] = [];
    for (const [name, was] of before) {
      const path = join(readiness, name);
      const stat = statSync(path);
      if (readFileSync(path, 'utf8') === was.text) {
        // Not changed: not written at all (same inode, same mtime).
        assert.equal(stat.mtimeMs, was.mtimeMs, `${name} unchanged, yet written`);
        assert.equal(stat.ino, was.ino, `${name} unchanged, yet replaced`);
        continue;
      }
      changed.push(`documentation/readiness/${name}`);
      // A rename of a complete temporary file over the target gives a new inode; an in-place write would keep it.
      assert.notEqual(stat.ino, was.ino, `${name} written by rename (atomic), not in place`);
      assert.equal(stat.mode, was.mode, `${name} keeps its mode`);
    }
    assert.deepEqual(reported.sort(), changed.sort(), 'the files reported as fixed are exactly those changed');
    const fixed = join(readiness, 'CVN-N011-EA-S11.md');
    assert.equal(readFileSync(fixed, 'utf8'), VALID, 'the fix applied (Counter (per hour) -> counter), nothing else');
    assert.ok(changed.length < before.size, 'some files had nothing to fix');
    assert.deepEqual(readdirSync(readiness).filter((name) => /\.tmp$|^\./.test(name)), [], 'no temporary file left');

    // A second run has nothing to fix and writes nothing.
    const again = statSync(fixed);
    run(['check', '--fix', '--today', TODAY], root);
    assert.equal(statSync(fixed).mtimeMs, again.mtimeMs);
    assert.equal(statSync(fixed).ino, again.ino);
  });
});

describe('CLI: runbook paths that leave the workspace root are not read and are reported', () => {
  // The sentinel would satisfy every runbook rule if it were read (symptom, diagnosis, remediation,
  // escalation, a Grafana dashboard and a Loki query): RDY206 on its row proves it was not.
  const marker = `SENTINEL-${process.pid}-do-not-read`;
  const sentinel = [
    `# ${marker}`,
    '## Symptom',
    'x',
    '## Diagnosis',
    'Dashboard: https://grafana.cvn-trading.com/d/ea-s11/entry-alignment — logs: `{job="signals"}` in Loki',
    '## Remediation',
    'x',
    '## Escalation',
    'x',
    '',
  ].join('\n');

  type Diagnostic = { line: number; code: string; message: string };
  function check(root: string, runbookCell: string) {
    const text = replace(VALID, '`documentation/runbooks/ea-s11-expectancy-negative.md`', runbookCell);
    writeFileSync(join(root, VALID_PATH), text);
    const line = text.split('\n').findIndex((l) => l.includes('ea_s11_expectancy_negative')) + 1;
    const { code, stdout, stderr } = run(['check', VALID_PATH, '--format', 'json', '--today', TODAY], root);
    assert.notEqual(code, 2, stderr);
    assert.ok(!stdout.includes(marker) && !stderr.includes(marker), 'the sentinel never appears in the output');
    const diagnostics: Diagnostic[] = JSON.parse(stdout).files[0].diagnostics;
    return { row: diagnostics.filter((d) => d.line === line), all: diagnostics };
  }

  it('`../../etc/passwd` and `../outside/…`: RDY205, nothing read', () => {
    const { root, outside } = sandbox();
    writeFileSync(join(outside, 'runbook.md'), sentinel);
    for (const path of ['../../etc/passwd', '../outside/runbook.md', 'documentation/runbooks/../../../outside/runbook.md']) {
      const { row } = check(root, `\`${path}\``);
      assert.ok(row.some((d) => d.code === 'RDY205' && /inside the workspace|not under/.test(d.message)), `${path}: ${JSON.stringify(row)}`);
      assert.ok(!row.some((d) => d.code === 'RDY207'), `${path}: content never judged`);
    }
  });

  it('an absolute path: RDY205, nothing read', () => {
    const { root, outside } = sandbox();
    writeFileSync(join(outside, 'runbook.md'), sentinel);
    const { row } = check(root, `\`${join(outside, 'runbook.md')}\``);
    assert.ok(row.some((d) => d.code === 'RDY205' && /inside the workspace/.test(d.message)), JSON.stringify(row));
  });

  it('a symlink under documentation/runbooks/ pointing outside the root: RDY206 (not in the workspace), nothing read', () => {
    const { root, outside } = sandbox();
    writeFileSync(join(outside, 'runbook.md'), sentinel);
    symlinkSync(join(outside, 'runbook.md'), join(root, 'documentation/runbooks/escape.md'));
    // A symlinked folder leaving the root, too.
    symlinkSync(outside, join(root, 'documentation/runbooks/escaped-folder'));
    for (const path of ['documentation/runbooks/escape.md', 'documentation/runbooks/escaped-folder/runbook.md']) {
      const { row } = check(root, `\`${path}\``);
      assert.ok(row.some((d) => d.code === 'RDY206'), `${path}: ${JSON.stringify(row)}`);
      assert.ok(!row.some((d) => d.code === 'RDY205'), `${path}: the path itself is well formed`);
    }
    // The control: the same sentinel inside the root is found (so RDY206 above is the confinement's doing).
    writeFileSync(join(root, 'documentation/runbooks/inside.md'), sentinel.replace(marker, 'inside'));
    const { row } = check(root, '`documentation/runbooks/inside.md`');
    assert.ok(!row.some((d) => d.code === 'RDY206'), JSON.stringify(row));
  });
});
