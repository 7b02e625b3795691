import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../server/src/service';
import { canarySymbols } from '../server/src/service/facts/rollout/canarySymbols';
import { canarySymbolRule } from '../server/src/service/rules/rollout/canarySymbol';
import { canaryStageRule } from '../server/src/service/rules/rollout/canaryStage';
import { fullSignoffRule } from '../server/src/service/rules/rollout/fullSignoff';
import { noAutoPromotionRule } from '../server/src/service/rules/rollout/noAutoPromotion';
import { SKIP_REASON_PLACEHOLDER } from '../server/src/service/facts/rollout/stages';
import { applyFix, at, check, edit, messageText, newErrorsOutside, only, onlyFinding, readExample, readFixture, textAt, withCode } from './helpers';

const VALID = readFixture('rollout/valid.md');
const CODES = ['RDY401', 'RDY402', 'RDY403', 'RDY404', 'RDY405', 'RDY406'];

const lines = VALID.split('\n');
const rowLine = (stage: string) => lines.findIndex((line) => line.startsWith(`| ${stage} |`));
const HEADER_LINE = lines.findIndex((line) => line.startsWith('| Stage | Traffic % |'));
const SHADOW = lines[rowLine('Shadow')];
const CANARY = lines[rowLine('Canary')];
const FULL = lines[rowLine('Full')];
const CANARY_TRAFFIC = 'BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book';
const FULL_CRITERIA = 'all canary criteria + Sortino ≥ baseline + explicit operator sign-off by @d-okafor in the OP Story (wp#92)';

describe('rollout rules: the valid files pass', () => {
  it('gives no §4 diagnostic on the valid example and the valid fixture (LF and CRLF)', () => {
    for (const text of [readExample('documentation/readiness/CVN-N011-EA-S11.md'), VALID, VALID.replace(/\n/g, '\r\n'), '\uFEFF' + VALID]) {
      const diags = check(text);
      for (const code of CODES) assert.deepEqual(withCode(diags, code), [], code);
    }
  });

  it('finds the defects of the CVN-N014-LB-S02 example (3-day shadow, canary picked later, auto-promotion)', () => {
    const diags = check(readExample('documentation/readiness/CVN-N014-LB-S02.md'));
    assert.equal(withCode(diags, 'RDY402').length, 1);
    assert.equal(withCode(diags, 'RDY404').length, 1);
    assert.equal(withCode(diags, 'RDY406').length, 1);
    assert.deepEqual(withCode(diags, 'RDY405'), []);
  });
});

