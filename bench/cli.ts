/**
 * The CLIs as whole processes, on the workloads a repository has: many readiness files, a few, one,
 * and one very large file. Ours against rumdl (the fastest Markdown linter we know of) and
 * markdownlint-cli2, alternated round by round, medians; every run is checked to have done the work.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchFileName, benchFileText, readinessDocument, tableRowsDocument } from './documents';
import { median, ROOT, round, time } from './stats';

interface Tool {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** How many files the run's output says were checked; throws when the run did not check them. */
  checked(run: SpawnSyncReturns<string>, expected: number): void;
}

interface Workload {
  name: string;
  files: number;
  /** Rounds for the fast tools; markdownlint-cli2 (10–20× slower) runs in the first `slowRounds` only. */
  rounds: number;
  slowRounds: number;
  /** Writes the workspace's files into `dir`. */
  write(dir: string): void;
}

export interface CliFigures {
  workload: string;
  files: number;
  medians: Record<string, number>;
  /** rumdl (npm bin) / ours: ≥ 1 when ours is at least as fast. */
  rumdlOverOurs: number;
  rumdlNativeOverOurs: number;
  markdownlintOverOurs: number;
  /** Ours on one thread / ours as shipped (threads for many files): > 1 when the threads save time. */
  oneThreadOverOurs?: number;
}

const READINESS_135 = readinessDocument(135);
const TABLE_ROWS = 10_000;

function writeFiles(dir: string, count: number, text: string) {
  const folder = join(dir, 'documentation', 'readiness');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(join(folder, benchFileName(i)), benchFileText(text, i));
}

const WORKLOADS: Workload[] = [
  { name: '1,000 files', files: 1000, rounds: 7, slowRounds: 3, write: (dir) => writeFiles(dir, 1000, READINESS_135) },
  { name: '100 files', files: 100, rounds: 11, slowRounds: 5, write: (dir) => writeFiles(dir, 100, READINESS_135) },
  { name: 'one file', files: 1, rounds: 21, slowRounds: 7, write: (dir) => writeFiles(dir, 1, READINESS_135) },
  {
    name: `one file, ${TABLE_ROWS.toLocaleString('en')} table rows`,
    files: 1,
    rounds: 9,
    slowRounds: 3,
    write: (dir) => {
      writeFiles(dir, 1, tableRowsDocument(TABLE_ROWS));
      // The file is 1.8 MB, over our default 1 MB limit (a file that large is not checked, only reported).
      writeFileSync(join(dir, '.mlops-readiness.json'), JSON.stringify({ maxFileSize: 4_000_000 }));
    },
  },
];

const require = createRequire(join(ROOT, 'package.json'));

/** rumdl's native binary, as its npm bin (a Node script) finds and spawns it. */
function rumdlBinary(): string {
  const name = `@rumdl/cli-${process.platform}-${process.arch}`;
  try {
    return join(require.resolve(`${name}/package.json`).replace(/package\.json$/, ''), process.platform === 'win32' ? 'rumdl.exe' : 'rumdl');
  } catch {
    // package-lock.json may list only the platform packages of the machine that added rumdl.
    throw new Error(`rumdl's binary for this platform (${name}) is not installed: npm install --no-save ${name}`);
  }
}

const OURS: Tool = {
  name: 'mlops-readiness',
  command: [process.execPath, join(ROOT, 'cli/out/cli.js'), 'check', 'documentation', '--format', 'json'],
  checked(run, expected) {
    let files: unknown;
    let notChecked = 0;
    try {
      const report = JSON.parse(run.stdout) as { summary?: { files?: unknown }; files: Array<{ diagnostics: Array<{ code: string }> }> };
      files = report.summary?.files;
      // A file over the size limit is reported (RDY000) but not checked.
      notChecked = report.files.filter((file) => file.diagnostics.some((d) => d.code === 'RDY000')).length;
    } catch {
      files = undefined;
    }
    if (files !== expected || notChecked) {
      fail(this.name, run, `summary.files ${String(files)}, ${notChecked} not checked, expected ${expected} checked`);
    }
  },
};

/** Ours forced onto one thread: what the worker threads gain, measured in the same run. */
const OURS_ONE_THREAD: Tool = { ...OURS, name: 'mlops-readiness, one thread', env: { MLOPS_READINESS_THREADS: '1' } };

/** rumdl prints "Found N issues in M files", "… in K/M files" or "No issues found in M files". */
function rumdlChecked(this: Tool, run: SpawnSyncReturns<string>, expected: number) {
  const output = `${run.stdout}\n${run.stderr}`;
  const match = /Found \d+ issues? in (?:\d+\/)?(\d+) files?|No issues found in (\d+) files?/.exec(output);
  const files = Number(match?.[1] ?? match?.[2] ?? NaN);
  if (files !== expected || (run.status !== 0 && run.status !== 1)) fail(this.name, run, `"${match?.[0]}", expected ${expected} files`);
}

// rumdl's own options: its default rules (no config file looked up), and no result cache: a cached
// run re-reads results instead of checking, which neither other tool can do.
const RUMDL_ARGS = ['check', 'documentation', '--no-cache', '--no-config'];

const RUMDL: Tool = {
  name: 'rumdl',
  // Its npm bin, as `npx rumdl` or an npm script runs it: a Node script that spawns the binary.
  command: [process.execPath, join(ROOT, 'node_modules/rumdl/bin/rumdl'), ...RUMDL_ARGS],
  checked: rumdlChecked,
};

const RUMDL_NATIVE: Tool = { name: 'rumdl (native binary)', command: [rumdlBinary(), ...RUMDL_ARGS], checked: rumdlChecked };

