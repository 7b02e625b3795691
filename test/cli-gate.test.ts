// The pull-request gate features of the CLI (issue 5): SARIF, GitHub annotations, JUnit,
// --output, --fix / --fix-dry-run, --since and init. Every test spawns the BUILT bundle
// (cli/out/cli.js, made by `npm run build`) in a throwaway folder, as CI and pre-commit run it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RULES } from '../server/src/service';
import { escapeData, escapeProperty } from '../cli/src/formatters/github';
import { escapeXml } from '../cli/src/formatters/junit';
import { readFixture, readTemplate, ROOT, TODAY, writeFiles as write } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const TEMPLATE = readTemplate();
/** A defective file whose safe fix adds the missing §6 (RDY002); other findings need a human. */
const FIXABLE = readFixture('cli/fixable-readiness.md');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throwaway repository (a `.git` folder marks the root): `files` by relative path. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-gate-'));
  mkdirSync(join(dir, '.git'));
  write(dir, files);
  return dir;
}


function git(dir: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', '-c', 'commit.gpgsign=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A real git repository on branch main with `files` committed. */
function gitRepository(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-since-'));
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, files);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

const json = (text: string) => JSON.parse(text) as { files: Array<{ file: string; diagnostics: Array<{ code: string; line: number }> }> };
const codes = (stdout: string) => json(stdout).files.flatMap((f) => f.diagnostics.map((d) => d.code));

describe('--format sarif', () => {
  const multitoolDir = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux');
  const multitool = join(multitoolDir, 'Sarif.Multitool');

  before(() => {
    // npm here runs no install scripts, so the package's own `chmod u+x` did not happen.
    if (existsSync(multitool)) chmodSync(multitool, statSync(multitool).mode | 0o100);
  });

  it('writes SARIF 2.1.0 with every rule, relative URIs and 1-based regions', () => {
    const dir = workspace({ 'docs/readiness/CVN-N1-S1.md': TEMPLATE, 'docs/readiness/CVN-N015-CAL-S01.md': FIXABLE });
    const { code, stdout } = run(['check', 'docs', '--format', 'sarif', '--today', TODAY], dir);
    assert.equal(code, 1);
    const log = JSON.parse(stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    assert.equal(driver.name, 'mlops-readiness');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^file:\/\/.*\/README\.md$/, 'the bundled README, unless docsBaseUrl names a home');
    const ids = driver.rules.map((r: { id: string }) => r.id);
    for (const rule of RULES) assert.ok(ids.includes(rule.code), `${rule.code} listed`);
    const p1 = driver.rules.find((r: { id: string }) => r.id === 'RDY201');
    const rule201 = RULES.find((r) => r.code === 'RDY201')!;
    assert.equal(p1.name, 'p1-alert-required');
    assert.ok(p1.shortDescription.text.startsWith(rule201.summary.replace(/\.$/, '')));
    assert.ok(p1.fullDescription.text.startsWith(rule201.rationale.replace(/\.$/, '')));
    assert.match(p1.helpUri, /docs\/rules\/RDY201\.md$/);
    assert.equal(p1.defaultConfiguration.level, 'error');
    assert.deepEqual(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, `file://${dir}/`);

    // The same findings as the JSON report, position for position.
    const report = json(run(['check', 'docs', '--format', 'json', '--today', TODAY], dir).stdout);
    const expected = report.files.flatMap((f) => f.diagnostics.map((d: any) => ({ file: f.file, ...d })));
    assert.equal(sarifRun.results.length, expected.length);
    sarifRun.results.forEach((result: any, i: number) => {
      const want = expected[i];
      assert.equal(result.ruleId, want.code);
      assert.equal(driver.rules[result.ruleIndex].id, want.code);
      assert.equal(result.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[want.severity as string]);
      assert.ok(result.message.text.startsWith(want.message.replace(/\.$/, '')));
      const location = result.locations[0].physicalLocation;
      assert.deepEqual(location.artifactLocation, { uri: want.file, uriBaseId: '%SRCROOT%' });
      assert.deepEqual(location.region, { startLine: want.line, startColumn: want.column, endLine: want.endLine, endColumn: want.endColumn });
    });
  });

  it('passes Microsoft\'s SARIF validator with no error and no warning (GitHub rules on)', { timeout: 180_000 }, (t) => {
    if (!existsSync(multitool)) return t.skip('@microsoft/sarif-multitool has no binary for this platform');
    const dir = workspace({
      'docs/readiness/CVN-N1-S1.md': TEMPLATE,
      'docs/readiness/CVN-N015-CAL-S01.md': FIXABLE,
      // A file name needing percent-encoding in a URI, and a config problem (RDY000 on the config file).
      'docs/readiness/with space #1.md': TEMPLATE,
      '.mlops-readiness.json': '{"rules": {"RDY201": "loud"}}',
    });
    const out = join(dir, 'readiness.sarif');
    const check = run(['check', 'docs', '--format', 'sarif', '--output', out, '--today', TODAY], dir);
    assert.equal(check.code, 1, check.stderr);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    assert.ok(log.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'RDY000'));
    assert.ok(log.runs[0].results.some((r: any) => r.locations[0].physicalLocation.artifactLocation.uri === 'docs/readiness/with%20space%20%231.md'));

    const verdict = join(dir, 'validation.sarif');
    const validate = spawnSync(
      multitool,
      ['validate', out, '--output', verdict, '--rule-kind', 'Sarif;Ghas', '--level', 'Error;Warning', '--log', 'ForceOverwrite'],
      { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' }, timeout: 170_000 },
    );
    assert.equal(validate.status, 0, `${validate.stdout}\n${validate.stderr}`);
    const findings = JSON.parse(readFileSync(verdict, 'utf8')).runs[0].results as Array<{ ruleId: string; level?: string; message: unknown }>;
    const problems = findings.filter((f) => (f.level ?? 'warning') !== 'note' && f.level !== 'none');
    assert.deepEqual(problems.map((f) => `${f.ruleId}: ${JSON.stringify(f.message)}`), []);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding with file, 1-based positions and the rule as title', () => {
    const dir = workspace({ 'docs/readiness/CVN-N1-S1.md': TEMPLATE });
    const { code, stdout } = run(['check', '--format', 'github', '--today', TODAY], dir);
    assert.equal(code, 1);
    const report = json(run(['check', '--format', 'json', '--today', TODAY], dir).stdout);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, report.files[0].diagnostics.length);
    assert.equal(
      lines[0],
      '::error file=docs/readiness/CVN-N1-S1.md,line=1,col=21,endLine=1,endColumn=41,title=RDY001 no-placeholders::' +
        escapeData((report.files[0].diagnostics[0] as any).message),
    );
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=RDY\d{3} [a-z0-9-]+::\S/);
    assert.ok(lines.some((l) => l.startsWith('::warning ')), 'warnings are ::warning');
  });

  it('escapes % CR LF in the message, and also , and : in properties', () => {
    assert.equal(escapeData('50% done\r\nnext: a, b'), '50%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
    const dir = workspace({ 'odd,name:x-readiness.md': TEMPLATE });
    const { stdout } = run(['check', '--format', 'github', '--today', TODAY], dir);
    assert.match(stdout, /^::error file=odd%2Cname%3Ax-readiness\.md,line=1,/m);
  });
});

