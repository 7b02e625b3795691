// The built language server over stdio against a hostile workspace: a configured pattern that
// would backtrack forever, a 10 MB document edited 200 times, symlinks out of the workspace.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { readTemplate } from './helpers';
import { fileUri, LspClient, messageOf, withTimeout } from './lsp/client';

const VALID = readFileSync(join(__dirname, '..', 'examples/documentation/readiness/CVN-N011-EA-S11.md'), 'utf8');

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'readiness-lsp-hardening-'));
  mkdirSync(join(root, '.git'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const hover = (client: LspClient, uri: string) =>
  withTimeout(client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }), 10_000, 'the hover');

describe('language server hardening', () => {
  it('a configured "(a+)+$" against 40 a\'s and a "!": diagnostics arrive, later requests are answered', async () => {
    const root = workspace({ '.mlops-readiness.json': JSON.stringify({ rules: { RDY101: { storyIdPattern: '(a+)+$' } } }) });
    const uri = fileUri(join(root, 'documentation/readiness/evil.md'));
    const client = await LspClient.start({ folders: [root], settings: { delay: 0, scope: 'openFiles' } });
    try {
      await client.open(uri, VALID.replace(/^# .*$/m, `# MLOps readiness — ${'a'.repeat(40)}!`));
      const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      const rdy101 = published.diagnostics.filter((d) => d.code === 'RDY101').map(messageOf);
      assert.equal(rdy101.length, 1);
      assert.match(rdy101[0]!, /"a{40}!" is not a story id/);
      await hover(client, uri);
      await client.change(uri, 2, [{ range: { start: { line: 0, character: 60 }, end: { line: 0, character: 61 } }, text: '?' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === 2);
    } finally {
      await client.shutdown();
    }
  });

  it('a configured pattern RE2 cannot run is an RDY000 error on the config file, naming the key', async () => {
    const root = workspace({ '.mlops-readiness.json': JSON.stringify({ rules: { RDY105: { sessionIdPattern: '(\\d)\\1' } } }) });
    const config = fileUri(join(root, '.mlops-readiness.json'));
    const client = await LspClient.start({ folders: [root], settings: { delay: 0, scope: 'workspace' } });
    try {
      const published = await client.waitForDiagnostics(config, (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.severity]),
        [['RDY000', 1]],
      );
      assert.match(messageOf(published.diagnostics[0]!), /"rules\.RDY105\.sessionIdPattern" is a pattern the checker cannot run in linear time/);
    } finally {
      await client.shutdown();
    }
  });

  it('a 10 MB document: "not checked" as an error at once, then 200 one-character edits and a hover answered', async (t) => {
    const root = workspace({});
    const uri = fileUri(join(root, 'documentation/readiness/CVN-N1-S1.md'));
    const client = await LspClient.start({ folders: [root], settings: { scope: 'openFiles' } });
    try {
      const row = '| `metric` | gauge | Prometheus | https://grafana.example/d/x | > 1 | @owner |\n';
      const text = '# MLOps readiness — CVN-N1-S1 Big\n\n' + row.repeat(Math.ceil((10 * 1024 * 1024) / row.length));
      await client.open(uri, text);
      const opened = await client.waitForDiagnostics(uri, (p) => p.version === 1, 30_000);
      assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.severity]), [['RDY000', 1]]);
      assert.match(messageOf(opened.diagnostics[0]!), /^File not checked: it is 10\.0 MB, over the 1\.0 MB limit/);
      const started = Date.now();
      for (let version = 2; version <= 201; version++) {
        await client.change(uri, version, [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 2 } }, text: 'x' }]);
      }
      assert.equal(await hover(client, uri), null, 'answered: an unchecked file has nothing to hover');
      t.diagnostic(`200 edits and the hover: ${Date.now() - started} ms`);
      const last = await client.waitForDiagnostics(uri, (p) => p.version === 201, 30_000);
      assert.deepEqual(last.diagnostics.map((d) => d.code), ['RDY000']);
    } finally {
      await client.shutdown();
    }
  });

  it('the workspace scan enters no symlinked folder and reads no link out of the folder', async () => {
    const root = workspace({ 'documentation/readiness/zz-last-readiness.md': readTemplate() });
    const outside = mkdtempSync(join(tmpdir(), 'readiness-lsp-outside-'));
    mkdirSync(join(outside, 'readiness'));
    writeFileSync(join(outside, 'readiness/CVN-N9-S9.md'), readTemplate());
    symlinkSync(outside, join(root, 'a-linked'));
    symlinkSync(join(outside, 'readiness/CVN-N9-S9.md'), join(root, 'documentation/readiness/a-escape.md'));
    const client = await LspClient.start({ folders: [root], settings: { delay: 0, scope: 'workspace' } });
    try {
      // The scan publishes in path order: anything it found before the last file has been published by then.
      await client.waitForDiagnostics(fileUri(join(root, 'documentation/readiness/zz-last-readiness.md')), (p) => p.diagnostics.length > 0);
      const published = client.publications.map((p) => decodeURIComponent(p.uri));
      assert.deepEqual(
        published.filter((uri) => /a-linked|a-escape/.test(uri)),
        [],
        published.join('\n'),
      );
    } finally {
      await client.shutdown();
    }
  });
});
