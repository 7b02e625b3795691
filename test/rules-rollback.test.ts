// §5 Rollback plan: RDY501 config-only-rollback (B1), RDY502 revert-sla (B2), RDY503 rollback-config-value (B3),
// RDY504 revert-tested (B4).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../server/src/service';
import { at, check, edit, finding, messageText, newErrors, rangeOf, readExample, textAt, withCode, withRuleOptions, withSection } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const HEADER = '| Mechanism | Description | Revert SLA |';
const FLAG_ROW = '| FTF factor flag |';

/** The whole (trimmed) line holding `marker`. */
const lineRangeOf = (text: string, marker: string) => {
  const line = text.split('\n').find((l) => l.includes(marker))!;
  return rangeOf(text, marker, line.trim());
};

const SECTION5 = (text: string) => {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## 5.'));
  return lines.slice(start, lines.findIndex((l, i) => i > start && l.startsWith('## '))).join('\n');
};

const msg = messageText;

const CODE_ONLY = withSection(VALID, 5, 'rollback/code-deploy-only.md');
const HOTFIX_FIRST = withSection(VALID, 5, 'rollback/hotfix-first.md');

describe('the valid example', () => {
  it('gives no §5 diagnostic, also with CRLF line ends and a BOM', () => {
    for (const text of [VALID, VALID.replace(/\n/g, '\r\n'), `\uFEFF${VALID}`]) {
      const found = check(text).filter((d) => /^RDY50[1-4]$/.test(String(d.code)));
      assert.deepEqual(found, []);
    }
  });
});

