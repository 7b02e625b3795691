import { realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { isInside, realPathOf } from '../../../server/src/node/findFiles';
import { fileSystemWorkspace, relativeToRoot } from '../../../server/src/node/fsWorkspace';
import {
  CONFIG_FILE_NAME,
  configProblemFinding,
  createReadinessService,
  localToday,
  matchesReadinessGlobs,
  parseIsoDate,
  tooLargeFinding,
  type DocumentSettings,
  type ReadinessService,
  type WorkspaceView,
} from '../../../server/src/service';
import { argumentError, chosenFormat, existingFolder, joinNegativeValues } from '../args';
import { removeStaleTemporaryFiles, writeFileAtomic } from '../atomicWrite';
import { collectTargets, describeError, findRepositoryRoot, findWorkspaceRoot, refuseOverwritingInput, type Target } from '../files';
import { fixText, unifiedDiff, writeFixed, type FixedFile } from '../fix';
import { FORMATTERS } from '../formatters';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io';
import { readInput } from '../readInput';
import { summarise, type FileReport, type Report } from '../report';
import { problemCount } from '../formatters/stylish';
import { changedFilesSince } from '../since';
import { cliBundledDocs } from '../ruleDocs';
import { checkInThreads, mergeShares, threadCount, type ShareOutcome } from '../workers/checkPool';

/** What makes a file a readiness file (README, "The rules"), for a check that found none. */
const WHAT_COUNTS =
  'A readiness file matches "files" in .mlops-readiness.json (default **/*readiness*.md and **/readiness/**/*.md), ' +
  'is titled "# MLOps readiness — <story id> <title>", or has three of the template\'s sections.';

export interface CheckOptions {
  paths: string[];
  format: string;
  root: string | undefined;
  maxWarnings: number | undefined;
  today: string;
  color: boolean;
  /** Write the report (in `format`) to this file; the console gets the stylish summary. */
  output: string | undefined;
  /** Apply the safe fixes: write the files, or only show the diff. */
  fix: 'write' | 'dry-run' | undefined;
  /** Only files changed since this git ref. */
  since: string | undefined;
}

export function parseCheckArgs(args: string[], io: CliIo): CheckOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, ['--max-warnings']),
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        since: { type: 'string' },
        root: { type: 'string' },
        'max-warnings': { type: 'string' },
        today: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw argumentError(error, 'check');
  }
  const { values, positionals } = parsed;
  const format = chosenFormat(values.format, 'stylish', FORMATTERS) as keyof typeof FORMATTERS;
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    // As in ESLint, -1 means no limit.
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings takes a whole number ≥ 0, or -1 for no limit');
    if (maxWarnings === -1) maxWarnings = undefined;
  }
  if (values.today !== undefined && !parseIsoDate(values.today)) throw new UsageError('--today takes a date as YYYY-MM-DD');
  if (values.fix && values['fix-dry-run']) throw new UsageError('use either --fix or --fix-dry-run, not both');
  if (values['fix-dry-run'] && (values.format !== undefined || values.output !== undefined)) {
    throw new UsageError('--fix-dry-run prints a diff: it takes no --format or --output');
  }
  if (values.output === '') throw new UsageError('--output takes a file name');
  if (values.since === '') throw new UsageError('--since takes a git ref, e.g. origin/main');
  return {
    paths: positionals,
    format,
    root: values.root === undefined ? undefined : existingFolder(values.root, io.cwd),
    maxWarnings,
    today: values.today ?? localToday(),
    color: values['no-color'] ? false : values.color ? true : io.color,
    output: values.output === undefined ? undefined : resolve(io.cwd, values.output),
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
    since: values.since,
  };
}

export interface CheckOutcome {
  files: FileReport[];
  /** Files that could not be checked, with the reason. */
  failures: string[];
  readinessFiles: number;
  /** With `options.fix`: the files the safe fixes change (written unless dry-run). */
  fixed: FixedFile[];
}

