// Entry point of the extension in VS Code for the Web (vscode.dev, github.dev) and in any Web Worker
// extension host: the same language server runs in a Web Worker, and reads the workspace's files
// through this client (./workspaceFiles.ts). The commands and status item are the desktop's (../activation.ts).
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { startExtension, type ExtensionApi } from '../activation';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from '../clientOptions';
import { serveWorkspaceFiles } from './workspaceFiles';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'server/out/browser.js');
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, () => startWorker(serverMain), clientOptions());
  context.subscriptions.push(...serveWorkspaceFiles(client));
  return startExtension(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * The server's worker, with its transports made here: the extension host replaces the global `Worker`
 * with a function, so the library's own `instanceof Worker` test would not recognise the worker. A URL the browser can load (vscode.dev's https:, a local file:) is loaded as is.
 * An extension served by a remote (code-server, a tunnel) has a `vscode-remote:` URI, from which the
 * extension host refuses to start workers: its text is read through the workbench and run from a blob.
 */
async function startWorker(serverMain: vscode.Uri): Promise<MessageTransports> {
  const worker = new Worker(await workerUrl(serverMain), { name: 'MLOps Readiness language server' });
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

async function workerUrl(serverMain: vscode.Uri): Promise<string> {
  if (serverMain.scheme !== 'vscode-remote') return serverMain.toString(true);
  const source = await vscode.workspace.fs.readFile(serverMain);
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

/** The worker API of the browser (this project's type checking has the Node and VS Code libraries only). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof BrowserMessageReader>[0];
