// Shared helpers for the end-to-end suite: find the extension, open fixture files, and wait on VS Code events
// (with timeouts; never fixed sleeps).
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'mlops-readiness.mlops-readiness';

/** What the extension's activate() returns (client/src/extension.ts). */
export interface ExtensionApi {
  ready: Promise<void>;
  statusText(): string | undefined;
  onDidChangeStatus: vscode.Event<void>;
}

export async function extension(): Promise<vscode.Extension<ExtensionApi>> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

/** Activates the extension and waits until its language server runs. */
export async function serverReady(): Promise<void> {
  const ext = await extension();
  await withTimeout(ext.exports.ready, 30_000, 'the language server to start');
}

export function withTimeout<T>(promise: Thenable<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.resolve(promise),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the end-to-end suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/**
 * Resolves with the diagnostics of `uri` once `predicate` holds for them: checked now, then on every
 * diagnostics change, until `ms` runs out.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  ms = 20_000,
): Promise<vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  const met = new Promise<vscode.Diagnostic[]>((resolve) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (predicate(diagnostics)) resolve(diagnostics);
    };
    subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
  return withTimeout(met, ms, `${what} on ${vscode.workspace.asRelativePath(uri)}`).finally(() => subscription?.dispose());
}

/** Resolves when `condition()` is truthy, re-checking on the given events (no polling interval of our own). */
export function waitFor<T>(condition: () => T | undefined, events: vscode.Event<unknown>[], what: string, ms = 20_000): Promise<T> {
  const subscriptions: vscode.Disposable[] = [];
  const met = new Promise<T>((resolve) => {
    const check = () => {
      const value = condition();
      if (value) resolve(value);
    };
    for (const event of events) subscriptions.push(event(check));
    check();
  });
  return withTimeout(met, ms, what).finally(() => subscriptions.forEach((s) => s.dispose()));
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function ours(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'mlops-readiness');
}

export const VALID = 'documentation/readiness/CVN-N011-EA-S11.md';

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Writes `documentation/readiness/<storyId>.md`: the valid file under another story id (title and Story line),
 * further changed by `edit` (which must change something).
 */
export async function writeVariant(storyId: string, edit: (text: string) => string): Promise<vscode.Uri> {
  const valid = await readText(workspaceUri(VALID));
  const renamed = valid
    .replace('# MLOps readiness — CVN-N011-EA-S11', `# MLOps readiness — ${storyId}`)
    .replace('**Story**: CVN-N011-EA-S11', `**Story**: ${storyId}`);
  const text = edit(renamed);
  if (text === renamed) throw new Error(`the edit for ${storyId} changed nothing: the fixture no longer has what it expects`);
  const uri = workspaceUri('documentation', 'readiness', `${storyId}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

export function lineOf(document: vscode.TextDocument, prefix: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (document.lineAt(line).text.startsWith(prefix)) return line;
  }
  throw new Error(`no line starting with ${JSON.stringify(prefix)} in ${vscode.workspace.asRelativePath(document.uri)}`);
}

/** The quick fixes VS Code offers on each of our diagnostics, with the diagnostic they fix. */
export async function quickFixes(uri: vscode.Uri): Promise<{ action: vscode.CodeAction; diagnostic: vscode.Diagnostic }[]> {
  const found: { action: vscode.CodeAction; diagnostic: vscode.Diagnostic }[] = [];
  for (const diagnostic of ours(vscode.languages.getDiagnostics(uri))) {
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    for (const action of actions) found.push({ action, diagnostic });
  }
  return found;
}

/** The quick fix titled `title`, or a failure that lists what was offered instead. */
export async function offered(uri: vscode.Uri, title: RegExp, diagnostics: vscode.Diagnostic[]): Promise<{ action: vscode.CodeAction; diagnostic: vscode.Diagnostic }> {
  const fixes = await quickFixes(uri);
  const fix = fixes.find((f) => title.test(f.action.title));
  if (!fix) {
    throw new Error(`no quick fix titled ${title}; offered:\n${fixes.map((f) => `${codeOf(f.diagnostic)}: ${f.action.title}`).join('\n')}\nfor\n${describeDiagnostics(diagnostics)}`);
  }
  return fix;
}

/** Applies a code action as the lightbulb would: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) {
    const applied = await vscode.workspace.applyEdit(action.edit);
    if (!applied) throw new Error(`VS Code refused the edit of "${action.title}"`);
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

export function errors(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  return ours(diagnostics).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

export function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`).join('\n');
}

/**
 * Asks the runner for a screenshot of the workbench as it is now (test-results/e2e-<name>.png) and waits
 * until the file is there, so the next step cannot change the picture. Without the runner (electron), no-op.
 */
export async function screenshot(name: string, waitForText?: string): Promise<void> {
  const dir = process.env.MLOPS_READINESS_E2E_SCREENSHOTS;
  if (!dir) return;
  // Toasts of earlier tests would cover the editor.
  await vscode.commands.executeCommand('notifications.clearAll');
  const file = path.join(dir, `e2e-${name}.png`);
  fs.rmSync(file, { force: true });
  let watcher: fs.FSWatcher | undefined;
  const written = new Promise<void>((resolve) => {
    watcher = fs.watch(dir, () => fs.existsSync(file) && resolve());
    console.log(`[[screenshot:${name}${waitForText ? `|${waitForText}` : ''}]]`);
    if (fs.existsSync(file)) resolve();
  });
  await withTimeout(written, 20_000, `the screenshot ${name}`).finally(() => watcher?.close());
}

/** The editor shows `uri` (e.g. a file a code action created and asked to show). */
export function activeEditorOn(uri: vscode.Uri, what: string): Promise<vscode.TextEditor> {
  return waitFor(
    () => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined),
    [vscode.window.onDidChangeActiveTextEditor],
    what,
  );
}

/** The selected text of the active editor. */
export function selectedText(editor: vscode.TextEditor): string {
  return editor.document.getText(editor.selection);
}
