import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canarySymbolRule } from '../server/src/service/rules/rollout/canarySymbol';
import { canaryStageRule } from '../server/src/service/rules/rollout/canaryStage';
import { readCanaryTraffic } from '../server/src/service/facts/rollout/canaryTraffic';
import { alertTriggerRule } from '../server/src/service/rules/alerting/alertTrigger';
import { hasDuration } from '../server/src/service/facts/alerting/triggerDuration';
import { parseDuration } from '../server/src/service/util/durations';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, edit, readExample, readFixture, ROOT, textAt, withCode } from './helpers';

const DAY = 1440;
const VALID = readFixture('rollout/valid.md');
const lines = VALID.split('\n');
const rowLine = (stage: string) => lines.findIndex((line) => line.startsWith(`| ${stage} |`));
const CANARY_TRAFFIC = 'BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book';
const ROLLOUT_MINIMA = '\n\nRequired minima:\n\n- Shadow stage';
const canaryDuration = (duration: string) => edit(VALID, `${CANARY_TRAFFIC} | 7d |`, `${CANARY_TRAFFIC} | ${duration} |`);
const canaryTraffic = (traffic: string) => edit(VALID, CANARY_TRAFFIC, traffic);

describe('durations: the forms people write', () => {
  // [written, minutes (a range's lower end), comparator, text read]
  const table: Array<[string, number, string | undefined, string]> = [
    ['7d', 7 * DAY, undefined, '7d'],
    ['≥ 7d', 7 * DAY, '≥', '≥ 7d'],
    ['≥7d', 7 * DAY, '≥', '≥7d'],
    ['>= 7 days', 7 * DAY, '≥', '>= 7 days'],
    ['7 days', 7 * DAY, undefined, '7 days'],
    ['7 Days', 7 * DAY, undefined, '7 Days'],
    ['one week', 7 * DAY, undefined, 'one week'],
    ['One week', 7 * DAY, undefined, 'One week'],
    ['a week', 7 * DAY, undefined, 'a week'],
    ['1w', 7 * DAY, undefined, '1w'],
    ['2 weeks', 14 * DAY, undefined, '2 weeks'],
    ['14 days', 14 * DAY, undefined, '14 days'],
    ['a fortnight', 14 * DAY, undefined, 'a fortnight'],
    ['two weeks', 14 * DAY, undefined, 'two weeks'],
    ['twenty days', 20 * DAY, undefined, 'twenty days'],
    ['10 business days', 14 * DAY, undefined, '10 business days'],
    ['5 working days', 7 * DAY, undefined, '5 working days'],
    ['7×24h', 7 * DAY, undefined, '7×24h'],
    ['7x24h', 7 * DAY, undefined, '7x24h'],
    ['≥ 7 × 24 hours', 7 * DAY, '≥', '≥ 7 × 24 hours'],
    ['2 x 5 min', 10, undefined, '2 x 5 min'],
    ['7-day', 7 * DAY, undefined, '7-day'],
    ['one-week soak', 7 * DAY, undefined, 'one-week'],
    ['7–14 days', 7 * DAY, undefined, '7–14 days'],
    ['7-14d', 7 * DAY, undefined, '7-14d'],
    ['1 to 2 weeks', 7 * DAY, undefined, '1 to 2 weeks'],
    ['between 7 and 14 days', 7 * DAY, undefined, 'between 7 and 14 days'],
    ['at least 7 days', 7 * DAY, '≥', 'at least 7 days'],
    ['at least one week', 7 * DAY, '≥', 'at least one week'],
    ['min. 7d', 7 * DAY, '≥', 'min. 7d'],
    ['minimum 7 days', 7 * DAY, '≥', 'minimum 7 days'],
    ['7d+', 7 * DAY, '≥', '7d+'],
    ['7+ days', 7 * DAY, '≥', '7+ days'],
    ['7 days or more', 7 * DAY, '≥', '7 days or more'],
    ['< 7d', 7 * DAY, '<', '< 7d'],
    ['up to 14 days', 14 * DAY, '≤', 'up to 14 days'],
    ['< 5 min', 5, '<', '< 5 min'],
    ['<= 5 minutes', 5, '≤', '<= 5 minutes'],
    ['within 5 minutes', 5, '≤', 'within 5 minutes'],
    ['5 min max', 5, '≤', '5 min max'],
    ['half an hour', 30, undefined, 'half an hour'],
    ['an hour', 60, undefined, 'an hour'],
    ['a quarter of an hour', 15, undefined, 'a quarter of an hour'],
    ['within three quarters of an hour', 45, '≤', 'within three quarters of an hour'],
    ['one and a half hours', 90, undefined, 'one and a half hours'],
    ['168 hours', 7 * DAY, undefined, '168 hours'],
    ['seven days', 7 * DAY, undefined, 'seven days'],
    ['1.5h', 90, undefined, '1.5h'],
    ['30s', 0.5, undefined, '30s'],
    ['7 calendar days', 7 * DAY, undefined, '7 calendar days'],
    ['one full week', 7 * DAY, undefined, 'one full week'],
    ['P7D', 7 * DAY, undefined, 'P7D'],
    ['PT5M', 5, undefined, 'PT5M'],
    ['P1DT12H', 36 * 60, undefined, 'P1DT12H'],
    ['rolling 7d vs training', 7 * DAY, undefined, '7d'],
    ['live `expectancy_net < 0` over 48h', 48 * 60, undefined, '48h'],
  ];
  for (const [written, minutes, comparator, text] of table) {
    it(`reads "${written}"`, () => {
      const duration = parseDuration(written);
      assert.ok(duration, written);
      assert.equal(duration.minutes, minutes);
      assert.equal(duration.comparator, comparator);
      assert.equal(duration.text, text);
      assert.equal(written.slice(duration.start, duration.start + duration.text.length), text);
    });
  }

  it('keeps the upper end of a range', () => {
    assert.equal(parseDuration('7–14 days')?.maxMinutes, 14 * DAY);
    assert.equal(parseDuration('1-5 min')?.maxMinutes, 5);
    assert.equal(parseDuration('7d')?.maxMinutes, undefined);
  });

  for (const notDuration of ['7 model versions', '24/7', '24/7 on-call', 'p99 latency', 'f1 buy', '1 crypto out of 5', 'once a day', 'a d', 'a while', '—', 'ADR-67', '3 cryptos', '10% weight', '2 hits', '5 dashboards', 'v2 days', 'P1 alert', 'PT', 'weekly', 'fortnightly', 'once a quarter', '2 quarters']) {
    it(`reads no duration in "${notDuration}"`, () => assert.equal(parseDuration(notDuration), undefined));
  }
});

