// Hovers and completions from the language server, through VS Code's own provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VALID, lineOf, open, serverReady, workspaceUri } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hovers and completions', () => {
  before(serverReady);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('a section heading explains what the section must contain', async () => {
    const editor = await open(workspaceUri(VALID));
    const line = lineOf(editor.document, '## 2. Alerting');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 8));
    const text = hoverText(hovers);
    assert.match(text, /P1/, `hover: ${text}`);
    assert.match(text, /runbook/i, `hover: ${text}`);
  });

  it('the Type cell of a metric row completes counter, gauge and histogram', async () => {
    const editor = await open(workspaceUri(VALID));
    const header = lineOf(editor.document, '| Metric | Type |');
    const row = '| `new_metric` |  | Prometheus | https://grafana.example.com/d/x | warn `> 1` / crit `> 2` | `@ana-m` |';
    await editor.edit((b) => b.insert(new vscode.Position(header + 2, 0), `${row}\n`));
    const inTypeCell = new vscode.Position(header + 2, '| `new_metric` | '.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, inTypeCell);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const expected of ['counter', 'gauge', 'histogram']) assert.ok(labels.includes(expected), `${expected} in ${labels.join(', ')}`);
    await vscode.commands.executeCommand('undo');
  });

  it('an Owner place completes the handles of CODEOWNERS', async () => {
    const editor = await open(workspaceUri(VALID));
    const line = lineOf(editor.document, '- **Backup DRI**');
    const at = editor.document.lineAt(line).text.indexOf('`@li-wei`') + 1;
    await editor.edit((b) => b.delete(new vscode.Range(line, at, line, at + '@li-wei'.length)));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, at));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.replace(/^@/, '') === 'r-santos'), `@r-santos (only in CODEOWNERS) in ${labels.join(', ')}`);
    await vscode.commands.executeCommand('undo');
  });
});
