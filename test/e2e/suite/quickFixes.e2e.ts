// The quick fixes the lightbulb offers, applied as VS Code applies them: the problem goes away, no error is added,
// and where the answer is the author's (a reason), the fix leaves a selected placeholder that keeps the error.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activeEditorOn, applyAction, codeOf, describeDiagnostics, errors, offered, open, ours, quickFixes, readText, screenshot, selectedText, serverReady,
  waitForDiagnostics, workspaceUri, writeVariant,
} from './helpers';

async function fixAndCheck(uri: vscode.Uri, title: RegExp): Promise<string> {
  const editor = await open(uri);
  const before = await waitForDiagnostics(uri, (ds) => errors(ds).length > 0, 'the defect to be flagged');
  const fix = await offered(uri, title, before);
  const fixedCode = codeOf(fix.diagnostic);

  await applyAction(fix.action);
  const after = await waitForDiagnostics(uri, (ds) => !ours(ds).some((d) => codeOf(d) === fixedCode), `${fixedCode} to go away`);
  const key = (d: vscode.Diagnostic) => `${codeOf(d)} ${d.message}`;
  const previous = new Set(errors(before).map(key));
  assert.deepEqual(errors(after).filter((d) => !previous.has(key(d))).map(key), [], 'the fix added no error');
  return editor.document.getText();
}

const SHADOW_14D = '| Shadow | 0% (predictions logged, not acted) | 14d |';
const SHADOW_3D = '| Shadow | 0% (predictions logged, not acted) | 3d |';

describe('quick fixes', () => {
  before(serverReady);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('"Add P1 alert row" adds a paging P1 alert to §2, its name a selected tab stop', async () => {
    const uri = await writeVariant('CVN-N011-EA-S21', (t) => t.replace('| P1 | Pagerduty |', '| P2 | Slack |'));
    const text = await fixAndCheck(uri, /^Add (missing )?P1 alert row/);
    const rows = text.split('\n').filter((l) => /^\|.*\|\s*P1\s*\|/.test(l));
    assert.equal(rows.length, 1, 'one P1 row');
    assert.match(rows[0]!, /Pagerduty/);
    assert.equal(selectedText(vscode.window.activeTextEditor!), '`pnl_per_trade_p1`', 'the snippet selects the alert name');
  });

  it('"Create runbook" writes the missing runbook of the new P1 row and opens it', async () => {
    const uri = await writeVariant('CVN-N011-EA-S25', (t) => t.replace('| P1 | Pagerduty |', '| P2 | Slack |'));
    await fixAndCheck(uri, /^Add P1 alert row/);
    const runbook = workspaceUri('documentation', 'runbooks', 'pnl-per-trade-p1.md');
    const missing = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY206'), 'the missing runbook warning');
    const create = await offered(uri, /^Create runbook documentation\/runbooks\/pnl-per-trade-p1\.md$/, missing);
    await applyAction(create.action);
    const editor = await activeEditorOn(runbook, 'the new runbook to be shown');
    const text = editor.document.getText();
    for (const heading of ['## Symptom', '## Diagnosis steps', '## Remediation', '## Escalation']) assert.ok(text.includes(`\n${heading}\n`), heading);
    assert.match(text, /^Dashboard: https:\/\/grafana\.cvn-trading\.com\/d\/ea-s11\/entry-alignment\?orgId=1&viewPanel=5$/m);
    assert.match(text, /^Logs: Loki `\{job="<job>"\} \|= "pnl_per_trade_p1"`$/m);
    await screenshot('create-runbook');
    await editor.document.save();
    assert.equal(await readText(runbook), text, 'saved as shown');
    await waitForDiagnostics(uri, (ds) => !ours(ds).some((d) => codeOf(d) === 'RDY206'), 'the missing-runbook warning to go');
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
  });

  it('a short shadow is offered "Set shadow duration to 7d" first, and it passes', async () => {
    const uri = await writeVariant('CVN-N011-EA-S23', (t) => t.replace(SHADOW_14D, SHADOW_3D));
    await open(uri);
    const before = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY402'), 'the short shadow');
    const fixes = (await quickFixes(uri)).filter((f) => codeOf(f.diagnostic) === 'RDY402');
    assert.equal(fixes[0]?.action.title, 'Set shadow duration to 7d', fixes.map((f) => f.action.title).join('\n'));
    assert.equal(fixes[0]?.action.isPreferred, true);
    const text = await fixAndCheck(uri, /^Set shadow duration to 7d$/);
    assert.ok(text.includes('| Shadow | 0% (predictions logged, not acted) | 7d |'), describeDiagnostics(before));
  });

  it('"Insert SKIP — JUSTIFICATION" selects a <reason> placeholder that stays an error until a reason is typed', async () => {
    const uri = await writeVariant('CVN-N011-EA-S22', (t) => t.replace(SHADOW_14D, SHADOW_3D));
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY402'), 'the short shadow');
    const skip = await offered(uri, /^Insert SKIP/, before);
    await applyAction(skip.action);
    assert.match(editor.document.getText(), /\*\*SKIP — JUSTIFICATION\*\*: calibration-only, shadow=3d because <reason>\n/);
    assert.equal(selectedText(editor), '<reason>', 'the placeholder is selected, so typing replaces it');
    await waitForDiagnostics(uri, (ds) => errors(ds).some((d) => codeOf(d) === 'RDY402' && d.range.start.line === editor.selection.start.line), 'the placeholder to stay an error');
    editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
    await screenshot('skip-reason-tab-stop');
    await vscode.commands.executeCommand('type', { text: 'only the isotonic map on buy_proba changes, features are untouched' });
    await waitForDiagnostics(uri, (ds) => !ours(ds).some((d) => codeOf(d) === 'RDY402'), 'a real reason to settle the shadow');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });
});