describe('canary traffic: how many cryptos', () => {
  const options = { ...canaryStageRule.defaultOptions };
  const symbols = { ...canarySymbolRule.defaultOptions };
  const several = (text: string) => readCanaryTraffic(text, options, symbols).several.map((piece) => piece.text);

  for (const one of [
    'ETHUSDC',
    '`ETHUSDC`',
    'ETHUSDC only',
    '`ETHUSDC` only (all other cryptos stay on the champion)',
    'ETHUSDC only; all other cryptos stay on the champion',
    'ETHUSDC only — the rest keep the champion',
    'BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book',
    '1 crypto out of 5 (or 10% portfolio weight)',
    '1 of 5 cryptos',
    '1/5 cryptos',
    '1 crypto out of 5 cryptos',
    'BTCUSDC: 1 crypto out of 5 (or 10% portfolio weight), never all at once',
    'BTCUSDC (or ETHUSDC if the book thins)',
    'one crypto (BTCUSDC), not all at once',
    'BTCUSDC (ETHUSDC and SOLUSDC stay on the champion)',
    'BTCUSDC only, not ETHUSDC/SOLUSDC',
    'BTCUSDC only, ETHUSDC and SOLUSDC unchanged',
    '100% of BTCUSDC order flow',
    'BTC/USDC only',
    'BTC-USDC only (1 crypto out of 5)',
    'all `BTCUSDC` trades',
    '🪙 `XRPUSDC` only (all other cryptos stay on the champion)',
    '`SOLUSDC` only<br>(all other cryptos stay on the champion)',
  ]) {
    it(`reads "${one}" as one crypto`, () => assert.deepEqual(several(one), []));
  }

  for (const [many, evidence] of [
    ['`SOLUSDC + ETHUSDC`', 'SOLUSDC + ETHUSDC'],
    ['SOLUSDC, ETHUSDC', 'SOLUSDC, ETHUSDC'],
    ['SOLUSDC and ETHUSDC', 'SOLUSDC and ETHUSDC'],
    ['SOLUSDC & ETHUSDC', 'SOLUSDC & ETHUSDC'],
    ['SOLUSDC/ETHUSDC', 'SOLUSDC/ETHUSDC'],
    ['`SOLUSDC` + `ETHUSDC` (others stay on the champion)', 'SOLUSDC` + `ETHUSDC'],
    ['all', 'all'],
    ['every crypto', 'every crypto'],
    ['5 cryptos', '5 cryptos'],
    ['two pairs', 'two pairs'],
    ['several symbols', 'several symbols'],
    ['SOLUSDC plus ETHUSDC', 'SOLUSDC plus ETHUSDC'],
    ['SOL/USDC + ETH/USDC', 'SOL/USDC + ETH/USDC'],
    ['2 out of 5 cryptos', '2 out of 5 cryptos'],
    ['100%', '100%'],
    ['🪙 `XRPUSDC` + 🪙 `SOLUSDC`', 'XRPUSDC` + 🪙 `SOLUSDC'],
    ['SOLUSDC<br>ETHUSDC', 'SOLUSDC<br>ETHUSDC'],
    ['`SOLUSDC`,<br/>`ETHUSDC`', 'SOLUSDC`,<br/>`ETHUSDC'],
  ]) {
    it(`reads "${many}" as more than one crypto`, () => assert.equal(several(many).join(' … '), evidence));
  }
});

