// The language status item of the active readiness file: "N/7 sections passing, E errors, W warnings".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VALID, describeDiagnostics, errors, extension, open, ours, serverReady, waitFor, waitForDiagnostics, workspaceUri, writeVariant } from './helpers';

function count(uri: vscode.Uri, severity: vscode.DiagnosticSeverity): number {
  return ours(vscode.languages.getDiagnostics(uri)).filter((d) => d.severity === severity).length;
}

async function statusMatching(pattern: () => RegExp, what: string): Promise<string> {
  const api = (await extension()).exports;
  return waitFor(
    () => (pattern().test(api.statusText() ?? '') ? api.statusText() : undefined),
    [api.onDidChangeStatus, vscode.languages.onDidChangeDiagnostics, vscode.window.onDidChangeActiveTextEditor],
    what,
  );
}

describe('status item', () => {
  before(serverReady);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows all 7 sections passing for the valid file', async () => {
    await open(workspaceUri(VALID));
    const text = await statusMatching(() => /^7\/7 sections passing, 0 errors, 0 warnings$/, 'a clean status');
    assert.equal(text, '7/7 sections passing, 0 errors, 0 warnings');
  });

  it('counts the same errors and warnings as Problems for a defective file', async () => {
    const uri = await writeVariant('CVN-N011-EA-S31', (t) =>
      t.replace('| P1 | Pagerduty |', '| P2 | Slack |'),
    );
    await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (ds) => errors(ds).length > 0, 'the missing P1 alert');
    const expected = () => {
      const e = count(uri, vscode.DiagnosticSeverity.Error);
      const w = count(uri, vscode.DiagnosticSeverity.Warning);
      return new RegExp(`^[0-6]/7 sections passing, ${e} errors?, ${w} warnings?$`);
    };
    await statusMatching(expected, `the status item to match Problems:\n${describeDiagnostics(diagnostics)}`);
  });

  it('is not shown for Markdown that is not a readiness file', async () => {
    await open(workspaceUri(VALID));
    await statusMatching(() => /sections passing/, 'the status of the readiness file');
    await open(workspaceUri('notes', 'meeting.md'));
    const api = (await extension()).exports;
    await waitFor(() => (api.statusText() === undefined ? true : undefined), [api.onDidChangeStatus], 'the status item to go away');
  });
});