describe('RDY501 config-only-rollback (B1)', () => {
  it('passes the valid example (FTF factor flag first)', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY501'), []);
  });

  it('reports a table whose only mechanism is a code deploy on the table header, citing ADR-56', () => {
    const [diagnostic, ...rest] = withCode(check(CODE_ONLY), 'RDY501');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 1);
    assert.equal(at(diagnostic.range), rangeOf(CODE_ONLY, HEADER));
    assert.match(msg(diagnostic), /No config-only rollback/);
    assert.match(msg(diagnostic), /"Revert PR \+ redeploy"/);
    assert.match(msg(diagnostic), /FTF factor flag/);
    assert.match(msg(diagnostic), /ADR-56/);
  });

  it('reports the rollback of the CVN-N015 example, whose only path is a revert PR', () => {
    const text = readExample('documentation/readiness/CVN-N015-CAL-S01.md');
    const [diagnostic] = withCode(check(text), 'RDY501');
    assert.ok(diagnostic);
    assert.equal(at(diagnostic.range), rangeOf(text, HEADER));
  });

  it('reports an empty table on its header', () => {
    const text = edit(VALID, /\| FTF factor flag \|.*\n\| Model version pinning \|.*\n\| Feature artefact pinning \|.*\n/, '');
    const [diagnostic] = withCode(check(text), 'RDY501');
    assert.equal(at(diagnostic.range), rangeOf(text, HEADER));
    assert.match(msg(diagnostic), /lists no mechanism/);
    const fixed = applyEdits(text, finding(text, 'RDY501').fixes[0].edits);
    assert.deepEqual(withCode(check(fixed), 'RDY501'), []);
    const inserted = fixed.split('\n').findIndex((l) => l.startsWith(FLAG_ROW));
    assert.equal(fixed.split('\n')[inserted - 1], '|---|---|---|');
    assert.deepEqual(newErrors(text, fixed, [inserted]), []);
  });

  it('"Insert an FTF factor flag row" adds the template row first: the error goes, only its placeholder is new', () => {
    const fix = finding(CODE_ONLY, 'RDY501').fixes[0];
    assert.match(fix.title, /^Insert an FTF factor flag row/);
    assert.ok(!fix.safe, 'the author still names the factor');
    assert.ok(fix.snippetEdits?.[0].newText.includes('${1:name}'));
    const fixed = applyEdits(CODE_ONLY, fix.edits);
    const inserted = fixed.split('\n').findIndex((l) => l.startsWith(FLAG_ROW));
    assert.equal(fixed.split('\n')[inserted - 1], '|---|---|---|', 'inserted as the first row');
    assert.deepEqual(withCode(check(fixed), 'RDY501'), []);
    assert.deepEqual(newErrors(CODE_ONLY, fixed, [inserted]), []);
  });

  it('reports a code deploy listed first on its row, naming the config-only path to put first', () => {
    const [diagnostic, ...rest] = withCode(check(HOTFIX_FIRST), 'RDY501');
    assert.equal(rest.length, 0);
    assert.equal(at(diagnostic.range), lineRangeOf(HOTFIX_FIRST, '| Hotfix |'));
    assert.match(msg(diagnostic), /primary \(first\) rollback mechanism "Hotfix" is a code deploy/);
    assert.match(msg(diagnostic), /"FTF factor flag" first/);
    assert.match(msg(diagnostic), /secondary/);
  });

  it('"Make … the primary path" moves the config-only row first and adds no error', () => {
    const fix = finding(HOTFIX_FIRST, 'RDY501').fixes[0];
    assert.equal(fix.title, 'Make "FTF factor flag" the primary path (move its row first)');
    const fixed = applyEdits(HOTFIX_FIRST, fix.edits);
    const rows = SECTION5(fixed).split('\n').filter((l) => l.startsWith('| ') && !l.startsWith(HEADER));
    assert.deepEqual(rows.map((r) => r.split('|')[1].trim()), ['FTF factor flag', 'Hotfix']);
    assert.deepEqual(withCode(check(fixed), 'RDY501'), []);
    // The hotfix's 30 min SLA is no longer the primary path's.
    assert.deepEqual(withCode(check(fixed), 'RDY502'), []);
    assert.deepEqual(newErrors(HOTFIX_FIRST, fixed), []);
  });

  it('reads config-only mechanisms by their names: feature flag, FTF flag, MLflow alias flip, config toggle …', () => {
    for (const name of ['Feature flag', 'FTF flag', 'MLflow alias flip', 'Config toggle', 'Kill switch', 'Env var flip', 'Model version pin']) {
      assert.deepEqual(withCode(check(edit(VALID, '| FTF factor flag |', `| ${name} |`)), 'RDY501'), [], name);
    }
  });

  it('a deploy word wins over a config word in the Mechanism cell', () => {
    const text = edit(VALID, '| FTF factor flag |', '| Config change via redeploy |');
    const [diagnostic] = withCode(check(text), 'RDY501');
    assert.equal(at(diagnostic.range), lineRangeOf(text, '| Config change via redeploy |'));
  });

  it('option configOnlyKeywords: a mechanism word the team uses counts once configured', () => {
    // Neither "Kill lever" nor its description holds a default config-only word.
    const text = edit(CODE_ONLY, /\| Revert PR \+ redeploy \|.*\n/, '| Kill lever | pulled from the ops console by the on-call | < 1 min |\n');
    const [diagnostic] = withCode(check(text), 'RDY501');
    assert.match(msg(diagnostic), /No config-only rollback/);
    assert.deepEqual(withCode(check(text, withRuleOptions('RDY501', { configOnlyKeywords: ['kill lever'] })), 'RDY501'), []);
  });

  it('option codeDeployKeywords: a deploy word the team uses makes the first row a code deploy', () => {
    const text = edit(VALID, '| FTF factor flag |', '| Helm rollback |');
    assert.deepEqual(withCode(check(text), 'RDY501'), []);
    const [diagnostic] = withCode(check(text, withRuleOptions('RDY501', { codeDeployKeywords: ['helm*'] })), 'RDY501');
    assert.match(msg(diagnostic), /"Helm rollback" is a code deploy/);
  });
});

