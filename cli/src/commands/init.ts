import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { isInside, realPathOf } from '../../../server/src/node/findFiles';
import { fileSystemWorkspace, relativeToRoot } from '../../../server/src/node/fsWorkspace';
import {
  createReadinessService,
  DEFAULT_STORY_ID_PATTERN,
  isHandle,
  isStoryId,
  newReadinessFile,
  type ReadinessService,
} from '../../../server/src/service';
import { writeFileAtomic } from '../atomicWrite';
import { describeError, findWorkspaceRoot, lookUp } from '../files';
import { EXIT_OK, UsageError, type CliIo } from '../io';
import { argumentError, existingFolder, todayOption } from '../args';

export const DEFAULT_READINESS_FOLDER = 'documentation/readiness';

/**
 * `mlops-readiness init --story CVN-… --title … --owner @…`: writes `<folder>/<story>.md` from the
 * engine's scaffold (the same text as the editor's "New readiness file"). Never overwrites.
 */
export function runInit(args: string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        story: { type: 'string' },
        title: { type: 'string' },
        owner: { type: 'string' },
        folder: { type: 'string', default: DEFAULT_READINESS_FOLDER },
        root: { type: 'string' },
        today: { type: 'string' },
      },
    });
  } catch (error) {
    throw argumentError(error, 'init');
  }
  const { values } = parsed;
  const story = values.story?.trim();
  const title = values.title?.trim();
  const owner = values.owner?.trim();
  if (!story || !title || !owner) throw new UsageError('init needs --story, --title and --owner, e.g. init --story CVN-N011-EA-S11 --title "EA signal" --owner @ana-m');
  if (/[\r\n]/.test(title)) throw new UsageError('--title must be one line');
  if (!isHandle(owner)) throw new UsageError(`--owner "${owner}" is not a GitHub handle: write one person's handle, e.g. @ana-m`);
  const today = todayOption(values.today);

  const folder = resolve(io.cwd, values.folder!);
  const target = join(folder, `${story}.md`);
  const root = values.root === undefined ? findWorkspaceRoot(target) : existingFolder(values.root, io.cwd);
  const readiness = createReadinessService();
  const pattern = storyIdPattern(readiness, root, target);
  let matches: boolean;
  try {
    matches = isStoryId(story, pattern);
  } catch (error) {
    throw new UsageError(`the configured "storyIdPattern" of RDY101 is not usable: ${(error as Error).message}`);
  }
  if (!matches || /[\\/]|^\.\.?$/.test(story)) {
    const example = pattern === DEFAULT_STORY_ID_PATTERN ? ' (e.g. CVN-N011-EA-S11)' : '';
    throw new UsageError(`--story "${story}" is not a story id: it must match /${pattern}/${example}`);
  }
  const shown = relative(io.cwd, target).split(sep).join('/');
  const folderEntry = lookUp(folder);
  if ('stat' in folderEntry && !folderEntry.stat.isDirectory()) throw new UsageError(`--folder takes a folder, and ${values.folder} is a file`);
  if (existsSync(target)) throw new UsageError(`${shown} already exists: not overwritten`);

  // A folder of the repository may be a link (a cloned repository is untrusted input): never write outside the root.
  const real = realPathThroughLinks(folder);
  const realRoot = realPathOf(root) ?? root;
  if (!isInside(realRoot, real)) throw new UsageError(`not writing ${shown}: its folder leads to ${real}, outside the workspace root (${root})`);

  const handle = owner.startsWith('@') ? owner : `@${owner}`;
  const { text, firstPlaceholder } = newReadinessFile({ storyId: story, title, owner: handle, today });
  try {
    mkdirSync(folder, { recursive: true });
    writeFileAtomic(target, text, { overwrite: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'EEXIST' ? `${shown} already exists: not overwritten` : `cannot write ${shown}: ${describeError(error)}`);
  }
  // Say what was written for the owner when it is not what was typed, and where else it went.
  const ownerNote = handle === owner ? '' : ` (--owner "${owner}" written as ${handle})`;
  io.stdout(`Created ${shown}: ${handle} is Owner and DRI${ownerNote}; fill in the placeholders from line ${firstPlaceholder.line + 1}, then run mlops-readiness check ${shown}\n`);
  return EXIT_OK;
}

/** The real path of `path`, whose last parts may not exist yet: the nearest existing folder resolved, the rest appended. */
function realPathThroughLinks(path: string): string {
  const missing: string[] = [];
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) {
    missing.unshift(existing.slice(dirname(existing).length + 1));
    existing = dirname(existing);
  }
  return join(realPathOf(existing) ?? existing, ...missing);
}

/** RDY101's `storyIdPattern` as configured for the new file's place (config files), else the default. */
function storyIdPattern(readiness: ReadinessService, root: string, target: string): string {
  return readiness.storyIdPattern(readiness.settingsFor(relativeToRoot(root, target), fileSystemWorkspace(root)).settings);
}
