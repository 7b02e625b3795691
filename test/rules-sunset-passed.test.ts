// RDY607 sunset-passed (O4): a sunset date in the past is a warning; one within `noticeDays` an information.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, check, edit, rangeOf, readExample, textAt, withCode } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const withSunset = (date: string) => edit(VALID, '`2027-02-21`', `\`${date}\``);

describe('RDY607 sunset-passed', () => {
  it('warns on a sunset date that has passed, on the date, counting the days from --today', () => {
    const text = withSunset('2026-11-01');
    const [finding, ...rest] = withCode(check(text, { today: '2026-11-26' }), 'RDY607');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 2);
    assert.equal(at(finding.range), rangeOf(text, '- **Sunset date**:', '2026-11-01'));
    assert.equal(textAt(text, finding.range), '2026-11-01');
    assert.equal(
      finding.message,
      'The Sunset date 2026-11-01 passed 25 days ago (today is 2026-11-26): accept the change into the champion stack or revisit it, write down the decision, and set a new sunset date if it stays experimental.',
    );
    assert.match(withCode(check(text, { today: '2026-11-02' }), 'RDY607')[0].message, /passed 1 day ago/);
  });

  it('gives an information within noticeDays (default 14), today included, and nothing earlier', () => {
    const text = withSunset('2026-12-01');
    const soon = withCode(check(text, { today: '2026-11-26' }), 'RDY607');
    assert.deepEqual(
      soon.map((d) => [d.severity, d.message]),
      [[3, 'The Sunset date 2026-12-01 is in 5 days: plan the decision — accept the change into the champion stack or revisit it.']],
    );
    assert.match(withCode(check(text, { today: '2026-12-01' }), 'RDY607')[0].message, /is today:/);
    assert.equal(withCode(check(text, { today: '2026-11-17' }), 'RDY607')[0].severity, 3, '14 days ahead');
    assert.deepEqual(withCode(check(text, { today: '2026-11-16' }), 'RDY607'), [], '15 days ahead');
    assert.deepEqual(withCode(check(VALID, { today: '2026-11-26' }), 'RDY607'), [], 'the example has 87 days left');
  });

  it('takes noticeDays and a severity from the configuration; the notice stays an information', () => {
    const text = withSunset('2026-12-01');
    const wide = { config: { rules: { RDY607: { noticeDays: 30 } } }, today: '2026-11-05' };
    assert.equal(withCode(check(text, wide), 'RDY607').length, 1);
    const none = { config: { rules: { 'sunset-passed': { noticeDays: 0 } } }, today: '2026-11-30' };
    assert.deepEqual(withCode(check(text, none), 'RDY607'), []);
    const strict = { config: { rules: { RDY607: 'error' as const } } };
    assert.equal(withCode(check(withSunset('2026-11-01'), { ...strict, today: '2026-11-26' }), 'RDY607')[0].severity, 1);
    assert.equal(withCode(check(text, { ...strict, today: '2026-11-26' }), 'RDY607')[0].severity, 3);
    assert.deepEqual(withCode(check(withSunset('2026-11-01'), { config: { rules: { RDY607: 'off' } }, today: '2026-11-26' }), 'RDY607'), []);
  });

  it('stays silent when the date is a placeholder or no real date (RDY001, RDY605 say so)', () => {
    for (const value of ['`YYYY-MM-DD`', '`2026-02-30`', 'next spring']) {
      const text = edit(VALID, '`2027-02-21`', value);
      assert.deepEqual(withCode(check(text, { today: '2027-06-01' }), 'RDY607'), [], value);
    }
  });
});