describe('RDY502 revert-sla (B2)', () => {
  it('passes the valid example (< 1 min, < 5 min) and 30s', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY502'), []);
    assert.deepEqual(withCode(check(edit(VALID, '| < 1 min |', '| 30s |')), 'RDY502'), []);
  });

  it('reads the SLA forms people write', () => {
    for (const sla of ['≤ 1 min', 'under 1 minute', '~40 s', '1–5 min', '< 60 seconds', 'instant', '2m', 'less than a minute', '< 1min', 'within 1 min', 'up to 2 min', '30 sec', '<1 min (flag flip)']) {
      assert.deepEqual(withCode(check(edit(VALID, '| < 1 min |', `| ${sla} |`)), 'RDY502'), [], sla);
    }
  });

  it('warns when the primary path reverts in more than 5 minutes, on the SLA cell', () => {
    const [diagnostic, ...rest] = withCode(check(CODE_ONLY), 'RDY502');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 2);
    assert.equal(at(diagnostic.range), rangeOf(CODE_ONLY, '| Revert PR + redeploy |', '~30 min'));
    assert.match(msg(diagnostic), /primary \(first\) rollback path "Revert PR \+ redeploy" reverts in 30 min/);
    assert.match(msg(diagnostic), /5 min revert window/);
  });

  it('accepts a slow secondary path', () => {
    const text = edit(VALID, '| < 5 min |\n| Feature', '| 45 min |\n| Feature');
    assert.deepEqual(withCode(check(text), 'RDY502'), []);
  });

  it('warns on an SLA that is not a duration, on its cell', () => {
    const text = edit(VALID, '| < 1 min |', '| fast |');
    const [diagnostic] = withCode(check(text), 'RDY502');
    assert.equal(at(diagnostic.range), rangeOf(text, FLAG_ROW, 'fast'));
    assert.match(msg(diagnostic), /Revert SLA "fast" of "FTF factor flag" is not a duration/);
    assert.match(msg(diagnostic), /< 1 min/);
  });

  it('warns on an empty SLA, on the row', () => {
    const text = edit(VALID, '| < 1 min |', '|  |');
    const [diagnostic] = withCode(check(text), 'RDY502');
    assert.equal(at(diagnostic.range), lineRangeOf(text, FLAG_ROW));
    assert.match(msg(diagnostic), /not a duration/);
  });

  it('warns on an SLA with no upper bound', () => {
    const text = edit(VALID, '| < 1 min |', '| > 1 min |');
    const [diagnostic] = withCode(check(text), 'RDY502');
    assert.equal(at(diagnostic.range), rangeOf(text, FLAG_ROW, '> 1 min'));
    assert.match(msg(diagnostic), /no upper bound/);
  });

  it('option maxPrimaryMinutes: 10 min passes at 15, warns at the default 5', () => {
    const text = edit(VALID, '| < 1 min |', '| 10 min |');
    assert.equal(withCode(check(text), 'RDY502').length, 1);
    assert.deepEqual(withCode(check(text, withRuleOptions('RDY502', { maxPrimaryMinutes: 15 })), 'RDY502'), []);
  });
});

