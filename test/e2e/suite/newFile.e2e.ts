// "MLOps Readiness: New readiness file", run with its three answers given as arguments (the prompts
// themselves are exercised in the UI smoke test, test/e2e/ui-smoke.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TEMPLATE_TEXT } from '../../../server/src/service/template/templateText';
import { codeOf, describeDiagnostics, ours, readText, serverReady, waitForDiagnostics, workspaceUri } from './helpers';

const answers = { storyId: 'CVN-N042-XY-S07', title: 'Calibrated exit thresholds', owner: '@r-santos' };

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

describe('New readiness file', () => {
  before(serverReady);
  afterEach(async () => {
    await vscode.workspace.getConfiguration('mlopsReadiness').update('readinessFolder', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes the template filled with the answers and today, and opens it on the first placeholder', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri>('mlopsReadiness.newFile', answers);
    const expected = workspaceUri('documentation', 'readiness', 'CVN-N042-XY-S07.md');
    assert.equal(created?.toString(), expected.toString());
    const text = await readText(expected);
    const lines = text.split('\n');
    assert.equal(lines[0], '# MLOps readiness — CVN-N042-XY-S07 Calibrated exit thresholds');
    assert.equal(lines[2], '**Story**: CVN-N042-XY-S07 — #<issue> + wp#<id>');
    assert.match(lines[3]!, /^\*\*Owner\*\*: @r-santos /);
    assert.equal(lines[4], `**Filled on**: ${localToday()}`);

    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), expected.toString(), 'the new file is the active editor');
    assert.equal(editor.document.getText(editor.selection), '<issue>', 'the first placeholder is selected');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.isPreview, false, 'a normal tab, not a preview one');

    // The checker flags what is left to fill in, and nothing of what the command filled in: the same
    // findings as on the raw template, except on the lines the command filled.
    const diagnostics = await waitForDiagnostics(expected, (ds) => ours(ds).some((d) => d.range.start.line === 2), 'placeholder diagnostics');
    const sunsetLine = lines.findIndex((l) => l.startsWith('- **Sunset date**'));
    // The template calls the Owner the DRI: the command fills the DRI line with the owner too.
    const driLine = lines.findIndex((l) => l.startsWith('- **DRI**'));
    assert.match(lines[driLine]!, /^- \*\*DRI\*\*: `@r-santos`/);
    const filledLines = [0, 3, 4, driLine, sunsetLine];
    const onFilled = ours(diagnostics).filter((d) => filledLines.includes(d.range.start.line));
    assert.equal(describeDiagnostics(onFilled), '', 'no diagnostic on the title, owner, filled-on, DRI and sunset lines');
    const onStory = ours(diagnostics).filter((d) => d.range.start.line === 2);
    assert.deepEqual(onStory.map((d) => `${codeOf(d)} ${editor.document.getText(d.range)}`), ['RDY001 <issue>', 'RDY001 <id>'], 'the story line: two placeholders');

    const raw = workspaceUri('documentation', 'readiness', 'raw-template-readiness.md');
    await vscode.workspace.fs.writeFile(raw, new TextEncoder().encode(TEMPLATE_TEXT));
    const rawDiagnostics = await waitForDiagnostics(raw, (ds) => ours(ds).length > 0, 'the raw template\'s diagnostics');
    const rest = (ds: vscode.Diagnostic[]) =>
      ours(ds)
        .filter((d) => ![...filledLines, 2].includes(d.range.start.line))
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)}`)
        .sort();
    assert.deepEqual(rest(diagnostics), rest(rawDiagnostics), 'elsewhere, the same findings as the raw template');
    await vscode.workspace.fs.delete(raw);
  });

  it('refuses to overwrite an existing file', async () => {
    const target = workspaceUri('documentation', 'readiness', 'CVN-N042-XY-S07.md');
    if (!(await exists(target))) await vscode.commands.executeCommand('mlopsReadiness.newFile', answers);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('# MLOps readiness — CVN-N042-XY-S07 edited by hand\n'));
    const second = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlopsReadiness.newFile', { ...answers, title: 'Another title' });
    assert.equal(second, undefined);
    assert.equal(await readText(target), '# MLOps readiness — CVN-N042-XY-S07 edited by hand\n');
  });

  it('rejects a story id that does not match the pattern, and writes nothing', async () => {
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('mlopsReadiness.newFile', { ...answers, storyId: 'JIRA-123' });
    assert.equal(result, undefined);
    assert.equal(await exists(workspaceUri('documentation', 'readiness', 'JIRA-123.md')), false);
  });

  it('writes into the folder set by mlopsReadiness.readinessFolder, without a reload', async () => {
    await vscode.workspace.getConfiguration('mlopsReadiness').update('readinessFolder', 'docs/ready', vscode.ConfigurationTarget.Workspace);
    const created = await vscode.commands.executeCommand<vscode.Uri>('mlopsReadiness.newFile', { ...answers, storyId: 'CVN-N042-XY-S08' });
    assert.equal(created?.toString(), workspaceUri('docs', 'ready', 'CVN-N042-XY-S08.md').toString());
    assert.ok(await exists(created));
  });
});
