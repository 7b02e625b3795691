// People the repository lists (RDY608) over real LSP: the hover on a handle says where it was found, and a
// change to CODEOWNERS on disk re-checks the open file.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type Hover, type MarkupContent, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, messageOf } from './lsp/client';
import { positionOf, TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

const people = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'RDY608');

describe('language server: people from CODEOWNERS', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  const uri = ws.uri(VALID_PATH);
  const text = validText();

  before(async () => {
    client = await LspClient.start({ folders: [ws.root], settings: { delay: 0 } });
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  it('hovers a handle with the CODEOWNERS line that lists it', async () => {
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, '**Backup DRI**: `@li-wei', 18) });
    assert.ok(result);
    assert.equal((result.contents as MarkupContent).value, '**@li-wei**: listed in `CODEOWNERS` (line 3).');
  });

  it('warns when CODEOWNERS no longer lists the Backup DRI, and clears when it does again', async () => {
    const listed = ws.read('CODEOWNERS');
    ws.write('CODEOWNERS', listed.replace(' @li-wei', ''));
    await client.watched([{ uri: ws.uri('CODEOWNERS'), type: FileChangeType.Changed }]);
    const warned = await client.waitForDiagnostics(uri, (p) => people(p).length > 0, 10_000, true);
    assert.deepEqual(
      people(warned).map((d) => [d.severity, messageOf(d)]),
      [
        [2, 'The metric Owner @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
        [2, 'The metric Owner @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
        [2, 'The metric Owner @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
        [2, 'The Backup DRI @li-wei is not listed in `CODEOWNERS`: name a person who is, or add @li-wei there.'],
      ],
    );
    ws.write('CODEOWNERS', listed);
    await client.watched([{ uri: ws.uri('CODEOWNERS'), type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, (p) => people(p).length === 0, 10_000, true);
  });
});
