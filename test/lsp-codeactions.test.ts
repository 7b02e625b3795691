// Quick fixes and fix-all from the built language server, over real LSP: every fix offered is applied
// to the text, the server re-checks it, its diagnostic is gone and no error appears outside the inserted text.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, Range, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspClient, messageOf } from './lsp/client';
import { applyAction, editsFor, within } from './lsp/edits';
import { applyTextEdits, positionOf, replaceOnce, REPO, TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

const example = (name: string) => readFileSync(join(REPO, 'examples/documentation/readiness', name), 'utf8');
/** A diagnostic's identity across edits that move lines (messages may quote line numbers). */
const key = (d: Diagnostic) => `${d.code} ${messageOf(d).replace(/\bline \d+/g, 'line N')}`;
const errors = (ds: Diagnostic[]) => ds.filter((d) => d.severity === 1);
const count = (ds: Diagnostic[], k: string) => ds.filter((d) => key(d) === k).length;

/** Defective texts covering every kind of fix the rules offer. */
function variants(): Record<string, string> {
  const valid = validText();
  return {
    'CVN-N012-FX-S03.md': example('CVN-N012-FX-S03.md'),
    'CVN-N014-LB-S02.md': example('CVN-N014-LB-S02.md'),
    'CVN-N015-CAL-S01.md': example('CVN-N015-CAL-S01.md'),
    'no-p1.md': replaceOnce(valid, '| P1 | Pagerduty |', '| P2 | Slack |'),
    'short-shadow.md': replaceOnce(valid, '| 0% (predictions logged, not acted) | 14d |', '| 0% (predictions logged, not acted) | 3d |'),
    'no-data-drift.md': valid.replace(/^\| Data drift .*\n/m, ''),
    'no-canary.md': valid.replace(/^\| Canary .*\n/m, ''),
    'no-header.md': valid.replace(/^\| Mechanism \| Description \| Revert SLA \|\n\|---\|---\|---\|\n/m, ''),
    'unticked.md': replaceOnce(valid, '- [x] §5 rollback', '- [ ] §5 rollback'),
    'bad-values.md': replaceOnce(replaceOnce(valid, '| P3 | email |', '| P4 | fax |'), '| counter | Prometheus |', '| count | Prometheus |'),
    'no-outcome.md': valid.replace(/^\| `pnl_per_trade`.*\n/m, '').replace(/^\| `expectancy_net_realized`.*\n/m, ''),
  };
}

/** Types a reason over each `<reason>` the fix inserted (within `inserted`), as the author would. */
function answerReasons(text: string, inserted: Range[]): string {
  return text
    .split('\n')
    .map((line, index) => (within(inserted, { start: { line: index, character: 0 }, end: { line: index, character: 0 } }) ? line.replace('<reason>', 'the reason the author types, in a sentence') : line))
    .join('\n');
}

describe('language server: quick fixes', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  let version = 0;

  before(async () => {
    client = await LspClient.start({ folders: [ws.root], settings: { delay: 0 } });
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  async function show(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    version++;
    if (version === 1 || !client.publications.some((p) => p.uri === uri)) await client.open(uri, text, version);
    else await client.change(uri, version, [{ text }]);
    const v = version;
    return client.waitForDiagnostics(uri, (p) => p.version === v);
  }

  async function actionsFor(uri: string, diagnostic: Diagnostic, only = ['quickfix']): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only } });
  }

  const tried: string[] = [];
  for (const [name, original] of Object.entries(variants())) {
    it(`every quick fix of ${name} removes its diagnostic and adds no error`, async () => {
      const uri = ws.uri(`documentation/readiness/${name}`);
      await client.open(uri, original, ++version);
      const before = await client.waitForDiagnostics(uri, (p) => p.version === version);
      assert.ok(before.diagnostics.length > 0, `${name} has findings`);
      // Ask for every action while the server holds the original text, then try each one.
      const offers: Array<{ diagnostic: Diagnostic; action: CodeAction }> = [];
      for (const diagnostic of before.diagnostics) {
        const actions = (await actionsFor(uri, diagnostic)).filter((a) => a.diagnostics?.some((d) => key(d) === key(diagnostic)));
        assert.ok(actions.some((a) => a.title.startsWith(`Disable ${diagnostic.code}`)), `a Disable action for ${diagnostic.code}`);
        offers.push(...actions.map((action) => ({ diagnostic, action })));
      }
      let offered = 0;
      for (const { diagnostic, action } of offers) {
        {
          offered++;
          const applied = applyAction(original, action, uri);
          const { inserted } = applied;
          assert.notEqual(applied.text, original, `${action.title} changes the text`);
          // A fix never writes the author's reason: it leaves `<reason>`, which the author types over.
          const text = answerReasons(applied.text, inserted);
          await client.change(uri, ++version, [{ text }]);
          const v = version;
          const afterFix = await client.waitForDiagnostics(uri, (p) => p.version === v);
          const what = `${name}: "${action.title}" for ${diagnostic.code} "${messageOf(diagnostic)}"`;
          assert.ok(count(afterFix.diagnostics, key(diagnostic)) < count(before.diagnostics, key(diagnostic)), `${what} removes it`);
          // Counted outside the inserted text: a placeholder the fix leaves for the author may repeat one already there.
          const outside = afterFix.diagnostics.filter((d) => !within(inserted, d.range));
          const added = errors(outside).filter((d) => count(outside, key(d)) > count(before.diagnostics, key(d)));
          assert.deepEqual(added.map(key), [], `${what} adds no error outside the inserted text`);
          tried.push(`${diagnostic.code}: ${action.title}`);
        }
      }
      assert.ok(offered > 0);
      await client.close(uri);
    });
  }

  it('offered the fixes the issue asks for', () => {
    const titles = tried.join('\n');
    for (const expected of [/Add P1 alert row/, /Skip §2 with SKIP — JUSTIFICATION/, /Insert SKIP — JUSTIFICATION/, /Mark data drift N\/A/, /Add the template's Data drift row/, /Insert section/, /Tick the box/, /Disable RDY\d+ for this line/, /Replace with "?P1\b/]) {
      assert.match(titles, expected);
    }
  });

  it('marks the single obvious fix as preferred', async () => {
    const uri = ws.uri('documentation/readiness/preferred.md');
    const published = await show(uri, variants()['no-p1.md']);
    const p1 = published.diagnostics.find((d) => d.code === 'RDY201')!;
    const actions = await actionsFor(uri, p1);
    assert.deepEqual(actions.filter((a) => a.isPreferred).map((a) => a.title), ['Add P1 alert row']);
    const row = applyAction(variants()['no-p1.md'], actions.find((a) => a.isPreferred)!, uri).text.split('\n').find((l) => /\|\s*P1\s*\|/.test(l));
    assert.match(row!, /\|\s*P1\s*\|\s*Pagerduty\s*\|/);
    assert.match(row!, /expectancy_net_realized|pnl_per_trade/, 'names the §1 outcome metric');
    assert.match(row!, /documentation\/runbooks\//);
  });

  it('puts the disable comment at the end of a table row, keeping the table one table', async () => {
    const uri = ws.uri('documentation/readiness/disable.md');
    const text = variants()['bad-values.md'];
    const published = await show(uri, text);
    const cell = published.diagnostics.find((d) => d.code === 'RDY202')!;
    const disable = (await actionsFor(uri, cell)).find((a) => a.title === 'Disable RDY202 for this line')!;
    const disabled = applyAction(text, disable, uri).text;
    const lines = disabled.split('\n');
    assert.equal(lines[cell.range.start.line], `${text.split('\n')[cell.range.start.line]} <!-- readiness-disable-line RDY202 -->`);
    assert.equal(lines.length, text.split('\n').length, 'no line is added inside the table');
    const after = await show(uri, disabled);
    assert.equal(after.diagnostics.some((d) => d.code === 'RDY202' && d.range.start.line === cell.range.start.line), false);
  });

  it('fix-all applies every safe fix in one edit (source.fixAll.mlopsReadiness)', async () => {
    const uri = ws.uri('documentation/readiness/fix-all.md');
    const text = example('CVN-N015-CAL-S01.md');
    const published = await show(uri, text);
    assert.ok(published.diagnostics.some((d) => d.code === 'RDY002'));
    const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.mlopsReadiness']);
    const fixed = applyTextEdits(text, editsFor(actions[0].edit, uri));
    const after = await show(uri, fixed);
    assert.equal(after.diagnostics.some((d) => d.code === 'RDY002'), false, 'the missing section was inserted');
    const again = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(again, [], 'nothing safe is left to fix');
  });
});

