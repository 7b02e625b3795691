import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../server/src/service';
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
        if (example.kind === 'failing') assert.ok(findings.length > 0, `no ${rule.code} in:\n${example.text}`);
        else assert.deepEqual(findings.map(messageText), [], `in:\n${example.text}`);
      });
    }
  }
});
