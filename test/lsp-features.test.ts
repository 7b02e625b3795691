// Hovers, completions, outline and links from the built language server, over real LSP (stdio).
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, DocumentLink, DocumentSymbol, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient } from './lsp/client';
import { ADR_25, positionOf, replaceOnce, TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

describe('language server: hovers, completions, symbols, links', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  const uri = ws.uri(VALID_PATH);
  // The valid example with one placeholder and one invalid severity, to hover over.
  const text = replaceOnce(replaceOnce(validText(), '- **DRI**: `@ana-m`', '- **DRI**: `<handle>`'), '| P3 | email |', '| P4 | email |');
  const lines = text.split('\n');

  before(async () => {
    client = await LspClient.start({ folders: [ws.root], settings: { delay: 0, rules: { RDY404: { symbols: ['BTCUSDC', 'DOGEUSDT'] } } } });
    await client.open(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  async function hover(needle: string, offset = 1): Promise<string> {
    const result = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, offset) });
    assert.ok(result, `a hover on ${needle}`);
    return (result.contents as MarkupContent).value;
  }

  async function complete(needle: string, offset = 1): Promise<CompletionItem[]> {
    const result = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, offset) });
    return result?.items ?? [];
  }

  describe('hovers', () => {
    it('on a section heading: the template\'s required minima and the ADRs it cites', async () => {
      const value = await hover('## 3. Drift detection');
      assert.match(value, /Both data-drift AND concept-drift/);
      assert.match(value, /Cites: ADR-30, ADR-32, ADR-25/);
    });

    it('on a column header: the allowed values and their meaning', async () => {
      const value = await hover('| Severity |', 3);
      assert.match(value, /`P1`: pages the on-call/);
      assert.match(value, /`P3`/);
    });

    it('on an enumerated cell: what the value means', async () => {
      const value = await hover('| counter | Prometheus |', 3);
      assert.match(value, /\*\*counter\*\*: a count that only goes up/);
    });

    it('on a placeholder: what to write', async () => {
      const value = await hover('<handle>', 2);
      assert.match(value, /GitHub handle/);
    });

    it('on ADR-NN: the title from the ADR folder, else what the template says of it', async () => {
      assert.match(await hover('ADR-25', 2), /No silent fallback/);
      assert.match(await hover('ADR-59', 2), /FTF factor flag/);
    });

    it('on a date: weekday, distance from Filled on and today; on the sunset, the expected sunset', async () => {
      const value = await hover('2027-02-21', 2);
      assert.match(value, /is a Sunday/);
      assert.match(value, /111 days after \*Filled on\* \(2026-11-02\)/);
      assert.match(value, /today is \d{4}-\d{2}-\d{2}/);
      assert.match(value, /Expected sunset: \*\*2027-02-21\*\*.*shadow 14d \+ canary 7d \+ 90d/);
    });

    it('inside a diagnostic: the rule, why, how to fix, and its docs link', async () => {
      const value = await hover('| P4 |', 2);
      assert.match(value, /\*\*RDY202 alert-values\*\* \(error\)/);
      assert.match(value, /\*\*Why:\*\*/);
      assert.match(value, /\*\*Fix:\*\*/);
      assert.match(value, /\[Documentation of RDY202\]\(file:\/\/\S+\/docs\/rules\/RDY202\.md\)/);
    });
  });

  describe('completions', () => {
    const labels = (items: CompletionItem[]) => items.map((i) => i.label);
    const cases: Array<[string, string, number, string[]]> = [
      ['Type', '| histogram | OpenTelemetry span |', 3, ['counter', 'gauge', 'histogram']],
      ['Source', '| OpenTelemetry span | https', 3, ['Loki query', 'Prometheus', 'OpenTelemetry span']],
      ['Severity', '| P2 | Slack |', 3, ['P1', 'P2', 'P3']],
      ['Notification channel', '| P2 | Slack |', 9, ['Pagerduty', 'Slack', 'email']],
      ['Drift type', '| Data drift |', 3, ['Data drift', 'Concept drift']],
      ['Stage', '| Canary |', 3, ['Shadow', 'Canary', 'Full']],
    ];
    for (const [column, needle, offset, expected] of cases) {
      it(`in a ${column} cell: its allowed values, replacing the cell`, async () => {
        const items = await complete(needle, offset);
        assert.deepEqual(labels(items), expected);
        const edit = items[0].textEdit as TextEdit;
        const cellText = lines[edit.range.start.line].slice(edit.range.start.character, edit.range.end.character);
        assert.ok(needle.includes(cellText) && cellText.length > 0, `replaces the cell's text, got "${cellText}"`);
      });
    }

    it('in a DRI field and a §1 Owner cell: handles from CODEOWNERS and the file, never a team', async () => {
      for (const [needle, offset] of [['`<handle>`', 3], ['`@li-wei` |', 2]] as const) {
        const items = labels(await complete(needle, offset));
        assert.ok(items.includes('@quinn-r'), `CODEOWNERS handle at ${needle}: ${items}`);
        assert.ok(items.includes('@li-wei') && items.includes('@d-okafor'), 'handles already in the file');
        assert.ok(!items.some((h) => String(h).includes('/')), 'no team');
      }
      const edit = (await complete('`<handle>`', 3))[0].textEdit as TextEdit;
      assert.equal(lines[edit.range.start.line].slice(edit.range.start.character, edit.range.end.character), '<handle>');
    });

    it('in the Canary row: the configured canary symbols (RDY404 options)', async () => {
      assert.deepEqual(labels(await complete('BTCUSDC only', 3)), ['BTCUSDC', 'DOGEUSDT']);
    });

    it('in a Runbook cell: the runbooks in the runbook folder', async () => {
      const items = labels(await complete('documentation/runbooks/ea-s11-signal', 5));
      assert.ok(items.includes('documentation/runbooks/drift-alert.md'), String(items));
      assert.ok(items.every((i) => String(i).startsWith('documentation/runbooks/') && String(i).endsWith('.md')));
    });

    it('after `## `: the missing sections only', async () => {
      const without = replaceOnce(text, '## 5. Rollback plan (MUST)', '## ');
      const other = ws.uri('documentation/readiness/CVN-N011-EA-S12.md');
      await client.open(other, without);
      const result = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri: other },
        position: { line: without.split('\n').indexOf('## '), character: 3 },
      });
      assert.deepEqual(result.items.map((i) => i.label), ['5. Rollback plan (MUST)']);
      await client.close(other);
    });
  });

  it('outlines sections, then their rows (metrics, alerts, stages), with exact ranges', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), [
      '1. Production monitoring (MUST)',
      '2. Alerting & runbooks (MUST)',
      '3. Drift detection (MUST)',
      '4. Staged rollout (MUST)',
      '5. Rollback plan (MUST)',
      '6. Owner & DRI (MUST)',
      'Sign-off checklist (gate before PR merge)',
    ]);
    const alerting = symbols[1];
    assert.equal(alerting.selectionRange.start.line, positionOf(text, '## 2. Alerting').line);
    assert.deepEqual(alerting.children!.map((c) => c.name), ['ea_s11_expectancy_negative', 'ea_s11_buy_signal_starvation', 'ea_s11_feature_pipeline_failures']);
    const canary = symbols[3].children!.find((c) => c.name === 'Canary')!;
    const line = positionOf(text, '| Canary |').line;
    assert.deepEqual(canary.range, { start: { line, character: 0 }, end: { line, character: lines[line].length } });
    assert.deepEqual(canary.selectionRange, { start: { line, character: 2 }, end: { line, character: 8 } });
    assert.ok(symbols[0].children!.some((c) => c.name === 'pnl_per_trade'));
  });

  it('links runbook paths to the runbook and ADR-NN to the ADR file when it exists', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    const runbook = links.find((l) => l.target === ws.uri('documentation/runbooks/ea-s11-expectancy-negative.md'));
    assert.ok(runbook, 'the P1 alert\'s runbook');
    const { start, end } = runbook.range;
    assert.equal(lines[start.line].slice(start.character, end.character), 'documentation/runbooks/ea-s11-expectancy-negative.md');
    const adr = links.filter((l) => l.target === ws.uri(ADR_25));
    assert.ok(adr.length >= 2, 'every ADR-25 reference');
    assert.equal(lines[adr[0].range.start.line].slice(adr[0].range.start.character, adr[0].range.end.character), 'ADR-25');
    assert.equal(links.some((l) => /ADR-59|0059/.test(l.target ?? '')), false, 'no link to an ADR without a file');
  });
});
