import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../server/src/service';
import { RULE_IDS } from '../server/src/service/rules/ruleIds';
import { ROOT } from './helpers';

const RULES_DIR = join(ROOT, 'server/src/service/rules');
const camelCase = (kebab: string) => kebab.replace(/-([a-z0-9])/g, (_, next: string) => next.toUpperCase());

/** `<part>/<file>.ts` of every module under rules/<part>/, the part's rule list (index.ts) aside. */
function ruleModules(): string[] {
  return readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((part) => readdirSync(join(RULES_DIR, part.name)).filter((name) => name.endsWith('.ts') && name !== 'index.ts').map((name) => `${part.name}/${name}`));
}

test('a rule lives in rules/<part>/<its name in camelCase>.ts, and every module there is one rule', () => {
  const modules = ruleModules();
  const homes = RULES.map((rule) => {
    const [home, ...others] = modules.filter((module) => module.endsWith(`/${camelCase(rule.name)}.ts`));
    assert.ok(home && !others.length, `${rule.code} ${rule.name}: expected one rules/<part>/${camelCase(rule.name)}.ts`);
    const text = readFileSync(join(RULES_DIR, home), 'utf8');
    assert.equal(text.match(/^\s+code: 'RDY\d+',$/gm)?.length, 1, `rules/${home} defines one rule`);
    assert.match(text, new RegExp(`^\\s+code: '${rule.code}',$`, 'm'), `rules/${home} defines ${rule.code}`);
    return home;
  });
  assert.deepEqual([...modules].sort(), [...homes].sort(), 'rules/<part>/ holds rules only; shared facts live in facts/<part>/');
});

test('facts/ modules import no rule module (its types aside): rules read facts, never the other way', () => {
  const factsDir = join(ROOT, 'server/src/service/facts');
  const modules = readdirSync(factsDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  assert.ok(modules.length > 0);
  for (const module of modules) {
    const text = readFileSync(join(factsDir, module), 'utf8');
    const ruleImports = [...text.matchAll(/^import (?!type )[^;]*from '[./]*rules\/[^']*';/gm)].map((match) => match[0]);
    assert.deepEqual(ruleImports, [], `facts/${module}`);
  }
});

test('rules/ruleIds.ts lists every rule of the registry, code and name, in its order (RDY007 reads it)', () => {
  assert.deepEqual(
    RULE_IDS.map(([code, name]) => [code, name]),
    RULES.map((rule) => [rule.code, rule.name]),
  );
});
