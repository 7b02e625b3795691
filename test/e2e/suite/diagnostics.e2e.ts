// Diagnostics from the language server, as VS Code shows them in the editor and in Problems.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  VALID, codeOf, describeDiagnostics, lineOf, open, ours, serverReady, waitForDiagnostics, workspaceUri, writeVariant,
} from './helpers';

describe('diagnostics', () => {
  before(serverReady);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('flags a placeholder typed into a valid file on its exact range, and clears it on undo', async () => {
    const uri = workspaceUri(VALID);
    const editor = await open(uri);
    const line = lineOf(editor.document, '**Owner**');
    const start = editor.document.lineAt(line).text.indexOf('@ana-m');
    await editor.edit((b) => b.replace(new vscode.Range(line, start, line, start + '@ana-m'.length), '<github handle>'));

    const diagnostics = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => d.range.start.line === line), 'a placeholder diagnostic');
    const placeholder = ours(diagnostics).find((d) => d.range.start.line === line)!;
    assert.equal(codeOf(placeholder), 'RDY001', describeDiagnostics(diagnostics));
    assert.equal(placeholder.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      [placeholder.range.start.character, placeholder.range.end.character],
      [start, start + '<github handle>'.length],
      'the diagnostic covers exactly the placeholder',
    );
    const code = placeholder.code as { value: string; target: vscode.Uri };
    assert.ok(code.target, 'the code links to the rule documentation');

    await vscode.commands.executeCommand('undo');
    const after = await waitForDiagnostics(uri, (ds) => ours(ds).length === 0, 'no diagnostics after undo');
    assert.deepEqual(ours(after), []);
  });

  it('leaves other Markdown alone until its first heading says "MLOps readiness"', async () => {
    const uri = workspaceUri('notes', 'meeting.md');
    const editor = await open(uri);
    assert.deepEqual(ours(vscode.languages.getDiagnostics(uri)), []);
    await editor.edit((b) => b.replace(editor.document.lineAt(0).range, '# MLOps readiness — CVN-N001-AB-S01 Meeting notes'));
    const flagged = await waitForDiagnostics(uri, (ds) => ours(ds).length > 0, 'diagnostics once it is a readiness file');
    assert.ok(ours(flagged).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 'missing sections are errors');

    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, (ds) => ours(ds).length === 0, 'no diagnostics once it is plain Markdown again');
  });

  it('checks readiness files that are not open, and "Check all" re-checks the workspace', async () => {
    const uri = await writeVariant('CVN-N011-EA-S12', (t) =>
      t.replace('**Filled on**: 2026-11-02', '**Filled on**: 2026-02-30'),
    );
    const diagnostics = await waitForDiagnostics(uri, (ds) => ours(ds).length > 0, 'diagnostics on a file never opened');
    assert.ok(
      ours(diagnostics).some((d) => d.range.start.line === 4),
      `the impossible date 2026-02-30 is flagged:\n${describeDiagnostics(diagnostics)}`,
    );
    assert.equal(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), false, 'the file was never opened');

    const result = await vscode.commands.executeCommand<{ files: number }>('mlopsReadiness.checkAll');
    assert.ok(result && result.files >= 2, `checked ${JSON.stringify(result)}`);
    await vscode.workspace.fs.delete(uri);
    await waitForDiagnostics(uri, (ds) => ours(ds).length === 0, 'diagnostics cleared when the file is deleted');
  });

  it('reads the workspace: a runbook path to a missing file is flagged (RDY206)', async () => {
    const uri = await writeVariant('CVN-N011-EA-S13', (t) =>
      t.replace('documentation/runbooks/ea-s11-signal-starvation.md', 'documentation/runbooks/not-written-yet.md'),
    );
    const diagnostics = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY206'), 'the missing runbook warning');
    const missing = ours(diagnostics).find((d) => codeOf(d) === 'RDY206')!;
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(missing.message, /not-written-yet\.md/);
    await vscode.workspace.fs.delete(uri);
  });
});
