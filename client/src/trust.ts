// In an untrusted workspace the server runs limited (open buffers only, no cross-file reads). When the user
// grants trust, tell the running server so that full checks start at once, without a restart; a later
// restart picks the trust up from initializationOptions. VS Code never revokes trust without a reload.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { SetTrustedNotification } from './protocol';

export function notifyWhenTrusted(client: LanguageClient): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    if (!client.isRunning()) return; // it will start with trusted: true
    client.sendNotification(SetTrustedNotification, { trusted: true }).catch((error: unknown) => {
      client.error('Could not tell the server that the workspace is trusted; restarting it', error);
      void client.stop().then(() => client.start()); // restart; the browser's client has no restart()
    });
  });
}