describe('RDY503 rollback-config-value (B3)', () => {
  const NO_VALUE = edit(
    edit(VALID, '`CVN_FACTOR_LABEL_SMOOTHING=off` set in', 'the label smoothing factor flag set off in'),
    /The specific config value that flips the change off is .*?`ftf_config.base_env`\)\. /,
    '',
  );

  it('passes the valid example (in the table and in the prose)', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY503'), []);
  });

  it('accepts the value in prose alone, or in a code block', () => {
    const proseOnly = edit(VALID, '`CVN_FACTOR_LABEL_SMOOTHING=off` set in', 'the flag set off in');
    assert.deepEqual(withCode(check(proseOnly), 'RDY503'), []);
    assert.deepEqual(withCode(check(withSection(VALID, 5, 'rollback/config-in-code-block.md')), 'RDY503'), []);
  });

  it('reads the setting in the forms people write: key=value, key: value, --flag=value, "set `key` to value"', () => {
    for (const value of [
      '`factor_label_smoothing=0.0`',
      '`factor_label_smoothing: 0.0`',
      '`factor_label_smoothing = 0.0`',
      '`--factor-label-smoothing=0.0`',
      '`export CVN_FACTOR_LABEL_SMOOTHING=off`',
      '`set factor_label_smoothing to 0.0`',
      'set `factor_label_smoothing` to `0.0`',
      'set `factor_label_smoothing` to 0.0',
      'flip `CVN_FACTOR_LABEL_SMOOTHING` to off',
      '`CVN_FACTOR_LABEL_SMOOTHING` = `off`',
    ]) {
      const text = edit(NO_VALUE, 'Primary path: the FTF factor flag.', `Primary path: the FTF factor flag. To flip it off, ${value}.`);
      assert.deepEqual(withCode(check(text), 'RDY503'), [], value);
    }
  });

  it('does not read a setting outside code, a key without a value, nor a placeholder key in prose', () => {
    for (const value of ['set factor_label_smoothing to 0.0', 'use `factor_label_smoothing`', 'set `CVN_FACTOR_<name>` to `off`']) {
      const text = edit(NO_VALUE, 'Primary path: the FTF factor flag.', `Primary path: the FTF factor flag. To flip it off, ${value}.`);
      const [diagnostic, ...rest] = withCode(check(text), 'RDY503');
      assert.ok(diagnostic, value);
      assert.equal(rest.length, 0, value);
      assert.equal(at(diagnostic.range), rangeOf(text, HEADER), value);
    }
  });

  it('reports a section naming no key=value on the table header', () => {
    const [diagnostic, ...rest] = withCode(check(NO_VALUE), 'RDY503');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 1);
    assert.equal(at(diagnostic.range), rangeOf(NO_VALUE, HEADER));
    assert.match(msg(diagnostic), /does not name the config value that flips the change off/);
    assert.match(msg(diagnostic), /`key=value`/);
  });

  it('reports on the heading when the section has no table', () => {
    const text = edit(CODE_ONLY, /\| Mechanism \|.*\n\|---\|---\|---\|\n\| Revert PR.*\n/, '');
    const [diagnostic] = withCode(check(text), 'RDY503');
    assert.equal(at(diagnostic.range), lineRangeOf(text, '## 5. Rollback plan'));
  });

  it('does not count a value that still holds a placeholder (RDY001 reports the placeholder)', () => {
    const text = withSection(VALID, 5, 'rollback/placeholder-value.md');
    assert.equal(at(withCode(check(text), 'RDY503')[0].range), rangeOf(text, HEADER));
    const [placeholder] = withCode(check(text), 'RDY001').filter((d) => textAt(text, d.range) === '<name>');
    assert.ok(placeholder, 'RDY001 reports <name>');
  });

  it('does not count code that is not a setting (a call, a comparison)', () => {
    const text = edit(NO_VALUE, 'Primary path: the FTF factor flag.', 'Primary path: `flip(run_id=3)` when `a == b`.');
    assert.equal(withCode(check(text), 'RDY503').length, 1);
  });

  it('option pattern: a stricter pattern rejects what the default accepts', () => {
    assert.deepEqual(withCode(check(VALID, withRuleOptions('RDY503', { pattern: '=off$' })), 'RDY503'), []);
    assert.equal(withCode(check(VALID, withRuleOptions('RDY503', { pattern: '^ENABLE_\\w+=false$' })), 'RDY503').length, 1);
  });
});

