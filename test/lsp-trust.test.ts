// Issue 7, the language server's promises: "In an untrusted VS Code workspace no cross-file read
// happens. The server starts no process and opens no socket."
//
// Runtime: the BUILT server (server/out/server.js) runs with a preload
// (test/fixtures/robustness/no-process-no-socket.cjs, through NODE_OPTIONS) that prints a
// FORBIDDEN line for any child_process / net / dgram / tls / http(s) call and, when asked, a READ
// line for every file-system read or probe. Static: the bundle's own sources (from its source map)
// import none of those modules.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, messageOf, SERVER } from './lsp/client';
import { replaceOnce, TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

const PRELOAD = join(__dirname, 'fixtures', 'robustness', 'no-process-no-socket.cjs');
const CROSS_FILE = ['RDY206', 'RDY207', 'RDY703'];
const RUNBOOK = 'documentation/runbooks/ea-s11-expectancy-negative.md';
const MISSING = replaceOnce(validText(), `\`${RUNBOOK}\``, '`documentation/runbooks/ea-s11-never-written.md`');

const key = (d: Diagnostic) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${messageOf(d)}`;
const keys = (p: PublishDiagnosticsParams) => p.diagnostics.map(key).sort();
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

/** Starts the built server with the preload (NODE_OPTIONS is inherited by the spawned process). */
async function startWithPreload(options: Parameters<typeof LspClient.start>[0], traceFs: boolean): Promise<LspClient> {
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, READINESS_TRACE_FS: process.env.READINESS_TRACE_FS };
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim();
  if (traceFs) process.env.READINESS_TRACE_FS = '1';
  try {
    return await LspClient.start(options);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Opens (or replaces the text of) the document and waits for that version's diagnostics. */
async function publish(client: LspClient, uri: string, text: string, version: number): Promise<PublishDiagnosticsParams> {
  if (version === 1) await client.open(uri, text, 1);
  else await client.change(uri, version, [{ text }]);
  return client.waitForDiagnostics(uri, (p) => p.version === version);
}

describe('language server in an untrusted workspace (initializationOptions.trusted = false)', () => {
  const ws = new TempWorkspace();
  const uri = ws.uri(VALID_PATH);
  let client: LspClient;
  before(async () => {
    client = await startWithPreload({ folders: [ws.root], settings: { delay: 0 }, initializationOptions: { trusted: false } }, true);
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  it('a runbook present or missing makes no difference: no RDY206, RDY207 or RDY703, and no file of the workspace is read', async () => {
    const present = await publish(client, uri, validText(), 1);
    const missing = await publish(client, uri, MISSING, 2);
    // The runbook file itself gone from disk, too.
    ws.remove(RUNBOOK);
    const removed = await publish(client, uri, validText(), 3);
    for (const p of [present, missing, removed]) {
      assert.deepEqual(codes(p).filter((code) => CROSS_FILE.includes(code)), [], `no cross-file finding in v${p.version}`);
    }
    assert.deepEqual(keys(missing), keys(present));
    assert.deepEqual(keys(removed), keys(present));

    const stderr = client.stderr.join('');
    assert.match(stderr, /preload active/, 'the preload ran');
    const reads = [...stderr.matchAll(/^READ (.*)$/gm)].map((m) => m[1]).filter((path) => path.startsWith(ws.root) || path.includes(ws.root.replace(/\\/g, '/')));
    assert.deepEqual(reads, [], 'nothing under the workspace folder was read or probed');
    assert.doesNotMatch(stderr, /FORBIDDEN/);
  });
});

describe('language server in a trusted workspace (the control)', () => {
  const ws = new TempWorkspace();
  const uri = ws.uri(VALID_PATH);
  let client: LspClient;
  before(async () => {
    client = await startWithPreload({ folders: [ws.root], settings: { delay: 0 } }, true);
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  it('reports the missing runbook (RDY206), so the untrusted case above can fail, and starts no process and opens no socket', async () => {
    const present = await publish(client, uri, validText(), 1);
    assert.ok(!codes(present).includes('RDY206'));
    const missing = await publish(client, uri, MISSING, 2);
    assert.ok(codes(missing).includes('RDY206'), JSON.stringify(codes(missing)));
    // Exercise the rest of the server too: hover, completion, symbols, links, code actions, check-all.
    const position = { line: 0, character: 3 };
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    await client.request('textDocument/completion', { textDocument: { uri }, position });
    await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    await client.request('textDocument/documentLink', { textDocument: { uri } });
    await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
      context: { diagnostics: missing.diagnostics, only: ['quickfix', 'source.fixAll.mlopsReadiness'] },
    });
    await client.request('mlopsReadiness/checkAll', {});
    const stderr = client.stderr.join('');
    assert.match(stderr, /preload active/, 'the preload ran');
    assert.match(stderr, new RegExp(`^READ .*ea-s11-expectancy-negative\\.md$`, 'm'), 'the read trace works: trusted, the runbook is read');
    assert.doesNotMatch(stderr, /FORBIDDEN/);
  });
});

describe('the server bundle, statically', () => {
  // The source maps list every module bundled into server/out/server.js (the bin, a loader) and
  // server/out/main.js (the server it loads) with its source. The
  // server's own modules must not import a process or network module. The libraries do contain such
  // code: vscode-jsonrpc's --socket/--pipe transports (only used when the command line asks for
  // them; the client starts the server with --stdio or --node-ipc) and vscode-languageserver's
  // Files.resolveGlobalNodePath (runs `npm`; our code never calls it). Those are listed exactly,
  // so a new one shows up here.
  const maps = [SERVER, join(dirname(SERVER), 'main.js')].map((bundle) => JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[]; sourcesContent: string[] });
  const map = { sources: maps.flatMap((m) => m.sources), sourcesContent: maps.flatMap((m) => m.sources.map((_, i) => m.sourcesContent[i] ?? '')) };
  const FORBIDDEN_MODULE = /(?:require\(|from\s+|import\(\s*)['"](?:node:)?(?:child_process|net|dgram|tls|http|https|http2|cluster|worker_threads)['"]/;
  const FORBIDDEN_CALL = /(?<![.\w$])(?:spawn|spawnSync|exec|execSync|execFile|execFileSync|fork|createServer)\s*\(/;

  it('our own modules import no process or network module and call no spawn/exec/createServer', () => {
    const own = map.sources.map((source, i) => ({ source, text: map.sourcesContent[i] ?? '' })).filter(({ source }) => !source.includes('node_modules'));
    assert.ok(own.some(({ source }) => source.endsWith('server/src/server.ts') || source.endsWith('src/server.ts')), 'the map covers server.ts');
    for (const { source, text } of own) {
      assert.doesNotMatch(text, FORBIDDEN_MODULE, source);
      assert.doesNotMatch(text, FORBIDDEN_CALL, source);
      // `listen(` only on the JSON-RPC connection and the documents manager, never on a socket.
      for (const m of text.matchAll(/([\w.]+)\.listen\(/g)) assert.match(m[1], /^(connection|documents)$/, `${source}: ${m[0]}`);
    }
  });

  it('the only bundled library code that can start a process or open a socket is the known transport/helper code', () => {
    const libraries = map.sources
      .map((source, i) => ({ source, text: map.sourcesContent[i] ?? '' }))
      .filter(({ source, text }) => source.includes('node_modules') && (/['"](?:node:)?(?:child_process|net|dgram|tls|http|https)['"]/.test(text) || /\bcreateServer\(/.test(text)))
      .map(({ source }) => source.replace(/^.*node_modules\//, ''))
      .sort();
    assert.deepEqual(libraries, [
      'vscode-jsonrpc/lib/node/main.js', // --socket / --pipe transports
      'vscode-languageserver/lib/node/files.js', // Files.resolveGlobalNodePath (npm), never called
    ]);
  });
});