/** Checks the files the options name; shared by `check` and the gate features (--fix, --since). */
export function checkFiles(options: CheckOptions, cwd: string, only?: (absolutePath: string) => boolean): CheckOutcome {
  const context = checkContext(options, cwd);
  const { readiness, rootOf, workspaceOf, display } = context;
  // The root of a folder searched: as for a file in it.
  const collected = collectTargets(options.paths, cwd, (folder) => rootOf(join(folder, CONFIG_FILE_NAME)));
  if (options.output !== undefined) refuseOverwritingInput(options.output, [...collected.targets, ...collected.outside], cwd);
  const targets = collected.targets.filter((t) => !only || only(t.path));
  const failures: string[] = [...collected.failures];

  for (const target of collected.outside.filter((t) => !only || only(t.path))) {
    // A link out of the root is never read; it matters only when it would be a readiness file.
    const root = rootOf(target.path);
    const documentPath = relativeToRoot(root, target.path);
    const settings = readiness.settingsFor(documentPath, workspaceOf(root)).settings;
    if (documentPath !== undefined && matchesReadinessGlobs(documentPath, settings.files)) {
      failures.push(`cannot check ${display(target.path)}: it links outside the workspace root (${root}), which is never read`);
    }
  }
  // Many files are checked in worker threads, each a share (--fix writes files: one thread).
  const threads = options.fix ? 1 : threadCount(targets.length);
  const shares = threads > 1 ? checkInThreads(targets, threads, { options, cwd }, (share) => checkShare(share, options, context)) : [checkShare(targets, options, context)];
  return mergeShares(shares, failures);
}

export interface CheckContext {
  readiness: ReadinessService;
  rootOf(path: string): string;
  workspaceOf(root: string): WorkspaceView;
  /** A document's settings: its folder's config files, found and read once per folder. */
  settingsFor(documentPath: string | undefined, root: string): DocumentSettings;
  display(path: string): string;
}

/** What every file of one run (of one thread) shares: the service, workspace roots and views (each remembers what it resolved). */
export function checkContext(options: CheckOptions, cwd: string): CheckContext {
  const readiness = createReadinessService({ today: () => options.today, bundledDocs: cliBundledDocs });
  const roots = new Map<string, string>();
  const workspaces = new Map<string, WorkspaceView>();
  const settings = new Map<string, DocumentSettings>();
  const context: CheckContext = {
    readiness,
    rootOf: (path) => options.root ?? findWorkspaceRoot(path, roots),
    workspaceOf(root) {
      let workspace = workspaces.get(root);
      // One run: remember path resolutions (see fileSystemWorkspace); --fix only rewrites files in place.
      if (!workspace) workspaces.set(root, (workspace = fileSystemWorkspace(root, { cacheResolution: true })));
      return workspace;
    },
    settingsFor(documentPath, root) {
      // They depend on the config files from the root down to the document's folder, and on nothing else.
      const key = `${root}\0${documentPath?.slice(0, documentPath.lastIndexOf('/') + 1)}`;
      let found = settings.get(key);
      if (!found) settings.set(key, (found = readiness.settingsFor(documentPath, context.workspaceOf(root))));
      return found;
    },
    display: (path) => relative(cwd, path).split(sep).join('/') || '.',
  };
  return context;
}

