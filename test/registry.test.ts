import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { docsUrl, RULES } from '../server/src/service';
import { SCHEMA_PATH, schemaText } from '../scripts/write-config-schema';
import { ROOT } from './helpers';

/** Every requirement RULES.md lists (F6 and F7 are the parser's: file kind and guidance). */
const REQUIREMENTS = [
  ...['F1', 'F2', 'F3', 'F4', 'F5'],
  ...['H1', 'H2', 'H3', 'H4', 'H5'],
  ...['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8'],
  ...['A1', 'A2', 'A3', 'A4', 'A5'],
  ...['D1', 'D2', 'D3'],
  ...['R1', 'R2', 'R3', 'R4', 'R5'],
  ...['B1', 'B2', 'B3', 'B4'],
  ...['O1', 'O2', 'O3', 'O4'],
  ...['C1', 'C2', 'C3'],
];

describe('rule registry', () => {
  it('has unique RDY codes and kebab-case names', () => {
    const codes = RULES.map((rule) => rule.code);
    const names = RULES.map((rule) => rule.name);
    assert.equal(new Set(codes).size, codes.length);
    assert.equal(new Set(names).size, names.length);
    for (const rule of RULES) {
      assert.match(rule.code, /^RDY\d{3}$/);
      assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(rule.summary && rule.rationale && rule.fixHint, `${rule.code} explains itself`);
    }
  });

  it('implements every requirement of RULES.md', () => {
    const covered = new Set<string>(RULES.flatMap((rule) => rule.requirements));
    assert.deepEqual(REQUIREMENTS.filter((id) => !covered.has(id)), []);
  });

  it('links each rule to its docs page, which exists with the expected sections', () => {
    for (const rule of RULES) {
      assert.equal(docsUrl(rule, 'https://docs.example.com/rules'), `https://docs.example.com/rules/${rule.code}.md`);
      assert.equal(docsUrl(rule, undefined, (code) => `bundled:${code}`), `bundled:${rule.code}`);
      assert.equal(docsUrl(rule, undefined), undefined, 'no page known, no link');
      const page = join(ROOT, 'docs', 'rules', `${rule.code}.md`);
      assert.ok(existsSync(page), `docs/rules/${rule.code}.md exists`);
      const text = readFileSync(page, 'utf8');
      assert.ok(text.startsWith(`# ${rule.code} ${rule.name}`), `${rule.code} page title`);
      for (const heading of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## How to fix', '## Options']) {
        assert.ok(text.includes(heading), `${rule.code} page has "${heading}"`);
      }
      assert.match(text, /ADR-\d+/, `${rule.code} page cites the ADR`);
    }
  });

  it('the committed config schema matches the registry (npm run schema)', () => {
    assert.equal(readFileSync(SCHEMA_PATH, 'utf8'), schemaText());
  });
});
