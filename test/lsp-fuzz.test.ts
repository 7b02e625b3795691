// The BUILT language server (server/out/server.js; build with `node esbuild.mjs`) fed 500 random
// incremental edits over stdio, with a re-check delay of 0 and > 0 (issue 7): it stays alive, never
// publishes an older version after a newer one, and its final publication (for the final version)
// equals a fresh analysis of the final text by the engine (code + range + message).
//
// The edit script comes from fast-check with a fixed seed (FC_SEED overrides it); fast-check prints
// the seed on failure. No shrinking (each run is a whole server session), so endOnFailure is set.
// Every wait is on a notification or a response, with a timeout; there is no fixed sleep.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { localToday } from '../server/src/service';
import { checkDocument } from './helpers';
import { fileSystemWorkspace } from '../server/src/node/fsWorkspace';
import { editorConfig, normaliseSettings } from '../server/src/lsp/settings';
import { LspClient, messageOf, withTimeout } from './lsp/client';
import { TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

const SEED = Number(process.env.FC_SEED ?? 20261126);
const EDITS = 500;
const WAIT_MS = 30_000;

// Pieces people type, paste and delete in a readiness file, and some that break it.
const PIECES = ['|', '||', '`', '**', '<', '>', '<TBD>', '🚀', 'é', '\t', ' ', '\n', '\r\n', '\n\n', '- [x] ', '## 4. Staged rollout (MUST)\n', '| Shadow | 0% | 3d | a | b |\n', 'P1', 'P4', 'Pagerduty', '@ana-m', '2026-13-45', 'SKIP — JUSTIFICATION', '<!-- readiness-disable -->', '\u0000', '#'];

interface EditSpec {
  /** Where the change starts, as a fraction of the text's length (the text changes under the script). */
  at: number;
  /** How many characters it replaces (0: an insertion). */
  remove: number;
  insert: string;
  /** Wait for this version's diagnostics before the next edit (interleaves checks with typing). */
  settle: boolean;
  /** Send with the next edit in one didChange (several content changes, applied in order). */
  batch: boolean;
}

const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  // Uniform over the text (fc.double favours extremes, which piles every edit at the start).
  at: fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 1_000_000),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(80)),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })),
  settle: fc.integer({ min: 0, max: 99 }).map((n) => n < 2),
  batch: fc.integer({ min: 0, max: 99 }).map((n) => n < 10),
});

/** What a diagnostic is compared by. */
function key(d: Diagnostic): string {
  const r = d.range;
  return `${String(d.code)} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${messageOf(d)}`;
}

/**
 * One session: open the valid example, send the edits (the local copy is updated with the same
 * library the server uses, so both hold the same text), then compare the final publication with
 * `checkDocument` over the same workspace, settings and today.
 */
async function session(ws: TempWorkspace, client: LspClient, uri: string, specs: EditSpec[], clientSettings: Record<string, unknown>) {
  let document = TextDocument.create(uri, 'markdown', 1, validText());
  let version = 1;
  await client.open(uri, document.getText(), version);
  let pending: TextDocumentContentChangeEvent[] = [];
  for (const [index, spec] of specs.entries()) {
    const text = document.getText();
    const start = Math.floor(spec.at * text.length);
    const end = Math.min(text.length, start + spec.remove);
    // Positions in the text as changed by the earlier changes of the same notification, as LSP says.
    const change = { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: spec.insert };
    pending.push(change);
    document = TextDocument.update(document, [change], document.version + 1);
    if (spec.batch && index < specs.length - 1) continue;
    version++;
    const sent = version;
    await client.change(uri, sent, pending);
    pending = [];
    if (spec.settle) await client.waitForDiagnostics(uri, (p) => p.version === sent, WAIT_MS);
  }
  const finalVersion = version;
  const published = await client.waitForDiagnostics(uri, (p) => p.version === finalVersion, WAIT_MS);

  // Alive and answering: a request round trip after the storm.
  const symbols = await withTimeout(client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } }), WAIT_MS, 'documentSymbol');
  assert.ok(Array.isArray(symbols), 'the server answers requests after the edits');

  // Never an older version after a newer one.
  const versions = client.publications.filter((p) => p.uri === uri && p.version !== undefined).map((p) => p.version!);
  assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'publications go forward in versions');

  const fresh = checkDocument({
    text: document.getText(),
    documentPath: VALID_PATH,
    workspace: fileSystemWorkspace(ws.root),
    editorSettings: editorConfig(normaliseSettings(clientSettings)),
    today: localToday(),
    crossFileReads: true,
  });
  assert.deepEqual(published.diagnostics.map(key).sort(), fresh.diagnostics.map(key).sort());
  return { published, finalVersion, text: document.getText() };
}

for (const delay of [0, 40]) {
  describe(`language server: ${EDITS} random incremental edits, delay ${delay} ms`, () => {
    const ws = new TempWorkspace();
    const settings = { delay };
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ folders: [ws.root], settings });
    });
    after(async () => {
      await client.shutdown();
      ws.dispose();
    });

    it('stays alive and its final diagnostics equal a fresh analysis of the final text', async () => {
      const uri = ws.uri(VALID_PATH);
      await fc.assert(
        fc.asyncProperty(fc.array(editSpec, { minLength: EDITS, maxLength: EDITS }), async (specs) => {
          const { published, text } = await session(ws, client, uri, specs, settings);
          // The comparison can fail: the fuzzed text is not the valid example any more.
          assert.notEqual(text, validText());
          if (process.env.FUZZ_VERBOSE) console.log(`final: ${text.length} chars, ${published.diagnostics.length} diagnostics`);
        }),
        { seed: SEED + delay, numRuns: 1, endOnFailure: true, includeErrorInReport: true },
      );
      assert.doesNotMatch(client.stderr.join(''), /\n\s+at .+:\d+:\d+/, 'no stack trace on stderr');
    });
  });
}