describe('--format junit', () => {
  it('writes well-formed JUnit XML: a testsuite per file, a testcase per rule, failures carrying the findings', () => {
    const dir = workspace({ 'docs/readiness/CVN-N1-S1.md': TEMPLATE, 'docs/readiness/a&b <"q">-readiness.md': FIXABLE });
    const { code, stdout } = run(['check', 'docs', '--format', 'junit', '--today', TODAY], dir);
    assert.equal(code, 1);
    assert.equal(XMLValidator.validate(stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(stdout);
    const suites = xml.testsuites.testsuite as any[];
    assert.deepEqual(suites.map((s) => s.name).sort(), ['docs/readiness/CVN-N1-S1.md', 'docs/readiness/a&b <"q">-readiness.md']);
    const report = json(run(['check', 'docs', '--format', 'json', '--today', TODAY], dir).stdout);
    for (const suite of suites) {
      assert.equal(suite.testcase.length, RULES.length);
      assert.equal(Number(suite.tests), RULES.length);
      const findings = report.files.find((f) => f.file === suite.name)!.diagnostics as any[];
      const failing = new Set(findings.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code));
      assert.equal(Number(suite.failures), failing.size);
      for (const testcase of suite.testcase) {
        const code = testcase.name.split(' ')[0];
        assert.equal(testcase.failure !== undefined, failing.has(code), `${suite.name} ${testcase.name}`);
        if (testcase.failure) {
          for (const d of findings.filter((f) => f.code === code && f.severity !== 'information')) {
            assert.ok(testcase.failure['#text'].includes(`${suite.name}:${d.line}:${d.column} ${d.severity} ${d.message}`));
          }
        }
      }
    }
    assert.equal(escapeXml('a<b>&"c"\'\u0001', true), 'a&lt;b&gt;&amp;&quot;c&quot;&apos;\uFFFD');
  });
});

describe('--output', () => {
  it('writes the report to a file atomically while the console shows the stylish report', () => {
    const dir = workspace({ 'docs/readiness/CVN-N1-S1.md': TEMPLATE, 'reports/.keep': '' });
    const { code, stdout } = run(['check', 'docs', '--format', 'json', '--output', 'reports/readiness.json', '--today', TODAY], dir);
    assert.equal(code, 1);
    assert.match(stdout, /^docs\/readiness\/CVN-N1-S1\.md\n {2}1:21 +error/m);
    assert.match(stdout, /✖ \d+ problems/);
    const written = json(readFileSync(join(dir, 'reports/readiness.json'), 'utf8'));
    assert.equal(written.files[0].file, 'docs/readiness/CVN-N1-S1.md');
    assert.deepEqual(readdirSync(join(dir, 'reports')).sort(), ['.keep', 'readiness.json'], 'no temporary file left behind');
  });

  it('exits 2 with one line when the file cannot be written', () => {
    const dir = workspace({ 'docs/readiness/CVN-N1-S1.md': TEMPLATE });
    const { code, stderr } = run(['check', 'docs', '--format', 'sarif', '--output', 'missing/folder/out.sarif'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /^mlops-readiness: cannot write missing\/folder\/out\.sarif: no such folder: missing\/folder\n$/);
  });
});

describe('--fix', () => {
  const file = 'docs/readiness/CVN-N015-CAL-S01.md';

  it('applies the safe fixes, writes the file, reports what remains, and a second run changes nothing', () => {
    const dir = workspace({ [file]: FIXABLE });
    assert.ok(codes(run(['check', file, '--format', 'json', '--today', TODAY], dir).stdout).includes('RDY002'));
    const first = run(['check', file, '--fix', '--today', TODAY], dir);
    assert.equal(first.code, 1, 'errors a human must fix remain');
    // Says what each fix did, how many fields it left to fill, and what remains (more errors than before: the
    // inserted section's placeholders).
    assert.match(first.stdout, /^Applied 1 fix in 1 file: docs\/readiness\/CVN-N015-CAL-S01\.md\n {2}docs\/readiness\/CVN-N015-CAL-S01\.md: inserted section "6\. Owner & DRI \(MUST\)": 4 fields to fill\n/);
    const remain = /^(\d+) problems remain \((\d+) errors, \d+ warnings?(, \d+ information)?\)$/m.exec(first.stdout);
    assert.ok(remain, first.stdout);
    assert.equal(Number(remain[2]), JSON.parse(run(['check', file, '--format', 'json', '--today', TODAY], dir).stdout).summary.errors);
    assert.doesNotMatch(first.stdout, /RDY002/);
    assert.match(first.stdout, /RDY104/);
    const fixed = readFileSync(join(dir, file), 'utf8');
    assert.match(fixed, /^## 6\. Owner & DRI \(MUST\)$/m);
    assert.deepEqual(readdirSync(join(dir, 'docs/readiness')), ['CVN-N015-CAL-S01.md'], 'no temporary file left behind');

    // Idempotent: nothing left to fix, so the file is not written at all (its mtime stays).
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(join(dir, file), past, past);
    const second = run(['check', file, '--fix', '--today', TODAY], dir);
    assert.equal(second.code, 1);
    assert.doesNotMatch(second.stdout, /^Applied/m);
    assert.match(second.stdout, /^No safe fix applies: each problem below needs your answer \(a value, a reason or a choice\)\n\n\S/);
    assert.equal(readFileSync(join(dir, file), 'utf8'), fixed);
    assert.equal(statSync(join(dir, file)).mtimeMs, past.getTime());
    assert.equal(run(['check', file, '--fix-dry-run', '--today', TODAY], dir).stdout, '');
  });

  it('keeps CRLF line ends and a BOM', () => {
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXABLE.replace(/\r?\n/g, '\r\n'), 'utf8')]);
    const dir = workspace({ [file]: crlf });
    assert.equal(run(['check', file, '--fix', '--today', TODAY], dir).code, 1);
    const bytes = readFileSync(join(dir, file));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
    const text = bytes.subarray(3).toString('utf8');
    assert.match(text, /\r\n## 6\. Owner & DRI \(MUST\)\r\n/);
    assert.doesNotMatch(text, /(^|[^\r])\n/, 'no bare LF');
    assert.doesNotMatch(text, /^\uFEFF/, 'one BOM only');
    // The same fix as on the LF file, line for line.
    const lf = workspace({ [file]: FIXABLE });
    run(['check', file, '--fix', '--today', TODAY], lf);
    assert.equal(text.replace(/\r\n/g, '\n'), readFileSync(join(lf, file), 'utf8'));
    const before = bytes;
    run(['check', file, '--fix', '--today', TODAY], dir);
    assert.deepEqual(readFileSync(join(dir, file)), before, 'second run changes nothing');
  });

  it('keeps the file mode and never writes a file with nothing to fix', () => {
    const dir = workspace({ [file]: FIXABLE, 'docs/readiness/CVN-N1-S1.md': TEMPLATE.replace(/- \[ \]/g, '- [x]') });
    chmodSync(join(dir, file), 0o640);
    const past = new Date('2020-01-01T00:00:00Z');
    const untouched = join(dir, 'docs/readiness/CVN-N1-S1.md');
    // Find out first whether the template has a safe fix: only a file without one must keep its mtime.
    const dry = run(['check', 'docs/readiness/CVN-N1-S1.md', '--fix-dry-run', '--today', TODAY], dir);
    utimesSync(untouched, past, past);
    run(['check', 'docs', '--fix', '--today', TODAY], dir);
    assert.equal(statSync(join(dir, file)).mode & 0o777, 0o640);
    if (dry.stdout === '') assert.equal(statSync(untouched).mtimeMs, past.getTime());
    else assert.notEqual(statSync(untouched).mtimeMs, past.getTime());
  });

  it('fixes the file a symlink points to and keeps the link', () => {
    const dir = workspace({ 'shared/CVN-N015-CAL-S01.md': FIXABLE });
    mkdirSync(join(dir, 'docs/readiness'), { recursive: true });
    symlinkSync(join(dir, 'shared/CVN-N015-CAL-S01.md'), join(dir, file));
    run(['check', file, '--fix', '--today', TODAY], dir);
    assert.ok(lstatSync(join(dir, file)).isSymbolicLink());
    assert.match(readFileSync(join(dir, 'shared/CVN-N015-CAL-S01.md'), 'utf8'), /^## 6\. Owner & DRI/m);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = workspace({ [file]: FIXABLE });
    const { code, stdout } = run(['check', file, '--fix-dry-run', '--today', TODAY], dir);
    assert.equal(code, 1, 'exit 1 when there is a diff');
    assert.equal(readFileSync(join(dir, file), 'utf8'), FIXABLE);
    const lines = stdout.split('\n');
    assert.equal(lines[0], `--- a/${file}`);
    assert.equal(lines[1], `+++ b/${file}`);
    assert.match(lines[2]!, /^@@ -\d+,\d+ \+\d+,\d+ @@$/);
    assert.ok(lines.includes('+## 6. Owner & DRI (MUST)'));
    assert.ok(lines.filter((l) => l.startsWith('-') && !l.startsWith('---')).length === 0, 'the fix only adds lines');
    // The diff, applied with git, gives exactly what --fix writes.
    writeFileSync(join(dir, 'fix.patch'), stdout);
    git(dir, 'apply', '--unsafe-paths', 'fix.patch');
    const patched = readFileSync(join(dir, file), 'utf8');
    const other = workspace({ [file]: FIXABLE });
    run(['check', file, '--fix', '--today', TODAY], other);
    assert.equal(patched, readFileSync(join(other, file), 'utf8'));
  });

  it('rejects --fix with --fix-dry-run, and --fix-dry-run with a --format', () => {
    const dir = workspace({ [file]: FIXABLE });
    assert.equal(run(['check', '--fix', '--fix-dry-run'], dir).code, 2);
    const both = run(['check', '--fix-dry-run', '--format', 'json'], dir);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--fix-dry-run prints a diff/);
  });
});

describe('--since', () => {
  it('checks only readiness files changed since the ref, committed or not', () => {
    const dir = gitRepository({ 'docs/readiness/a-readiness.md': TEMPLATE, 'docs/readiness/b-readiness.md': TEMPLATE, 'docs/readiness/c-readiness.md': TEMPLATE });
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(join(dir, 'docs/readiness/b-readiness.md'), TEMPLATE + '\n');
    git(dir, 'commit', '-q', '-am', 'b changed');
    writeFileSync(join(dir, 'docs/readiness/c-readiness.md'), TEMPLATE + '\n\n'); // unstaged
    writeFileSync(join(dir, 'docs/readiness/d-readiness.md'), TEMPLATE); // untracked
    const { code, stdout } = run(['check', '--since', 'main', '--format', 'json', '--today', TODAY], dir);
    assert.equal(code, 1);
    assert.deepEqual(json(stdout).files.map((f) => f.file).sort(), ['docs/readiness/b-readiness.md', 'docs/readiness/c-readiness.md', 'docs/readiness/d-readiness.md']);
    // A path narrows the set further; git runs in the repository of the path given.
    const narrowed = run(['check', join(dir, 'docs/readiness/a-readiness.md'), '--since', 'main'], tmpdir());
    assert.equal(narrowed.code, 0);
    assert.match(narrowed.stdout, /No readiness files changed since main found/);
  });

  it('exits 2 with one clear line for a bad ref or outside a repository', () => {
    const dir = gitRepository({ 'x-readiness.md': TEMPLATE });
    const bad = run(['check', '--since', 'no-such-branch'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^mlops-readiness: --since: "no-such-branch" is not a commit in this repository.*\n$/);
    const option = run(['check', '--since', '--output=x'], dir);
    assert.equal(option.code, 2);
    assert.equal(option.stderr.split('\n').length, 2);
    const outside = run(['check', '--since', 'main'], workspace({ 'x-readiness.md': TEMPLATE }));
    // A `.git` folder that is not a repository: git itself says no.
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /^mlops-readiness: --since needs a git repository/);
  });
});

describe('init', () => {
  it('writes <folder>/<story>.md from the engine scaffold, and refuses to overwrite', () => {
    const dir = workspace({});
    const args = ['init', '--story', 'CVN-N020-XY-S01', '--title', 'New signal', '--owner', '@ana-m', '--today', TODAY];
    const created = run(args, dir);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /^Created documentation\/readiness\/CVN-N020-XY-S01\.md/);
    const text = readFileSync(join(dir, 'documentation/readiness/CVN-N020-XY-S01.md'), 'utf8');
    assert.match(text, /^# MLOps readiness — CVN-N020-XY-S01 New signal$/m);
    assert.match(text, /^\*\*Owner\*\*: @ana-m/m);
    assert.match(text, new RegExp(`^\\*\\*Filled on\\*\\*: ${TODAY}$`, 'm'));
    // The new file is a readiness file the checker reads (placeholders still to fill).
    assert.ok(codes(run(['check', '--format', 'json', '--today', TODAY], dir).stdout).includes('RDY001'));

    writeFileSync(join(dir, 'documentation/readiness/CVN-N020-XY-S01.md'), 'mine');
    const again = run(args, dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists: not overwritten/);
    assert.equal(readFileSync(join(dir, 'documentation/readiness/CVN-N020-XY-S01.md'), 'utf8'), 'mine');

    const folder = run([...args.slice(0, 1), '--folder', 'other', ...args.slice(1)], dir);
    assert.equal(folder.code, 0);
    assert.ok(existsSync(join(dir, 'other/CVN-N020-XY-S01.md')));
  });

  it('validates the story id (configured pattern) and the handle', () => {
    const dir = workspace({});
    const story = run(['init', '--story', 'JIRA-12', '--title', 't', '--owner', '@ana-m'], dir);
    assert.equal(story.code, 2);
    assert.match(story.stderr, /--story "JIRA-12" is not a story id/);
    const handle = run(['init', '--story', 'CVN-N1-S1', '--title', 't', '--owner', 'ana m'], dir);
    assert.equal(handle.code, 2);
    assert.match(handle.stderr, /is not a GitHub handle/);
    assert.equal(run(['init', '--story', 'CVN-N1-S1'], dir).code, 2);

    const configured = workspace({ '.mlops-readiness.json': '{"rules": {"RDY101": {"storyIdPattern": "JIRA-\\\\d+"}}}' });
    const ok = run(['init', '--story', 'JIRA-12', '--title', 't', '--owner', '@ana-m', '--today', TODAY], configured);
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(existsSync(join(configured, 'documentation/readiness/JIRA-12.md')));
  });
});

describe('help', () => {
  it('documents every gate flag and command', () => {
    const { stdout } = run(['--help'], tmpdir());
    for (const word of ['sarif', 'github', 'junit', '--output', '--fix', '--fix-dry-run', '--since', 'init', '--story', '--owner', '--folder', 'rules']) {
      assert.ok(stdout.includes(word), word);
    }
  });
});
