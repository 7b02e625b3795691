// The browser's language server (server/out/browser.js, a Web Worker in VS Code for the Web) gives the
// Node server's findings on the same files, although it reads every file through its client; it never
// asks for a file outside the workspace folder, and a file written later is read again when the client
// reports the change. Runtime: the built bundles (`node esbuild.mjs`).
import * as assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { BrowserLspClient, FOLDER_URI } from './lsp/browserClient';
import { LspClient, messageOf } from './lsp/client';
import { replaceOnce, TempWorkspace, validText } from './lsp/workspace';

const EXAMPLES = [
  'documentation/readiness/CVN-N011-EA-S11.md',
  'documentation/readiness/CVN-N012-FX-S03.md',
  'documentation/readiness/CVN-N014-LB-S02.md',
  'documentation/readiness/CVN-N015-CAL-S01.md',
];
const LATE_RUNBOOK = 'documentation/runbooks/ea-s11-written-later.md';
const LINKED_RUNBOOK = 'documentation/runbooks/ea-s11-linked-outside.md';
const DEFECTIVE = 'documentation/readiness/CVN-N011-EA-S50.md';
const CLOSED = 'documentation/readiness/CVN-N011-EA-S51.md';

/** What a user sees of a finding; URIs differ between the two (file: and the virtual folder). */
const seen = (ds: Diagnostic[]) => ds.map((d) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character} ${messageOf(d)}`).sort();

describe('the browser language server', () => {
  const ws = new TempWorkspace();
  let node: LspClient;
  let web: BrowserLspClient;
  // The valid example with a runbook not written yet, one that is a link to a file outside the workspace,
  // and a placeholder owner; and a closed copy that only the workspace scan finds.
  const defective = replaceOnce(
    replaceOnce(
      replaceOnce(validText(), '`documentation/runbooks/ea-s11-signal-starvation.md`', `\`${LATE_RUNBOOK}\``),
      '`documentation/runbooks/ea-s11-feature-pipeline-failures.md`',
      `\`${LINKED_RUNBOOK}\``,
    ),
    '- **DRI**: `@ana-m`',
    '- **DRI**: `<handle>`',
  ).replace(/CVN-N011-EA-S11/g, 'CVN-N011-EA-S50');

  before(async () => {
    const outside = join(ws.root, '..', `${ws.root.split('/').pop()}-outside.md`);
    writeFileSync(outside, '# A runbook outside the workspace\n');
    symlinkSync(outside, ws.path(LINKED_RUNBOOK));
    ws.write(DEFECTIVE, defective);
    ws.write(CLOSED, defective.replace(/CVN-N011-EA-S50/g, 'CVN-N011-EA-S51'));
    node = await LspClient.start({ folders: [ws.root] });
    web = await BrowserLspClient.start(ws.root);
  });
  after(async () => {
    await node?.shutdown();
    await web?.stop();
    ws.dispose();
  });

  it('gives the Node server’s findings for every example and a defective file', async () => {
    for (const file of [...EXAMPLES, DEFECTIVE]) {
      const text = ws.read(file);
      await node.open(ws.uri(file), text);
      await web.open(file, text);
      const desktop = await node.waitForDiagnostics(ws.uri(file));
      const browser = await web.waitForDiagnostics(file);
      assert.deepEqual(seen(browser.diagnostics), seen(desktop.diagnostics), file);
    }
    const defects = seen((await web.waitForDiagnostics(DEFECTIVE)).diagnostics).join('\n');
    assert.match(defects, new RegExp(`RDY206 .*Runbook ${LATE_RUNBOOK} does not exist`), 'the missing runbook is reported');
    assert.match(defects, new RegExp(`RDY206 .*Runbook ${LINKED_RUNBOOK} does not exist`), 'the link leaving the workspace is not followed');
    assert.doesNotMatch(defects, /ea-s11-expectancy-negative\.md does not exist/, 'the existing runbook is found');
  });

  it('publishes a closed readiness file found by the workspace scan, as the Node server does', async () => {
    const browser = await web.waitForDiagnostics(CLOSED, (p) => p.diagnostics.length > 0);
    const desktop = await node.waitForDiagnostics(ws.uri(CLOSED), (p) => p.diagnostics.length > 0);
    assert.deepEqual(seen(browser.diagnostics), seen(desktop.diagnostics));
  });

  it('reads a runbook again once the client reports it was written', async () => {
    ws.write(LATE_RUNBOOK, ws.read('documentation/runbooks/ea-s11-signal-starvation.md'));
    await web.watched([{ uri: web.uri(LATE_RUNBOOK), type: FileChangeType.Created }]);
    const after = await web.waitForDiagnostics(DEFECTIVE, (p) => !p.diagnostics.some((d) => messageOf(d).includes(LATE_RUNBOOK)));
    assert.ok(after.diagnostics.some((d) => d.code === 'RDY206'), 'the linked runbook is still reported');
  });

  it('asks only for files inside the workspace folder', () => {
    assert.ok(web.asked.length > 0);
    assert.deepEqual(web.asked.filter((uri) => !uri.startsWith(FOLDER_URI + '/') && uri !== FOLDER_URI), []);
  });
});
