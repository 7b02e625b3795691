// Restricted mode (an untrusted workspace): the extension runs "limited", as package.json declares —
// open readiness files are checked from their text alone; no other file of the workspace is read.
// Runs only in the untrusted pass of the runner (node test/e2e/run-code-server.mjs --untrusted), alone.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, open, ours, serverReady, waitForDiagnostics, writeVariant } from './helpers';

describe('untrusted workspace', () => {
  before(serverReady);

  it('is really untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('checks an open file from its text, without reading the runbooks it links', async () => {
    const uri = await writeVariant('CVN-N011-EA-S51', (t) =>
      t
        .replace('documentation/runbooks/ea-s11-signal-starvation.md', 'documentation/runbooks/not-written-yet.md')
        .replace('**Owner**: @ana-m', '**Owner**: <github handle>'),
    );
    await open(uri);
    const diagnostics = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY001'), 'the placeholder, found in the text');
    assert.deepEqual(
      ours(diagnostics).filter((d) => codeOf(d) === 'RDY206' || codeOf(d) === 'RDY207'),
      [],
      `no runbook was read:\n${describeDiagnostics(diagnostics)}`,
    );
  });

  it('does not check readiness files that are not open', async () => {
    const uri = await writeVariant('CVN-N011-EA-S52', (t) => t.replace('**Filled on**: 2026-11-02', '**Filled on**: 2026-02-30'));
    await vscode.commands.executeCommand('mlopsReadiness.checkAll');
    assert.deepEqual(ours(vscode.languages.getDiagnostics(uri)), []);
  });
});
