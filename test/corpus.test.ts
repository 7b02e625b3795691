// The corpus: readiness files written in many styles, checked by the built CLI in one run.
// Each `<name>.md` under test/corpus/documentation/readiness/ has a sidecar `<name>.expected.json` listing the
// findings it must get (`[{"code": "RDY403", "line": 51}]`, lines 1-based as the CLI prints them); `[]` marks a
// valid file. A file passes when it gets every expected finding and no other error or warning (information
// findings are allowed unless listed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, it } from 'node:test';
import { describeDifferences, type Expected, type Reported } from './expectations';
import { ROOT, TODAY } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const CORPUS = join(ROOT, 'test/corpus');
const READINESS = join(CORPUS, 'documentation/readiness');

function readinessFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? readinessFiles(join(folder, entry.name)) : entry.name.endsWith('.md') ? [join(folder, entry.name)] : []))
    .sort();
}

const files = readinessFiles(READINESS).map((path) => {
  const name = relative(READINESS, path);
  const sidecar = path.replace(/\.md$/, '.expected.json');
  let expected: Expected[];
  try {
    expected = JSON.parse(readFileSync(sidecar, 'utf8')) as Expected[];
  } catch (error) {
    throw new Error(`${name}: no readable sidecar ${relative(ROOT, sidecar)} (${(error as Error).message})`);
  }
  return { name, path, expected };
});

/** Files the checker still gets wrong, with what it gets wrong: reported as TODO, not hidden. */
const KNOWN_GAPS: Record<string, string> = {};

describe('the corpus of readiness files, through the CLI', () => {
  const byFile = new Map<string, Reported[]>();
  let summary: unknown;

  /** The CLI's JSON report of the corpus, run from `cwd` with `args` before the options. */
  function checkCorpus(cwd: string, args: string[]) {
    const result = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'json', '--today', TODAY], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    assert.ok(result.status === 0 || result.status === 1, `the CLI exited ${result.status}: ${result.stderr}`);
    return JSON.parse(result.stdout) as { files: Array<{ file: string; diagnostics: Reported[] }>; summary: unknown };
  }

  before(() => {
    const report = checkCorpus(ROOT, [relative(ROOT, READINESS), '--root', relative(ROOT, CORPUS)]);
    for (const entry of report.files) byFile.set(relative(READINESS, join(ROOT, entry.file)), entry.diagnostics);
    summary = report.summary;
  });

  it('is a workspace of its own: run from inside without --root, the CLI finds its root and says the same', () => {
    assert.deepEqual(checkCorpus(CORPUS, ['documentation/readiness']).summary, summary);
  });

  it('has at least 30 files: at least 12 valid and 18 with mistakes', () => {
    const valid = files.filter((f) => f.expected.length === 0);
    assert.ok(files.length >= 30, `${files.length} files`);
    assert.ok(valid.length >= 12, `${valid.length} valid files`);
    assert.ok(files.length - valid.length >= 18, `${files.length - valid.length} defective files`);
  });

  for (const file of files) {
    const kind = file.expected.length === 0 ? 'valid, no error or warning' : `${file.expected.map((e) => `${e.code}@${e.line}`).join(' ')}`;
    it(`${file.name}: ${kind}`, { todo: KNOWN_GAPS[file.name] }, () => {
      const reported = byFile.get(file.name);
      assert.ok(reported, `${file.name} is not in the CLI's report`);
      const differences = describeDifferences(file.name, file.expected, reported);
      if (differences) assert.fail(differences);
    });
  }
});
