// The checker keeps whole checks (parse, analysis, findings) only for the few most recently used
// documents (RETAINED_CHECKS); any other is checked again when a request needs it. An evicted
// document must answer every request exactly as before, and a change on disk to a file it read
// must still re-check it.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { Checker, RETAINED_CHECKS } from '../server/src/lsp/checker';
import { Roots, uriToPath } from '../server/src/lsp/roots';
import { DEFAULT_SETTINGS } from '../server/src/lsp/settings';
import { LspClient } from './lsp/client';
import { positionOf, replaceOnce, TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

const RUNBOOK = 'documentation/runbooks/ea-s11-expectancy-negative.md';
const MISSING_RUNBOOK = 'documentation/runbooks/ea-s11-never-written.md';
/** The valid example with a placeholder, an invalid severity and a runbook that does not exist yet. */
const TEXT = replaceOnce(
  replaceOnce(replaceOnce(validText(), '- **DRI**: `@ana-m`', '- **DRI**: `<handle>`'), '| P3 | email |', '| P4 | email |'),
  `\`${RUNBOOK}\``,
  `\`${MISSING_RUNBOOK}\``,
);
const otherPath = (i: number) => `documentation/readiness/CVN-N${900 + i}-EA-S11.md`;

describe('Checker: whole checks kept for the most recently used documents only', () => {
  const ws = new TempWorkspace();
  const roots = new Roots();
  roots.setFolders([ws.root]);
  after(() => ws.dispose());

  it('returns the kept check of a version, then recomputes an evicted one with the same result', () => {
    const checker = new Checker(roots, () => undefined);
    const uri = ws.uri(VALID_PATH);
    const first = checker.check(uri, TEXT, 1, DEFAULT_SETTINGS);
    assert.equal(checker.check(uri, TEXT, 1, DEFAULT_SETTINGS), first, 'the same version is not checked twice');
    for (let i = 0; i < RETAINED_CHECKS; i++) checker.check(ws.uri(otherPath(i)), validText(), 1, DEFAULT_SETTINGS);
    assert.equal(checker.get(uri), undefined, `evicted after ${RETAINED_CHECKS} other documents`);
    const again = checker.check(uri, TEXT, 1, DEFAULT_SETTINGS);
    assert.notEqual(again, first);
    assert.deepEqual(again.result.diagnostics, first.result.diagnostics);
    assert.deepEqual([...again.reads].sort(), [...first.reads].sort());
  });

  it('keeps what every checked document read, evicted or not; forget drops it', () => {
    const checker = new Checker(roots, () => undefined);
    const uri = ws.uri(VALID_PATH);
    checker.check(uri, TEXT, 1, DEFAULT_SETTINGS);
    for (let i = 0; i < RETAINED_CHECKS + 2; i++) checker.check(ws.uri(otherPath(i)), validText(), 1, DEFAULT_SETTINGS);
    const reads = checker.all().find((c) => c.uri === uri);
    assert.ok(reads, 'the evicted document is still listed');
    assert.ok(reads.reads.has(MISSING_RUNBOOK), `it probed its runbook: ${[...reads.reads].join(', ')}`);
    assert.equal(checker.all().length, RETAINED_CHECKS + 3);
    checker.forget(uri);
    assert.equal(checker.all().some((c) => uriToPath(c.uri) === uriToPath(uri)), false);
  });

  it('uses a document again as most recently used: it stays while others come and go', () => {
    const checker = new Checker(roots, () => undefined);
    const uri = ws.uri(VALID_PATH);
    const first = checker.check(uri, TEXT, 1, DEFAULT_SETTINGS);
    for (let i = 0; i < RETAINED_CHECKS * 3; i++) {
      checker.check(ws.uri(otherPath(i)), validText(), 1, DEFAULT_SETTINGS);
      assert.equal(checker.check(uri, TEXT, 1, DEFAULT_SETTINGS), first);
    }
  });
});

describe('language server: a document whose check was evicted', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  const uri = ws.uri(VALID_PATH);
  let initial: Diagnostic[];

  /** Every answer a request about the document can give, in a form that compares by value. */
  async function answers(diagnostics: Diagnostic[]) {
    const at = (needle: string, offset: number) => ({ textDocument: { uri }, position: positionOf(TEXT, needle, offset) });
    return {
      hovers: await Promise.all(
        [['<handle>', 2], ['| P4 |', 2], ['## 3. Drift detection', 1], ['2027-02-21', 2], ['ADR-25', 2]].map(([needle, offset]) =>
          client.request('textDocument/hover', at(needle as string, offset as number)),
        ),
      ),
      completions: await client.request('textDocument/completion', at('| P2 | Slack |', 3)),
      symbols: await client.request('textDocument/documentSymbol', { textDocument: { uri } }),
      links: await client.request('textDocument/documentLink', { textDocument: { uri } }),
      actions: await Promise.all(
        diagnostics.map((diagnostic) =>
          client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }),
        ),
      ),
      fixAll: await client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      }),
      // The check's duration differs from one run to the next: everything else must be the same.
      status: await client.request<{ checkMs?: number }>('mlopsReadiness/status', { uri }).then(({ checkMs, ...rest }) => {
        assert.equal(typeof checkMs, 'number');
        return rest;
      }),
    };
  }

  before(async () => {
    client = await LspClient.start({ folders: [ws.root], settings: { delay: 0, scope: 'openFiles' } });
    await client.open(uri, TEXT);
    initial = (await client.waitForDiagnostics(uri, (p) => p.version === 1)).diagnostics;
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  /** Opens more documents than the checker keeps, and waits until each is checked. */
  async function openOthers(from: number) {
    for (let i = from; i < from + RETAINED_CHECKS + 2; i++) {
      const other = ws.uri(otherPath(i));
      await client.open(other, validText());
      await client.waitForDiagnostics(other, (p) => p.version === 1);
    }
  }

  it('answers hovers, completions, symbols, links, code actions and status exactly as before', async () => {
    assert.ok(initial.some((d) => d.code === 'RDY206'), 'the missing runbook is reported');
    const before = await answers(initial);
    assert.ok(before.hovers.every(Boolean), 'every hover answered');
    assert.ok(before.actions.some((a) => a.length > 0), 'some quick fix offered');
    await openOthers(0);
    assert.deepEqual(await answers(initial), before);
  });

  it('is checked again when a file it read is created on disk', async () => {
    await openOthers(100);
    ws.write(MISSING_RUNBOOK, ws.read(RUNBOOK));
    await client.watched([{ uri: ws.uri(MISSING_RUNBOOK), type: FileChangeType.Created }]);
    const rechecked = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'RDY206'), 10_000, true);
    assert.equal(rechecked.version, 1, 'the open buffer, not the file on disk');
    assert.ok(rechecked.diagnostics.length > 0 && rechecked.diagnostics.length === initial.length - 1, 'only the runbook finding went');
  });
});
