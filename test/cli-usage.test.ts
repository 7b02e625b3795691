import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readExample, ROOT, TODAY } from './helpers';

// What a user sees when the command line or the configuration is not what the CLI expects.

const CLI = join(ROOT, 'cli/out/cli.js');
const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function repository(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-usage-'));
  mkdirSync(join(dir, '.git'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe('CLI usage: help and refused command lines', () => {
  it('`<command> --help` and `-h` print the help and exit 0, checking nothing', () => {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': '# MLOps readiness — <story>\n' });
    for (const args of [['check', '--help'], ['check', 'documentation', '-h'], ['init', '--help'], ['diff', '--help'], ['report', '-h'], ['rules', '--help']]) {
      const { code, stdout, stderr } = run(args, dir);
      assert.equal(code, 0, args.join(' '));
      assert.match(stdout, /^Usage:$/m, args.join(' '));
      assert.match(stdout, /^Options for check:$/m);
      assert.doesNotMatch(stdout, /readiness\/CVN-N011-EA-S11\.md|✖|No readiness files/, 'no file was checked');
      assert.equal(stderr, '');
    }
  });

  it('a path named --help after `--` is a path, not a request for help', () => {
    const { code, stderr } = run(['check', '--', '--help'], repository({}));
    assert.equal(code, 2);
    assert.equal(stderr, 'mlops-readiness: no such file or folder: --help\n');
  });

  it('an option the command does not know, a missing or an extra value: one line in the CLI\'s words, exit 2', () => {
    const dir = repository({});
    const cases: Array<[string[], string]> = [
      [['check', '--bogus'], 'check has no option --bogus (see mlops-readiness --help)'],
      [['report', '-x'], 'report has no option -x (see mlops-readiness --help)'],
      [['check', '--format'], '--format needs a value (see mlops-readiness --help)'],
      [['diff', '-f'], '--format needs a value (see mlops-readiness --help)'],
      [['report', '--today'], '--today needs a value (see mlops-readiness --help)'],
      [['check', '--max-warnings', '--fix'], '--max-warnings needs a value before the next option (a value starting with "-" is written --max-warnings=-…)'],
      [['check', '--fix=yes'], '--fix takes no value'],
      [['init', 'CVN-N011-EA-S11'], 'init takes options only, not "CVN-N011-EA-S11" (see mlops-readiness --help)'],
      [['rules', '--format', 'json'], 'rules takes only --json, not "--format" (see mlops-readiness --help)'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stderr, `mlops-readiness: ${message}\n`, args.join(' '));
      assert.equal(stdout, '');
    }
  });

  it('a command or a format named like a property of every object is unknown, not a crash', () => {
    const dir = repository({});
    const cases: Array<[string[], string]> = [
      [['constructor'], 'unknown command "constructor" (try: check, rules, init, diff, report; see --help)'],
      [['__proto__'], 'unknown command "__proto__" (try: check, rules, init, diff, report; see --help)'],
      [['check', '--format', 'constructor'], 'unknown format "constructor" (use stylish, json, sarif, github, junit)'],
      [['check', '--format', 'toString'], 'unknown format "toString" (use stylish, json, sarif, github, junit)'],
      [['diff', '--format', 'toString'], 'unknown format "toString" for diff (use markdown, json)'],
      [['report', '--format', '__proto__'], 'unknown format "__proto__" for report (use markdown, json, html)'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = run(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stderr, `mlops-readiness: ${message}\n`, args.join(' '));
      assert.equal(stdout, '');
    }
  });

  it('--root of report and init must be a folder that exists, as for check', () => {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': VALID, 'notes.txt': 'x' });
    for (const args of [['report', '--root', 'missing'], ['init', '--story', 'CVN-N1-S1', '--title', 'T', '--owner', '@ana-m', '--root', 'missing']]) {
      const { code, stderr } = run(args, dir);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stderr, 'mlops-readiness: --root: no such folder: missing\n');
    }
    const { code, stderr } = run(['report', '--root', 'notes.txt'], dir);
    assert.equal(code, 2);
    assert.equal(stderr, 'mlops-readiness: --root takes a folder, and notes.txt is a file\n');
  });

  it('--output that cannot be written says why in words, not an error code', () => {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    const cases: Array<[string, string]> = [
      ['documentation', 'cannot write documentation: it is a folder'],
      ['reports/readiness.sarif', 'cannot write reports/readiness.sarif: no such folder: reports'],
    ];
    for (const [output, message] of cases) {
      const { code, stderr } = run(['check', '--format', 'sarif', '--output', output, '--today', TODAY], dir);
      assert.equal(code, 2, output);
      assert.equal(stderr, `mlops-readiness: ${message}\n`);
    }
  });

  it('diff in a repository without a commit says so, and does not suggest fetching HEAD', () => {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-usage-'));
    assert.equal(spawnSync('git', ['init', '-q', dir]).status, 0);
    const { code, stderr } = run(['diff'], dir);
    assert.equal(code, 2);
    assert.equal(stderr, 'mlops-readiness: --base: this repository has no commit yet, so there is nothing to compare with: commit first\n');
  });

  it('a named pipe given as a readiness file is refused at once, not waited on', { skip: process.platform === 'win32' ? 'no mkfifo' : false }, () => {
    const dir = repository({});
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe-readiness.md')]).status, 0);
    for (const command of ['check', 'report']) {
      const result = spawnSync(process.execPath, [CLI, command, 'pipe-readiness.md'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
      assert.equal(result.signal, null, `${command} finished`);
      assert.equal(result.status, 2, command);
      assert.match(result.stderr, /^mlops-readiness: cannot (check|report on) pipe-readiness\.md: it is not a regular file \(a pipe, socket or device\)\n$/);
    }
  });

  it('init --folder naming a file says so, not that the new file already exists', () => {
    const dir = repository({ 'notes.txt': 'x' });
    const { code, stderr } = run(['init', '--story', 'CVN-N1-S1', '--title', 'T', '--owner', '@ana-m', '--folder', 'notes.txt'], dir);
    assert.equal(code, 2);
    assert.equal(stderr, 'mlops-readiness: --folder takes a folder, and notes.txt is a file\n');
    const below = run(['init', '--story', 'CVN-N1-S1', '--title', 'T', '--owner', '@ana-m', '--folder', 'notes.txt/readiness'], dir);
    assert.equal(below.code, 2);
    assert.equal(below.stderr, 'mlops-readiness: cannot write notes.txt/readiness/CVN-N1-S1.md: not a folder\n');
  });

  it('the help names every option init takes', () => {
    const { stdout } = run(['--help'], repository({}));
    const init = stdout.slice(stdout.indexOf('Options for init:'));
    for (const option of ['--story', '--title', '--owner', '--folder', '--today', '--root']) assert.match(init, new RegExp(`^  ${option} `, 'm'), option);
  });
});

describe('CLI usage: a configuration the checker cannot use says why in the author\'s terms', () => {
  const configFinding = (config: string) => {
    const dir = repository({ '.mlops-readiness.json': config, 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    const { code, stdout } = run(['check', '--format', 'json', '--today', TODAY], dir);
    assert.equal(code, 1);
    const file = JSON.parse(stdout).files.find((f: { file: string }) => f.file === '.mlops-readiness.json');
    assert.equal(file.diagnostics.length, 1, JSON.stringify(file.diagnostics));
    return file.diagnostics[0] as { line: number; column: number; code: string; message: string };
  };

  it('broken JSON names the line, the column and what is wrong there, not the parser\'s error code', () => {
    const single = configFinding("{\n  'rules': {}\n}\n");
    assert.deepEqual(
      [single.code, single.line, single.column, single.message],
      ['RDY000', 2, 3, '.mlops-readiness.json: not valid JSON at line 2, column 3: an unexpected character (keys and strings take double quotes)'],
    );
    const unclosed = configFinding('{"rules": {"RDY118": "off"}');
    assert.equal(unclosed.message, '.mlops-readiness.json: not valid JSON at line 1, column 28: a closing "}" is missing');
  });

  it('a config file saved with a byte-order mark is read; an empty one says it is empty', () => {
    const dir = repository({ '.mlops-readiness.json': '\uFEFF{"rules": {"RDY118": "off"}}\n', 'documentation/readiness/CVN-N012-FX-S03.md': readExample('documentation/readiness/CVN-N012-FX-S03.md') });
    const { code, stdout } = run(['check', '--format', 'json', '--today', TODAY], dir);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.files.map((f: { file: string }) => f.file), ['documentation/readiness/CVN-N012-FX-S03.md'], 'no problem on the config file');
    assert.ok(report.files[0].diagnostics.every((d: { code: string }) => d.code !== 'RDY118'), 'its rules apply');
    assert.notEqual(code, 2);
    assert.equal(configFinding('').message, '.mlops-readiness.json: the file is empty; write a JSON object such as {"rules": {}}');
    assert.equal(configFinding('\n  \n').message, '.mlops-readiness.json: the file is empty; write a JSON object such as {"rules": {}}');
  });

  it('in JUnit a configuration file with a problem is a suite of that problem, not of 52 readiness rules it "passed"', () => {
    const dir = repository({ '.mlops-readiness.json': '{"maxFileSize": 0}', 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    const { stdout } = run(['check', '--format', 'junit', '--today', TODAY], dir);
    const suite = /<testsuite name="\.mlops-readiness\.json"[^>]*>([\s\S]*?)<\/testsuite>/.exec(stdout);
    assert.ok(suite, stdout);
    assert.match(suite[0], /^<testsuite name="\.mlops-readiness\.json" tests="1" failures="1" errors="0" skipped="0">/);
    assert.deepEqual([...suite[1]!.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1]), ['RDY000 input']);
    // The readiness file's suite still has a case per rule.
    assert.match(stdout, /<testsuite name="documentation\/readiness\/CVN-N011-EA-S11\.md" tests="52" /);
  });

  it('a negated extglob in "files" is refused once, without the regular-expression engine\'s words', () => {
    const finding = configFinding('{"files": ["**/*readiness*.md", "!(draft).md"]}');
    assert.equal(finding.message, '.mlops-readiness.json: "files.1" is not a glob the checker can match in linear time: negated extglobs such as !(…) are not supported');
  });

  it('a lookahead in a pattern option says what it found, not which parser refused it', () => {
    const finding = configFinding('{"rules": {"RDY101": {"storyIdPattern": "CVN-(?=N)N\\\\d+-S\\\\d+"}}}');
    assert.equal(
      finding.message,
      '.mlops-readiness.json: "rules.RDY101.storyIdPattern" is a pattern the checker cannot run in linear time: lookaheads, backreferences and repeat counts over 1000 are not supported (found `(?=`)',
    );
  });
});