/** Checks these targets, in order: the work of one thread (all of it, or one share of a large run). */
export function checkShare(targets: Target[], options: CheckOptions, context: CheckContext): ShareOutcome {
  const { readiness, rootOf, workspaceOf, display } = context;
  const configReports = new Map<string, FileReport>();
  const files: FileReport[] = [];
  const failures: string[] = [];
  const fixed: FixedFile[] = [];
  const cleaned = new Set<string>();
  let readinessFiles = 0;

  for (const target of targets) {
    const root = rootOf(target.path);
    const workspace = workspaceOf(root);
    const documentPath = relativeToRoot(root, target.path);
    const documentSettings = context.settingsFor(documentPath, root);
    for (const problem of documentSettings.problems) {
      const absolutePath = resolve(root, problem.file);
      let report = configReports.get(absolutePath);
      if (!report) {
        report = { file: display(absolutePath), absolutePath, root, repositoryRoot: findRepositoryRoot(absolutePath, root), configuration: true, findings: [] };
        configReports.set(absolutePath, report);
      }
      if (!report.findings.some((f) => f.message === problem.message)) report.findings.push(configProblemFinding(problem));
    }
    const input = readInput(target.path, documentSettings.settings.maxFileSize);
    const named = target.explicit || (documentPath !== undefined && matchesReadinessGlobs(documentPath, documentSettings.settings.files));
    if (input.kind === 'unreadable') {
      if (named) failures.push(`cannot check ${display(target.path)}: ${input.reason}`);
      continue;
    }
    const repositoryRoot = findRepositoryRoot(target.path, root);
    if (input.kind === 'too-large') {
      if (!named) continue;
      readinessFiles++;
      const finding = tooLargeFinding(input.size, documentSettings.settings.maxFileSize, documentSettings.settings.maxFileSizeSeverity);
      files.push({ file: display(target.path), absolutePath: target.path, root, repositoryRoot, findings: [finding], notChecked: finding.message });
      continue;
    }
    const request = { text: input.text, documentPath, workspace: workspace!, documentSettings };
    let result = readiness.check(request);
    if (!result.isReadiness) continue;
    readinessFiles++;
    // A --fix run cleans up after a killed one: its temporary files beside the files it fixes.
    if (options.fix === 'write') removeStaleTemporaryFiles(dirname(realPathOf(target.path) ?? target.path), cleaned);
    if (options.fix && result.analysis) {
      const fix = fixText(input.text, readiness.fixAll(request, result.analysis));
      // Never touch a file the fixes leave as it was (its modification time stays).
      if (fix.text !== input.text) {
        const file = { file: display(target.path), absolutePath: target.path, before: input.text, after: fix.text, bom: input.bom, fixes: fix.fixes, done: fix.done };
        fixed.push(file);
        if (options.fix === 'write') {
          const real = realPathOf(target.path) ?? target.path;
          if (!isInside(realPathOf(root) ?? root, real)) {
            failures.push(`not fixing ${file.file}: it links to ${real}, outside the workspace root (${root}), which is never written`);
            fixed.pop();
            continue;
          }
          try {
            writeFixed(file);
          } catch (error) {
            failures.push(`cannot write ${file.file}: ${describeError(error)}`);
            continue;
          }
          result = readiness.check({ ...request, text: fix.text });
        }
      }
    }
    files.push({ file: display(target.path), absolutePath: target.path, root, repositoryRoot, findings: result.findings, docsBaseUrl: result.settings.docsBaseUrl });
  }
  return { files, configReports: [...configReports.values()], failures, readinessFiles, fixed };
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(args, io);
  const changed = options.since === undefined ? undefined : changedFilesSince(options.since, gitFolder(options.paths, io.cwd));
  const outcome = checkFiles(options, io.cwd, changed && ((path) => changed.has(realPath(path))));
  const report = summarise(outcome.files);
  for (const failure of outcome.failures) io.stderr(`mlops-readiness: ${failure}\n`);

  if (options.fix === 'dry-run') {
    // The diff is the whole output; exit 1 when there is one, like `git diff --exit-code`.
    for (const file of outcome.fixed) io.stdout(unifiedDiff(file));
    if (outcome.failures.length) return EXIT_USAGE;
    return outcome.fixed.length ? EXIT_FINDINGS : EXIT_OK;
  }

  // The console shows the stylish report unless a machine format goes to stdout.
  const consoleStylish = options.format === 'stylish' || options.output !== undefined;
  if (options.fix === 'write' && outcome.fixed.length) {
    const lines = fixSummary(outcome.fixed, report);
    if (consoleStylish) io.stdout(lines.join('\n') + '\n\n');
    else io.stderr(lines.map((line) => `mlops-readiness: ${line}\n`).join(''));
  } else if (options.fix === 'write' && report.files.some((file) => file.findings.length)) {
    // Else --fix looks as if it did not run: say that what is left is not the kind a fix may write.
    const line = 'No safe fix applies: each problem below needs your answer (a value, a reason or a choice)';
    if (consoleStylish) io.stdout(`${line}\n\n`);
    else io.stderr(`mlops-readiness: ${line}\n`);
  }
  if (options.output !== undefined) {
    try {
      removeStaleTemporaryFiles(dirname(realPathOf(options.output) ?? options.output));
      writeFileAtomic(options.output, FORMATTERS[options.format](report, { color: false, cwd: io.cwd }));
    } catch (error) {
      // The path as the user can find it: relative when under the current folder, else absolute.
      const under = (path: string) => (relative(io.cwd, path).startsWith('..') ? path : relative(io.cwd, path) || '.');
      const missingFolder = (error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR';
      throw new UsageError(
        `cannot write ${under(options.output)}: ${missingFolder ? `no such folder: ${under(dirname(options.output))}` : describeError(error)}`,
      );
    }
  }
  const since = options.since === undefined ? '' : ` changed since ${options.since}`;
  if (outcome.readinessFiles === 0 && !outcome.failures.length && consoleStylish) {
    io.stdout(`No readiness files${since} found in ${options.paths.length ? options.paths.join(', ') : '.'}\n`);
    // Said once, for the author whose file was not recognised: what makes a file count.
    if (!since) io.stdout(`${WHAT_COUNTS}\n`);
    return EXIT_OK;
  }
  // When nothing could be checked, the stderr lines are the whole story: no "no problems" summary.
  const nothingChecked = outcome.readinessFiles === 0 && outcome.failures.length > 0;
  if (consoleStylish) {
    if (!nothingChecked) io.stdout(FORMATTERS.stylish(report, { color: options.color, cwd: io.cwd }));
  } else io.stdout(FORMATTERS[options.format](report, { color: options.color, cwd: io.cwd }));
  if (outcome.failures.length) return EXIT_USAGE;
  if (report.summary.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings) {
    io.stderr(`mlops-readiness: ${report.summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** Paths compared with git's, which are real paths (a symlinked temp folder must still match). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Where to ask git: the first path's folder (the repository being checked), else the current folder. */
function gitFolder(paths: string[], cwd: string): string {
  if (!paths.length) return cwd;
  const first = resolve(cwd, paths[0]!);
  try {
    return statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    throw new UsageError(`no such file or folder: ${paths[0]}`);
  }
}

/**
 * What `--fix` did and what is left: "Applied 1 fix in 1 file: a.md", one line per fix, then "19 problems remain
 * (16 errors, 3 warnings)" (a fix that inserts a section brings the template's fields to fill with it).
 */
function fixSummary(fixed: FixedFile[], report: Report): string[] {
  const fixes = fixed.reduce((n, f) => n + f.fixes, 0);
  const lines = [`Applied ${fixes} fix${fixes === 1 ? '' : 'es'} in ${fixed.length} file${fixed.length === 1 ? '' : 's'}: ${fixed.map((f) => f.file).join(', ')}`];
  for (const file of fixed) for (const done of file.done) lines.push(`  ${file.file}: ${done}`);
  const left = report.files.reduce((n, f) => n + f.findings.length, 0);
  lines.push(left ? `${problemCount(report).replace(/^(\d+) problems? /, (_, n) => `${n} problem${n === '1' ? ' remains' : 's remain'} `)}` : 'No problems remain');
  return lines;
}
