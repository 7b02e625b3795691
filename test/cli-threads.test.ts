// The built CLI checking many files on several threads (MLOPS_READINESS_THREADS forces the count)
// prints exactly what one thread prints: files and findings in the same order, the same config
// problems once each, the same failures, the same exit code, in every format.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ROOT, TODAY } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const EXAMPLES = join(ROOT, 'examples/documentation/readiness');
const dirs: string[] = [];
let runs = 0;

after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * 90 readiness files of four kinds in two teams' folders (one team with a config file whose
 * problems every one of its files reports), a binary file among them and a Markdown file that is
 * not a readiness file.
 */
function manyFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-threads-'));
  dirs.push(dir);
  mkdirSync(join(dir, '.git'));
  const examples = ['CVN-N011-EA-S11.md', 'CVN-N012-FX-S03.md', 'CVN-N014-LB-S02.md', 'CVN-N015-CAL-S01.md'].map((name) => readFileSync(join(EXAMPLES, name), 'utf8'));
  for (const team of ['team-a', 'team-b']) mkdirSync(join(dir, 'documentation/readiness', team), { recursive: true });
  writeFileSync(join(dir, 'documentation/readiness/team-b/.mlops-readiness.json'), JSON.stringify({ rules: { 'no-such-rule': 'warning' }, maxFileSize: 'big' }));
  for (let i = 0; i < 90; i++) {
    const team = i % 3 === 0 ? 'team-b' : 'team-a';
    let text = examples[i % examples.length]!;
    // Findings that differ from file to file: a placeholder in some, a section missing in others.
    if (i % 5 === 1) text = text.replace(/^(\|[^\n]*\|[^\n]*)\|\s*$/m, '$1| <fill in> |');
    if (i % 7 === 2) text = text.replace(/\n## 3\.[\s\S]*?(?=\n## 4\.)/, '\n');
    writeFileSync(join(dir, 'documentation/readiness', team, `CVN-N${String(i).padStart(3, '0')}-EA-S1.md`), text);
  }
  writeFileSync(join(dir, 'documentation/readiness/team-a/CVN-N045-EA-S9.md'), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, 'documentation/notes.md'), '# Notes\n\nNot a readiness file.\n');
  return dir;
}

function run(dir: string, threads: number, args: string[]) {
  const log = join(dir, `workers-${++runs}.log`);
  // A preload that notes every worker thread started with a share of the check.
  const preload = join(dir, 'note-workers.cjs');
  writeFileSync(
    preload,
    `const w = require('node:worker_threads'); if (!w.isMainThread && w.workerData && w.workerData.mlopsReadinessCheck) require('node:fs').appendFileSync(${JSON.stringify(log)}, 'worker\\n');`,
  );
  const result = spawnSync(process.execPath, [CLI, 'check', 'documentation', '--today', TODAY, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MLOPS_READINESS_THREADS: String(threads), NODE_OPTIONS: `--require ${preload}` },
  });
  let workers = 0;
  try {
    workers = readFileSync(log, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    workers = 0;
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, workers };
}

describe('mlops-readiness check on several threads', () => {
  const dir = manyFiles();

  for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'junit']]) {
    it(`prints what one thread prints: ${args.length ? args.join(' ') : 'stylish'}`, () => {
      const one = run(dir, 1, args);
      assert.equal(one.workers, 0);
      // The run checks what it should: exit 2 (the binary file is a failure), every readiness file reported.
      assert.equal(one.code, 2, one.stderr);
      assert.match(one.stderr, /CVN-N045-EA-S9\.md: it is a binary file/);
      for (const threads of [2, 3]) {
        const many = run(dir, threads, args);
        assert.equal(many.workers, threads - 1, `${threads} threads: ${threads - 1} workers`);
        assert.equal(many.stdout, one.stdout, `${threads} threads: stdout`);
        assert.equal(many.stderr, one.stderr, `${threads} threads: stderr`);
        assert.equal(many.code, one.code, `${threads} threads: exit code`);
      }
    });
  }

  it('reports the files in order and a shared config file once, with each of its problems once', () => {
    const { stdout, workers } = run(dir, 2, ['--format', 'json']);
    assert.equal(workers, 1);
    const report = JSON.parse(stdout) as { files: Array<{ file: string; diagnostics: Array<{ message: string }> }> };
    const names = report.files.map((file) => file.file);
    const readiness = names.filter((name) => name.endsWith('-EA-S1.md'));
    assert.equal(readiness.length, 90);
    assert.deepEqual(readiness, [...readiness].sort());
    const config = report.files.filter((file) => file.file.endsWith('.mlops-readiness.json'));
    assert.equal(config.length, 1);
    assert.equal(config[0]!.file, 'documentation/readiness/team-b/.mlops-readiness.json');
    const messages = config[0]!.diagnostics.map((d) => d.message);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.equal(new Set(messages).size, messages.length);
  });
});
