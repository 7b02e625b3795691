// The CLI links the same rule pages as the editor: SARIF `helpUri` and `rules` name the page bundled with the
// CLI (a file that exists), or the organisation's copy under `docsBaseUrl` from .mlops-readiness.json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/service';
import { readExample, ROOT } from './helpers';

const CLI = join(ROOT, 'cli/out/cli.js');
const DEFECTIVE = readExample('documentation/readiness/CVN-N011-EA-S11.md').replace('| P1 | Pagerduty |', '| P2 | Slack |');

function sarifOf(config: object | undefined): { rules: Array<{ id: string; helpUri?: string }>; results: Array<{ ruleId: string }> } {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-docs-'));
  try {
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'documentation/readiness'), { recursive: true });
    writeFileSync(join(dir, 'documentation/readiness/CVN-N011-EA-S11.md'), DEFECTIVE);
    if (config) writeFileSync(join(dir, '.mlops-readiness.json'), JSON.stringify(config));
    const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'sarif', '.'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    const [sarifRun] = JSON.parse(run.stdout).runs;
    return { rules: sarifRun.tool.driver.rules, results: sarifRun.results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('CLI: links to the rule pages', () => {
  it('SARIF helpUri is the bundled page of each rule, a file that exists', () => {
    const { rules, results } = sarifOf(undefined);
    assert.ok(results.some((r) => r.ruleId === 'RDY201'));
    for (const rule of RULES) {
      const descriptor = rules.find((r) => r.id === rule.code)!;
      assert.match(descriptor.helpUri!, new RegExp(`^file://.*/docs/rules/${rule.code}\\.md$`));
      assert.ok(existsSync(fileURLToPath(descriptor.helpUri!)), descriptor.helpUri);
    }
  });

  it('SARIF helpUri follows docsBaseUrl of .mlops-readiness.json', () => {
    const { rules } = sarifOf({ docsBaseUrl: 'https://wiki.example.com/readiness' });
    assert.equal(rules.find((r) => r.id === 'RDY201')!.helpUri, 'https://wiki.example.com/readiness/RDY201.md');
  });

  it('`rules --json` names the bundled pages', () => {
    const run = spawnSync(process.execPath, [CLI, 'rules', '--json'], { encoding: 'utf8' });
    const listed = JSON.parse(run.stdout) as Array<{ code: string; docs: string }>;
    for (const rule of listed) assert.ok(existsSync(fileURLToPath(rule.docs)), `${rule.code}: ${rule.docs}`);
  });
});