const MARKDOWNLINT: Tool = {
  name: 'markdownlint-cli2',
  // The package's bin (markdownlint-cli2-bin.mjs), as `npx markdownlint-cli2` runs it: the main
  // module markdownlint-cli2.mjs only exports `main` and, run directly, lints nothing.
  command: [process.execPath, join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), 'documentation/**/*.md'],
  /**
   * markdownlint-cli2 prints "Linting: N file(s)" and exits 1 when it finds problems (the bench
   * files break its default line-length and table rules): both must show it linted every file,
   * each with findings.
   */
  checked(run, expected) {
    const output = `${run.stdout}\n${run.stderr}`;
    const linted = Number(/Linting: (\d+) file\(s\)/.exec(output)?.[1] ?? NaN);
    const withFindings = new Set(run.stderr.split('\n').map((line) => /^(documentation\/[^:]+\.md):\d/.exec(line)?.[1]).filter(Boolean)).size;
    if (run.status !== 1 || linted !== expected || withFindings !== expected) {
      fail(this.name, run, `"Linting: ${linted}", ${withFindings} files with findings, expected ${expected}`);
    }
  },
};

const NODE: Tool = { name: 'node -e 0', command: [process.execPath, '-e', '0'], checked: () => undefined };

function fail(name: string, run: SpawnSyncReturns<string>, detail: string): never {
  if (run.error) throw run.error;
  throw new Error(`${name} did not check every file (exit ${run.status}; ${detail}): ${`${run.stdout}\n${run.stderr}`.slice(0, 500)}`);
}

function runOnce(tool: Tool, dir: string, expected: number): number {
  let run: SpawnSyncReturns<string> | undefined;
  const [file, ...args] = tool.command;
  const env = tool.env ? { ...process.env, ...tool.env } : process.env;
  const ms = time(() => (run = spawnSync(file!, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 })));
  if (run!.error) throw run!.error;
  tool.checked(run!, expected);
  return ms;
}

/** Every workload, every tool, alternated round by round (the order rotates), medians. */
export function measureClis(options: { markdownlint: boolean }): { workloads: CliFigures[]; nodeStartMs: number } {
  const workloads: CliFigures[] = [];
  let nodeStartMs = NaN;
  for (const workload of WORKLOADS) {
    const dir = mkdtempSync(join(tmpdir(), 'readiness-bench-'));
    try {
      mkdirSync(join(dir, '.git'));
      workload.write(dir);
      const single = workload.name === 'one file';
      const fast = [OURS, RUMDL, RUMDL_NATIVE, ...(single ? [NODE] : []), ...(workload.files > 1 ? [OURS_ONE_THREAD] : [])];
      const samples = new Map<Tool, number[]>([...fast, MARKDOWNLINT].map((tool) => [tool, []]));
      // One unmeasured round: the files into the page cache, the binaries loaded.
      for (const tool of fast) runOnce(tool, dir, workload.files);
      for (let round = 0; round < workload.rounds; round++) {
        const tools = [...fast, ...(options.markdownlint && round < workload.slowRounds ? [MARKDOWNLINT] : [])];
        for (let i = 0; i < tools.length; i++) {
          const tool = tools[(i + round) % tools.length]!;
          samples.get(tool)!.push(runOnce(tool, dir, workload.files));
        }
      }
      const medians = Object.fromEntries([...samples].filter(([, s]) => s.length).map(([tool, s]) => [tool.name, round(median(s), 1)]));
      if (single) nodeStartMs = medians[NODE.name]!;
      const ours = medians[OURS.name]!;
      const figures: CliFigures = {
        workload: workload.name,
        files: workload.files,
        medians,
        rumdlOverOurs: round(medians[RUMDL.name]! / ours, 2),
        rumdlNativeOverOurs: round(medians[RUMDL_NATIVE.name]! / ours, 2),
        markdownlintOverOurs: options.markdownlint ? round(medians[MARKDOWNLINT.name]! / ours, 1) : NaN,
        ...(medians[OURS_ONE_THREAD.name] ? { oneThreadOverOurs: round(medians[OURS_ONE_THREAD.name]! / ours, 2) } : {}),
      };
      workloads.push(figures);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  printCliTable(workloads, nodeStartMs);
  return { workloads, nodeStartMs };
}

function printCliTable(workloads: CliFigures[], nodeStartMs: number) {
  const header = ['workload', 'mlops-readiness', 'rumdl (npm bin)', 'rumdl / ours (≥ 1)', 'rumdl native binary (/ ours)', 'markdownlint-cli2 (/ ours)', 'ours on one thread (/ ours)'];
  const rows = workloads.map((w) => [
    w.workload,
    `${w.medians[OURS.name]} ms`,
    `${w.medians[RUMDL.name]} ms`,
    `${w.rumdlOverOurs} — ${w.rumdlOverOurs >= 1 ? 'met' : 'missed'}`,
    `${w.medians[RUMDL_NATIVE.name]} ms (${w.rumdlNativeOverOurs})`,
    Number.isNaN(w.markdownlintOverOurs) ? '—' : `${w.medians[MARKDOWNLINT.name]} ms (${w.markdownlintOverOurs})`,
    w.oneThreadOverOurs === undefined ? '—' : `${w.medians[OURS_ONE_THREAD.name]} ms (${w.oneThreadOverOurs})`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  console.log(line(header));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const row of rows) console.log(line(row));
  const one = workloads.find((w) => w.workload === 'one file')!.medians[OURS.name]!;
  const ratio = round(one / nodeStartMs, 2);
  console.log(`one file: ${one} ms against a bare \`node -e 0\` start of ${nodeStartMs} ms: ${ratio}× (target ≤ 1.3×: ${ratio <= 1.3 ? 'met' : 'missed'})\n`);
}
