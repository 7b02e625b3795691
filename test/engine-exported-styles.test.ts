// Files exported from a wiki or an online editor (Confluence, Notion, Google Docs) and other authors' habits:
// escapes, HTML entities, zero-width spaces, smart quotes, `<b>` keys, bold split per word, labelled handles,
// e-mail addresses, dates in other orders, HTML tables. Each style is read as shown, and the same mistake
// written in it is still found.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check, edit, finding, only, readExample, textAt, withCode } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const ERROR_OR_WARNING = (code: string) => (text: string) => withCode(check(text), code).filter((d) => d.severity === 1 || d.severity === 2);

test('backslash escapes in cells read as the character they show (Google Docs, Confluence exports)', () => {
  const rdy202 = ERROR_OR_WARNING('RDY202');
  const rdy204 = ERROR_OR_WARNING('RDY204');
  const escaped = edit(
    edit(VALID, '| `feature_pipeline_failures > 3 for 60 min` |', '| feature\\_pipeline\\_failures \\> 3 for 60 min |'),
    '| P2 | Slack |',
    '| P2 | Slack \\#cvn-ml-alerts |',
  );
  assert.deepEqual(rdy202(escaped), []);
  assert.deepEqual(rdy204(escaped), []);
  // Still read for what they say: a trigger on a metric §1 does not define, a P1 on Slack.
  const unknownMetric = edit(escaped, 'feature\\_pipeline\\_failures \\> 3', 'feature\\_pipeline\\_failure\\_count \\> 3');
  assert.equal(textAt(unknownMetric, only(unknownMetric, 'RDY204').range), 'feature\\_pipeline\\_failure\\_count \\> 3 for 60 min');
  const p1OnSlack = edit(escaped, '| P1 | Pagerduty |', '| P1 | Slack \\#cvn-ml-alerts |');
  assert.match(only(p1OnSlack, 'RDY203').message, /does not page/);
});

test('HTML entities in cells read as the characters they name: `14&nbsp;days`, `<&nbsp;5&nbsp;min`', () => {
  const entities = edit(edit(VALID, '| 14d |', '| 14&nbsp;days |'), '| `cvntrade_XGB_BTCUSDC_EA` MLflow alias `champion` points back to the previous champion (v41) | < 5 min |', '| `cvntrade_XGB_BTCUSDC_EA` MLflow alias `champion` points back to the previous champion (v41) | <&nbsp;5&nbsp;min |');
  assert.deepEqual(ERROR_OR_WARNING('RDY402')(entities), []);
  assert.deepEqual(ERROR_OR_WARNING('RDY502')(entities), []);
  const short = edit(entities, '| 14&nbsp;days |', '| 3&nbsp;days |');
  assert.match(only(short, 'RDY402').message, /3 days|3d/);
});

test('a zero-width space (pasted from a web page) hides no header key', () => {
  const zwsp = edit(VALID, '**Story**:', '**Story**\u200b:');
  assert.deepEqual(ERROR_OR_WARNING('RDY102')(zwsp), []);
  const noWorkPackage = edit(zwsp, ' + OP wp#92', '');
  assert.match(only(noWorkPackage, 'RDY102').message, /OP work package/);
});

test('guidance with smart quotes is still guidance: its SKIP is no skip', () => {
  const smart = edit(edit(VALID, '"obvious"', '“obvious”'), '"we\'ll pick later"', '“we’ll pick later”');
  assert.deepEqual(ERROR_OR_WARNING('RDY402')(smart), []);
  assert.deepEqual(ERROR_OR_WARNING('RDY001')(smart), []);
  const short = edit(smart, '| 14d |', '| 3d |');
  assert.equal(withCode(check(short), 'RDY402').length, 1);
});

test('keys in `<b>` or `<strong>` and bold split per word are header and §6 keys', () => {
  const html = VALID.replace(/\*\*(Story|Owner|Reviewed by committee)\*\*:/g, '<b>$1</b>:').replace(/- \*\*(DRI|Backup DRI|Decision authority|Sunset date)\*\*:/g, '- <strong>$1:</strong>');
  const split = edit(html, '**Filled on**:', '**Filled** **on**:');
  for (const code of ['RDY102', 'RDY103', 'RDY104', 'RDY105', 'RDY601', 'RDY602', 'RDY604', 'RDY605']) assert.deepEqual(ERROR_OR_WARNING(code)(split), [], code);
  const team = edit(split, '- <strong>DRI:</strong> `@ana-m`', '- <strong>DRI:</strong> `@cvn/ml-platform`');
  assert.match(only(team, 'RDY601').message, /team/);
  const badDate = edit(split, '**Filled** **on**: 2026-11-02', '**Filled** **on**: 2026-11-31');
  assert.match(only(badDate, 'RDY104').message, /not a real date/);
});

