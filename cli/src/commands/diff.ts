import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { fileSystemWorkspace } from '../../../server/src/node/fsWorkspace';
import { compareRevisions, type Revision, type WorkspaceView } from '../../../server/src/service';
import { formatDiffJson, formatDiffMarkdown, type DiffReport } from '../diffFormat';
import { changedPaths, mergeBase, openRepository, repositoryPath, resolveCommit, revisionWorkspace, type Repository } from '../diffGit';
import { EXIT_OK, type CliIo } from '../io';
import { readInput } from '../readInput';
import { argumentError, chosenFormat, todayOption } from '../args';

const FORMATS: Record<string, (report: DiffReport) => string> = { markdown: formatDiffMarkdown, json: formatDiffJson };

/** Readiness files bigger than this are not compared (the check's default limit). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * `mlops-readiness diff`: what the readiness files a range of commits touched now say differently.
 * Git supplies the two revisions; the engine compares their document models.
 */
export async function runDiff(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { base: { type: 'string' }, head: { type: 'string' }, format: { type: 'string', short: 'f' }, today: { type: 'string' } },
    });
  } catch (error) {
    throw argumentError(error, 'diff');
  }
  const { values, positionals } = parsed;
  const format = chosenFormat(values.format, 'markdown', FORMATS, 'diff') as keyof typeof FORMATS;
  const today = todayOption(values.today);

  const repo = openRepository(io.cwd);
  const baseName = values.base ?? 'HEAD';
  const base = resolveCommit(repo, baseName, '--base');
  const head = values.head === undefined ? undefined : resolveCommit(repo, values.head, '--head');
  const headName = values.head ?? 'the working tree';
  const from = mergeBase(repo, base, head ?? 'HEAD', { base: baseName, head: values.head ? `"${values.head}"` : 'HEAD' });
  const pathspecs = positionals.map((given) => repositoryPath(repo, io.cwd, given));

  const oldSide = revisionWorkspace(repo, from);
  const newSide: WorkspaceView = head ? revisionWorkspace(repo, head) : fileSystemWorkspace(repo.top, { cacheResolution: true });
  const files: DiffReport['files'] = [];
  for (const path of changedPaths(repo, from, head, pathspecs)) {
    const before = path.before === undefined ? undefined : revision(oldSide, path.before, today);
    const after = path.after === undefined ? undefined : head ? revision(newSide, path.after, today) : workingTreeRevision(repo, newSide, path.after, today);
    const comparison = compareRevisions(before, after);
    if (!comparison) continue;
    files.push({ file: (path.after ?? path.before)!, previousFile: path.before !== path.after && path.before && path.after ? path.before : undefined, ...comparison });
  }
  io.stdout(FORMATS[format]({ base: baseName, head: values.head, headLabel: headName, files }));
  return EXIT_OK;
}

function revision(workspace: WorkspaceView, path: string, today: string): Revision | undefined {
  const text = workspace.read(path);
  return text === undefined ? undefined : { text: text.replace(/^\uFEFF/, ''), documentPath: path, workspace, today };
}

/** The working tree's file, read as `check` reads it (size limit, UTF-8 only). */
function workingTreeRevision(repo: Repository, workspace: WorkspaceView, path: string, today: string): Revision | undefined {
  const input = readInput(join(repo.top, path), MAX_FILE_BYTES);
  return input.kind === 'text' ? { text: input.text, documentPath: path, workspace, today } : undefined;
}