describe('RDY401 rollout-stages (R1)', () => {
  for (const [stage, neighbour] of [
    ['Shadow', 'before Canary'],
    ['Canary', 'between Shadow and Full'],
    ['Full', 'after Canary'],
  ] as const) {
    it(`reports a missing ${stage} row on the table header; the fix inserts the template's row ${neighbour}`, () => {
      const text = edit(VALID, lines[rowLine(stage)] + '\n', '');
      const diag = only(text, 'RDY401');
      assert.equal(at(diag.range), `${HEADER_LINE}:0-${HEADER_LINE}:${lines[HEADER_LINE].length}`);
      assert.match(messageText(diag), new RegExp(`No ${stage} stage row`));

      const finding = onlyFinding(text, 'RDY401');
      assert.equal(finding.fixes[0].isPreferred, true);
      assert.notEqual(finding.fixes[0].safe, true);
      const fixed = applyFix(text, finding, `Add the template's ${stage} stage row`);
      const order = fixed
        .split('\n')
        .filter((line) => /^\| (Shadow|Canary|Full) \|/.test(line))
        .map((line) => line.split('|')[1].trim());
      assert.deepEqual(order, ['Shadow', 'Canary', 'Full']);
      assert.deepEqual(withCode(check(fixed), 'RDY401'), []);
      assert.deepEqual(newErrorsOutside(text, fixed), []);
    });
  }

  it('reports a stage out of order on its row', () => {
    const text = edit(VALID, `${SHADOW}\n${CANARY}`, `${CANARY}\n${SHADOW}`);
    const diag = only(text, 'RDY401');
    assert.equal(at(diag.range), `${rowLine('Canary')}:0-${rowLine('Canary')}:${SHADOW.length}`);
    assert.match(messageText(diag), /Shadow stage comes after the Canary stage/);
    assert.match(messageText(diag), /Shadow, Canary, Full/);
  });

  it('reports empty pass criteria or rollback trigger on the cell (or the row when the cell is empty)', () => {
    const dash = edit(VALID, '| live `expectancy_net < 0` over 48h |', '| — |');
    const diag = only(dash, 'RDY401');
    assert.equal(diag.range.start.line, rowLine('Canary'));
    assert.equal(textAt(dash, diag.range), '—');
    assert.match(messageText(diag), /Canary stage has no rollback trigger/);

    const empty = edit(VALID, `| ${FULL_CRITERIA} |`, '|  |');
    const emptyDiag = only(empty, 'RDY401');
    assert.equal(at(emptyDiag.range).split('-')[0], `${rowLine('Full')}:0`);
    assert.match(messageText(emptyDiag), /Full stage has no pass criteria/);
  });

  for (const [option, stage, name] of [
    ['shadowKeywords', 'Shadow', 'Dry run'],
    ['canaryKeywords', 'Canary', 'Trial'],
    ['fullKeywords', 'Full', 'Everyone'],
  ] as const) {
    it(`option ${option} names the ${stage} stage`, () => {
      const text = edit(VALID, `| ${stage} |`, `| ${name} |`);
      assert.match(messageText(only(text, 'RDY401')), new RegExp(`No ${stage} stage row`));
      const config = { rules: { RDY401: { [option]: [name] } } };
      assert.deepEqual(withCode(check(text, { config }), 'RDY401'), []);
    });
  }

  it('a keyword of separators only (`-`) matches nothing and hides none of the others', () => {
    const text = edit(VALID, '| Canary |', '| Trial |');
    const config = { rules: { RDY401: { canaryKeywords: ['-', 'Trial'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY401'), []);
    const missing = { rules: { RDY401: { canaryKeywords: ['-'] } } };
    assert.match(messageText(only(text, 'RDY401', { config: missing })), /No Canary stage row/);
  });
});

describe('RDY402 shadow-stage (R2)', () => {
  it('reports shadow traffic other than 0% on the cell', () => {
    const text = edit(VALID, '| Shadow | 0% (predictions logged, not acted) |', '| Shadow | 10% |');
    const diag = only(text, 'RDY402');
    assert.equal(textAt(text, diag.range), '10%');
    assert.match(messageText(diag), /write `0% \(predictions logged, not acted\)`/);
  });

  it('accepts the ways people write 0% and 7 days or more', () => {
    for (const traffic of ['0%', '0 %', '0% (shadow scoring only)', '0']) {
      assert.deepEqual(withCode(check(edit(VALID, '| 0% (predictions logged, not acted) |', `| ${traffic} |`)), 'RDY402'), [], traffic);
    }
    for (const duration of ['7d', '7 days', '1w', '≥ 7d', '>= 7 days', '14 days', '2 weeks', '7-14d']) {
      const text = edit(VALID, `${SHADOW.slice(0, SHADOW.indexOf('| 14d |'))}| 14d |`, `${SHADOW.slice(0, SHADOW.indexOf('| 14d |'))}| ${duration} |`);
      assert.deepEqual(withCode(check(text), 'RDY402'), [], duration);
    }
  });

  it('reports a shadow under 7 days on the Duration cell, with the SKIP quick fix', () => {
    const text = readFixture('rollout/short-shadow.md');
    const diag = only(text, 'RDY402');
    assert.equal(at(diag.range), `${rowLine('Shadow')}:48-${rowLine('Shadow')}:50`);
    assert.equal(textAt(text, diag.range), '3d');
    assert.match(messageText(diag), /3 days/);
    assert.match(messageText(diag), /7-day minimum/);
    assert.match(messageText(diag), /calibration-only, shadow=3d because/);

    const finding = onlyFinding(text, 'RDY402');
    const [setDuration, fix] = finding.fixes;
    assert.equal(setDuration.title, 'Set shadow duration to 7d');
    assert.equal(setDuration.isPreferred, true);
    assert.deepEqual(withCode(check(applyEdits(text, setDuration.edits)), 'RDY402'), []);
    assert.equal(fix.title, 'Insert SKIP — JUSTIFICATION (calibration-only, shorter shadow)');
    assert.notEqual(fix.isPreferred, true);
    assert.notEqual(fix.safe, true);
    const skipLine = `**SKIP — JUSTIFICATION**: calibration-only, shadow=3d because ${SKIP_REASON_PLACEHOLDER}`;
    assert.equal(fix.edits[0].newText, `\n${skipLine}\n`);
    assert.equal(fix.edits[0].range.start.line, rowLine('Full') + 1);
    assert.equal(fix.snippetEdits?.[0].newText, '\n**SKIP — JUSTIFICATION**: calibration-only, shadow=3d because ${1:<reason>}\n');

    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes(`${FULL}\n\n${skipLine}\n\nRequired minima:`));
    assert.equal(withCode(check(fixed), 'RDY402').length, 1, 'the placeholder reason keeps the shadow unjustified');
    const reasoned = fixed.replace(SKIP_REASON_PLACEHOLDER, 'only the isotonic map on `buy_proba` changes');
    assert.deepEqual(withCode(check(reasoned), 'RDY402'), []);
    assert.deepEqual(withCode(check(reasoned), 'RDY005'), []);
    assert.deepEqual(newErrorsOutside(text, reasoned), []);
  });

  it('keeps CRLF in the inserted SKIP line', () => {
    const text = readFixture('rollout/short-shadow.md').replace(/\n/g, '\r\n');
    const fixed = applyFix(text, onlyFinding(text, 'RDY402'), 'Insert SKIP');
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
    assert.match(fixed, /because <reason>\r\n/);
  });

  it('reports an upper bound ("< 7d") and an unreadable duration', () => {
    const upper = edit(VALID, '| 14d |', '| < 7d |');
    assert.match(messageText(only(upper, 'RDY402')), /sets no minimum/);
    const words = edit(VALID, '| 14d |', '| a while |');
    const diag = only(words, 'RDY402');
    assert.equal(textAt(words, diag.range), 'a while');
    assert.match(messageText(diag), /cannot be read as days/);
  });

  it('accepts a short shadow justified by a calibration-only SKIP with matching days', () => {
    const text = readFixture('rollout/calibration-skip.md');
    const diags = check(text);
    assert.deepEqual(withCode(diags, 'RDY402'), []);
    assert.deepEqual(withCode(diags, 'RDY005'), []);
    assert.deepEqual(withCode(diags, 'RDY401'), []);
  });

  it('reports a SKIP whose shadow=Nd disagrees with the table, naming both numbers; the fix aligns it', () => {
    const text = edit(readFixture('rollout/calibration-skip.md'), 'shadow=3d because', 'shadow=5d because');
    const diag = only(text, 'RDY402');
    assert.equal(textAt(text, diag.range), 'shadow=5d');
    assert.match(messageText(diag), /shadow=5d/);
    assert.match(messageText(diag), /3 days/);
    const fixed = applyFix(text, onlyFinding(text, 'RDY402'), 'Write shadow=3d');
    assert.deepEqual(withCode(check(fixed), 'RDY402'), []);
  });

  it('reports a SKIP with an empty or placeholder reason, or without shadow=Nd', () => {
    const skip = readFixture('rollout/calibration-skip.md');
    const reason = 'only the isotonic map on `buy_proba` changes; features and labels are untouched';
    const placeholder = edit(skip, reason, '<reason>');
    const diag = only(placeholder, 'RDY402');
    assert.equal(textAt(placeholder, diag.range), '<reason>');
    assert.match(messageText(diag), /no reason/);

    const empty = edit(skip, ` because ${reason}`, ' because');
    assert.match(messageText(only(empty, 'RDY402')), /no reason/);

    const noDays = edit(skip, 'shadow=3d because', 'because');
    assert.match(messageText(only(noDays, 'RDY402')), /shadow=3d/);
  });

  it('option minShadowDays', () => {
    const text = edit(VALID, '| 14d |', '| 5d |');
    assert.equal(withCode(check(text), 'RDY402').length, 1);
    assert.deepEqual(withCode(check(text, { config: { rules: { RDY402: { minShadowDays: 5 } } } }), 'RDY402'), []);
    assert.equal(withCode(check(VALID, { config: { rules: { 'shadow-stage': { minShadowDays: 21 } } } }), 'RDY402').length, 1);
  });
});

describe('RDY403 canary-stage (R3)', () => {
  const canaryDuration = (duration: string) => edit(VALID, `${CANARY_TRAFFIC} | 7d |`, `${CANARY_TRAFFIC} | ${duration} |`);

  it('reports a canary under 7 days on the Duration cell', () => {
    const text = canaryDuration('3d');
    const diag = only(text, 'RDY403');
    assert.equal(diag.range.start.line, rowLine('Canary'));
    assert.equal(textAt(text, diag.range), '3d');
    assert.match(messageText(diag), /Canary lasts 3 days/);
  });

  it('reports all-at-once canary traffic on the phrase', () => {
    for (const [traffic, phrase] of [
      ['all 5 cryptos', 'all 5 cryptos'],
      ['100% of the portfolio', '100%'],
      ['portfolio-wide, all-at-once', 'portfolio-wide, all-at-once'],
      ['3 cryptos (BTCUSDC, ETHUSDC, SOLUSDC)', '3 cryptos'],
    ]) {
      const text = edit(VALID, CANARY_TRAFFIC, traffic);
      const diag = only(text, 'RDY403');
      assert.equal(textAt(text, diag.range), phrase, traffic);
      assert.match(messageText(diag), /single crypto/);
    }
  });

  it('accepts the template\'s single-crypto wording', () => {
    const text = edit(VALID, CANARY_TRAFFIC, 'BTCUSDC: 1 crypto out of 5 (or 10% portfolio weight), never all at once');
    assert.deepEqual(withCode(check(text), 'RDY403'), []);
  });

  it('option minCanaryDays', () => {
    const text = canaryDuration('3d');
    assert.deepEqual(withCode(check(text, { config: { rules: { RDY403: { minCanaryDays: 3 } } } }), 'RDY403'), []);
    assert.equal(withCode(check(VALID, { config: { rules: { RDY403: { minCanaryDays: 10 } } } }), 'RDY403').length, 1);
  });

  it('option allAtOnceKeywords', () => {
    const text = edit(VALID, CANARY_TRAFFIC, 'BTCUSDC together with its hedge leg');
    assert.deepEqual(withCode(check(text), 'RDY403'), []);
    const config = { rules: { RDY403: { allAtOnceKeywords: [...canaryStageRule.defaultOptions!.allAtOnceKeywords, 'together'] } } };
    assert.equal(textAt(text, only(text, 'RDY403', { config }).range), 'together');
  });

  it('option multiCryptoPattern', () => {
    const text = edit(VALID, CANARY_TRAFFIC, 'BTCUSDC, then 3 cryptos');
    assert.equal(withCode(check(text), 'RDY403').length, 1);
    const config = { rules: { RDY403: { multiCryptoPattern: '\\b\\d+\\s*exchanges\\b' } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY403'), []);
  });
});

describe('RDY404 canary-symbol (R4)', () => {
  it('reports "we\'ll pick later" on the phrase', () => {
    const text = readFixture('rollout/lazy-rollout.md');
    const diag = only(text, 'RDY404');
    assert.equal(at(diag.range), `${rowLine('Canary')}:21-${rowLine('Canary')}:37`);
    assert.equal(textAt(text, diag.range), "we'll pick later");
    assert.match(messageText(diag), /"we'll pick later"/);
    assert.match(messageText(diag), /BTCUSDC/);
  });

  it('reports TBD, TBC and "later" by name', () => {
    for (const phrase of ['TBD', 'TBC', 'later', 'we’ll pick later']) {
      const text = edit(VALID, CANARY_TRAFFIC, `1 crypto out of 5, ${phrase}`);
      const diag = only(text, 'RDY404');
      assert.equal(textAt(text, diag.range), phrase);
      assert.ok(messageText(diag).includes(`"${phrase}"`), messageText(diag));
    }
  });

  it('reports a canary row naming no crypto on the row (the template guidance mentioning BTCUSDC does not count)', () => {
    const text = edit(VALID, CANARY_TRAFFIC, '1 crypto out of 5 (or 10% portfolio weight)');
    assert.ok(text.includes('(e.g. `BTCUSDC` chosen because it has the deepest order book)'));
    const diag = only(text, 'RDY404');
    const line = rowLine('Canary');
    assert.equal(at(diag.range), `${line}:0-${line}:${text.split('\n')[line].length}`);
    assert.match(messageText(diag), /names no crypto/);
  });

  it('accepts a symbol named in the section prose or matching the pattern', () => {
    const prose = edit(
      edit(VALID, CANARY_TRAFFIC, '1 crypto out of 5'),
      '\n\nRequired minima:\n\n- Shadow stage',
      '\n\nThe canary runs on SOLUSDC: its funding rates are the most stable.\n\nRequired minima:\n\n- Shadow stage',
    );
    assert.deepEqual(withCode(check(prose), 'RDY404'), []);
    const pattern = edit(VALID, CANARY_TRAFFIC, 'DOGEUSDT only (1 crypto out of 5)');
    assert.deepEqual(withCode(check(pattern), 'RDY404'), []);
  });

  it('does not read "later" in the pass criteria as an unchosen crypto', () => {
    const text = edit(VALID, '; no drift alert |', '; no drift alert, reviewed later by the DRI |');
    assert.deepEqual(withCode(check(text), 'RDY404'), []);
  });

  it('option symbols (and canarySymbols for completions)', () => {
    const text = edit(VALID, CANARY_TRAFFIC, 'ADAEUR only (1 crypto out of 5)');
    assert.equal(withCode(check(text), 'RDY404').length, 1);
    const config = { rules: { RDY404: { symbols: ['ADAEUR'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY404'), []);
    assert.deepEqual(canarySymbols(), ['BTCUSDC', 'ETHUSDC', 'SOLUSDC', 'BNBUSDC', 'XRPUSDC']);
    assert.deepEqual(canarySymbols(canarySymbolRule.defaultOptions), canarySymbols());
    assert.deepEqual(canarySymbols({ symbols: ['ADAEUR'] }), ['ADAEUR']);
  });

  it('option symbolPattern', () => {
    const text = edit(VALID, CANARY_TRAFFIC, 'ADAEUR only (1 crypto out of 5)');
    const config = { rules: { RDY404: { symbolPattern: '[A-Z]{2,10}EUR' } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY404'), []);
    const strict = { rules: { RDY404: { symbols: [], symbolPattern: 'XBT[A-Z]+' } } };
    assert.equal(withCode(check(VALID, { config: strict }), 'RDY404').length, 1);
  });

  it('option vagueKeywords', () => {
    const text = edit(VALID, CANARY_TRAFFIC, 'BTCUSDC, pending liquidity review');
    assert.deepEqual(withCode(check(text), 'RDY404'), []);
    const config = { rules: { RDY404: { vagueKeywords: [...canarySymbolRule.defaultOptions!.vagueKeywords, 'pending'] } } };
    assert.equal(textAt(text, only(text, 'RDY404', { config }).range), 'pending');
  });
});

describe('RDY405 full-signoff (R5, warning)', () => {
  const noSignoff = edit(VALID, FULL_CRITERIA, 'all canary criteria + Sortino ≥ baseline');

  it('warns on the Full row when it names no operator sign-off; the fix adds it', () => {
    const diag = only(noSignoff, 'RDY405');
    assert.equal(diag.severity, 2);
    assert.equal(at(diag.range), `${rowLine('Full')}:0-${rowLine('Full')}:${noSignoff.split('\n')[rowLine('Full')].length}`);
    assert.match(messageText(diag), /no operator sign-off/);
    const finding = onlyFinding(noSignoff, 'RDY405');
    const fixed = applyFix(noSignoff, finding);
    assert.ok(fixed.includes('| all canary criteria + Sortino ≥ baseline + explicit operator sign-off in the OP Story |'));
    assert.deepEqual(withCode(check(fixed), 'RDY405'), []);
    assert.deepEqual(newErrorsOutside(noSignoff, fixed), []);
  });

  it('accepts the ways people name the sign-off, and not a negated one', () => {
    for (const criteria of ['Sortino ≥ baseline, operator approval in wp#92', 'manual promotion by the DRI', 'signed off in the OP Story']) {
      assert.deepEqual(withCode(check(edit(VALID, FULL_CRITERIA, criteria)), 'RDY405'), [], criteria);
    }
    assert.equal(withCode(check(edit(VALID, FULL_CRITERIA, 'Sortino ≥ baseline, no sign-off needed')), 'RDY405').length, 1);
  });

  it('option signoffKeywords', () => {
    const text = edit(VALID, FULL_CRITERIA, 'Sortino ≥ baseline + go-ahead from @d-okafor');
    assert.equal(withCode(check(text), 'RDY405').length, 1);
    const config = { rules: { RDY405: { signoffKeywords: [...fullSignoffRule.defaultOptions!.signoffKeywords, 'go-ahead'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY405'), []);
  });
});

describe('RDY406 no-auto-promotion (R5, error)', () => {
  it('reports auto-promotion in the Full row on the phrase, without a second RDY405 warning', () => {
    const text = readFixture('rollout/lazy-rollout.md');
    const diag = only(text, 'RDY406');
    assert.equal(diag.severity, 1);
    assert.equal(at(diag.range), `${rowLine('Full')}:36-${rowLine('Full')}:50`);
    assert.equal(textAt(text, diag.range), 'auto-promotion');
    assert.match(messageText(diag), /explicit operator sign-off in the OP Story/);
    assert.deepEqual(withCode(check(text), 'RDY405'), []);
  });

  it('reports auto-promotion written in the section prose', () => {
    const text = edit(VALID, '\n\nRequired minima:\n\n- Shadow stage', '\n\nThe canary is promoted automatically to Full after 7 green days.\n\nRequired minima:\n\n- Shadow stage');
    const diag = only(text, 'RDY406');
    assert.equal(textAt(text, diag.range), 'promoted automatically');
  });

  it('accepts a negated auto-promotion', () => {
    const text = edit(VALID, FULL_CRITERIA, 'explicit operator sign-off in the OP Story, no auto-promotion');
    assert.deepEqual(withCode(check(text), 'RDY406'), []);
  });

  it('option autoPromotionKeywords', () => {
    const text = edit(VALID, FULL_CRITERIA, `${FULL_CRITERIA}; rolls forward by itself otherwise`);
    assert.deepEqual(withCode(check(text), 'RDY406'), []);
    const config = { rules: { RDY406: { autoPromotionKeywords: [...noAutoPromotionRule.defaultOptions!.autoPromotionKeywords, 'by itself'] } } };
    assert.equal(textAt(text, only(text, 'RDY406', { config }).range), 'by itself');
  });
});

describe('rollout fixes apply cleanly', () => {
  it('the missing-stage fix inserts one well-formed row', () => {
    const text = edit(VALID, FULL + '\n', '');
    const fix = onlyFinding(text, 'RDY401').fixes[0];
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed.split('\n').length, text.split('\n').length + 1);
    assert.equal(fixed.split('\n')[rowLine('Full')], '| Full | 100% (all 5 cryptos) | — | all canary criteria + Sortino ≥ baseline | per ADR-26 oncall procedure |');
  });
});

describe('§4 written as a stage list: judged as the same content in a table', () => {
  const table = lines.slice(HEADER_LINE, rowLine('Full') + 1).join('\n');
  const ITEMS = [
    '1. **Shadow** — 14 days, 0% (predictions logged, not acted); pass criteria: predictions parity vs champion within ±1% on `f1_buy`, no exceptions in logs; rollback: any P1 alert',
    `2. **Canary** — 7 days on ${CANARY_TRAFFIC}; pass: live \`expectancy_net\` ≥ baseline OR within CI95, \`n_trades ≥ 50\`; rollback: live \`expectancy_net < 0\` over 48h`,
    `3. **Full** — after committee sign-off: ${FULL_CRITERIA}; rollback: per ADR-26 oncall procedure`,
  ];
  const LIST = edit(VALID, table, ITEMS.join('\n'));
  const listLines = LIST.split('\n');
  const itemLine = (stage: string) => listLines.findIndex((line) => line.includes(`**${stage}**`));
  const HEADING = listLines.findIndex((line) => /^## 4\./.test(line));
  const KEYED = edit(
    VALID,
    table,
    [
      '- Stage: Shadow, Traffic: 0%, Duration: 14 days, Pass criteria: parity within ±1%, Rollback trigger: any P1 alert',
      `- Stage: Canary, Traffic: ${CANARY_TRAFFIC}, Duration: 7d, Pass criteria: \`n_trades ≥ 50\`, Rollback trigger: live \`expectancy_net < 0\` over 48h`,
      `- Stage: Full, Traffic: 100%, Duration: —, Pass criteria: ${FULL_CRITERIA}, Rollback trigger: per ADR-26 oncall procedure`,
    ].join('\n'),
  );

  it('gives no §4 diagnostic (and no "no table") on a numbered list or on bullets with keys, nor with nested items', () => {
    const nested = edit(
      VALID,
      table,
      [
        '- **Shadow**',
        '  - Duration: 14 days',
        '  - Traffic: 0%',
        '  - Pass criteria: parity within ±1%',
        '  - Rollback: any P1 alert',
        '- **Canary**',
        '  - Duration: 7 days',
        `  - Traffic: ${CANARY_TRAFFIC}`,
        '  - Pass criteria: `n_trades ≥ 50`',
        '  - Rollback: any P1 alert',
        '- **Full**',
        `  - Pass criteria: ${FULL_CRITERIA}`,
        '  - Rollback: per ADR-26 oncall procedure',
      ].join('\n'),
    );
    for (const text of [LIST, KEYED, nested, LIST.replace(/\n/g, '\r\n')]) {
      const diags = check(text);
      for (const code of [...CODES, 'RDY004']) assert.deepEqual(withCode(diags, code), [], code);
    }
  });

  it('reports a missing Shadow item on the section heading; its fix writes the item in the list\'s style, with placeholders', () => {
    const text = edit(LIST, ITEMS[0] + '\n', '');
    const diag = only(text, 'RDY401');
    assert.equal(at(diag.range), `${HEADING}:0-${HEADING}:${listLines[HEADING].length}`);
    assert.match(messageText(diag), /No Shadow stage in the list/);
    const fixes = onlyFinding(text, 'RDY401').fixes;
    assert.deepEqual(fixes.map((fix) => [fix.title, fix.safe]), [['Add a Shadow stage item', false]]);
    const fixed = applyEdits(text, fixes[0].edits);
    assert.equal(fixed.split('\n')[itemLine('Shadow')], '1. **Shadow** — <duration> on <traffic>; pass: <pass criteria>; rollback: <rollback trigger>');
  });

  it('reports stages out of order on the item', () => {
    const text = edit(LIST, `${ITEMS[0]}\n${ITEMS[1]}`, `${ITEMS[1]}\n${ITEMS[0]}`);
    const diag = only(text, 'RDY401');
    const line = itemLine('Canary');
    assert.equal(at(diag.range), `${line}:0-${line}:${ITEMS[0].length}`);
    assert.match(messageText(diag), /order the items Shadow, Canary, Full/);
  });

  it('reports a missing rollback trigger on the item', () => {
    const text = edit(LIST, '; rollback: per ADR-26 oncall procedure', '');
    const diag = only(text, 'RDY401');
    const line = itemLine('Full');
    assert.equal(at(diag.range), `${line}:0-${line}:${listLines[line].length - '; rollback: per ADR-26 oncall procedure'.length}`);
    assert.match(messageText(diag), /Full stage has no rollback trigger/);
  });

  it('reports a 3-day shadow on its duration; the fix edits the item and the SKIP goes below the list', () => {
    const text = edit(LIST, '**Shadow** — 14 days', '**Shadow** — 3 days');
    const diag = only(text, 'RDY402');
    const line = itemLine('Shadow');
    assert.equal(at(diag.range), `${line}:16-${line}:22`);
    assert.equal(textAt(text, diag.range), '3 days');
    assert.match(messageText(diag), /below the list/);
    const finding = onlyFinding(text, 'RDY402');
    const fixed = applyFix(text, finding, 'Set shadow duration to 7d');
    assert.ok(fixed.includes('1. **Shadow** — 7d, 0%'));
    assert.deepEqual(withCode(check(fixed), 'RDY402'), []);
    const skip = finding.fixes.find((fix) => fix.title.startsWith('Insert SKIP'))!;
    assert.equal(skip.edits[0].range.start.line, itemLine('Full') + 1);
    const reasoned = applyEdits(text, skip.edits).replace(SKIP_REASON_PLACEHOLDER, 'only the isotonic map on `buy_proba` changes');
    assert.deepEqual(withCode(check(reasoned), 'RDY402'), []);
    assert.deepEqual(newErrorsOutside(text, reasoned), []);
  });

  it('reports shadow traffic other than 0% and a short canary in keyed bullets, on the values', () => {
    const text = edit(edit(KEYED, 'Traffic: 0%', 'Traffic: 10%'), 'Duration: 7d', 'Duration: 3d');
    const keyedLines = text.split('\n');
    const shadow = only(text, 'RDY402');
    assert.equal(shadow.range.start.line, keyedLines.findIndex((l) => l.startsWith('- Stage: Shadow')));
    assert.equal(textAt(text, shadow.range), '10%');
    const canary = only(text, 'RDY403');
    assert.equal(canary.range.start.line, keyedLines.findIndex((l) => l.startsWith('- Stage: Canary')));
    assert.equal(textAt(text, canary.range), '3d');
  });

  it('reports an all-at-once canary and a postponed crypto on the phrase in the item', () => {
    const allAtOnce = edit(LIST, `7 days on ${CANARY_TRAFFIC}`, '7 days on all 5 cryptos');
    assert.equal(textAt(allAtOnce, only(allAtOnce, 'RDY403').range), 'all 5 cryptos');
    const later = edit(LIST, `7 days on ${CANARY_TRAFFIC}`, "7 days on one crypto, we'll pick later");
    const diag = only(later, 'RDY404');
    assert.equal(diag.range.start.line, itemLine('Canary'));
    assert.equal(textAt(later, diag.range), "we'll pick later");
  });

  it('reports auto-promotion once, and a Full item without sign-off with an honest edit of the item', () => {
    const auto = edit(LIST, 'after committee sign-off: ', 'auto-promote after 7 days: ');
    const diag = only(auto, 'RDY406');
    assert.equal(textAt(auto, diag.range), 'auto-promote');
    const unsigned = edit(LIST, `after committee sign-off: ${FULL_CRITERIA}`, 'when the canary criteria hold');
    const finding = onlyFinding(unsigned, 'RDY405');
    const line = itemLine('Full');
    assert.equal(at(finding.range), `${line}:0-${line}:${unsigned.split('\n')[line].length}`);
    const fixed = applyFix(unsigned, finding);
    assert.ok(fixed.includes('3. **Full** — when the canary criteria hold + explicit operator sign-off in the OP Story; rollback:'));
    assert.deepEqual(withCode(check(fixed), 'RDY405'), []);
  });
});

describe('§4 as a list: stage names in plain words', () => {
  const lines = VALID.split('\n');
  const header = lines.findIndex((line) => line.startsWith('| Stage | Traffic % |'));
  const last = lines.findIndex((line) => line.startsWith('| Full |'));
  const table = lines.slice(header, last + 1).join('\n');
  const PLAIN = [
    '- Shadow for 14 days at 0% (predictions logged, not acted); pass criteria: parity within ±1%; rollback: any P1 alert',
    `- Canary stage for 7 days on ${CANARY_TRAFFIC}; pass criteria: \`n_trades ≥ 50\`; rollback: any P1 alert`,
    `- Full rollout: ${FULL_CRITERIA}; rollback: per ADR-26 oncall procedure`,
  ];
  const text = edit(VALID, table, PLAIN.join('\n'));
  const textLines = text.split('\n');

  it('reads "Shadow for 14 days at 0%" as the shadow stage, its duration and traffic', () => {
    for (const code of [...CODES, 'RDY004']) assert.deepEqual(withCode(check(text), code), [], code);
    const short = edit(text, 'Shadow for 14 days at 0%', 'Shadow for 3 days at 5%');
    const line = textLines.findIndex((l) => l.startsWith('- Shadow for'));
    const found = withCode(check(short), 'RDY402').map((d) => [d.range.start.line, textAt(short, d.range)]);
    assert.deepEqual(found, [
      [line, '3 days'],
      [line, '5% (predictions logged, not acted)'],
    ]);
  });

  it('a sentence about a stage ("Shadow stage MUST be ≥ 7 days …") names no stage: §4 without a table is still reported', () => {
    const sentences = edit(VALID, table, ['- Shadow stage MUST be at least a week long', '- Canary stage MUST run on one crypto'].join('\n'));
    assert.equal(withCode(check(sentences), 'RDY004').length, 1);
  });
});
