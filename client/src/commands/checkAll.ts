// "MLOps Readiness: Check all readiness files": the server re-checks the workspace, then Problems shows the result.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CheckAllRequest, type CheckAllResult } from '../protocol';

export async function checkAll(client: LanguageClient): Promise<CheckAllResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Checking readiness files' },
    () => client.sendRequest(CheckAllRequest, {}),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  return result;
}
