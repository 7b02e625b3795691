// The built CLI (cli/out/cli.js) against a hostile repository: a configured pattern or glob that
// would backtrack forever, files over the size limit, --output and --root naming the wrong thing,
// unreadable folders, symlinks out of the root, control characters, a README that mentions
// readiness, SARIF from a sub-folder, and the small usage holes. docs/security.md lists them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { RULES } from '../server/src/service';
import { readFixture, ROOT, TODAY, writeFiles as write } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const VALID = readFileSync(join(ROOT, 'examples/documentation/readiness/CVN-N011-EA-S11.md'), 'utf8');
const FIXABLE = readFixture('cli/fixable-readiness.md');
/** Root ignores file permissions: the permission tests run the CLI as `nobody` then. */
const AS_ROOT = process.getuid?.() === 0;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, options: { asNobody?: boolean } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    // A check that backtracks forever is killed here, and the test fails on its null exit code.
    timeout: 30_000,
    ...(options.asNobody && AS_ROOT ? { uid: 65534, gid: 65534 } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
after(() => {
  for (const dir of made) {
    chmodAll(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

function chmodAll(dir: string): void {
  try {
    chmodSync(dir, 0o755);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) chmodAll(join(dir, entry.name));
  } catch {
    // Already gone.
  }
}

/** A throwaway repository (`.git` marks the root), readable by everyone, with `files` by relative path. */
function repository(files: Record<string, string | Buffer>): string {
  const base = mkdtempSync(join(tmpdir(), 'readiness-hardening-'));
  made.push(base);
  chmodSync(base, 0o755);
  const dir = join(base, 'repo');
  mkdirSync(join(dir, '.git'), { recursive: true });
  write(dir, files);
  return dir;
}


function json(stdout: string): { files: Array<{ file: string; diagnostics: Array<{ code: string; severity: string; message: string; line: number }> }> } {
  return JSON.parse(stdout);
}

const withTitle = (title: string) => VALID.replace(/^# .*$/m, `# ${title}`);

describe('CLI hardening: configured patterns run in linear time (hole 1)', () => {
  const evilTitle = `MLOps readiness — ${'a'.repeat(40)}!`;

  it('"(a+)+$" against 40 a\'s and a "!" finishes with the right finding', () => {
    const dir = repository({
      '.mlops-readiness.json': JSON.stringify({ rules: { RDY101: { storyIdPattern: '(a+)+$' } } }),
      'documentation/readiness/evil.md': withTitle(evilTitle),
    });
    const { code, stdout, stderr } = run(['check', '--format', 'json', '--today', TODAY], dir);
    assert.notEqual(code, null, 'the check finished (it was not killed by the timeout)');
    assert.equal(code, 1, stderr);
    const [file] = json(stdout).files;
    const rdy101 = file!.diagnostics.filter((d) => d.code === 'RDY101');
    assert.equal(rdy101.length, 1, JSON.stringify(file!.diagnostics));
    assert.match(rdy101[0]!.message, /"a{40}!" is not a story id \(matching \/\(a\+\)\+\$\/\)/);
  });

  it('the same pattern still matches what it should (a title with a story id of a\'s)', () => {
    const dir = repository({
      '.mlops-readiness.json': JSON.stringify({ rules: { RDY101: { storyIdPattern: '(a+)+' }, RDY102: 'off' } }),
      'documentation/readiness/ok.md': withTitle(`MLOps readiness — ${'a'.repeat(40)} Title`),
    });
    const { code, stdout } = run(['check', '--format', 'json', '--today', TODAY], dir);
    assert.notEqual(code, null);
    assert.deepEqual(json(stdout).files[0]!.diagnostics.filter((d) => d.code === 'RDY101'), []);
  });

  it('a pattern RE2 cannot run (a lookahead, a backreference) is an RDY000 error naming the key; the default applies', () => {
    const dir = repository({
      '.mlops-readiness.json': JSON.stringify({ rules: { RDY101: { storyIdPattern: '(?=CVN)CVN-\\d+' }, RDY102: { issuePattern: '(#)\\1' } } }),
      'documentation/readiness/CVN-N011-EA-S11.md': VALID,
    });
    const { code, stdout } = run(['check', '--format', 'json', '--today', TODAY], dir);
    assert.equal(code, 1);
    const files = json(stdout).files;
    const config = files.find((f) => f.file === '.mlops-readiness.json')!;
    assert.deepEqual(
      config.diagnostics.map((d) => [d.code, d.severity, /^\.mlops-readiness\.json: "([^"]+)" is a pattern the checker cannot run in linear time/.exec(d.message)?.[1]]),
      [
        ['RDY000', 'error', 'rules.RDY101.storyIdPattern'],
        ['RDY000', 'error', 'rules.RDY102.issuePattern'],
      ],
    );
    const header = files.find((f) => f.file.endsWith('CVN-N011-EA-S11.md'))!.diagnostics.filter((d) => d.code === 'RDY101' || d.code === 'RDY102');
    assert.deepEqual(header, [], 'the default patterns check the valid header as valid');
  });

  it('configured globs cannot hang it either: many stars and extglobs finish; a negated extglob is refused on its key', () => {
    const name = `${'a'.repeat(60)}.md`;
    const dir = repository({
      '.mlops-readiness.json': JSON.stringify({ files: ['*a*a*a*a*a*a*a*a*a*a*a*a*ab.md', '*(a*)*b.md', '!(x).md'] }),
      [name]: '# Notes\n',
      'documentation/readiness/CVN-N011-EA-S11.md': VALID,
    });
    const { code, stdout } = run(['check', '--format', 'json', '--today', TODAY], dir);
    assert.notEqual(code, null, 'finished');
    const config = json(stdout).files.find((f) => f.file === '.mlops-readiness.json')!;
    assert.equal(config.diagnostics.length, 1, JSON.stringify(config.diagnostics));
    assert.match(config.diagnostics[0]!.message, /"files\.2" is not a glob the checker can match in linear time/);
    assert.ok(!json(stdout).files.some((f) => f.file === name), 'the long name matches none of the globs');
  });
});

describe('CLI hardening: a file over the size limit does not pass (hole 2)', () => {
  const big = (bytes: number) => {
    const head = '# MLOps readiness — CVN-N1-S1 big\n';
    return head + 'x'.repeat(bytes - Buffer.byteLength(head));
  };

  it('is an error by default, a warning when configured so; the sizes in the message differ', () => {
    const dir = repository({ '.mlops-readiness.json': '{"maxFileSize": 1048576}', 'big-readiness.md': big(1048577) });
    const failed = run(['check', 'big-readiness.md', '--format', 'json'], dir);
    assert.equal(failed.code, 1, failed.stderr);
    const [diagnostic] = json(failed.stdout).files[0]!.diagnostics;
    assert.equal(diagnostic!.severity, 'error');
    assert.match(diagnostic!.message, /^File not checked: it is 1,048,577 bytes, over the 1,048,576-byte limit/);

    writeFileSync(join(dir, '.mlops-readiness.json'), '{"maxFileSize": 1048576, "maxFileSizeSeverity": "warning"}');
    const warned = run(['check', 'big-readiness.md', '--format', 'json'], dir);
    assert.equal(warned.code, 0, warned.stderr);
    assert.equal(json(warned.stdout).files[0]!.diagnostics[0]!.severity, 'warning');
  });

  it('JUnit marks every rule of the file skipped and the input case failed, never passed', () => {
    const dir = repository({ 'big-readiness.md': big(2 * 1024 * 1024) });
    const { code, stdout } = run(['check', 'big-readiness.md', '--format', 'junit'], dir);
    assert.equal(code, 1);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(stdout);
    const suite = xml.testsuites.testsuite;
    assert.equal(Number(suite.skipped), RULES.length);
    const cases = [suite.testcase].flat() as Array<{ name: string; skipped?: { message: string }; failure?: unknown }>;
    const passed = cases.filter((c) => c.skipped === undefined && c.failure === undefined);
    assert.deepEqual(passed.map((c) => c.name), [], 'no test case passes');
    assert.ok(cases.filter((c) => c.skipped).every((c) => /File not checked/.test(c.skipped!.message)));
    assert.ok(cases.some((c) => c.name === 'RDY000 input' && c.failure !== undefined));
  });

  it('SARIF gives an error result and a tool notification that the file was not checked', () => {
    const dir = repository({ 'big-readiness.md': big(2 * 1024 * 1024) });
    const { stdout } = run(['check', 'big-readiness.md', '--format', 'sarif'], dir);
    const sarif = JSON.parse(stdout).runs[0];
    assert.deepEqual(sarif.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]), [['RDY000', 'error']]);
    const [notification] = sarif.invocations[0].toolExecutionNotifications;
    assert.equal(notification.level, 'error');
    assert.match(notification.message.text, /File not checked/);
    assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, 'big-readiness.md');
  });
});

describe('CLI hardening: paths on the command line (holes 3, 4, 5)', () => {
  it('--output naming a file being checked is refused with exit 2, the file untouched', () => {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    for (const args of [
      ['check', 'documentation/readiness/CVN-N011-EA-S11.md', '--output', 'documentation/readiness/CVN-N011-EA-S11.md'],
      ['check', '.', '--format', 'json', '--output', './documentation/readiness/CVN-N011-EA-S11.md'],
    ]) {
      const { code, stderr } = run([...args, '--today', TODAY], dir);
      assert.equal(code, 2, stderr);
      assert.match(stderr, /--output .*CVN-N011-EA-S11\.md is one of the files being checked/);
      assert.equal(readFileSync(join(dir, 'documentation/readiness/CVN-N011-EA-S11.md'), 'utf8'), VALID);
    }
  });

  it('--root naming a folder that does not exist, or a file, is refused with exit 2', () => {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    const missing = run(['check', '--root', 'no-such-folder', '--today', TODAY], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'mlops-readiness: --root: no such folder: no-such-folder\n');
    const file = run(['check', '--root', 'documentation/readiness/CVN-N011-EA-S11.md', '--today', TODAY], dir);
    assert.equal(file.code, 2);
    assert.match(file.stderr, /--root takes a folder/);
  });

  it('a folder it cannot read: named or found, it says so and exits 2; a path below it is a permission error, not "no such file"', () => {
    const dir = repository({ 'secret/CVN-N011-EA-S11-readiness.md': VALID, 'open/CVN-N011-EA-S11.md': VALID });
    chmodSync(join(dir, 'secret'), 0);
    const named = run(['check', 'secret', '--today', TODAY], dir, { asNobody: true });
    assert.equal(named.code, 2, named.stdout + named.stderr);
    assert.equal(named.stderr, 'mlops-readiness: cannot search secret: permission denied\n');
    assert.doesNotMatch(named.stdout, /No readiness files/);

    const found = run(['check', '.', '--today', TODAY], dir, { asNobody: true });
    assert.equal(found.code, 2);
    assert.match(found.stderr, /cannot search secret: permission denied/);

    const below = run(['check', 'secret/CVN-N011-EA-S11-readiness.md', '--today', TODAY], dir, { asNobody: true });
    assert.equal(below.code, 2);
    assert.equal(below.stderr, 'mlops-readiness: cannot read secret/CVN-N011-EA-S11-readiness.md: permission denied\n');
  });
});

describe('CLI hardening: symlinks (hole 6)', () => {
  function linked() {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    const outside = join(dirname(dir), 'outside');
    write(outside, { 'documentation/readiness/CVN-N099-OUT-S01.md': FIXABLE });
    symlinkSync(outside, join(dir, 'linked-outside'));
    symlinkSync(dir, join(dir, 'documentation/loop'));
    return { dir, outside };
  }

  it('a folder search enters no symlinked folder: nothing outside is checked, no file twice', () => {
    const { dir } = linked();
    const { code, stdout, stderr } = run(['check', '.', '--format', 'json', '--today', TODAY], dir);
    assert.equal(code, 0, stderr);
    assert.deepEqual(json(stdout).files.map((f) => f.file), ['documentation/readiness/CVN-N011-EA-S11.md']);
  });

  it('a symlinked readiness file leading outside the root is not read: it says so and exits 2', () => {
    const { dir, outside } = linked();
    symlinkSync(join(outside, 'documentation/readiness/CVN-N099-OUT-S01.md'), join(dir, 'documentation/readiness/CVN-N099-OUT-S01.md'));
    const { code, stdout, stderr } = run(['check', '.', '--format', 'json', '--today', TODAY], dir);
    assert.equal(code, 2);
    assert.match(stderr, /cannot check documentation\/readiness\/CVN-N099-OUT-S01\.md: it links outside the workspace root/);
    assert.deepEqual(json(stdout).files.map((f) => f.file), ['documentation/readiness/CVN-N011-EA-S11.md']);
  });

  it('--fix never writes through a link to a file outside the root', () => {
    const { dir, outside } = linked();
    const target = join(outside, 'documentation/readiness/CVN-N099-OUT-S01.md');
    symlinkSync(target, join(dir, 'documentation/readiness/CVN-N099-OUT-S01.md'));
    const { code, stderr } = run(['check', 'documentation/readiness/CVN-N099-OUT-S01.md', '--fix', '--today', TODAY], dir);
    assert.equal(code, 2);
    assert.match(stderr, /not fixing documentation\/readiness\/CVN-N099-OUT-S01\.md: it links to .*outside the workspace root/);
    assert.equal(readFileSync(target, 'utf8'), FIXABLE, 'the file outside is untouched');
    assert.ok(!readdirSync(dirname(target)).some((name) => name.endsWith('.tmp')));
  });

  it('init never writes through a linked folder to a place outside the root', () => {
    const dir = repository({ 'README.md': '# repo\n' });
    const outside = join(dirname(dir), 'init-outside');
    mkdirSync(outside, { recursive: true });
    mkdirSync(join(dir, 'documentation'), { recursive: true });
    symlinkSync(outside, join(dir, 'documentation/readiness'));
    const { code, stderr } = run(['init', '--story', 'CVN-N011-EA-S11', '--title', 'EA signal v2', '--owner', '@ana-m'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /not writing documentation\/readiness\/CVN-N011-EA-S11\.md: its folder leads to .*init-outside, outside the workspace root/);
    assert.deepEqual(readdirSync(outside), [], 'nothing written outside');
    const inside = run(['init', '--story', 'CVN-N011-EA-S11', '--title', 'EA signal v2', '--owner', '@ana-m', '--folder', 'docs/readiness'], dir);
    assert.equal(inside.code, 0, inside.stderr);
    assert.ok(existsSync(join(dir, 'docs/readiness/CVN-N011-EA-S11.md')));
  });

  it('the same file named twice (directly and through a link inside the root) is checked once', () => {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    symlinkSync(join(dir, 'documentation/readiness/CVN-N011-EA-S11.md'), join(dir, 'alias-readiness.md'));
    const { stdout } = run(['check', 'alias-readiness.md', 'documentation/readiness/CVN-N011-EA-S11.md', '.', '--format', 'json', '--today', TODAY], dir);
    assert.equal(json(stdout).files.length, 1, stdout);
  });
});

describe('CLI hardening: control characters from a file (hole 7)', () => {
  // The title's first word is quoted in RDY101's message; the file name (with VT and BEL) heads the findings.
  const hostile = withTitle('MLOps readiness — \x1b[2J\x1b[31mEVIL\x07%0A::error::pwned rest');
  const name = 'documentation/readiness/evil\x0b\x07.md';

  it('stylish prints them escaped, never raw', () => {
    const dir = repository({ [name]: hostile });
    const { stdout } = run(['check', '--today', TODAY], dir);
    assert.match(stdout, /^documentation\/readiness\/evil\\x0B\\x07\.md$/m);
    assert.match(stdout, /"\\x1B\[2J\\x1B\[31mEVIL\\x07%0A::error::pwned" is not a story id/);
    assert.doesNotMatch(stdout, /[\x00-\x08\x0b-\x1f\x7f]/, 'no raw control character');
  });

  it('GitHub annotations escape them and cannot start another workflow command', () => {
    const dir = repository({ [name]: hostile });
    const { stdout } = run(['check', '--format', 'github', '--today', TODAY], dir);
    assert.doesNotMatch(stdout, /[\x00-\x08\x0b-\x1f\x7f]/);
    const lines = stdout.trimEnd().split('\n');
    assert.ok(lines.every((line) => /^::(error|warning|notice) file=documentation\/readiness\/evil\\x0B\\x07\.md,line=\d+,/.test(line)), stdout);
    const title = lines.find((line) => line.includes('EVIL'))!;
    // `%` escaped as %25: the runner does not turn the file's "%0A" into a line break.
    assert.match(title, /::"\\x1B\[2J\\x1B\[31mEVIL\\x07%250A::error::pwned" is not a story id/);
  });

  it('a file name starting with "::" does not start a line in stylish', () => {
    const dir = repository({ '::warning::x-readiness.md': FIXABLE });
    const { stdout } = run(['check', '--today', TODAY], dir);
    assert.ok(!stdout.split('\n').some((line) => line.startsWith('::')), stdout);
    assert.match(stdout, /^\.\/::warning::x-readiness\.md$/m);
  });
});

describe('CLI hardening: what is a readiness file (hole 8)', () => {
  it("the project's own README is not one", () => {
    const { code, stdout } = run(['check', 'README.md', '--today', TODAY], ROOT);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      'No readiness files found in README.md\n' +
        'A readiness file matches "files" in .mlops-readiness.json (default **/*readiness*.md and **/readiness/**/*.md), ' +
        'is titled "# MLOps readiness — <story id> <title>", or has three of the template\'s sections.\n',
    );
  });

  it('a file is one by the title shape or by several template sections, not by the words "MLOps readiness"', () => {
    const dir = repository({
      'README.md': '# MLOps Readiness\n\nChecks readiness files.\n\n## Configuration\n',
      'notes/titled.md': withTitle('MLOps readiness – CVN-N011-EA-S11 Label smoothing'),
      'notes/structured.md': '# Draft\n\n## 1. Production monitoring (MUST)\n\n## 2. Alerting & runbooks (MUST)\n\n## 5. Rollback plan (MUST)\n',
      'notes/fenced.md': '# About\n\n```markdown\n## 1. Production monitoring\n## 2. Alerting\n## 3. Drift detection\n```\n',
    });
    const { stdout } = run(['check', '.', '--format', 'json', '--today', TODAY], dir);
    assert.deepEqual(json(stdout).files.map((f) => f.file).sort(), ['notes/structured.md', 'notes/titled.md']);
  });
});

describe('CLI hardening: SARIF from a sub-folder (hole 9)', () => {
  it('%SRCROOT% is the repository root and paths are relative to it', () => {
    const dir = repository({
      'examples/.mlops-readiness.json': '{"rules": {}}',
      'examples/documentation/readiness/CVN-N012-FX-S03.md': FIXABLE,
    });
    const { stdout } = run(['check', 'examples', '--format', 'sarif', '--today', TODAY], dir);
    const sarif = JSON.parse(stdout).runs[0];
    assert.equal(sarif.originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(dir).href + '/');
    const uris = new Set(sarif.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris], ['examples/documentation/readiness/CVN-N012-FX-S03.md']);
  });
});

describe('CLI hardening: small things (hole 10)', () => {
  it('bare mlops-readiness prints the usage to stderr and exits 2', () => {
    const { code, stdout, stderr } = run([], ROOT);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^mlops-readiness .*\n\nUsage:/);
  });

  it('--max-warnings -1 means no limit (as in ESLint); -2 is refused with a clear message', () => {
    // Without its runbooks, the valid example has warnings (RDY206) and no error.
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': VALID });
    const warnings = run(['check', '--format', 'json', '--today', TODAY], dir);
    const count = json(warnings.stdout).files[0]!.diagnostics.filter((d) => d.severity === 'warning').length;
    const errors = json(warnings.stdout).files[0]!.diagnostics.filter((d) => d.severity === 'error').length;
    assert.ok(count > 0 && errors === 0, 'the file has warnings only');
    assert.equal(run(['check', '--max-warnings', '0', '--today', TODAY], dir).code, 1);
    assert.equal(run(['check', '--max-warnings', '-1', '--today', TODAY], dir).code, 0);
    assert.equal(run(['check', '--max-warnings=-1', '--today', TODAY], dir).code, 0);
    const refused = run(['check', '--max-warnings', '-2', '--today', TODAY], dir);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'mlops-readiness: --max-warnings takes a whole number ≥ 0, or -1 for no limit\n');
  });

  it('--fix removes the temporary files a killed --fix left (ours, of a dead process), and only those', () => {
    const dir = repository({ 'documentation/readiness/CVN-N011-EA-S11.md': FIXABLE });
    const folder = join(dir, 'documentation/readiness');
    const dead = findDeadPid();
    const stale = `.CVN-N011-EA-S11.md.${dead}.0123abcd.tmp`;
    const live = `.CVN-N011-EA-S11.md.${process.pid}.0123abcd.tmp`;
    const notOurs = ['.CVN-N011-EA-S11.md.tmp', `.notes.${dead}.xyz.tmp`, `CVN.${dead}.0123abcd.tmp`];
    for (const name of [stale, live, ...notOurs]) writeFileSync(join(folder, name), 'partial');
    const { code, stderr } = run(['check', '--fix', '--today', TODAY], dir);
    assert.notEqual(code, 2, stderr);
    assert.ok(!existsSync(join(folder, stale)), 'the stale one is gone');
    for (const name of [live, ...notOurs]) assert.ok(existsSync(join(folder, name)), `${name} is kept`);
  });
});

/** A process id no process has now. */
function findDeadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}
