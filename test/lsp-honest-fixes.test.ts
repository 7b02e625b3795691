// Quick fixes never write an answer only the author can give, over real LSP: a SKIP gets a `<reason>`
// placeholder that keeps an error until it is replaced (a snippet tab stop where the client takes snippets),
// reasons that say nothing do not pass, a short stage is offered its minimum first, and a P1 row links an
// existing runbook or offers to create it.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type CodeAction, type Diagnostic, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, messageOf } from './lsp/client';
import { applyAction } from './lsp/edits';
import { replaceOnce, TempWorkspace, validText } from './lsp/workspace';

const SHORT_SHADOW = ['| 0% (predictions logged, not acted) | 14d |', '| 0% (predictions logged, not acted) | 3d |'] as const;
const SHORT_CANARY = ['chosen because it has the deepest order book | 7d |', 'chosen because it has the deepest order book | 2d |'] as const;
/** §2's only P1 demoted: RDY201 fires and its fixes are offered. */
const noP1 = () => replaceOnce(validText(), '| P1 | Pagerduty |', '| P2 | Slack |');
/** §2 replaced by a SKIP with the given reason. */
const skipped = (reason: string) =>
  validText().replace(/(## 2\. Alerting & runbooks \(MUST\)\n)[\s\S]*?(?=\n## 3\.)/, `$1\n**SKIP — JUSTIFICATION**: ${reason}\n`);

describe('language server: quick fixes leave the answer to the author', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  let snippets: LspClient;
  let version = 0;

  before(async () => {
    client = await LspClient.start({ folders: [ws.root], settings: { delay: 0 }, createAndShowFiles: true });
    snippets = await LspClient.start({ folders: [ws.root], settings: { delay: 0 }, snippetEditSupport: true });
  });
  after(async () => {
    await client.shutdown();
    await snippets.shutdown();
    ws.dispose();
  });

  /** Opens (or replaces) the document's text and resolves with that version's diagnostics. */
  async function show(on: LspClient, name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = ws.uri(`documentation/readiness/${name}`);
    const v = ++version;
    if (on.publications.some((p) => p.uri === uri)) await on.change(uri, v, [{ text }]);
    else await on.open(uri, text, v);
    const published = await on.waitForDiagnostics(uri, (p) => p.version === v);
    return { uri, diagnostics: published.diagnostics };
  }

  const actions = (on: LspClient, uri: string, diagnostic: Diagnostic) =>
    on.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } });
  const find = (diagnostics: Diagnostic[], code: string) => {
    const found = diagnostics.find((d) => d.code === code);
    assert.ok(found, `a ${code} diagnostic among ${diagnostics.map((d) => d.code).join(', ')}`);
    return found;
  };

  it('"Skip §2" writes a <reason> placeholder that keeps an error until a real reason replaces it', async () => {
    const text = noP1();
    const { uri, diagnostics } = await show(client, 'skip-section.md', text);
    const action = (await actions(client, uri, find(diagnostics, 'RDY201'))).find((a) => a.title.startsWith('Skip §2'))!;
    assert.ok(action, 'the Skip §2 action');
    const skippedText = applyAction(text, action, uri).text;
    assert.match(skippedText, /\*\*SKIP — JUSTIFICATION\*\*: <reason>\n/);
    const afterSkip = await show(client, 'skip-section.md', skippedText);
    assert.ok(afterSkip.diagnostics.some((d) => d.severity === 1 && /SKIP|placeholder/i.test(messageOf(d))), 'an error stays on the placeholder');
    const reasoned = skippedText.replace('**SKIP — JUSTIFICATION**: <reason>', '**SKIP — JUSTIFICATION**: no new alert; the existing P1 `pnl_drop` covers this change');
    const afterReason = await show(client, 'skip-section.md', reasoned);
    assert.deepEqual(afterReason.diagnostics.filter((d) => d.code === 'RDY201' || d.code === 'RDY005'), [], 'a real reason settles it');
  });

  it('selects the placeholder as a snippet tab stop for a client that takes snippet edits', async () => {
    const text = noP1();
    const { uri, diagnostics } = await show(snippets, 'skip-snippet.md', text);
    const action = (await actions(snippets, uri, find(diagnostics, 'RDY201'))).find((a) => a.title.startsWith('Skip §2'))!;
    const edit = (action.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } };
    assert.match(edit.snippet.value, /\*\*SKIP — JUSTIFICATION\*\*: \$\{1:<reason>\}/);
  });

  for (const empty of ['TBD', 'todo', 'n/a', 'reason', '-', 'because', 'not needed', 'see above']) {
    it(`a SKIP reason "${empty}" does not pass, and the message says what a reason looks like`, async () => {
      const { diagnostics } = await show(client, 'empty-reason.md', skipped(empty));
      const rdy005 = find(diagnostics, 'RDY005');
      assert.equal(rdy005.severity, 1);
      assert.match(messageOf(rdy005), /say in a sentence why the section does not apply/);
      assert.match(messageOf(rdy005), /e\.g\. `\*\*SKIP — JUSTIFICATION\*\*: /);
      assert.equal(diagnostics.some((d) => d.code === 'RDY006'), false, 'not a valid skip');
    });
  }

  it('a reason of a short sentence passes; the minimum is the RDY005 option minReasonWords', async () => {
    const reason = 'existing P1 alerts cover it';
    const passing = await show(client, 'min-words.md', skipped(reason));
    assert.equal(passing.diagnostics.some((d) => d.code === 'RDY005'), false);
    assert.ok(passing.diagnostics.some((d) => d.code === 'RDY006'), 'a valid skip, which the committee may reject');
    client.settings = { delay: 0, rules: { RDY005: { minReasonWords: 8 } } };
    await client.settingsChanged();
    const stricter = await client.waitForDiagnostics(ws.uri('documentation/readiness/min-words.md'), (p) => p.diagnostics.some((d) => d.code === 'RDY005'));
    assert.match(messageOf(find(stricter.diagnostics, 'RDY005')), /too short to be a reason \(5 words, at least 8\)/);
    client.settings = { delay: 0 };
    await client.settingsChanged();
  });

  it('a short shadow is offered "Set shadow duration to 7d" first; the SKIP fix writes <reason> and stays an error', async () => {
    const text = replaceOnce(validText(), ...SHORT_SHADOW);
    const { uri, diagnostics } = await show(client, 'short-shadow.md', text);
    const offered = await actions(client, uri, find(diagnostics, 'RDY402'));
    assert.equal(offered[0].title, 'Set shadow duration to 7d');
    assert.equal(offered[0].isPreferred, true);
    const fixed = await show(client, 'short-shadow.md', applyAction(text, offered[0], uri).text);
    assert.equal(fixed.diagnostics.some((d) => d.code === 'RDY402'), false);

    const skip = offered.find((a) => a.title.startsWith('Insert SKIP'))!;
    const withSkip = applyAction(text, skip, uri).text;
    assert.match(withSkip, /shadow=3d because <reason>\n/);
    const unjustified = await show(client, 'short-shadow.md', withSkip);
    assert.ok(unjustified.diagnostics.some((d) => d.code === 'RDY402' && d.severity === 1), 'the placeholder is no reason');
    const vague = await show(client, 'short-shadow.md', withSkip.replace('because <reason>', 'because TBD'));
    assert.match(messageOf(find(vague.diagnostics, 'RDY402')), /"TBD" is not a reason/);
    const real = await show(client, 'short-shadow.md', withSkip.replace('because <reason>', 'because only the isotonic map on `buy_proba` changes'));
    assert.equal(real.diagnostics.some((d) => d.code === 'RDY402'), false);
  });

  it('the duration offered is the configured minimum, for the shadow and the canary', async () => {
    client.settings = { delay: 0, rules: { RDY402: { minShadowDays: 10 }, RDY403: { minCanaryDays: 5 } } };
    await client.settingsChanged();
    try {
      const text = replaceOnce(replaceOnce(validText(), ...SHORT_SHADOW), ...SHORT_CANARY);
      const { uri, diagnostics } = await show(client, 'configured-minimum.md', text);
      assert.equal((await actions(client, uri, find(diagnostics, 'RDY402')))[0].title, 'Set shadow duration to 10d');
      const canary = (await actions(client, uri, find(diagnostics, 'RDY403')))[0];
      assert.equal(canary.title, 'Set canary duration to 5d');
      const fixed = await show(client, 'configured-minimum.md', applyAction(text, canary, uri).text);
      assert.equal(fixed.diagnostics.some((d) => d.code === 'RDY403'), false);
    } finally {
      client.settings = { delay: 0 };
      await client.settingsChanged();
    }
  });

  it('"Add P1 alert row" links the workspace runbook that matches the metric, the Story\'s own first', async () => {
    client.settings = { delay: 0, rules: { RDY116: { outcomeKeywords: ['expectancy'] } } };
    await client.settingsChanged();
    try {
      const text = noP1();
      const { uri, diagnostics } = await show(client, 'existing-runbook.md', text);
      const add = (await actions(client, uri, find(diagnostics, 'RDY201'))).find((a) => a.title === 'Add P1 alert row')!;
      const row = applyAction(text, add, uri).text.split('\n').find((l) => /^\| `expectancy_net_realized_p1`/.test(l));
      assert.match(row!, /\| `documentation\/runbooks\/ea-s11-expectancy-negative\.md` \|/);
      const fixed = await show(client, 'existing-runbook.md', applyAction(text, add, uri).text);
      assert.deepEqual(fixed.diagnostics.filter((d) => d.code === 'RDY201' || d.code === 'RDY206'), []);
    } finally {
      client.settings = { delay: 0 };
      await client.settingsChanged();
    }
  });

  it('makes the runbook cell a tab stop of the snippet row', async () => {
    const text = noP1();
    const { uri, diagnostics } = await show(snippets, 'runbook-tab-stop.md', text);
    const add = (await actions(snippets, uri, find(diagnostics, 'RDY201'))).find((a) => a.title === 'Add P1 alert row')!;
    const edit = (add.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as { snippet: { value: string } };
    assert.match(edit.snippet.value, /\| \$\{3:`documentation\/runbooks\/[^`]+\.md`\} \|/);
  });

  it('a missing runbook gets "Create runbook <path>": the file with the four parts, the §1 dashboard and a Loki query, then shown', async () => {
    const missing = 'documentation/runbooks/pnl-per-trade-p1.md';
    const text = noP1().replace(
      '| P2 | Slack |',
      '| P2 | Slack |\n| `pnl_per_trade_p1` | `pnl_per_trade` < 0 over 24h | `' + missing + '` | P1 | Pagerduty |',
    );
    const { uri, diagnostics } = await show(client, 'missing-runbook.md', text);
    const rdy206 = find(diagnostics, 'RDY206');
    const create = (await actions(client, uri, rdy206)).find((a) => a.title === `Create runbook ${missing}`)!;
    assert.ok(create, 'the Create runbook action');
    const [createFile, insert] = create.edit!.documentChanges! as [{ kind: string; uri: string; options?: { overwrite?: boolean } }, TextDocumentEdit];
    assert.equal(createFile.kind, 'create');
    assert.equal(createFile.uri, ws.uri(missing));
    assert.notEqual(createFile.options?.overwrite, true, 'never over an existing file');
    const runbook = (insert.edits[0] as TextEdit).newText;
    assert.equal(insert.textDocument.uri, ws.uri(missing));
    for (const heading of ['## Symptom', '## Diagnosis steps', '## Remediation', '## Escalation']) assert.ok(runbook.includes(`\n${heading}\n`), heading);
    assert.match(runbook, /^Dashboard: https:\/\/grafana\.cvn-trading\.com\/d\/ea-s11\/entry-alignment\?orgId=1&viewPanel=5$/m, "the §1 dashboard of pnl_per_trade");
    assert.match(runbook, /^Logs: Loki `\{job="<job>"\} \|= "pnl_per_trade_p1"`$/m);

    // The client applies the edit (writes the file), then runs the command, which asks it to show the file.
    assert.equal(create.command?.command, 'mlopsReadiness.showDocument');
    const shown = await client.request<boolean>('workspace/executeCommand', { command: create.command!.command, arguments: create.command!.arguments });
    assert.equal(shown, true);
    assert.deepEqual(client.shownDocuments.at(-1), { uri: ws.uri(missing), takeFocus: true });
    ws.write(missing, runbook);
    await client.watched([{ uri: ws.uri(missing), type: FileChangeType.Created }]);
    const created = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'RDY206'));
    // The new runbook has every part, but its slots are the author's to fill: one warning says so until they are.
    assert.deepEqual(
      created.diagnostics.filter((d) => d.code === 'RDY207' && d.range.start.line === rdy206.range.start.line).map((d) => d.message),
      [`Runbook ${missing} still has 5 slots to fill, e.g. "<job>": write what the on-call needs there.`],
    );
  });

  it('offers no Create runbook to a client that cannot create files', async () => {
    const text = noP1().replace('| P2 | Slack |', '| P2 | Slack |\n| `pnl_per_trade_p1` | `pnl_per_trade` < 0 over 24h | `documentation/runbooks/nowhere.md` | P1 | Pagerduty |');
    const { uri, diagnostics } = await show(snippets, 'no-create.md', text);
    const offered = await actions(snippets, uri, find(diagnostics, 'RDY206'));
    assert.equal(offered.some((a) => a.title.startsWith('Create runbook')), false);
  });
});