describe('RDY504 revert-tested (B4)', () => {
  const UNTESTED = edit(VALID, /The revert was tested in shadow: .*?within 40 s\. /, '');

  it('passes the valid example, and other wordings', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY504'), []);
    assert.deepEqual(withCode(check(withSection(VALID, 5, 'rollback/config-in-code-block.md')), 'RDY504'), []);
    const wrapped = edit(UNTESTED, 'Primary path: the FTF factor flag.', 'Primary path: the FTF factor flag, rehearsed\nduring the shadow stage.');
    assert.deepEqual(withCode(check(wrapped), 'RDY504'), []);
    for (const sentence of [
      'Shadow-tested: the flag flip restores the champion within 40 s.',
      'Tested during the shadow phase (2026-10-30): champion restored.',
      'Flag flip exercised on the shadow deployment, champion restored.',
    ]) {
      assert.deepEqual(withCode(check(edit(UNTESTED, 'Primary path: the FTF factor flag.', `Primary path: the FTF factor flag. ${sentence}`)), 'RDY504'), [], sentence);
    }
  });

  const withSentence = (sentence: string) => edit(UNTESTED, 'Primary path: the FTF factor flag.', `Primary path: the FTF factor flag.\n\n${sentence}\n`);

  it('reads the ways people say the revert was exercised in shadow', () => {
    for (const sentence of [
      'Revert tested ✅ (shadow, 2026-10-30)',
      'Flip rehearsed in shadow on 2026-10-30.',
      'We tested the rollback during shadow: champion restored in 40 s.',
      '- [x] revert tested in shadow',
      'Dry-run of the flag flip in shadow ✔',
      'Shadow revert test ✅ 2026-10-30',
      'The flag flip was drilled on the shadow runner.',
    ]) {
      assert.deepEqual(withCode(check(withSentence(sentence)), 'RDY504'), [], sentence);
    }
  });

  it('reads a "Tested in shadow" column whose cell says it happened', () => {
    const table = (cell: string) =>
      edit(UNTESTED, /\| Mechanism \| Description \| Revert SLA \|\n\|---\|---\|---\|\n\| FTF factor flag \|(.*)\|\n/, 
        `| Mechanism | Description | Revert SLA | Tested in shadow |\n|---|---|---|---|\n| FTF factor flag |$1| ${cell} |\n`);
    for (const cell of ['✅ 2026-10-30', 'yes', '✔', '2026-10-30']) assert.deepEqual(withCode(check(table(cell)), 'RDY504'), [], cell);
    const tested = edit(table('✅ shadow, 2026-10-30'), '| Tested in shadow |', '| Tested |');
    assert.deepEqual(withCode(check(tested), 'RDY504'), []);
    assert.equal(withCode(check(edit(tested, '✅ shadow, 2026-10-30', '✅ staging, 2026-10-30')), 'RDY504').length, 1);
    for (const cell of ['❌', 'no', '—', 'not yet']) {
      const text = table(cell);
      const [diagnostic, ...rest] = withCode(check(text), 'RDY504');
      assert.equal(rest.length, 0, cell);
      assert.equal(at(diagnostic.range), rangeOf(text, '| Mechanism | Description | Revert SLA | Tested in shadow |'), cell);
    }
  });

  it('does not read a plan, a to-do, a failure or another stage as the revert tested in shadow', () => {
    for (const sentence of [
      'The revert will be tested in shadow.',
      'Revert to be tested in shadow.',
      'Revert not tested yet (shadow starts on 2026-11-02).',
      'The flag flip was tested in staging on 2026-10-30.',
      '- [ ] revert tested in shadow',
      'Revert tested in shadow ❌ (the alias did not move)',
      'The revert must be tested in shadow before the canary.',
      'Flag flip tested on staging, before shadow.',
      'The flag was verified in staging, the shadow starts on 2026-11-02.',
    ]) {
      const text = withSentence(sentence);
      const [diagnostic, ...rest] = withCode(check(text), 'RDY504');
      assert.ok(diagnostic, sentence);
      assert.equal(rest.length, 0, sentence);
      assert.equal(at(diagnostic.range), rangeOf(text, HEADER), sentence);
    }
  });

  it('warns on the table header when nothing says the revert was tested in shadow', () => {
    const [diagnostic, ...rest] = withCode(check(UNTESTED), 'RDY504');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.severity, 2);
    assert.equal(at(diagnostic.range), rangeOf(UNTESTED, HEADER));
    assert.match(msg(diagnostic), /Nothing in §5 says the revert was tested in shadow/);
  });

  it('does not count the template guidance nor a sentence saying it was not tested', () => {
    // UNTESTED keeps the template's "MUST be tested in shadow stage" bullet: guidance, not a statement.
    assert.ok(UNTESTED.includes('The revert mechanism MUST be tested in shadow stage at least once'));
    const negated = edit(UNTESTED, 'Primary path: the FTF factor flag.', 'The flip was not tested in shadow yet.');
    assert.equal(withCode(check(negated), 'RDY504').length, 1);
  });

  it('options testVerbs and shadowPhrases: the team\'s own words count once configured', () => {
    const text = edit(UNTESTED, 'Primary path: the FTF factor flag.', 'Primary path: the FTF factor flag, smoke-checked on the dark launch.');
    assert.equal(withCode(check(text), 'RDY504').length, 1);
    const options = withRuleOptions('RDY504', { testVerbs: ['smoke-checked'], shadowPhrases: ['dark launch'] });
    assert.deepEqual(withCode(check(text, options), 'RDY504'), []);
  });

  it('option negations: with none, a "not tested" sentence counts', () => {
    const negated = edit(UNTESTED, 'Primary path: the FTF factor flag.', 'The flip was not tested in shadow yet.');
    assert.deepEqual(withCode(check(negated, withRuleOptions('RDY504', { negations: [] })), 'RDY504'), []);
  });
});