describe('issue examples, as the user sees them', () => {
  it('"one week" (and the other written durations) as the canary duration: no finding', () => {
    for (const duration of ['one week', 'a week', 'a fortnight', 'two weeks', 'at least 7 days', 'min. 7d', '7-day', '7–14 days', '10 business days']) {
      assert.deepEqual(withCode(check(canaryDuration(duration)), 'RDY403'), [], duration);
    }
  });

  it('"3 days" is read, and is under the minimum', () => {
    const text = canaryDuration('3 days');
    const [diag] = withCode(check(text), 'RDY403');
    assert.equal(textAt(text, diag.range), '3 days');
    assert.match(diag.message, /under the 7-day minimum: write `≥ 7d`/);
  });

  it('"`ETHUSDC` only (all other cryptos stay on the champion)": no finding', () => {
    const text = canaryTraffic('`ETHUSDC` only (all other cryptos stay on the champion)');
    const diags = check(text);
    assert.deepEqual(withCode(diags, 'RDY403'), []);
    assert.deepEqual(withCode(diags, 'RDY404'), []);
  });

  it('"`SOLUSDC + ETHUSDC`": an error on that cell, saying to keep one', () => {
    const text = canaryTraffic('`SOLUSDC + ETHUSDC`');
    const diags = withCode(check(text), 'RDY403');
    assert.equal(diags.length, 1);
    assert.equal(diags[0].severity, 1);
    assert.equal(diags[0].range.start.line, rowLine('Canary'));
    assert.equal(textAt(text, diags[0].range), 'SOLUSDC + ETHUSDC');
    assert.match(diags[0].message, /"SOLUSDC \+ ETHUSDC" is 2 cryptos at once/);
    assert.match(diags[0].message, /keep one, e\.g\. `SOLUSDC only \(all other cryptos stay on the champion\)`/);
  });

  it('"later" in an unrelated §4 sentence, with the canary crypto named: no finding', () => {
    const text = edit(VALID, ROLLOUT_MINIMA, `\n\nThe canary's numbers are summarised later in the OP Story.${ROLLOUT_MINIMA}`);
    assert.deepEqual(withCode(check(text), 'RDY404'), []);
  });

  it('"later" in a §4 sentence about choosing the canary crypto: RDY404 on the word', () => {
    const text = edit(VALID, ROLLOUT_MINIMA, `\n\nThe canary crypto will be confirmed later.${ROLLOUT_MINIMA}`);
    const diags = withCode(check(text), 'RDY404');
    assert.equal(diags.length, 1);
    assert.equal(textAt(text, diags[0].range), 'later');
  });

  it('postponing words in §4 prose count only where they stand for the canary\'s crypto', () => {
    const withProse = (sentence: string) => edit(VALID, ROLLOUT_MINIMA, `\n\n${sentence}${ROLLOUT_MINIMA}`);
    for (const unrelated of [
      'The date of the full rollout is to be decided by the operator after the canary.',
      'Canary results will be reviewed later by the DRI; BTCUSDC stays the host.',
      'The canary dashboard link is TBD.',
    ]) {
      assert.deepEqual(withCode(check(withProse(unrelated)), 'RDY404'), [], unrelated);
    }
    for (const [postponed, phrase] of [
      ['Canary: TBD.', 'TBD'],
      ['We will pick the canary later.', 'later'],
      ['The canary symbol is to be decided.', 'to be decided'],
      ['Which crypto hosts the canary: to be chosen after the liquidity review.', 'to be chosen'],
    ]) {
      const text = withProse(postponed);
      const diags = withCode(check(text), 'RDY404');
      assert.deepEqual(diags.map((d) => textAt(text, d.range)), [phrase], postponed);
    }
  });

  it('"we\'ll pick later" in the traffic cell: RDY404 on the phrase, saying what to write', () => {
    const text = canaryTraffic("one crypto, we'll pick later");
    const diags = withCode(check(text), 'RDY404');
    assert.equal(diags.length, 1);
    assert.equal(diags[0].range.start.line, rowLine('Canary'));
    assert.equal(textAt(text, diags[0].range), "we'll pick later");
    assert.match(diags[0].message, /name it now, e\.g\. `BTCUSDC`/);
  });

  it('"later" about the other cryptos, in the traffic cell: no finding', () => {
    const text = canaryTraffic('BTCUSDC only (the other cryptos follow later, after sign-off)');
    assert.deepEqual(withCode(check(text), 'RDY404'), []);
    assert.deepEqual(withCode(check(text), 'RDY403'), []);
  });

  it('a symbol in exchange spelling (BTC/USDC) names the canary crypto', () => {
    const text = canaryTraffic('BTC/USDC only (1 crypto out of 5)');
    assert.deepEqual(withCode(check(text), 'RDY404'), []);
    assert.deepEqual(withCode(check(text), 'RDY403'), []);
  });

  it('"TBD" next to a list of candidates is still postponed (one finding)', () => {
    const text = canaryTraffic('BTCUSDC or ETHUSDC, TBD');
    assert.deepEqual(withCode(check(text), 'RDY404').map((d) => textAt(text, d.range)), ['TBD']);
  });

  it('candidates joined by "or" are no choice: RDY404 on them; a bracketed fallback keeps the choice', () => {
    const text = canaryTraffic('`SOLUSDC` or `XRPUSDC` (whichever is calmer that week)');
    const diags = withCode(check(text), 'RDY404');
    assert.deepEqual(diags.map((d) => textAt(text, d.range)), ['SOLUSDC` or `XRPUSDC']);
    assert.match(diags[0].message, /"SOLUSDC or XRPUSDC" names candidates, not the canary crypto: choose one now, e\.g\. `BTCUSDC`/);
    assert.deepEqual(withCode(check(text), 'RDY403'), []);
    assert.deepEqual(withCode(check(canaryTraffic('BTCUSDC only (or ETHUSDC if the book thins)')), 'RDY404'), []);
  });

  it('"later" saying when, not what, does not postpone the choice', () => {
    const text = edit(VALID, ROLLOUT_MINIMA, `\n\nBNBUSDC may follow later in a second canary, once BTCUSDC has passed.${ROLLOUT_MINIMA}`);
    assert.deepEqual(withCode(check(text), 'RDY404'), []);
    assert.deepEqual(withCode(check(canaryTraffic('BTCUSDC only, ETHUSDC later')), 'RDY404'), []);
  });
});

