import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/service';
import { optionsTable, pagePath, renderedPage, severityLine } from '../scripts/write-rule-docs';
import { check, messageText, ROOT, withCode } from './helpers';
import { HOST_PATH, ruleDocExamples } from './ruleDocExamples';

// Each rule page's examples, put into the valid example file (test/ruleDocExamples.ts says how): the failing
// one gets the rule's finding, the passing one does not. A page whose example stops matching the rule fails here.
describe('rule pages: the failing and passing examples', () => {
  for (const rule of RULES) {
    const page = `docs/rules/${rule.code}.md`;
    const examples = ruleDocExamples(readFileSync(join(ROOT, page), 'utf8'));
    it(`${rule.code} has a failing and a passing example`, () => {
      assert.ok(examples.some((e) => e.kind === 'failing'), `${page} has no failing example`);
      assert.ok(examples.some((e) => e.kind === 'passing'), `${page} has no passing example`);
    });
    for (const example of examples) {
      it(`${page}:${example.line}: the ${example.kind} example ${example.kind === 'failing' ? 'gets' : 'does not get'} ${rule.code}`, () => {
        assert.equal(example.problem, undefined, 'the example cannot be placed in a readiness file');
        const findings = withCode(check(example.text, { files: example.files, path: HOST_PATH }), rule.code);
        if (example.kind === 'failing') {
          assert.ok(findings.length > 0, `no ${rule.code} in:\n${example.text}`);
          // On the example itself, not on the valid file around it (unless the example is a workspace file).
          if (example.placedLines.length) {
            const onExample = findings.filter((d) => example.placedLines.includes(d.range.start.line));
            assert.ok(onExample.length > 0, `${rule.code} only outside the example: ${findings.map((d) => `line ${d.range.start.line + 1}: ${messageText(d)}`).join('; ')}`);
          }
        }
        else assert.deepEqual(findings.map(messageText), [], `in:\n${example.text}`);
      });
    }
  }
});

describe('rule pages: what the rule metadata says', () => {
  it('each page holds the severity line and options table `npm run docs:rules` writes from the registry', () => {
    for (const rule of RULES) {
      const page = readFileSync(pagePath(rule), 'utf8');
      assert.equal(page, renderedPage(rule, page), `docs/rules/${rule.code}.md is out of date: run npm run docs:rules`);
    }
  });

  it('the severity line gives the default severity and the requirements; the table one row per option', () => {
    const rule = RULES.find((r) => r.code === 'RDY403')!;
    assert.equal(severityLine(rule), 'Severity: **error**. Requirement R3.');
    const rows = optionsTable(rule).split('\n');
    assert.equal(rows[0], '| Key | Type | Default | Meaning |');
    assert.equal(rows[2], '| `minCanaryDays` | integer ≥ 0 | `7` | Shortest canary stage, in days. |');
    assert.equal(rows.length, 2 + Object.keys(rule.optionsSchema!).length);
    // multiCryptoPattern's default holds `|`: escaped, every row still has four cells.
    for (const row of rows) assert.equal(row.match(/(?<!\\)\|/g)?.length, 5, row);
    assert.equal(optionsTable(RULES.find((r) => r.code === 'RDY001')!), 'None.');
  });
});
