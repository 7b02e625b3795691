// The language server's diagnostics, spoken to over real LSP (stdio) on the built server/out/server.js.
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, messageOf } from './lsp/client';
import { positionOf, replaceOnce, TempWorkspace, VALID_PATH, validText } from './lsp/workspace';

/** Rules whose result depends on the real clock (the server uses today's date): left out of "clean". */
const CLOCK_RULES = new Set(['RDY104', 'RDY605', 'RDY606', 'RDY607']);
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));
const has = (code: string) => (p: PublishDiagnosticsParams) => codes(p).includes(code);
const lacks = (code: string) => (p: PublishDiagnosticsParams) => !codes(p).includes(code);
const clean = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => !CLOCK_RULES.has(String(d.code)));

/** An edit replacing the first `search` in `text` (as an incremental change). */
function changeOf(text: string, search: string, replacement: string) {
  const start = positionOf(text, search);
  return { range: { start, end: { line: start.line, character: start.character + search.length } }, text: replacement };
}

describe('language server: diagnostics', () => {
  const ws = new TempWorkspace();
  let client: LspClient;
  const uri = ws.uri(VALID_PATH);
  let text = validText();
  let version = 1;

  before(async () => {
    client = await LspClient.start({ folders: [ws.root], settings: { delay: 50 } });
  });
  after(async () => {
    await client.shutdown();
    ws.dispose();
  });

  it('publishes on open, with the version, for the valid example: nothing to report', async () => {
    await client.open(uri, text, version);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(clean(published.diagnostics), []);
  });

  it('re-checks the unsaved buffer after an incremental change: code, docs link, source', async () => {
    const change = changeOf(text, '| P1 | Pagerduty |', '| P2 | Pagerduty |');
    text = replaceOnce(text, '| P1 | Pagerduty |', '| P2 | Pagerduty |');
    await client.change(uri, ++version, [change]);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version && has('RDY201')(p));
    const p1 = published.diagnostics.find((d) => d.code === 'RDY201')!;
    assert.equal(p1.source, 'mlops-readiness');
    assert.match(p1.codeDescription!.href, /docs\/rules\/RDY201\.md$/);
    assert.match(messageOf(p1), /P1/);
  });

  it('gives related information where another place explains the problem (backup = DRI)', async () => {
    const change = changeOf(text, '**Backup DRI**: `@li-wei`', '**Backup DRI**: `@ana-m`');
    text = replaceOnce(text, '**Backup DRI**: `@li-wei`', '**Backup DRI**: `@ana-m`');
    await client.change(uri, ++version, [change]);
    const published = await client.waitForDiagnostics(uri, (p) => p.version === version && has('RDY602')(p));
    const backup = published.diagnostics.find((d) => d.code === 'RDY602')!;
    assert.ok(backup.relatedInformation?.length, 'RDY602 points at the DRI line');
    assert.equal(backup.relatedInformation![0].location.range.start.line, positionOf(text, '- **DRI**').line);
    assert.equal(backup.relatedInformation![0].location.uri, uri);
    // Put both back.
    const undo = [changeOf(text, '**Backup DRI**: `@ana-m`', '**Backup DRI**: `@li-wei`')];
    text = replaceOnce(text, '**Backup DRI**: `@ana-m`', '**Backup DRI**: `@li-wei`');
    undo.push(changeOf(text, '| P2 | Pagerduty |', '| P1 | Pagerduty |'));
    text = replaceOnce(text, '| P2 | Pagerduty |', '| P1 | Pagerduty |');
    await client.change(uri, ++version, undo);
    const restored = await client.waitForDiagnostics(uri, (p) => p.version === version);
    assert.deepEqual(clean(restored.diagnostics), []);
  });

  it('never publishes a result for an older version: quick changes are coalesced', async () => {
    client.settings = { delay: 300 };
    await client.settingsChanged();
    await client.waitForDiagnostics(uri, (p) => p.version === version, 10_000, true); // the re-check the settings change causes
    const from = client.publications.length;
    const first = version + 1;
    for (let i = 0; i < 5; i++) {
      // Each change types one more character into the Owner's remark: every version differs.
      const at = positionOf(text, '(DRI for production behaviour');
      await client.change(uri, ++version, [{ range: { start: at, end: at }, text: 'x' }]);
      text = replaceOnce(text, '(DRI for production behaviour', 'x(DRI for production behaviour');
    }
    const last = await client.waitForDiagnostics(uri, (p) => p.version === version, 10_000, true);
    const ours = client.publications.slice(from).filter((p) => p.uri === uri);
    assert.deepEqual(ours.map((p) => p.version), [version], `only v${version} is published, not v${first}..v${version - 1}`);
    assert.deepEqual(clean(last.diagnostics), []);
  });

  it('applies a settings change without a restart', async () => {
    client.settings = { delay: 0, rules: { RDY001: 'warning' } };
    await client.settingsChanged();
    const at = positionOf(text, 'pr_review-2026-10-30-04');
    text = replaceOnce(text, 'pr_review-2026-10-30-04', '<id>');
    await client.change(uri, ++version, [{ range: { start: at, end: { line: at.line, character: at.character + 'pr_review-2026-10-30-04'.length } }, text: '<id>' }]);
    const warned = await client.waitForDiagnostics(uri, (p) => p.version === version && has('RDY001')(p));
    assert.equal(warned.diagnostics.find((d) => d.code === 'RDY001')!.severity, 2);
    client.settings = { delay: 0, rules: { 'no-placeholders': 'off' } };
    await client.settingsChanged();
    await client.waitForDiagnostics(uri, lacks('RDY001'), 10_000, true);
  });

  it('re-checks on a .mlops-readiness.json change and reports a bad config on the config file', async () => {
    client.settings = { delay: 0 };
    await client.settingsChanged();
    await client.waitForDiagnostics(uri, (p) => has('RDY001')(p) && p.diagnostics.find((d) => d.code === 'RDY001')!.severity === 1, 10_000, true);
    const config = ws.uri('.mlops-readiness.json');
    ws.write('.mlops-readiness.json', '{ "rules": { "RDY001": "off" } }\n');
    await client.watched([{ uri: config, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(uri, lacks('RDY001'), 10_000, true);

    ws.write('.mlops-readiness.json', '{\n  "rules": { "RDY999": "off" }\n}\n');
    await client.watched([{ uri: config, type: FileChangeType.Changed }]);
    const problems = await client.waitForDiagnostics(config, (p) => p.diagnostics.some((d) => /RDY999/.test(messageOf(d))));
    assert.equal(problems.diagnostics.length, 1);
    assert.equal(problems.diagnostics[0].range.start.line, 1, 'on the offending key');
    // The bad entry is dropped, not the whole check: the placeholder is an error again.
    await client.waitForDiagnostics(uri, has('RDY001'));

    ws.write('.mlops-readiness.json', '{}\n');
    await client.watched([{ uri: config, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(config, (p) => p.diagnostics.length === 0, 10_000, true);
    const undoAt = positionOf(text, '<id>');
    text = replaceOnce(text, '<id>', 'pr_review-2026-10-30-04');
    await client.change(uri, ++version, [{ range: { start: undoAt, end: { line: undoAt.line, character: undoAt.character + 4 } }, text: 'pr_review-2026-10-30-04' }]);
    await client.waitForDiagnostics(uri, (p) => p.version === version && clean(p.diagnostics).length === 0);
  });

  it('clears a missing runbook\'s warning when the runbook is created on disk', async () => {
    const from = 'documentation/runbooks/ea-s11-signal-starvation.md';
    const to = 'documentation/runbooks/ea-s11-new-runbook.md';
    const change = changeOf(text, from, to);
    text = replaceOnce(text, from, to);
    await client.change(uri, ++version, [change]);
    const missing = await client.waitForDiagnostics(uri, (p) => p.version === version && has('RDY206')(p));
    assert.match(messageOf(missing.diagnostics.find((d) => d.code === 'RDY206')!), /ea-s11-new-runbook\.md/);
    ws.write(to, ws.read(from));
    await client.watched([{ uri: ws.uri(to), type: FileChangeType.Created }]);
    const fixed = await client.waitForDiagnostics(uri, lacks('RDY206'), 10_000, true);
    assert.deepEqual(clean(fixed.diagnostics), []);
  });

  it('checks readiness files that are not open (scope "workspace"), follows them on disk, clears them when deleted', async () => {
    const path = 'documentation/readiness/CVN-N014-LB-S02.md';
    const closed = ws.uri(path);
    const first = await client.waitForDiagnostics(closed, has('RDY402'));
    assert.equal(first.version, undefined, 'a file on disk has no editor version');
    ws.write(path, ws.read(path).replace('| 3d |', '| 14d |'));
    await client.watched([{ uri: closed, type: FileChangeType.Changed }]);
    await client.waitForDiagnostics(closed, lacks('RDY402'), 10_000, true);
    ws.remove(path);
    await client.watched([{ uri: closed, type: FileChangeType.Deleted }]);
    await client.waitForDiagnostics(closed, (p) => p.diagnostics.length === 0, 10_000, true);
  });

  it('answers mlopsReadiness/status and mlopsReadiness/checkAll', async () => {
    const status = await client.request<{ isReadinessFile: boolean; sectionsPassing: number; sectionsTotal: number; errors: number }>(
      'mlopsReadiness/status',
      { uri },
    );
    assert.equal(status.isReadinessFile, true);
    assert.equal(status.sectionsTotal, 7);
    assert.equal(status.sectionsPassing, 7);
    assert.equal(status.errors, 0);
    const all = await client.request<{ files: number; errors: number; warnings: number }>('mlopsReadiness/checkAll', {});
    assert.equal(all.files, 3, 'the valid file and the two defective examples left on disk');
    assert.ok(all.errors > 0);
  });

  it('registers its file watchers dynamically', () => {
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watchers, 'a didChangeWatchedFiles registration');
    const globs = (watchers.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.ok(globs.includes('**/.mlops-readiness.json') && globs.includes('**/*.md'));
  });
});

describe('language server: scope "openFiles" and untrusted workspaces', () => {
  it('checks a file at once on open, and clears it when its editor closes (scope openFiles)', async () => {
    const ws = new TempWorkspace();
    // A long delay: opening a file is still checked at once (only edits wait).
    const client = await LspClient.start({ folders: [ws.root], settings: { scope: 'openFiles', delay: 5000 } });
    try {
      const path = 'documentation/readiness/CVN-N014-LB-S02.md';
      const uri = ws.uri(path);
      await client.open(uri, ws.read(path));
      await client.waitForDiagnostics(uri, (p) => p.version === 1 && has('RDY402')(p), 2500);
      await client.close(uri);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 10_000, true);
      const other = ws.uri('documentation/readiness/CVN-N012-FX-S03.md');
      assert.equal(client.publications.some((p) => p.uri === other), false, 'a closed file gets nothing');
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });

  it('reads no other file while untrusted, and does after mlopsReadiness/setTrusted', async () => {
    const ws = new TempWorkspace();
    const client = await LspClient.start({ folders: [ws.root], settings: { delay: 0 }, initializationOptions: { trusted: false } });
    try {
      const uri = ws.uri(VALID_PATH);
      const text = replaceOnce(validText(), 'ea-s11-signal-starvation.md', 'no-such-runbook.md');
      await client.open(uri, text);
      const untrusted = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.deepEqual(clean(untrusted.diagnostics), [], 'no cross-file rule ran (the runbook is missing)');
      await client.connection.sendNotification('mlopsReadiness/setTrusted', { trusted: true });
      await client.waitForDiagnostics(uri, has('RDY206'), 10_000, true);
    } finally {
      await client.shutdown();
      ws.dispose();
    }
  });
});
