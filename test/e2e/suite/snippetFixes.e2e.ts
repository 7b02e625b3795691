// The quick fixes that write structure and leave the author's values as snippet tab stops, applied in the
// editor: the first placeholder is selected (typing replaces it), Tab goes to the next one in reading order,
// and every placeholder left as it is stays an RDY001 error, so the file never passes on filler.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeOf, describeDiagnostics, errors, offered, open, ours, screenshot, selectedText, serverReady, waitForDiagnostics, writeVariant } from './helpers';

/** The placeholders RDY001 reports, in reading order, as the editor shows them. */
function flaggedPlaceholders(editor: vscode.TextEditor, diagnostics: vscode.Diagnostic[]): string[] {
  return ours(diagnostics)
    .filter((d) => codeOf(d) === 'RDY001' && d.severity === vscode.DiagnosticSeverity.Error)
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => editor.document.getText(d.range));
}

function placeholdersFlagged(editor: vscode.TextEditor, expected: string[], what: string): Promise<vscode.Diagnostic[]> {
  const same = (ds: vscode.Diagnostic[]) => JSON.stringify(flaggedPlaceholders(editor, ds)) === JSON.stringify(expected);
  return waitForDiagnostics(editor.document.uri, same, what).catch((error: Error) => {
    const now = vscode.languages.getDiagnostics(editor.document.uri);
    throw new Error(`${error.message}\nexpected RDY001 on ${JSON.stringify(expected)}, got ${JSON.stringify(flaggedPlaceholders(editor, now))}\n${describeDiagnostics(now)}`);
  });
}

/** What the Tab key runs while a snippet has a next tab stop (its keybinding's command). */
async function tab(): Promise<void> {
  await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
}

/** Types as the keyboard does (so no `<` or quote here: the editor would close it). */
async function type(text: string): Promise<void> {
  await vscode.commands.executeCommand('type', { text });
}

/** The line the selection is on, and the selected text. */
function selection(editor: vscode.TextEditor): { line: string; selected: string } {
  return { line: editor.document.lineAt(editor.selection.start.line).text, selected: selectedText(editor) };
}

/** Types each value over the selected placeholder, then Tab to the next, checking the placeholder first. */
async function fill(editor: vscode.TextEditor, values: [placeholder: string, value: string][]): Promise<void> {
  for (const [index, [placeholder, value]] of values.entries()) {
    assert.equal(selectedText(editor), placeholder, `tab stop ${index + 1} selects ${placeholder}`);
    await type(value);
    if (index < values.length - 1) await tab();
  }
}

async function showSelection(editor: vscode.TextEditor, name: string): Promise<void> {
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenter);
  await screenshot(name);
}

// §4 of the valid file as a numbered list, without the Canary stage.
const STAGE_TABLE = /^\| Stage \| Traffic % \|.*\n(?:\|.*\n)+/m;
const SHADOW_ITEM = '1. **Shadow** — 14 days, 0% (predictions logged, not acted); pass criteria: predictions parity vs champion within ±1% on `f1_buy`, no exceptions in logs; rollback: any P1 alert';
const FULL_ITEM = '2. **Full** — 100% (all 5 cryptos) after committee sign-off: all canary criteria + Sortino ≥ baseline + explicit operator sign-off by @d-okafor in the OP Story (wp#92); rollback: per ADR-26 oncall procedure';
const CANARY_ITEM = '2. **Canary** — <duration>, <traffic>; pass criteria: <pass criteria>; rollback: <rollback trigger>';

// §4 as a sub-heading per stage, without the Canary stage.
const SHADOW_SECTION = ['### Shadow', '', '14 days at 0% (predictions logged, not acted).', '', '- Promote when: predictions parity vs champion within ±1% on `f1_buy`', '- Roll back if: any P1 alert'];
const FULL_SECTION = ['### Full', '', 'Pass criteria: all canary criteria + Sortino ≥ baseline + explicit operator sign-off by @d-okafor in the OP Story (wp#92).', 'Roll back per ADR-26 oncall procedure.'];
const CANARY_SECTION = ['', '### Canary', '', '<duration> at <traffic>.', '', '- Promote when: <pass criteria>', '- Roll back if: <rollback trigger>'];

