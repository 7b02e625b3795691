import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { fileSystemWorkspace, relativeToRoot } from '../../../server/src/node/fsWorkspace';
import {
  byAttention,
  CONFIG_FILE_NAME,
  createReadinessService,
  reportRow,
  type ReportRow,
  type WorkspaceView,
} from '../../../server/src/service';
import { collectTargets, findWorkspaceRoot } from '../files';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { readInput } from '../readInput';
import { formatReportHtml, formatReportJson, formatReportMarkdown } from '../reportFormat';
import { argumentError, chosenFormat, existingFolder, todayOption } from '../args';

const FORMATS: Record<string, (rows: ReportRow[], today: string) => string> = {
  markdown: formatReportMarkdown,
  json: formatReportJson,
  html: formatReportHtml,
};

/** `mlops-readiness report`: every readiness file in one table, what needs attention first. */
export async function runReport(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string', short: 'f' }, today: { type: 'string' }, root: { type: 'string' } } });
  } catch (error) {
    throw argumentError(error, 'report');
  }
  const { values, positionals } = parsed;
  const format = chosenFormat(values.format, 'markdown', FORMATS, 'report') as keyof typeof FORMATS;
  const today = todayOption(values.today);
  const fixedRoot = values.root === undefined ? undefined : existingFolder(values.root, io.cwd);

  const readiness = createReadinessService({ today: () => today });
  const roots = new Map<string, string>();
  const workspaces = new Map<string, WorkspaceView>();
  const rows: ReportRow[] = [];
  const display = (path: string) => relative(io.cwd, path).split(sep).join('/') || '.';
  const rootOf = (path: string) => fixedRoot ?? findWorkspaceRoot(path, roots);
  // Folders are searched as `check` searches them: no link out of the root is followed or read.
  const collected = collectTargets(positionals, io.cwd, (folder) => rootOf(join(folder, CONFIG_FILE_NAME)));
  const failures: string[] = [...collected.failures];
  for (const target of collected.outside) {
    if (target.explicit) failures.push(`cannot report on ${display(target.path)}: it links outside the workspace root, which is never read`);
  }
  for (const target of collected.targets) {
    const root = rootOf(target.path);
    let workspace = workspaces.get(root);
    if (!workspace) workspaces.set(root, (workspace = fileSystemWorkspace(root, { cacheResolution: true })));
    const documentPath = relativeToRoot(root, target.path);
    const documentSettings = readiness.settingsFor(documentPath, workspace);
    const input = readInput(target.path, documentSettings.settings.maxFileSize);
    if (input.kind !== 'text') {
      if (target.explicit) failures.push(`cannot report on ${display(target.path)}: ${input.kind === 'too-large' ? 'it is over the size limit' : input.reason}`);
      continue;
    }
    const result = readiness.check({ text: input.text, documentPath, workspace, documentSettings });
    if (!result.analysis) continue;
    rows.push(reportRow(display(target.path), result.analysis, result.settings, today));
  }
  for (const failure of failures) io.stderr(`mlops-readiness: ${failure}\n`);
  io.stdout(FORMATS[format](rows.sort(byAttention), today));
  return failures.length ? EXIT_USAGE : EXIT_OK;
}
