// Entry point of the VS Code extension on the desktop (and wherever a Node extension host runs): a thin
// shell that starts the language server as a Node process; ./activation.ts adds the commands and the
// status item. All checking is the server's. The browser's entry is ./browser/extension.ts.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startExtension, type ExtensionApi } from './activation';
import { createLanguageClient } from './languageClient';

export type { ExtensionApi } from './activation';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  client = createLanguageClient(context);
  return startExtension(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
