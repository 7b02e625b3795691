// "MLOps Readiness: Check all readiness files": the server re-checks the workspace; the command ends with a
// summary (files, errors, warnings) and a button that opens Problems, where the findings are.
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { CheckAllRequest, type CheckAllResult } from '../protocol';
import { checkAllSummary } from '../summaries';

export const OPEN_PROBLEMS = 'Open Problems';

export async function checkAll(client: LanguageClient): Promise<CheckAllResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Checking readiness files' },
    () => client.sendRequest(CheckAllRequest, {}),
  );
  const summary = checkAllSummary(result);
  // Not awaited: the command's result (for tasks and tests) does not wait for the user to click.
  const shown = result.errors > 0 ? vscode.window.showWarningMessage(summary, OPEN_PROBLEMS) : vscode.window.showInformationMessage(summary, OPEN_PROBLEMS);
  void shown.then((choice) => choice === OPEN_PROBLEMS && vscode.commands.executeCommand('workbench.actions.view.problems'));
  return result;
}