test('a handle labelled as one, `Ana Martins (GitHub: ana-m)`, is that person; an e-mail address is no handle', () => {
  const labelled = edit(edit(VALID, '**Owner**: @ana-m', '**Owner**: Ana Martins (GitHub: `ana-m`)'), '**DRI**: `@ana-m`', '**DRI**: Ana Martins (GitHub: ana-m)');
  assert.deepEqual(ERROR_OR_WARNING('RDY103')(labelled), []);
  assert.deepEqual(ERROR_OR_WARNING('RDY601')(labelled), []);
  const two = edit(labelled, '**DRI**: Ana Martins (GitHub: ana-m)', '**DRI**: Ana Martins (GitHub: ana-m), Li Wei (GitHub: li-wei)');
  assert.equal(withCode(check(two), 'RDY601').length, 1);
  const email = edit(VALID, '**DRI**: `@ana-m`', '**DRI**: ana.martins@cvn-trading.com');
  assert.match(only(email, 'RDY601').message, /"ana\.martins@cvn-trading\.com.*" is not a GitHub handle/);
  const ownerEmail = edit(VALID, '**Owner**: @ana-m', '**Owner**: ana.martins@cvn-trading.com');
  assert.match(only(ownerEmail, 'RDY103').message, /is not a GitHub handle/);
});

test('dates in an order only one reading fits are told in ISO form, with the fix; an ambiguous one is not guessed', () => {
  for (const written of ['2026/11/02', '02.11.2026']) {
    const text = edit(VALID, '**Filled on**: 2026-11-02', `**Filled on**: ${written}`);
    const found = finding(text, 'RDY104');
    assert.equal(found.message, `"${written}" is not in the form YYYY-MM-DD the template asks for: write it as 2026-11-02.`);
    assert.deepEqual(withCode(check(applyFix(text, found)), 'RDY104'), []);
  }
  const ambiguous = edit(VALID, '**Filled on**: 2026-11-02', '**Filled on**: 11/02/2026');
  assert.match(only(ambiguous, 'RDY104').message, /"11\/02\/2026" is not a date in the form YYYY-MM-DD/);
  const sunset = edit(VALID, '`2027-02-21`', 'February 21, 2027');
  const found = finding(sunset, 'RDY605');
  assert.match(found.message, /The Sunset date "February 21, 2027" is not in the form YYYY-MM-DD the template asks for: write it as 2027-02-21\./);
  assert.deepEqual(withCode(check(applyFix(sunset, found)), 'RDY605'), []);
});

test('a section table written in HTML is reported on its `<table>` line, saying it is not read', () => {
  const start = VALID.indexOf('| Mechanism |');
  const end = VALID.indexOf('\n\n', start);
  const html = `${VALID.slice(0, start)}<table>\n  <tr><th>Mechanism</th><th>Description</th><th>Revert SLA</th></tr>\n  <tr><td>FTF factor flag</td><td><code>CVN_FACTOR_LABEL_SMOOTHING=off</code></td><td>&lt; 1 min</td></tr>\n</table>${VALID.slice(end)}`;
  const rdy004 = only(html, 'RDY004');
  assert.equal(textAt(html, rdy004.range), '<table>');
  assert.match(rdy004.message, /has its table in HTML \(`<table>`\), which is not read: write it as a Markdown table with the columns Mechanism \| Description \| Revert SLA/);
});

test('a labelled handle nested under its key is the value, not a key line of its own', () => {
  const nested = edit(VALID, '- **DRI**: `@ana-m` (single human, not a team)', '- **DRI**:\n  - Ana Martins (GitHub: ana-m)');
  assert.deepEqual(ERROR_OR_WARNING('RDY601')(nested), []);
  const two = edit(nested, '  - Ana Martins (GitHub: ana-m)', '  - Ana Martins (GitHub: ana-m), Li Wei (GitHub: li-wei)');
  assert.equal(withCode(check(two), 'RDY601').length, 1);
});

