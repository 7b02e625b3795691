// What only VS Code shows: the rule link opening the bundled page in the Markdown preview, an outline that
// lists each heading once next to the Markdown extension's, the whole-file snippet's tab stops, fix on save,
// the Check all summary and the status item's check time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  VALID, codeOf, extension, open, ours, screenshot, selectedText, serverReady, waitFor, waitForDiagnostics, workspaceUri, writeVariant,
} from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** Every symbol's name, depth first, across the providers VS Code merges into one outline. */
function names(symbols: vscode.DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);
}

describe('editor details', () => {
  before(serverReady);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('the rule code links the bundled page, which opens in the Markdown preview', async () => {
    const uri = await writeVariant('CVN-N011-EA-S41', (t) => t.replace('| P1 | Pagerduty |', '| P2 | Slack |'));
    await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY201'), 'the missing P1 alert');
    const p1 = ours(diagnostics).find((d) => codeOf(d) === 'RDY201')!;
    const target = (p1.code as { value: string; target: vscode.Uri }).target;
    assert.equal(target.scheme, 'command');
    assert.equal(target.path, 'mlopsReadiness.showRuleDocs');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, p1.range.start);
    assert.ok(hoverText(hovers).includes(`[Documentation of RDY201](${target.toString(true)})`) || hoverText(hovers).includes('(command:mlopsReadiness.showRuleDocs'), hoverText(hovers));

    // What a click on the code does: run the command with the link's arguments.
    const shown = await vscode.commands.executeCommand<vscode.Uri | undefined>(target.path, ...(JSON.parse(decodeURIComponent(target.query)) as unknown[]));
    assert.match(shown?.path ?? '', /\/docs\/rules\/RDY201\.md$/);
    const preview = () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && /RDY201/.test(tab.label));
    await waitFor(preview, [vscode.window.tabGroups.onDidChangeTabs], 'the Markdown preview of RDY201.md');
    await screenshot('rule-docs-preview', 'p1-alert-required');
  });

  it('the outline lists each heading once, with the metrics, alerts and stages the server adds', async () => {
    const uri = workspaceUri(VALID);
    const editor = await open(uri);
    const headings = editor.document.getText().split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => l.replace(/^#+\s+/, '').trim());
    // The two providers VS Code shows side by side: the Markdown extension's headings, and the server's.
    await vscode.extensions.getExtension('vscode.markdown-language-features')?.activate();
    await waitForDiagnostics(uri, () => true, 'the server to have checked the file');
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
    // The Markdown extension names a heading with its marks (`## 2. Alerting…`).
    const all = names(symbols).map((name) => name.replace(/^#+\s+/, ''));
    for (const heading of headings) assert.equal(all.filter((n) => n === heading).length, 1, `"${heading}" once in ${all.join(' | ')}`);
    for (const added of ['§1 metrics', '§2 alerts', '§4 stages', 'ea_s11_expectancy_negative', 'Canary']) assert.ok(all.includes(added), added);
    const canary = editor.document.positionAt(editor.document.getText().indexOf('| Canary |') + 3);
    editor.selection = new vscode.Selection(canary, canary);
    editor.revealRange(new vscode.Range(canary, canary), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('outline.focus');
    await screenshot('outline');
    // Go to Symbol lists both providers' symbols in one list: each heading once, the server's entries with them.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.gotoSymbol');
    await screenshot('outline-go-to-symbol', '§4 stages');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  it("the whole-file snippet's #<issue> and wp#<id> tab stops leave the # outside", async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'MLOps readiness: whole file' });
    await waitFor(() => (document.getText().includes('**Story**') ? true : undefined), [vscode.workspace.onDidChangeTextDocument], 'the snippet');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(selectedText(editor), '<issue>');
    await screenshot('snippet-issue-tab-stop');
    await vscode.commands.executeCommand('type', { text: '412' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(selectedText(editor), '<id>');
    await vscode.commands.executeCommand('type', { text: '92' });
    const story = document.getText().split('\n').find((l) => l.startsWith('**Story**'));
    assert.match(story ?? '', / — #412 \+ wp#92$/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('fixes on save with "editor.codeActionsOnSave": {"source.fixAll.mlopsReadiness": "explicit"}', async () => {
    const markdown = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await markdown.update('codeActionsOnSave', { 'source.fixAll.mlopsReadiness': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const uri = await writeVariant('CVN-N011-EA-S42', (t) => t.replace('| counter | Prometheus |', '| Counter (per hour) | Prometheus |'));
      const editor = await open(uri);
      await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY111'), 'the wrong metric type');
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n'));
      const saved = new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidSaveTextDocument((d) => d.uri.toString() === uri.toString() && (subscription.dispose(), resolve()));
      });
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor(() => (editor.document.isDirty ? undefined : true), [vscode.workspace.onDidSaveTextDocument], 'the save');
      await saved;
      assert.ok(editor.document.getText().includes('| counter | Prometheus |') && !editor.document.getText().includes('Counter (per hour)'), 'the safe fix was applied on save');
      await waitForDiagnostics(uri, (ds) => !ours(ds).some((d) => codeOf(d) === 'RDY111'), 'the finding to go');
      await screenshot('fix-on-save');
    } finally {
      await markdown.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
    }
  });

  it('"Check all readiness files" ends with a summary, and the status item says how long the check took', async () => {
    const result = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number }>('mlopsReadiness.checkAll');
    assert.ok(result && result.files >= 1);
    await screenshot('check-all-summary');
    await open(workspaceUri(VALID));
    const api = (await extension()).exports as unknown as { statusDetail(): string | undefined; onDidChangeStatus: vscode.Event<void> };
    const detail = await waitFor(() => api.statusDetail(), [api.onDidChangeStatus], 'the status detail');
    assert.match(detail, /^Last check took \d+(\.\d)? ms$/);
  });
});