describe('other values, read for what they mean', () => {
  const EXAMPLE = readExample('documentation/readiness/CVN-N011-EA-S11.md');
  const P1 = '`expectancy_net_realized < 0 over 24h on >2 cryptos`';
  const p1Row = EXAMPLE.split('\n').find((line) => line.includes(P1))!;
  const withP1 = (from: string, to: string) => edit(EXAMPLE, p1Row, p1Row.replace(from, to));

  it('RDY204: a trigger duration in words, with a comparator or as a range is a duration', () => {
    for (const trigger of ['over one day', 'for an hour', 'for half an hour', 'for 10–15 min', 'within 15m', 'over the last two days', 'for at least 10 minutes', 'in 3 of the last 5 bars', 'over three consecutive runs']) {
      const text = withP1(P1, `\`expectancy_net_realized < 0\` ${trigger}`);
      assert.deepEqual(withCode(check(text), 'RDY204'), [], trigger);
    }
  });

  it('RDY204: a time value compared with, or a frequency, is not a duration', () => {
    for (const trigger of ['`expectancy_net_realized > 30 min`', '`expectancy_net_realized < 0` checked once a day', '`expectancy_net_realized < 0` 24/7']) {
      const text = withP1(P1, trigger);
      const diags = withCode(check(text), 'RDY204');
      assert.equal(diags.length, 1, trigger);
      assert.match(diags[0].message, /has no duration: say how long the condition must hold, e\.g\. "for 10 min" or "over 24h"/);
    }
  });

  it('RDY502: a range takes its upper end; "within 5 minutes" is a bound', () => {
    for (const sla of ['within 5 minutes', 'instant (flag flip)', 'under a minute']) {
      assert.deepEqual(withCode(check(edit(EXAMPLE, '| < 1 min |', `| ${sla} |`)), 'RDY502'), [], sla);
    }
    const range = edit(EXAMPLE, '| < 1 min |', '| 1–10 min |');
    const [diag] = withCode(check(range), 'RDY502');
    assert.equal(textAt(range, diag.range), '1–10 min');
    assert.match(diag.message, /reverts in 10 min/);
  });

  it('RDY202: a channel or severity followed by where it goes passes; alternatives do not', () => {
    for (const [from, to] of [
      ['| Pagerduty |', '| PagerDuty → ml-oncall |'],
      ['| Pagerduty |', '| Pagerduty: `ml-oncall` |'],
      ['| P1 |', '| P1 — pages on-call |'],
    ]) {
      assert.deepEqual(withCode(check(withP1(from, to)), 'RDY202'), [], to);
    }
    const slack = edit(EXAMPLE, '| Slack |', '| Slack #ml-alerts |');
    assert.deepEqual(withCode(check(slack), 'RDY202'), []);
    const either = withP1('| Pagerduty |', '| Pagerduty or Slack |');
    const [diag] = withCode(check(either), 'RDY202');
    assert.equal(textAt(either, diag.range), 'Pagerduty or Slack');
    assert.match(diag.message, /write Pagerduty, Slack or email/);
  });

  it('RDY601, RDY602: a name with the handle in brackets, or a link to a GitHub profile, names one person', () => {
    for (const dri of ['Ana Martins (@ana-m)', '[ana-m](https://github.com/ana-m)']) {
      const text = edit(EXAMPLE, '- **DRI**: `@ana-m` (single human, not a team)', `- **DRI**: ${dri}`);
      assert.deepEqual(withCode(check(text), 'RDY601'), [], dri);
    }
    for (const backup of ['Li Wei (@li-wei) (covers when DRI is OOO)', '[Li Wei](https://github.com/li-wei), quarterly handoff drill']) {
      const text = edit(EXAMPLE, '- **Backup DRI**: `@li-wei`', `- **Backup DRI**: ${backup}`);
      assert.deepEqual(withCode(check(text), 'RDY602'), [], backup);
    }
    const same = edit(EXAMPLE, '- **Backup DRI**: `@li-wei`', '- **Backup DRI**: [Ana](https://github.com/ana-m)');
    assert.match(withCode(check(same), 'RDY602')[0].message, /is also the DRI/);
    const team = edit(EXAMPLE, '- **DRI**: `@ana-m` (single human, not a team)', '- **DRI**: ML platform team (@ml-platform)');
    assert.equal(withCode(check(team), 'RDY601').length, 1);
  });

  it('RDY104: a date written with typographic dashes is the same date; a false one is still reported', () => {
    assert.deepEqual(withCode(check(edit(EXAMPLE, '**Filled on**: 2026-11-02', '**Filled on**: 2026‑11‑02')), 'RDY104'), []);
    const wrong = edit(EXAMPLE, '**Filled on**: 2026-11-02', '**Filled on**: 2026–02–30');
    const [diag] = withCode(check(wrong), 'RDY104');
    assert.equal(diag.message, '2026-02-30 is not a real date: February 2026 has 28 days. Write the day you filled the file.');
  });

  it('RDY402: shadow traffic written in words or with a remark first is 0%; another percentage is reported', () => {
    const VALID_ROLLOUT = readFixture('rollout/valid.md');
    const shadowTraffic = (traffic: string) => edit(VALID_ROLLOUT, '| 0% (predictions logged, not acted) |', `| ${traffic} |`);
    for (const traffic of ['none — predictions logged, not acted', 'no live traffic', 'zero', 'shadow only (0%)', '0.0 %']) {
      assert.deepEqual(withCode(check(shadowTraffic(traffic)), 'RDY402'), [], traffic);
    }
    for (const traffic of ['0.5%', 'shadow only (5%)', 'N/A']) {
      const text = shadowTraffic(traffic);
      const [diag] = withCode(check(text), 'RDY402');
      assert.equal(textAt(text, diag.range), traffic);
      assert.match(diag.message, /write `0% \(predictions logged, not acted\)`/);
    }
  });

  it('RDY402: the SKIP\'s shadow length in other units (shadow = 72h)', () => {
    const skip = readFixture('rollout/calibration-skip.md');
    assert.deepEqual(withCode(check(edit(skip, 'shadow=3d because', 'shadow = 72h because')), 'RDY402'), []);
    assert.deepEqual(withCode(check(edit(skip, 'shadow=3d because', 'shadow: 3 days because')), 'RDY402'), []);
  });

  it('RDY302: a Window still to be chosen is no window; two values with >= or a minus sign are warn / crit', () => {
    const tbd = edit(EXAMPLE, '| 14d window, per crypto |', '| TBD |');
    const [diag] = withCode(check(tbd), 'RDY302');
    assert.equal(textAt(tbd, diag.range), 'TBD');
    assert.match(diag.message, /Concept drift row has no Window: write the period the drift is measured over, e\.g\. `rolling 7d vs training`/);
    for (const threshold of ['PSI 0.2 / >= 0.5', 'gap < 0 / < −0.05']) {
      assert.deepEqual(withCode(check(edit(EXAMPLE, 'PSI > 0.2 (warn), PSI > 0.5 (crit)', threshold)), 'RDY302'), [], threshold);
    }
  });

  it('RDY113: a label before the one URL of the cell is allowed; a cell without a URL is still reported', () => {
    const url = 'https://grafana.cvn-trading.com/d/ea-s11/entry-alignment?orgId=1&viewPanel=3';
    assert.deepEqual(withCode(check(edit(EXAMPLE, `| ${url} |`, `| Grafana: ${url} |`)), 'RDY113'), []);
    const none = edit(EXAMPLE, `| ${url} |`, '| the signals panel in Grafana |');
    assert.equal(textAt(none, withCode(check(none), 'RDY113')[0].range), 'the signals panel in Grafana');
  });

  it('RDY503: a config value written as YAML (`key: value`) or a flag (`--key=value`) names the flip-off value', () => {
    const only = (value: string) =>
      EXAMPLE.replaceAll('`CVN_FACTOR_LABEL_SMOOTHING=off`', value).replaceAll('`factor_label_smoothing=0.0`', value);
    for (const value of ['`factor_label_smoothing: 0.0`', '`--factor-label-smoothing=0.0`']) {
      assert.deepEqual(withCode(check(only(value)), 'RDY503'), [], value);
    }
    const [diag] = withCode(check(only('`factor_label_smoothing`')), 'RDY503');
    assert.match(diag.message, /write it as `key=value` in a code span/);
  });
});

