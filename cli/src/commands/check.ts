import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileSystemWorkspace, relativeToRoot } from '../../../server/src/node/fsWorkspace';
import {
  checkDocument,
  configProblemDiagnostic,
  localToday,
  matchesReadinessGlobs,
  settingsForDocument,
  tooLargeDiagnostic,
  type WorkspaceView,
} from '../../../server/src/service';
import { parseIsoDate } from '../../../server/src/service/util/dates';
import { collectTargets, findWorkspaceRoot } from '../files';
import { FORMATTERS } from '../formatters';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io';
import { readInput } from '../readInput';
import { summarise, type FileReport } from '../report';

export interface CheckOptions {
  paths: string[];
  format: string;
  root: string | undefined;
  maxWarnings: number | undefined;
  today: string;
  color: boolean;
}

export function parseCheckArgs(args: string[], io: CliIo): CheckOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        root: { type: 'string' },
        'max-warnings': { type: 'string' },
        today: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const { values, positionals } = parsed;
  const format = values.format!;
  if (!FORMATTERS[format]) throw new UsageError(`unknown format "${format}" (use ${Object.keys(FORMATTERS).join(', ')})`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  if (values.today !== undefined && !parseIsoDate(values.today)) throw new UsageError('--today takes a date as YYYY-MM-DD');
  return {
    paths: positionals,
    format,
    root: values.root === undefined ? undefined : resolve(io.cwd, values.root),
    maxWarnings,
    today: values.today ?? localToday(),
    color: values['no-color'] ? false : values.color ? true : io.color,
  };
}

export interface CheckOutcome {
  files: FileReport[];
  /** Files that could not be checked, with the reason. */
  failures: string[];
  readinessFiles: number;
}

/** Checks the files the options name; shared by `check` and the gate features (--fix, --since). */
export function checkFiles(options: CheckOptions, cwd: string, only?: (absolutePath: string) => boolean): CheckOutcome {
  const targets = collectTargets(options.paths, cwd).filter((t) => !only || only(t.path));
  const roots = new Map<string, string>();
  const workspaces = new Map<string, WorkspaceView>();
  const configReports = new Map<string, FileReport>();
  const files: FileReport[] = [];
  const failures: string[] = [];
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || '.';
  let readinessFiles = 0;

  for (const target of targets) {
    const root = options.root ?? findWorkspaceRoot(target.path, roots);
    let workspace = workspaces.get(root);
    if (!workspace) workspaces.set(root, (workspace = fileSystemWorkspace(root)));
    const documentPath = relativeToRoot(root, target.path);
    const documentSettings = settingsForDocument(documentPath, workspace);
    for (const problem of documentSettings.problems) {
      const absolutePath = resolve(root, problem.file);
      let report = configReports.get(absolutePath);
      if (!report) {
        report = { file: display(absolutePath), absolutePath, root, diagnostics: [] };
        configReports.set(absolutePath, report);
      }
      if (!report.diagnostics.some((d) => d.message === problem.message)) report.diagnostics.push(configProblemDiagnostic(problem));
    }
    const input = readInput(target.path, documentSettings.settings.maxFileSize);
    const named = target.explicit || (documentPath !== undefined && matchesReadinessGlobs(documentPath, documentSettings.settings.files));
    if (input.kind === 'unreadable') {
      if (named) failures.push(`cannot check ${display(target.path)}: ${input.reason}`);
      continue;
    }
    if (input.kind === 'too-large') {
      if (!named) continue;
      readinessFiles++;
      files.push({ file: display(target.path), absolutePath: target.path, root, diagnostics: [tooLargeDiagnostic(input.size, documentSettings.settings.maxFileSize)] });
      continue;
    }
    const result = checkDocument({ text: input.text, documentPath, workspace, today: options.today, documentSettings });
    if (!result.isReadiness) continue;
    readinessFiles++;
    files.push({ file: display(target.path), absolutePath: target.path, root, diagnostics: result.diagnostics });
  }
  return { files: [...files, ...configReports.values()], failures, readinessFiles };
}

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(args, io);
  const outcome = checkFiles(options, io.cwd);
  const report = summarise(outcome.files);
  for (const failure of outcome.failures) io.stderr(`mlops-readiness: ${failure}\n`);
  if (outcome.readinessFiles === 0 && !outcome.failures.length && options.format === 'stylish') {
    io.stdout(`No readiness files found in ${options.paths.length ? options.paths.join(', ') : '.'}\n`);
    return EXIT_OK;
  }
  io.stdout(FORMATTERS[options.format](report, { color: options.color, cwd: io.cwd }));
  if (outcome.failures.length) return EXIT_USAGE;
  if (report.summary.errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && report.summary.warnings > options.maxWarnings) {
    io.stderr(`mlops-readiness: ${report.summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
