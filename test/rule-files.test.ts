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

/** What a module exports as values (types and interfaces aside), by name. */
function valueExports(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(const|let|var|function\*?|class|enum)\s+([A-Za-z_$][\w$]*)/gm)) names.push(match[2]);
  for (const match of text.matchAll(/^export\s+(?!type\b)\{([^}]*)\}/gm)) {
    names.push(...match[1].split(',').map((part) => part.trim()).filter((part) => part && !part.startsWith('type ')).map((part) => part.split(/\s+as\s+/).pop()!));
  }
  if (/^export\s+default\b/m.test(text)) names.push('default');
  if (/^export\s+\*/m.test(text)) names.push('*');
  return names;
}

test('a rule file exports its rule and nothing else but types: helpers live in facts/ or util/', () => {
  for (const module of ruleModules()) {
    const text = readFileSync(join(RULES_DIR, module), 'utf8');
    const expected = `${module.replace(/^.*\//, '').replace(/\.ts$/, '')}Rule`;
    assert.deepEqual(valueExports(text), [expected], `rules/${module}`);
  }
});

test('would catch a helper a rule file exports beside its rule', () => {
  const rule = "export const fooRule = defineRule({});\n";
  assert.deepEqual(valueExports(rule), ['fooRule']);
  assert.deepEqual(valueExports(rule + 'export interface FooOptions { a: string }\nexport type Bar = string;\nexport type { Baz } from "./baz";'), ['fooRule']);
  assert.deepEqual(valueExports(rule + "export const PLACEHOLDER = '<reason>';"), ['fooRule', 'PLACEHOLDER']);
  assert.deepEqual(valueExports(rule + 'export function hasDuration() {}'), ['fooRule', 'hasDuration']);
  assert.deepEqual(valueExports(rule + 'function helper() {}\nexport { helper, type Foo, other as renamed };'), ['fooRule', 'helper', 'renamed']);
  assert.deepEqual(valueExports(rule + "export * from './facts';"), ['fooRule', '*']);
});