describe('language server: snippet edits', () => {
  it('sends SnippetTextEdits only to a client that declares snippetEditSupport', async () => {
    const ws = new TempWorkspace();
    const text = replaceOnce(validText(), '| 0% (predictions logged, not acted) | 14d |', '| 0% (predictions logged, not acted) | 3d |');
    const uri = ws.uri(VALID_PATH);
    const titleOf = (a: CodeAction) => a.title.startsWith('Insert SKIP');
    for (const snippetEditSupport of [true, false]) {
      const client = await LspClient.start({ folders: [ws.root], settings: { delay: 0 }, snippetEditSupport });
      try {
        await client.open(uri, text);
        const published = await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'RDY402'));
        const shadow = published.diagnostics.find((d) => d.code === 'RDY402')!;
        const action = (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: shadow.range, context: { diagnostics: [shadow] } })).find(titleOf)!;
        assert.ok(action, 'the SKIP fix');
        if (snippetEditSupport) {
          const change = action.edit!.documentChanges![0] as TextDocumentEdit;
          assert.equal(change.textDocument.version, 1);
          const edit = change.edits[0] as unknown as { snippet: { kind: string; value: string } };
          assert.equal(edit.snippet.kind, 'snippet');
          assert.match(edit.snippet.value, /shadow=3d because \$\{1:<reason>\}/);
        } else {
          assert.equal(action.edit!.documentChanges, undefined);
          assert.match(action.edit!.changes![uri][0].newText, /\*\*SKIP — JUSTIFICATION\*\*: calibration-only, shadow=3d because <reason>\n/);
        }
        assert.ok(positionOf(text, '| 3d |'));
      } finally {
        await client.shutdown();
      }
    }
    ws.dispose();
  });
});
