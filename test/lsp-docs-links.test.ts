// The rule code of every diagnostic, and the hover on it, link a page that exists: the bundled
// docs/rules/<code>.md (a file URI, or a command: URI to the client's own viewer when the client names one),
// or the organisation's copy under `docsBaseUrl` (editor setting or .mlops-readiness.json).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { FileChangeType, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp/client';
import { replaceOnce, TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

/** A file with findings of many rules: P1 demoted, a placeholder owner, a short shadow. */
const defective = () =>
  replaceOnce(
    replaceOnce(replaceOnce(validText(), '| P1 | Pagerduty |', '| P2 | Slack |'), '| 0% (predictions logged, not acted) | 14d |', '| 0% (predictions logged, not acted) | 3d |'),
    '**Owner**: @ana-m',
    '**Owner**: <github handle>',
  );

async function withClient<T>(options: Parameters<typeof LspClient.start>[0], run: (client: LspClient, ws: TempWorkspace) => Promise<T>, ws = new TempWorkspace()): Promise<T> {
  const client = await LspClient.start({ folders: [ws.root], settings: { delay: 0 }, ...options });
  try {
    return await run(client, ws);
  } finally {
    await client.shutdown();
    ws.dispose();
  }
}

async function diagnosticsOf(client: LspClient, uri: string, text: string): Promise<Diagnostic[]> {
  await client.open(uri, text);
  return (await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 3)).diagnostics;
}

async function hoverLink(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<string | undefined> {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: diagnostic.range.start });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  return new RegExp(`\\[Documentation of ${diagnostic.code}\\]\\(([^)]+)\\)`).exec(value)?.[1];
}

describe('language server: links to the rule pages', () => {
  it('links the bundled page by default, a file that exists, in the diagnostic and in the hover', async () => {
    await withClient({}, async (client, ws) => {
      const uri = ws.uri(VALID_PATH);
      const diagnostics = await diagnosticsOf(client, uri, defective());
      for (const diagnostic of diagnostics) {
        const href = diagnostic.codeDescription?.href;
        assert.ok(href, `${diagnostic.code} has a link`);
        assert.match(href, new RegExp(`^file://.*/docs/rules/${diagnostic.code}\\.md$`));
        assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
      }
      const p1 = diagnostics.find((d) => d.code === 'RDY201')!;
      assert.equal(await hoverLink(client, uri, p1), p1.codeDescription!.href);
    });
  });

  it('links a command of the client when it names one (VS Code: the Markdown preview)', async () => {
    await withClient({ initializationOptions: { ruleDocsCommand: 'mlopsReadiness.showRuleDocs' } }, async (client, ws) => {
      const uri = ws.uri(VALID_PATH);
      const diagnostics = await diagnosticsOf(client, uri, defective());
      const p1 = diagnostics.find((d) => d.code === 'RDY201')!;
      assert.equal(p1.codeDescription?.href, `command:mlopsReadiness.showRuleDocs?${encodeURIComponent('["RDY201"]')}`);
      assert.equal(await hoverLink(client, uri, p1), p1.codeDescription!.href);
    });
  });

  it('links the organisation\'s copy under docsBaseUrl: the editor setting, then .mlops-readiness.json over it', async () => {
    await withClient({ settings: { delay: 0, docsBaseUrl: 'https://wiki.example.com/readiness' } }, async (client, ws) => {
      const uri = ws.uri(VALID_PATH);
      const diagnostics = await diagnosticsOf(client, uri, defective());
      const p1 = diagnostics.find((d) => d.code === 'RDY201')!;
      assert.equal(p1.codeDescription?.href, 'https://wiki.example.com/readiness/RDY201.md');
      assert.equal(await hoverLink(client, uri, p1), 'https://wiki.example.com/readiness/RDY201.md');

      ws.write('.mlops-readiness.json', JSON.stringify({ docsBaseUrl: 'https://docs.example.org/rules/' }));
      await client.watched([{ uri: ws.uri('.mlops-readiness.json'), type: FileChangeType.Created }]);
      const again = await client.waitForDiagnostics(uri, (p) =>
        p.diagnostics.some((d) => d.code === 'RDY201' && d.codeDescription?.href === 'https://docs.example.org/rules/RDY201.md'),
      );
      assert.ok(again.diagnostics.every((d) => d.codeDescription?.href === `https://docs.example.org/rules/${d.code}.md`));
    }, (() => {
      const ws = new TempWorkspace();
      ws.remove('.mlops-readiness.json');
      return ws;
    })());
  });

  it('rejects a docsBaseUrl that is not an http(s) URL in .mlops-readiness.json', async () => {
    const ws = new TempWorkspace();
    ws.write('.mlops-readiness.json', JSON.stringify({ docsBaseUrl: 'ftp://docs' }));
    await withClient({}, async (client) => {
      const config = ws.uri('.mlops-readiness.json');
      const published = await client.waitForDiagnostics(config, (p) => p.diagnostics.length > 0);
      assert.match(published.diagnostics.map((d) => String(d.message)).join('\n'), /docsBaseUrl/);
    }, ws);
  });
});
