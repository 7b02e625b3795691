import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readTemplate, ROOT, TODAY } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const TEMPLATE = readTemplate();

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throwaway repository: `files` by relative path. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-cli-'));
  mkdirSync(join(dir, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('mlops-readiness check', () => {
  it('prints the documented JSON shape with 1-based positions and paths relative to the cwd', () => {
    const dir = workspace({ 'docs/readiness/CVN-N1-S1.md': TEMPLATE });
    const { code, stdout } = run(['check', 'docs', '--format', 'json', '--today', TODAY], dir);
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].file, 'docs/readiness/CVN-N1-S1.md');
    const first = report.files[0].diagnostics[0];
    assert.deepEqual(Object.keys(first), ['line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'rule', 'message']);
    assert.deepEqual(
      { line: first.line, column: first.column, endLine: first.endLine, endColumn: first.endColumn, code: first.code, rule: first.rule },
      { line: 1, column: 21, endLine: 1, endColumn: 41, code: 'RDY001', rule: 'no-placeholders' },
    );
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings']);
    assert.equal(report.summary.files, 1);
    assert.equal(report.summary.errors, report.files[0].diagnostics.filter((d: { severity: string }) => d.severity === 'error').length);
  });

  it('checks the current folder when no path is given, and stylish groups per file', () => {
    const dir = workspace({ 'a/readiness/CVN-N1-S1.md': TEMPLATE, 'notes.md': '# Notes\n<handle>\n' });
    const { code, stdout } = run(['check', '--today', TODAY], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^a\/readiness\/CVN-N1-S1\.md\n {2}1:21 +error +Unfilled placeholder `<CVN-N\.\.\.-S0X title>`.*RDY001$/m);
    assert.doesNotMatch(stdout, /notes\.md/);
    assert.match(stdout, /✖ \d+ problems \(\d+ errors, \d+ warnings?(, \d+ information)?\) in 1 file/);
  });

  it('exits 0 with a message when a folder has no readiness files', () => {
    const dir = workspace({ 'README.md': '# Hello\n' });
    const { code, stdout } = run(['check', '.'], dir);
    assert.equal(code, 0);
    assert.match(stdout, /No readiness files found/);
  });

  it('exits 0 without errors, and 1 when warnings exceed --max-warnings', () => {
    // Only RDY002 speaks (seven missing sections), made a warning by the config file.
    const onlyMissingSections = '<!-- readiness-disable -->\n<!-- readiness-enable section-required -->\n# MLOps readiness — CVN-N1-S1 title\n';
    const dir = workspace({ 'x-readiness.md': onlyMissingSections, '.mlops-readiness.json': '{"rules": {"RDY002": "warning"}}' });
    const json = run(['check', 'x-readiness.md', '--format', 'json'], dir);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout).summary, { files: 1, errors: 0, warnings: 7 });
    assert.equal(run(['check', 'x-readiness.md', '--max-warnings', '7'], dir).code, 0);
    const over = run(['check', 'x-readiness.md', '--max-warnings', '6'], dir);
    assert.equal(over.code, 1);
    assert.match(over.stderr, /7 warnings, more than --max-warnings 6/);
  });

  it('exits 2 with one clear line for usage and I/O errors, never a stack trace', () => {
    const dir = workspace({
      'binary-readiness.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]),
      'latin1-readiness.md': Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
    });
    const cases: Array<[string[], RegExp]> = [
      [['check', 'missing.md'], /no such file or folder: missing\.md/],
      [['check', '--format', 'xml'], /unknown format "xml"/],
      [['check', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
      [['check', '--bogus'], /check has no option --bogus \(see mlops-readiness --help\)/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['check', 'binary-readiness.md'], /cannot check binary-readiness\.md: it is a binary file/],
      [['check', 'latin1-readiness.md'], /cannot check latin1-readiness\.md: it is not valid UTF-8/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = run(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, message);
      assert.equal(stderr.trim().split('\n').length, 1, `one line for ${args.join(' ')}`);
      assert.doesNotMatch(stderr, /\n\s+at /);
    }
  });

  it('exits 2 for an unreadable file', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, () => {
    const dir = workspace({ 'locked-readiness.md': TEMPLATE });
    chmodSync(join(dir, 'locked-readiness.md'), 0);
    const { code, stderr } = run(['check', 'locked-readiness.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /permission denied/);
  });

  it('answers a file over the size limit with a clear message instead of parsing it: an error, as it was not checked', () => {
    const big = '# MLOps readiness — CVN-N1-S1 big\n' + 'x'.repeat(10 * 1024 * 1024);
    const dir = workspace({ 'big-readiness.md': big });
    const { code, stdout } = run(['check', 'big-readiness.md', '--format', 'json'], dir);
    assert.equal(code, 1, 'a file that was not checked fails the gate');
    const [diagnostic] = JSON.parse(stdout).files[0].diagnostics;
    assert.equal(diagnostic.code, 'RDY000');
    assert.equal(diagnostic.severity, 'error');
    assert.match(diagnostic.message, /10\.0 MB, over the 1\.0 MB limit/);
  });

  it('reports a broken config file as a diagnostic naming the file and the key', () => {
    const dir = workspace({
      'readiness/CVN-N1-S1.md': TEMPLATE,
      '.mlops-readiness.json': '{\n  // comments are fine\n  "rules": { "RDY999": "error", "RDY001": "loud" }\n}\n',
    });
    const { stdout } = run(['check', 'readiness', '--format', 'json'], dir);
    const config = JSON.parse(stdout).files.find((f: { file: string }) => f.file === '.mlops-readiness.json');
    assert.ok(config, 'the config file is listed');
    const messages = config.diagnostics.map((d: { message: string }) => d.message);
    assert.ok(messages.some((m: string) => /rules\.RDY999.*unknown rule/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m: string) => /"rules\.RDY001" must be/.test(m)), messages.join('\n'));
    assert.equal(config.diagnostics[0].line, 3);
  });

  it('lists the rules with code, name, severity and docs link', () => {
    const { code, stdout } = run(['rules'], ROOT);
    assert.equal(code, 0);
    assert.match(stdout, /^RDY001 {2}no-placeholders +error +file:\/\/\S+\/docs\/rules\/RDY001\.md$/m);
  });
});
