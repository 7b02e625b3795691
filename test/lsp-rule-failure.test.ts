import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { readTemplate } from './helpers';
import { LspClient } from './lsp/client';

describe('language server: a rule that throws', () => {
  it('is logged once with its code, while the other rules keep publishing on every change', async () => {
    // A story-id pattern that is not a regular expression, from the editor's settings (a config
    // file's is refused by its validation, RDY000), makes RDY101 throw when it compiles it: the
    // server must survive it, keystroke after keystroke.
    const root = mkdtempSync(join(tmpdir(), 'readiness-rule-failure-'));
    mkdirSync(join(root, '.git'));
    const uri = pathToFileURL(join(root, 'documentation/readiness/CVN-N1-S1.md')).toString();
    const client = await LspClient.start({ folders: [root], settings: { delay: 0, scope: 'openFiles', rules: { RDY101: { storyIdPattern: '(' } } } });
    try {
      const text = readTemplate();
      await client.open(uri, text);
      const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.ok(first.diagnostics.some((d) => d.code === 'RDY001'), 'the other rules still report');
      assert.ok(!first.diagnostics.some((d) => d.code === 'RDY101'));
      for (let version = 2; version <= 5; version++) {
        await client.change(uri, version, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' }]);
        const published = await client.waitForDiagnostics(uri, (p) => p.version === version);
        assert.ok(published.diagnostics.some((d) => d.code === 'RDY001'), `version ${version} still has the other rules' findings`);
      }
      // The last publication came after the last check, so every log line of these checks has arrived.
      // RDY101 and RDY102 both read the pattern: each is logged once, not once per keystroke.
      const failures = client.logs.filter((line) => /^Rule RDY\d+ /.test(line));
      assert.deepEqual(
        failures.map((line) => line.slice(0, line.indexOf(' failed'))),
        ['Rule RDY101 title-story-id', 'Rule RDY102 story-links'],
        client.logs.join('\n'),
      );
      assert.match(failures[0], /storyIdPattern/);
    } finally {
      await client.shutdown();
    }
  });
});
