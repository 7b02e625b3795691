// Starts the language server as a Node process and connects it to VS Code. No checking happens here: the server does it all.
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, clientOptions } from './clientOptions';
import { SERVER_EXEC_ARGV } from './serverProcess';

export { CLIENT_ID, documentSelector } from './clientOptions';

export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    // `--nolazy` so breakpoints bind before the code first runs; attach a debugger to port 6009.
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009', ...SERVER_EXEC_ARGV] } },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions());
}
