// Entry point of the VS Code extension: a thin shell that starts the language server and adds the commands
// and the status item. All checking is the server's.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, SHOW_RULE_DOCS_COMMAND } from './languageClient';
import { showRuleDocs } from './commands/showRuleDocs';
import { checkAll } from './commands/checkAll';
import { newFile, type NewFileArgs } from './commands/newFile';
import { DEFAULT_STORY_ID_PATTERN } from './commands/newFileInputs';
import { StoryIdPatternRequest } from './protocol';
import { ReadinessStatus } from './statusItem';
import { notifyWhenTrusted } from './trust';

/** What `activate` returns: lets end-to-end tests wait for the server instead of sleeping. */
export interface ExtensionApi {
  /** Resolves when the language server is running (rejects if it could not start). */
  ready: Promise<void>;
  /** The language status item's text for the active editor, if one is shown, and when it changes. */
  statusText(): string | undefined;
  /** The item's detail: how long the last check took. */
  statusDetail(): string | undefined;
  onDidChangeStatus: vscode.Event<void>;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  client = createLanguageClient(context);
  const languageClient = client;
  const status = new ReadinessStatus(languageClient);

  context.subscriptions.push(
    vscode.commands.registerCommand('mlopsReadiness.newFile', (args?: NewFileArgs) => newFile(args, storyIdPattern)),
    vscode.commands.registerCommand('mlopsReadiness.checkAll', () => checkAll(languageClient)),
    vscode.commands.registerCommand(SHOW_RULE_DOCS_COMMAND, (code?: unknown) => showRuleDocs(context, code)),
    status,
    notifyWhenTrusted(languageClient),
    languageClient.onDidChangeState(() => status.refresh()),
  );

  async function storyIdPattern(folder: vscode.Uri): Promise<string> {
    if (!languageClient.isRunning()) return DEFAULT_STORY_ID_PATTERN;
    const { pattern } = await languageClient.sendRequest(StoryIdPatternRequest, { uri: folder.toString() });
    return pattern || DEFAULT_STORY_ID_PATTERN;
  }

  const ready = languageClient.start().catch((error: unknown) => {
    void vscode.window.showErrorMessage(`MLOps Readiness: the language server did not start: ${String(error)}`);
    throw error;
  });
  ready.catch(() => undefined); // reported above; keep the rejection for API callers only
  return { ready, statusText: () => status.current?.text, statusDetail: () => status.current?.detail, onDidChangeStatus: status.onDidChange };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