describe('the docs list the forms each value-reading rule accepts', () => {
  const page = (code: string) => readFileSync(join(ROOT, 'docs', 'rules', `${code}.md`), 'utf8');
  const VALUE_RULES = ['RDY101', 'RDY102', 'RDY103', 'RDY104', 'RDY105', 'RDY111', 'RDY112', 'RDY113', 'RDY114', 'RDY115', 'RDY201', 'RDY202', 'RDY203', 'RDY204', 'RDY302', 'RDY402', 'RDY403', 'RDY404', 'RDY502', 'RDY503', 'RDY601', 'RDY602', 'RDY604', 'RDY605', 'RDY606'];

  it('has an "Accepted forms" section, before "Options", on every value-reading rule\'s page', () => {
    for (const code of VALUE_RULES) {
      const text = page(code);
      assert.ok(text.includes('\n## Accepted forms\n'), code);
      assert.ok(text.indexOf('## How to fix') < text.indexOf('## Accepted forms') && text.indexOf('## Accepted forms') < text.indexOf('## Options'), code);
    }
  });

  it('reads every trigger duration RDY204 lists as it says', () => {
    const section = page('RDY204').split('## Accepted forms')[1].split('\n## ')[0];
    const bullets = section.split(/\n- /).slice(1);
    const options = { ...alertTriggerRule.defaultOptions! };
    const formsOf = (lead: string) => {
      const bullet = bullets.find((b) => b.startsWith(lead));
      assert.ok(bullet, lead);
      // The forms follow the colon (the duration words before it are listed in brackets).
      const after = bullet.includes('):') ? bullet.indexOf('):') + 2 : bullet.indexOf(': ') + 1;
      return [...bullet.slice(after).matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    };
    for (const lead of ['A duration after', 'A duration before', 'A count of evaluations']) {
      for (const form of formsOf(lead)) assert.ok(hasDuration(`\`x > 1\` ${form}`, options), form);
    }
    for (const form of formsOf('Not a duration')) assert.equal(hasDuration(form, options), false, form);
  });

  it('reads every duration RDY402 and RDY403 list as they say', () => {
    for (const code of ['RDY402', 'RDY403']) {
      const section = page(code).split('## Accepted forms')[1].split('\n## ')[0];
      const bullets = section.split(/\n- /).slice(1).map((bullet) => bullet.split(/\n\n/)[0]);
      const formsOf = (lead: string) => {
        const bullet = bullets.find((b) => b.startsWith(lead));
        assert.ok(bullet, `${code}: bullet "${lead}"`);
        return [...bullet.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      };
      for (const form of formsOf('Amounts and units')) assert.ok(parseDuration(form), `${code}: ${form}`);
      for (const form of formsOf('A minimum')) assert.equal(parseDuration(form)?.comparator, '≥', `${code}: ${form}`);
      for (const form of formsOf('A range')) assert.ok(parseDuration(form)?.maxMinutes, `${code}: ${form}`);
      for (const form of formsOf('An upper bound')) assert.match(parseDuration(form)?.comparator ?? '', /^[<≤]$/, `${code}: ${form}`);
      for (const form of formsOf('Not a duration')) assert.equal(parseDuration(form), undefined, `${code}: ${form}`);
    }
  });
});
