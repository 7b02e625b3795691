// The editor details over real LSP: an outline that repeats no heading when the client outlines Markdown
// itself, disable comments that keep a table one table, rule codes in those comments checked, completed and
// explained, placeholder messages naming their field, and the status naming how long the check took.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import type { CodeAction, CompletionList, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { LspClient, messageOf } from './lsp/client';
import { applyAction } from './lsp/edits';
import { replaceOnce, TempWorkspace, validText } from './lsp/workspace';

/** The tables markdown-it (GFM tables, as VS Code's preview renders them) sees: their body row counts. */
function tableBodies(markdown: string): number[] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const bodies: number[] = [];
  let rows = -1;
  for (const token of tokens) {
    if (token.type === 'table_open') rows = 0;
    if (token.type === 'tr_open' && rows >= 0) rows++;
    if (token.type === 'table_close') {
      bodies.push(rows - 1); // the header row is a tr too
      rows = -1;
    }
  }
  return bodies;
}

const hoverText = (hover: Hover | null) => (hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '');

describe('language server: editor details', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  let version = 0;

  before(async () => {
    client = await LspClient.start({ folders: [ws.root], settings: { delay: 0 }, initializationOptions: { headingSymbols: false } });
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  async function show(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = ws.uri(`documentation/readiness/${name}`);
    const v = ++version;
    if (client.publications.some((p) => p.uri === uri)) await client.change(uri, v, [{ text }]);
    else await client.open(uri, text, v);
    return { uri, diagnostics: (await client.waitForDiagnostics(uri, (p) => p.version === v)).diagnostics };
  }

  it('outlines no heading when the client outlines Markdown itself: one symbol per section for its rows', async () => {
    const text = validText();
    const { uri } = await show('outline.md', text);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const headings = text.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => l.replace(/^#+\s+/, ''));
    const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    assert.deepEqual(names(symbols).filter((n) => headings.includes(n)), [], 'no heading repeated');
    assert.deepEqual(symbols.map((s) => s.name), ['§1 metrics', '§2 alerts', '§3 drift checks', '§4 stages', '§5 rollback mechanisms', '§6 fields']);
    assert.ok(symbols[0].children!.some((c) => c.name === 'pnl_per_trade'));
    assert.deepEqual(symbols[3].children!.map((c) => c.name), ['Shadow', 'Canary', 'Full']);
    const table = text.split('\n').indexOf('| Metric | Type | Source | Dashboard | Threshold (warn / crit) | Owner |');
    assert.equal(symbols[0].range.start.line, table + 2, 'the metrics symbol starts at the first metric row');
  });

  it('"Disable … for this line" on a table row keeps the table one table, with every row', async () => {
    const text = replaceOnce(validText(), '| P3 | email |', '| P4 | email |');
    const { uri, diagnostics } = await show('disable-row.md', text);
    const bad = diagnostics.find((d) => d.code === 'RDY202')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: bad.range, context: { diagnostics: [bad], only: ['quickfix'] } });
    const disable = actions.find((a) => a.title === 'Disable RDY202 for this line')!;
    const disabled = applyAction(text, disable, uri).text;
    assert.match(disabled.split('\n')[bad.range.start.line], /\| P4 \| email \| <!-- readiness-disable-line RDY202 -->$/);
    assert.deepEqual(tableBodies(disabled), tableBodies(text), 'the same tables, each with the same rows');
    const after = await show('disable-row.md', disabled);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'RDY202' || d.code === 'RDY004' || d.code === 'RDY007'), []);
  });

  it('closes a row written without its last pipe before the comment, so no cell changes', async () => {
    const text = replaceOnce(validText(), '| P3 | email |', '| P4 | email');
    const { uri, diagnostics } = await show('disable-open-row.md', text);
    const bad = diagnostics.find((d) => d.code === 'RDY202')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: bad.range, context: { diagnostics: [bad], only: ['quickfix'] } });
    const disabled = applyAction(text, actions.find((a) => a.title === 'Disable RDY202 for this line')!, uri).text;
    assert.match(disabled.split('\n')[bad.range.start.line], /\| P4 \| email \| <!-- readiness-disable-line RDY202 -->$/);
    assert.deepEqual(tableBodies(disabled), tableBodies(text));
    assert.equal((await show('disable-open-row.md', disabled)).diagnostics.some((d) => d.code === 'RDY202'), false);
  });

  it('warns about an unknown rule in a disable comment, on the code itself', async () => {
    const text = replaceOnce(validText(), '## 2. Alerting & runbooks (MUST)\n', '## 2. Alerting & runbooks (MUST)\n\n<!-- readiness-disable RDY2O1 p1-alert-required -->\n');
    const { diagnostics } = await show('unknown-code.md', text);
    const [unknown, ...rest] = diagnostics.filter((d) => d.code === 'RDY007');
    assert.equal(rest.length, 0, 'the rule name is known');
    assert.equal(unknown.severity, 2);
    const line = text.split('\n')[unknown.range.start.line];
    assert.equal(line.slice(unknown.range.start.character, unknown.range.end.character), 'RDY2O1');
    assert.match(messageOf(unknown), /Unknown rule "RDY2O1" in this readiness-disable comment: it silences nothing/);
  });

  it('says that a comment naming only an unknown code turns off every rule', async () => {
    const text = replaceOnce(validText(), '## 2. Alerting & runbooks (MUST)\n', '## 2. Alerting & runbooks (MUST)\n\n<!-- readiness-disable RDY2O1 -->\n');
    const { diagnostics } = await show('unknown-only.md', text);
    assert.match(messageOf(diagnostics.find((d) => d.code === 'RDY007')!), /"RDY2O1" .*with no known rule named, the comment turns off every rule/);
  });

  it('completes rule codes in a disable comment, and explains a code on hover', async () => {
    const base = validText();
    const text = replaceOnce(base, '## 2. Alerting & runbooks (MUST)\n', '## 2. Alerting & runbooks (MUST)\n\n<!-- readiness-disable-next-line RDY201  -->\n');
    const { uri } = await show('complete-code.md', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('<!-- readiness-disable-next-line'));
    const character = '<!-- readiness-disable-next-line RDY201 '.length;
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('RDY202'));
    assert.ok(!labels.includes('RDY201'), 'a code the comment already names is not offered again');
    assert.equal(list.items.find((i) => i.label === 'RDY202')!.detail, 'alert-values (error)');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character: character - 3 } });
    assert.match(hoverText(hover), /\*\*RDY201 p1-alert-required\*\*/);
    assert.match(hoverText(hover), /\[Documentation of RDY201\]\(file:.*docs\/rules\/RDY201\.md\)/);
  });

  it('names the field of each placeholder: wp#<id> on the Story line is the work package, not the session', async () => {
    const text = validText()
      .replace('OP wp#92', 'OP wp#<id>')
      .replace('session pr_review-2026-10-30-04', 'session <id>')
      .replace('https://grafana.cvn-trading.com/d/ea-s11/entry-alignment?orgId=1&viewPanel=2', 'Grafana panel URL');
    const { diagnostics } = await show('placeholders.md', text);
    const messages = diagnostics.filter((d) => d.code === 'RDY001').map(messageOf);
    assert.ok(messages.includes('Unfilled placeholder `<id>` in the Story line: write the OP work package number after `wp#`, e.g. `wp#92`.'), messages.join('\n'));
    assert.ok(messages.includes('Unfilled placeholder `<id>` in the Reviewed by committee line: write the committee session id, e.g. `session 2026-11-03-a`.'), messages.join('\n'));
    assert.ok(messages.includes("Unfilled placeholder `Grafana panel URL` in §1's Dashboard column: write the Grafana panel's https URL."), messages.join('\n'));
  });

  it('the status says how long the last check took', async () => {
    const { uri } = await show('timed.md', validText());
    const status = await client.request<{ checkMs?: number; isReadinessFile: boolean }>('mlopsReadiness/status', { uri });
    assert.equal(status.isReadinessFile, true);
    assert.equal(typeof status.checkMs, 'number');
    assert.ok(status.checkMs! >= 0 && status.checkMs! < 10_000, `${status.checkMs} ms`);
  });
});