const CONCEPT_ROW = /^\| Concept drift \|.*\n/m;
const CONCEPT_TEMPLATE_ROW = '| Concept drift | rolling perf gap (live `f1_buy` vs training OOS `f1_buy`) | <window> | <threshold (warn, crit)> | <action on trigger> |';

describe('quick fixes with tab stops', () => {
  before(serverReady);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('"Add a Canary stage item" writes the item in the list\'s style; its placeholders are tab stops that stay errors until filled', async () => {
    const uri = await writeVariant('CVN-N011-EA-S61', (t) => t.replace(STAGE_TABLE, `${SHADOW_ITEM}\n${FULL_ITEM}\n`));
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY401'), 'the missing Canary stage');
    assert.deepEqual(flaggedPlaceholders(editor, before), [], 'no placeholder before the fix');
    const fix = await offered(uri, /^Add a Canary stage item$/, before);
    await applyAction(fix.action);

    const lines = editor.document.getText().split('\n');
    const shadow = lines.indexOf(SHADOW_ITEM);
    assert.deepEqual(lines.slice(shadow, shadow + 3), [SHADOW_ITEM, CANARY_ITEM, FULL_ITEM.replace(/^2\./, '3.')], 'the item goes between Shadow and Full, and Full is renumbered 3');
    assert.deepEqual(selection(editor), { line: CANARY_ITEM, selected: '<duration>' }, 'the first placeholder is selected');
    await waitForDiagnostics(uri, (ds) => !ours(ds).some((d) => codeOf(d) === 'RDY401'), 'the stage to count as there');
    await placeholdersFlagged(editor, ['<duration>', '<traffic>', '<pass criteria>', '<rollback trigger>'], 'RDY001 on every placeholder');
    await showSelection(editor, 'canary-stage-first-tab-stop');

    await type('7 days');
    await tab();
    assert.deepEqual(selection(editor), { line: CANARY_ITEM.replace('<duration>', '7 days'), selected: '<traffic>' }, 'Tab selects the next placeholder');
    await placeholdersFlagged(editor, ['<traffic>', '<pass criteria>', '<rollback trigger>'], 'RDY001 on the placeholders left');
    await showSelection(editor, 'canary-stage-next-tab-stop');

    await fill(editor, [
      ['<traffic>', 'BTCUSDC only, 1 crypto out of 5, chosen because it has the deepest order book'],
      ['<pass criteria>', 'live expectancy_net ≥ baseline OR within CI95, n_trades ≥ 50, no drift alert'],
      ['<rollback trigger>', 'live expectancy_net below 0 over 48h'],
    ]);
    const filled = '2. **Canary** — 7 days, BTCUSDC only, 1 crypto out of 5, chosen because it has the deepest order book; pass criteria: live expectancy_net ≥ baseline OR within CI95, n_trades ≥ 50, no drift alert; rollback: live expectancy_net below 0 over 48h';
    assert.equal(editor.document.lineAt(editor.selection.start.line).text, filled);
    const after = await placeholdersFlagged(editor, [], 'the placeholder findings to go');
    assert.deepEqual(errors(after).map((d) => `${codeOf(d)} ${d.message}`), [], 'the filled stage passes');
    await editor.document.save();
  });

  it('"Add a Canary stage sub-heading" writes the heading and its lines; Tab goes from line to line through the placeholders', async () => {
    const sections = [...SHADOW_SECTION, '', ...FULL_SECTION].join('\n');
    const uri = await writeVariant('CVN-N011-EA-S63', (t) => t.replace(STAGE_TABLE, `${sections}\n`));
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY401'), 'the missing Canary stage');
    const fix = await offered(uri, /^Add a Canary stage sub-heading$/, before);
    await applyAction(fix.action);

    const lines = editor.document.getText().split('\n');
    const shadowEnd = lines.indexOf(SHADOW_SECTION[SHADOW_SECTION.length - 1]!);
    const full = lines.indexOf('### Full');
    assert.deepEqual(lines.slice(shadowEnd + 1, full), [...CANARY_SECTION, ''], 'the sub-heading goes between Shadow and Full, blank lines kept');
    assert.deepEqual(selection(editor), { line: '<duration> at <traffic>.', selected: '<duration>' }, 'the first placeholder is selected');
    await placeholdersFlagged(editor, ['<duration>', '<traffic>', '<pass criteria>', '<rollback trigger>'], 'RDY001 on every placeholder');

    await fill(editor, [
      ['<duration>', '7 days'],
      ['<traffic>', 'BTCUSDC only, 1 crypto out of 5, chosen because it has the deepest order book'],
    ]);
    await tab();
    assert.deepEqual(selection(editor), { line: '- Promote when: <pass criteria>', selected: '<pass criteria>' }, 'Tab goes on to the next line');
    await placeholdersFlagged(editor, ['<pass criteria>', '<rollback trigger>'], 'RDY001 on the placeholders left');
    await showSelection(editor, 'canary-sub-heading-tab-stop');

    await fill(editor, [
      ['<pass criteria>', 'live expectancy_net ≥ baseline and n_trades ≥ 50'],
      ['<rollback trigger>', 'live expectancy_net below 0 over 48h'],
    ]);
    const after = await placeholdersFlagged(editor, [], 'the placeholder findings to go');
    assert.deepEqual(errors(after).map((d) => `${codeOf(d)} ${d.message}`), [], 'the filled stage passes');
    await editor.document.save();
  });

  it('"Add the template\'s Concept drift row" writes the default method; window, threshold and action are tab stops that stay errors until filled', async () => {
    const uri = await writeVariant('CVN-N011-EA-S62', (t) => t.replace(CONCEPT_ROW, ''));
    const editor = await open(uri);
    const before = await waitForDiagnostics(uri, (ds) => ours(ds).some((d) => codeOf(d) === 'RDY301'), 'the missing Concept drift row');
    const fix = await offered(uri, /^Add the template's Concept drift row$/, before);
    await applyAction(fix.action);

    const lines = editor.document.getText().split('\n');
    const data = lines.findIndex((l) => l.startsWith('| Data drift |'));
    assert.equal(lines[data + 1], CONCEPT_TEMPLATE_ROW, 'the row follows the Data drift row');
    assert.deepEqual(selection(editor), { line: CONCEPT_TEMPLATE_ROW, selected: '<window>' }, 'the first placeholder is selected');
    await waitForDiagnostics(uri, (ds) => !ours(ds).some((d) => codeOf(d) === 'RDY301'), 'the row to count as there');
    await placeholdersFlagged(editor, ['<window>', '<threshold (warn, crit)>', '<action on trigger>'], 'RDY001 on every placeholder');
    await showSelection(editor, 'concept-drift-row-tab-stop');

    await type('14d window, per crypto');
    await tab();
    assert.deepEqual(selection(editor).selected, '<threshold (warn, crit)>', 'Tab selects the next placeholder');
    await placeholdersFlagged(editor, ['<threshold (warn, crit)>', '<action on trigger>'], 'RDY001 on the placeholders left');

    await fill(editor, [
      ['<threshold (warn, crit)>', 'gap > 0.05 (warn), gap > 0.10 (crit)'],
      ['<action on trigger>', 'open a drift_alert runbook entry and page the DRI'],
    ]);
    const filled = '| Concept drift | rolling perf gap (live `f1_buy` vs training OOS `f1_buy`) | 14d window, per crypto | gap > 0.05 (warn), gap > 0.10 (crit) | open a drift_alert runbook entry and page the DRI |';
    assert.equal(editor.document.lineAt(data + 1).text, filled);
    const after = await placeholdersFlagged(editor, [], 'the placeholder findings to go');
    assert.deepEqual(errors(after).map((d) => `${codeOf(d)} ${d.message}`), [], 'the filled row passes');
    await editor.document.save();
  });
});
