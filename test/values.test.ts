import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canarySymbolRule } from '../server/src/service/rules/rollout/canarySymbol';
import { canaryStageRule } from '../server/src/service/rules/rollout/canaryStage';
import { readCanaryTraffic } from '../server/src/service/rules/rollout/canaryTraffic';
import { parseDuration } from '../server/src/service/util/durations';
import { check, edit, readFixture, textAt, withCode } from './helpers';

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
    ['1.5h', 90, undefined, '1.5h'],
    ['30s', 0.5, undefined, '30s'],
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

  for (const notDuration of ['7 model versions', '24/7', '24/7 on-call', 'p99 latency', 'f1 buy', '1 crypto out of 5', 'once a day', 'a d', 'a while', '—', 'ADR-67', '3 cryptos', '10% weight', '2 hits', '5 dashboards', 'v2 days']) {
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
    'BTCUSDC: 1 crypto out of 5 (or 10% portfolio weight), never all at once',
    'BTCUSDC (or ETHUSDC if the book thins)',
    'one crypto (BTCUSDC), not all at once',
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
    ['2 out of 5 cryptos', '2 out of 5 cryptos'],
    ['100%', '100%'],
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

  it('"TBD" next to a list of candidates is still postponed', () => {
    const text = canaryTraffic('BTCUSDC or ETHUSDC, TBD');
    assert.equal(textAt(text, withCode(check(text), 'RDY404')[0].range), 'TBD');
  });
});