test("an entity's semicolon ends no clause of a stage written as a paragraph: `3&nbsp;days` is still a 3-day shadow", () => {
  const start = VALID.indexOf('| Stage |');
  const end = VALID.indexOf('\n\n', start);
  const stages = [
    '**Shadow** — 14&nbsp;days; traffic: 0% (predictions logged, not acted); pass criteria: parity with the champion; rollback: any P1 alert',
    '',
    '**Canary** — 7&nbsp;days; traffic: BTCUSDC only, the deepest order book; pass criteria: `expectancy_net` ≥ baseline; rollback: `expectancy_net < 0` over 48h',
    '',
    '**Full** — 100% after explicit operator sign-off by @d-okafor in the OP Story; pass criteria: all canary criteria; rollback: per ADR-26 oncall procedure',
  ].join('\n');
  const paragraphs = `${VALID.slice(0, start)}${stages}${VALID.slice(end)}`;
  assert.deepEqual(ERROR_OR_WARNING('RDY402')(paragraphs), []);
  assert.deepEqual(ERROR_OR_WARNING('RDY403')(paragraphs), []);
  const short = edit(paragraphs, '14&nbsp;days', '3&nbsp;days');
  assert.match(only(short, 'RDY402').message, /Shadow lasts 3 days/);
});

test('silent retraining written with an escaped hyphen, `auto\\-retrain`, is still silent retraining', () => {
  const action = '| open a `drift_alert` runbook entry and page the DRI; hold live, retrain candidate goes to shadow only after DRI review |';
  const escaped = edit(VALID, action, '| auto\\-retrain on the latest 30&nbsp;days and swap the new model in |');
  assert.match(only(escaped, 'RDY303').message, /retrains silently or automatically \("auto-retrain"\)/);
  const negated = edit(VALID, action, '| open a `drift_alert` runbook entry and page the DRI; no auto\\-retrain |');
  assert.deepEqual(ERROR_OR_WARNING('RDY303')(negated), []);
});

test('escaped header values read as shown: `wp\\#92`, `session pr\\_review-…`', () => {
  const escaped = edit(edit(VALID, '+ OP wp#92', '+ OP wp\\#92'), 'session pr_review-2026-10-30-04', 'session pr\\_review-2026-10-30-04');
  for (const code of ['RDY102', 'RDY105', 'RDY704']) assert.deepEqual(ERROR_OR_WARNING(code)(escaped), [], code);
  const bare = edit(escaped, 'session pr\\_review-2026-10-30-04 (verdict OK-WITH-CHANGES)', 'pr\\_review-2026-10-30-04 — OK-WITH-CHANGES');
  assert.deepEqual(ERROR_OR_WARNING('RDY105')(bare), []);
  const noIssue = edit(escaped, 'GH issue [#812](https://github.com/cvn-trading/cvntrade/issues/812) + ', '');
  assert.match(only(noIssue, 'RDY102').message, /lacks a GitHub issue link/);
  const rejected = edit(escaped, '(verdict OK-WITH-CHANGES)', '(verdict REJECT)');
  assert.match(only(rejected, 'RDY105').message, /Verdict "REJECT" does not allow the merge/);
});

test('a long row wrapped onto a second line is reported on the second line; a row without its trailing pipe is no wrapped row', () => {
  const row = '| Canary | BTCUSDC only (1 crypto out of 5), chosen because it has the deepest order book | 7d |';
  const wrapped = edit(VALID, row, '| Canary | BTCUSDC only (1 crypto out of 5),\nchosen because it has the deepest order book | 7d |');
  const rdy004 = only(wrapped, 'RDY004');
  assert.equal(rdy004.range.start.line, VALID.split('\n').findIndex((l) => l.startsWith('| Canary |')) + 1);
  assert.match(rdy004.message, /This row goes on from line \d+ \(together they make one row of 5 cells\): a table row is one line/);
  const withoutTrailingPipes = VALID.replace(/^(\| (?:Shadow|Full) \|.*?) \|$/gm, '$1');
  assert.notEqual(withoutTrailingPipes, VALID);
  assert.deepEqual(ERROR_OR_WARNING('RDY004')(withoutTrailingPipes), []);
  assert.deepEqual(ERROR_OR_WARNING('RDY401')(withoutTrailingPipes), []);
});
