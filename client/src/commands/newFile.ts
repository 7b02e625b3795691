// "MLOps Readiness: New readiness file": asks for the story id, title and owner, writes
// `<readinessFolder>/<story-id>.md` from the engine's template, and opens it on the first placeholder.
// Arguments may be passed (keybindings, tasks, tests): each given value is validated like a typed one.
import * as vscode from 'vscode';
import { newReadinessFile } from '../../../server/src/service';
import { validateOwner, validateStoryId, validateTitle, todayIso, DEFAULT_STORY_ID_PATTERN, EXAMPLE_STORY_ID } from './newFileInputs';

export interface NewFileArgs {
  storyId?: string;
  title?: string;
  owner?: string;
  /** Target workspace folder (URI string); default: the active editor's folder, else asks. */
  folder?: string;
}

export async function newFile(args: NewFileArgs = {}, storyIdPattern: (folder: vscode.Uri) => Promise<string>): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  const pattern = await storyIdPattern(folder.uri).catch(() => DEFAULT_STORY_ID_PATTERN);

  const configured = vscode.workspace.getConfiguration('mlopsReadiness', folder.uri).get<string>('readinessFolder', 'documentation/readiness');
  if (!targetUri(folder.uri, configured, EXAMPLE_STORY_ID)) {
    void vscode.window.showErrorMessage(`mlopsReadiness.readinessFolder "${configured}" points outside the workspace folder ${folder.name}.`);
    return undefined;
  }
  // An id that already has a file is refused as it is typed, not after the last prompt.
  const idProblem = async (value: string) => validateStoryId(value, pattern) ?? (await existingFile(targetUri(folder.uri, configured, value.trim())!));
  const storyId = await ask(args.storyId, {
    title: 'New readiness file (1/3): story id',
    prompt: `The Story id, e.g. ${EXAMPLE_STORY_ID}`,
    placeHolder: EXAMPLE_STORY_ID,
    validateInput: idProblem,
  });
  if (storyId === undefined) return undefined;
  const title = await ask(args.title, {
    title: 'New readiness file (2/3): title',
    prompt: 'A short title for the change',
    placeHolder: 'Label smoothing for the F1 buy model',
    validateInput: validateTitle,
  });
  if (title === undefined) return undefined;
  const owner = await ask(args.owner, {
    title: 'New readiness file (3/3): owner',
    prompt: 'The GitHub handle of the owner (DRI for production behaviour)',
    placeHolder: '@jdoe',
    validateInput: validateOwner,
  });
  if (owner === undefined) return undefined;

  const target = targetUri(folder.uri, configured, storyId.trim())!;
  if (await exists(target)) {
    const relative = vscode.workspace.asRelativePath(target);
    // Not awaited: the command is done (nothing written) whether or not the author answers the notification.
    void vscode.window.showWarningMessage(`${relative} already exists; it was not overwritten.`, 'Open existing').then((choice) => {
      if (choice === 'Open existing') void vscode.window.showTextDocument(target, { preview: false });
    });
    return undefined;
  }

  const { text, firstPlaceholder } = newReadinessFile({ storyId, title, owner, today: todayIso(new Date()) });
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  // A normal tab, not a preview one: the next file opened must not replace the form being filled.
  const editor = await vscode.window.showTextDocument(target, { preview: false });
  const start = new vscode.Position(firstPlaceholder.line, firstPlaceholder.character);
  // Select the whole `<...>` so that typing replaces it.
  const range = editor.document.getWordRangeAtPosition(start, /<[^<>\n]+>/) ?? new vscode.Range(start, start);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return target;
}

async function ask(given: string | undefined, options: vscode.InputBoxOptions): Promise<string | undefined> {
  if (given !== undefined) {
    const problem = await options.validateInput!(given);
    if (problem) {
      void vscode.window.showErrorMessage(typeof problem === 'string' ? problem : problem.message);
      return undefined;
    }
    return given.trim();
  }
  const value = await vscode.window.showInputBox({ ...options, ignoreFocusOut: true });
  return value?.trim();
}

async function pickFolder(given: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (given) return vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(given));
  if (folders.length === 0) {
    void vscode.window.showErrorMessage('Open a folder first: the readiness file is written into the workspace.');
    return undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const ofActive = active && vscode.workspace.getWorkspaceFolder(active);
  if (ofActive) return ofActive;
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the new readiness file' });
}

/** `<folder>/<readinessFolder>/<storyId>.md`, or undefined when the setting escapes the workspace folder. */
function targetUri(folder: vscode.Uri, readinessFolder: string, storyId: string): vscode.Uri | undefined {
  const segments = readinessFolder.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..') || /^([a-zA-Z]:|[\\/])/.test(readinessFolder)) return undefined;
  return vscode.Uri.joinPath(folder, ...segments, `${storyId}.md`);
}

async function existingFile(target: vscode.Uri): Promise<string | undefined> {
  if (!(await exists(target))) return undefined;
  return `${vscode.workspace.asRelativePath(target)} already exists: type another Story id, or press Escape and open that file.`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
