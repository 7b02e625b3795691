// Settings under mlopsReadiness.* take effect without a reload.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VALID, codeOf, lineOf, open, ours, serverReady, waitForDiagnostics, workspaceUri } from './helpers';

const config = () => vscode.workspace.getConfiguration('mlopsReadiness');

describe('settings', () => {
  before(serverReady);
  afterEach(async () => {
    await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('files', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('mlopsReadiness.rules changes a rule\'s severity, and "off" silences it', async () => {
    const uri = workspaceUri(VALID);
    const editor = await open(uri);
    const line = lineOf(editor.document, '**Reviewed by committee**');
    const start = editor.document.lineAt(line).text.indexOf('pr_review-2026-10-30-04');
    await editor.edit((b) => b.replace(new vscode.Range(line, start, line, start + 'pr_review-2026-10-30-04'.length), '<id>'));
    const isPlaceholder = (d: vscode.Diagnostic) => codeOf(d) === 'RDY001' && d.range.start.line === line;
    await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => isPlaceholder(d) && d.severity === vscode.DiagnosticSeverity.Error), 'the placeholder as an error');

    await config().update('rules', { RDY001: 'warning' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => isPlaceholder(d) && d.severity === vscode.DiagnosticSeverity.Warning), 'the placeholder as a warning');

    await config().update('rules', { RDY001: 'off' }, vscode.ConfigurationTarget.Workspace);
    const off = await waitForDiagnostics(uri, (ds) => !ours(ds).some(isPlaceholder), 'the placeholder rule off');
    assert.equal(ours(off).some(isPlaceholder), false);
    await vscode.commands.executeCommand('undo');
  });

  it('mlopsReadiness.files decides which Markdown files are readiness files', async () => {
    const notes = workspaceUri('notes', 'meeting.md');
    await open(notes);
    await config().update('files', ['**/notes/*.md'], vscode.ConfigurationTarget.Workspace);
    const flagged = await waitForDiagnostics(notes, (ds) => ours(ds).length > 0, 'notes/meeting.md checked once it matches the globs');
    assert.ok(ours(flagged).length > 0);
    await config().update('files', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(notes, (ds) => ours(ds).length === 0, 'notes/meeting.md left alone again');
  });
});
