// The quick fixes the lightbulb offers, applied as VS Code applies them: the problem goes away, no error is added.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyAction, codeOf, describeDiagnostics, errors, open, ours, quickFixes, serverReady, waitForDiagnostics, writeVariant,
} from './helpers';

async function fixAndCheck(uri: vscode.Uri, title: RegExp): Promise<string> {
  const editor = await open(uri);
  const before = await waitForDiagnostics(uri, (ds) => errors(ds).length > 0, 'the defect to be flagged');
  const fixes = await quickFixes(uri);
  const fix = fixes.find((f) => title.test(f.action.title));
  assert.ok(fix, `no quick fix titled ${title}; offered:\n${fixes.map((f) => `${codeOf(f.diagnostic)}: ${f.action.title}`).join('\n')}\nfor\n${describeDiagnostics(before)}`);
  const fixedCode = codeOf(fix.diagnostic);

  await applyAction(fix.action);
  const after = await waitForDiagnostics(uri, (ds) => !ours(ds).some((d) => codeOf(d) === fixedCode), `${fixedCode} to go away`);
  const key = (d: vscode.Diagnostic) => `${codeOf(d)} ${d.message}`;
  const previous = new Set(errors(before).map(key));
  assert.deepEqual(errors(after).filter((d) => !previous.has(key(d))).map(key), [], 'the fix added no error');
  return editor.document.getText();
}

describe('quick fixes', () => {
  before(serverReady);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('"Add P1 alert row" adds a paging P1 alert to §2', async () => {
    const uri = await writeVariant('CVN-N011-EA-S21', (t) =>
      t.replace('| P1 | Pagerduty |', '| P2 | Slack |'),
    );
    const text = await fixAndCheck(uri, /^Add (missing )?P1 alert row/);
    const rows = text.split('\n').filter((l) => /^\|.*\|\s*P1\s*\|/.test(l));
    assert.equal(rows.length, 1, 'one P1 row');
    assert.match(rows[0]!, /Pagerduty/);
  });

  it('"Insert SKIP — JUSTIFICATION" accepts a calibration-only shadow stage shorter than 7 days', async () => {
    const uri = await writeVariant('CVN-N011-EA-S22', (t) =>
      t
        .replace('| Shadow | 0% (predictions logged, not acted) | 14d |', '| Shadow | 0% (predictions logged, not acted) | 3d |'),
    );
    const text = await fixAndCheck(uri, /^Insert SKIP/);
    assert.match(text, /SKIP — JUSTIFICATION\*\*: calibration-only, shadow=3d because /);
  });
});
