import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits, createReadinessService, memoryWorkspace, type WorkspaceView } from '../server/src/service';
import { alertRows } from '../server/src/service/facts/alerting/alertTable';
import { parseReadiness } from '../server/src/service';
import { applyFix, at, check, checkDocument, type CheckOptions, edit, finding, messageText, newErrors, only, onlyFinding, rangeOf, readExample, readFixture, readTemplate, ROOT, textAt, TODAY, withCode } from './helpers';

const VALID = readExample('documentation/readiness/CVN-N011-EA-S11.md');
const TEMPLATE = readTemplate();
const RUNBOOK_DIR = join(ROOT, 'examples/documentation/runbooks');
/** The example runbooks, where the example file's links point. */
const RUNBOOKS: Record<string, string> = Object.fromEntries(
  readdirSync(RUNBOOK_DIR).map((name) => [`documentation/runbooks/${name}`, readFileSync(join(RUNBOOK_DIR, name), 'utf8')]),
);
const withRunbooks = (extra: CheckOptions = {}): CheckOptions => ({ ...extra, files: { ...RUNBOOKS, ...extra.files } });

const P1_ROW = '| `ea_s11_expectancy_negative` |';
const P2_ROW = '| `ea_s11_buy_signal_starvation` |';
const ALERT_HEADER = '| Alert | Trigger | Runbook | Severity | Notification channel |';

/** Replaces a cell of an alert row, found by the row's start. */
function withCell(text: string, rowStart: string, oldCell: string, newCell: string): string {
  const line = text.split('\n').find((l) => l.startsWith(rowStart));
  assert.ok(line, `no row ${rowStart}`);
  return edit(text, line, line.replace(`| ${oldCell} |`, `| ${newCell} |`));
}

const NO_P1 = withCell(VALID, P1_ROW, 'P1', 'P2');

describe('RDY201 p1-alert-required (A1)', () => {
  it('passes the valid example', () => {
    assert.deepEqual(withCode(check(VALID, withRunbooks()), 'RDY201'), []);
  });

  it('reports a table without a P1 row on the table header, pointing at the §1 outcome metric', () => {
    const [diagnostic, ...rest] = withCode(check(NO_P1), 'RDY201');
    assert.equal(rest.length, 0);
    assert.equal(at(diagnostic.range), rangeOf(NO_P1, ALERT_HEADER));
    assert.match(messageText(diagnostic), /No P1 alert/);
    assert.match(messageText(diagnostic), /Pagerduty/);
    // The first §1 metric the outcome keywords classify is pnl_per_trade.
    assert.match(messageText(diagnostic), /`pnl_per_trade` < 0 over 24h/);
    const [related] = diagnostic.relatedInformation ?? [];
    assert.equal(related.location.uri, 'file:///workspace/documentation/readiness/CVN-N011-EA-S11.md');
    assert.equal(at(related.location.range), rangeOf(NO_P1, '| `pnl_per_trade` |', '`pnl_per_trade`'));
    assert.match(related.message, /^Outcome metric `pnl_per_trade` of §1/);
  });

  it('"Add P1 alert row" adds a row that passes every §2 rule but the missing-file warning', () => {
    const fix = finding(NO_P1, 'RDY201').fixes.find((f) => f.title === 'Add P1 alert row')!;
    assert.ok(fix.isPreferred);
    assert.ok(!fix.safe, 'a new alert is a human decision');
    const fixed = applyEdits(NO_P1, fix.edits);
    const row = '| `pnl_per_trade_p1` | `pnl_per_trade` < 0 over 24h | `documentation/runbooks/pnl-per-trade-p1.md` | P1 | Pagerduty |';
    const lines = fixed.split('\n');
    const inserted = lines.indexOf(row);
    assert.ok(inserted > 0, 'the row is inserted');
    assert.ok(lines[inserted - 1].startsWith('| `ea_s11_feature_pipeline_failures`'), 'after the last row');
    const after = check(fixed, withRunbooks());
    assert.deepEqual(withCode(after, 'RDY201'), []);
    const onRow = after.filter((d) => d.range.start.line === inserted);
    assert.deepEqual(onRow.map((d) => d.code), ['RDY206'], 'only "runbook does not exist yet" remains');
    assert.deepEqual(newErrors(NO_P1, fixed, [], withRunbooks()), []);
    assert.equal(alertRows(parseReadiness(fixed)).length, 4, 'the table keeps its shape');
  });

  it('offers the same row as a snippet with tab stops on the name and the trigger', () => {
    const fix = finding(NO_P1, 'RDY201').fixes[0];
    const snippet = fix.snippetEdits![0].newText;
    assert.match(snippet, /\$\{1:`pnl_per_trade_p1`\}/);
    assert.match(snippet, /\$\{2:`pnl_per_trade` < 0 over 24h\}/);
    const plain = snippet.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1').replace(/\\([$}\\])/g, '$1');
    assert.equal(plain, fix.edits[0].newText);
    assert.deepEqual(fix.snippetEdits![0].range, fix.edits[0].range);
  });

  it('uses the configured outcome keywords of RDY116 to choose the metric', () => {
    const config = { rules: { RDY116: { outcomeKeywords: ['expectancy'] } } };
    const diagnostic = withCode(check(NO_P1, { config }), 'RDY201')[0];
    assert.match(messageText(diagnostic), /`expectancy_net_realized` < 0 over 24h/);
  });

  it('falls back to the first §1 metric, then to the option, when no outcome metric exists', () => {
    const noOutcome = NO_P1.replace(/^\| `(pnl_per_trade|expectancy_net_realized)` \|.*\n/gm, '');
    const fix = finding(noOutcome, 'RDY201').fixes[0];
    assert.match(fix.edits[0].newText, /^\| `signals_buy_proba_p1` \| `signals\.buy_proba` < 0 over 24h \|/);
    const noMetric = noOutcome.replace(/^\| `[^`]+`[^|]* \| (histogram|counter|gauge) \|.*\n/gm, '');
    const config = { rules: { RDY201: { fallbackMetric: 'pnl_net' } } };
    assert.match(finding(noMetric, 'RDY201', { config }).fixes[0].edits[0].newText, /`pnl_net` < 0 over 24h/);
  });

  it('option fixCondition changes the inserted trigger', () => {
    const config = { rules: { RDY201: { fixCondition: '< -0.5 for 6h' } } };
    const fix = finding(NO_P1, 'RDY201', { config }).fixes[0];
    assert.match(fix.edits[0].newText, /\| `pnl_per_trade` < -0\.5 for 6h \|/);
    assert.deepEqual(withCode(check(applyEdits(NO_P1, fix.edits), { config }), 'RDY204'), []);
  });

  it('puts the runbook under the configured folder', () => {
    const config = { rules: { RDY205: { runbookFolder: 'ops/runbooks' } } };
    const fix = finding(NO_P1, 'RDY201', { config }).fixes[0];
    assert.match(fix.edits[0].newText, /`ops\/runbooks\/pnl-per-trade-p1\.md`/);
  });

  it('reports on the heading when §2 has no table, and the fix inserts the table with the row', () => {
    const noTable = VALID.replace(/^\| Alert \|.*\n\|---.*\n(\|.*\n)+\n/m, '');
    const [diagnostic] = withCode(check(noTable), 'RDY201');
    assert.equal(textAt(noTable, diagnostic.range), '## 2. Alerting & runbooks (MUST)');
    const fixed = applyFix(noTable, finding(noTable, 'RDY201'), 'Add P1 alert row');
    assert.match(fixed, /on-call does\.\n\n\| Alert \| Trigger \| Runbook \| Severity \| Notification channel \|\n\|---\|---\|---\|---\|---\|\n\| `pnl_per_trade_p1` .*\n\nRequired minima/);
    const after = check(fixed);
    assert.deepEqual(withCode(after, 'RDY201'), []);
    assert.deepEqual(withCode(after, 'RDY004'), []);
    assert.deepEqual(newErrors(noTable, fixed), []);
  });

  it('fills the row in the table\'s own column order, with CRLF line ends', () => {
    const table = [
      '| Severity | Alert | Trigger | Runbook | Notification channel | Notes |',
      '|---|---|---|---|---|---|',
      '| P2 | `ea_s11_buy_signal_starvation` | `signals.buy_rate_per_hour < 0.1 for 120 min` | `documentation/runbooks/ea-s11-signal-starvation.md` | Slack | weekdays |',
    ].join('\n');
    const reordered = NO_P1.replace(/^\| Alert \|.*\n\|---.*\n(\|.*\n)+/m, table + '\n').replace(/\n/g, '\r\n');
    assert.deepEqual(withCode(check(reordered), 'RDY004'), []);
    const fix = finding(reordered, 'RDY201').fixes[0];
    assert.match(fix.edits[0].newText, /^\| P1 \| `pnl_per_trade_p1` \| `pnl_per_trade` < 0 over 24h \| `documentation\/runbooks\/pnl-per-trade-p1\.md` \| Pagerduty \|  \|\r\n$/);
    assert.deepEqual(withCode(check(applyEdits(reordered, fix.edits)), 'RDY201'), []);
  });

  it('continues a table that ends the file', () => {
    const cut = NO_P1.slice(0, NO_P1.indexOf('\n', NO_P1.indexOf('| `ea_s11_feature_pipeline_failures`')));
    const fixed = applyFix(cut, finding(cut, 'RDY201'));
    assert.ok(fixed.endsWith('| email |\n| `pnl_per_trade_p1` | `pnl_per_trade` < 0 over 24h | `documentation/runbooks/pnl-per-trade-p1.md` | P1 | Pagerduty |'));
    assert.deepEqual(withCode(check(fixed), 'RDY201'), []);
  });

  it('stays silent while a severity is still the template placeholder', () => {
    assert.deepEqual(withCode(check(TEMPLATE), 'RDY201'), []);
  });

  it('follows RDY203\'s pagingSeverity', () => {
    const sev = VALID.replace('| P1 | Pagerduty |', '| Sev1 | Pagerduty |').replace('| P2 |', '| Sev2 |').replace('| P3 |', '| Sev3 |');
    assert.equal(withCode(check(sev), 'RDY201').length, 1);
    const config = { rules: { RDY203: { pagingSeverity: 'Sev1' }, RDY202: { severities: ['Sev1', 'Sev2', 'Sev3'] } } };
    assert.deepEqual(withCode(check(sev, { config }), 'RDY201'), []);
    assert.deepEqual(withCode(check(sev, { config }), 'RDY202'), []);
  });
});

describe('RDY202 alert-values (A2)', () => {
  it('passes the valid example, and accepts other spellings and combined channels', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY202'), []);
    let text = withCell(VALID, P1_ROW, 'Pagerduty', 'PagerDuty + Slack');
    text = withCell(text, P2_ROW, 'Slack', 'slack');
    text = withCell(text, P2_ROW, 'P2', 'p2');
    text = text.replace('| P3 | email |', '| P3 | E-mail |');
    assert.deepEqual(withCode(check(text), 'RDY202'), []);
  });

  it('reports a severity outside P1, P2, P3 on the cell, with one fix per value', () => {
    const text = withCell(VALID, P2_ROW, 'P2', 'P4');
    const [diagnostic] = withCode(check(text), 'RDY202');
    assert.equal(at(diagnostic.range), rangeOf(text, P2_ROW, 'P4'));
    assert.equal(messageText(diagnostic), 'Severity "P4" is not allowed: write P1, P2 or P3.');
    const found = finding(text, 'RDY202');
    assert.deepEqual(found.fixes.map((f) => f.title), ['Replace with P1', 'Replace with P2', 'Replace with P3']);
    const fixed = applyFix(text, found, 'Replace with P2');
    assert.deepEqual(withCode(check(fixed), 'RDY202'), []);
    assert.deepEqual(newErrors(text, fixed), []);
  });

  it('leaves a missing Severity or Notification channel column to RDY004, once for the table', () => {
    const dropColumn = (text: string, index: number) => {
      const lines = text.split('\n');
      for (let i = lines.indexOf(ALERT_HEADER); lines[i]?.startsWith('|'); i++) lines[i] = lines[i].split('|').filter((_, k) => k !== index).join('|');
      return lines.join('\n');
    };
    for (const [column, index] of [['Severity', 4], ['Notification channel', 5]] as const) {
      const text = dropColumn(VALID, index);
      assert.deepEqual(withCode(check(text), 'RDY202'), [], column);
      assert.equal(withCode(check(text), 'RDY004').length, 1, column);
    }
  });

  it('ignores emoji decorating a value', () => {
    const text = withCell(withCell(VALID, P1_ROW, 'P1', 'P1 🔥'), P1_ROW, 'Pagerduty', 'Pagerduty 📟');
    for (const code of ['RDY201', 'RDY202', 'RDY203']) assert.deepEqual(withCode(check(text), code), [], code);
  });

  it('prefers the value the written one plainly means', () => {
    const text = withCell(VALID, P2_ROW, 'P2', 'Sev2');
    assert.deepEqual(finding(text, 'RDY202').fixes.filter((f) => f.isPreferred).map((f) => f.title), ['Replace with P2']);
    const mail = VALID.replace('| P3 | email |', '| P3 | mail to ml-oncall |');
    assert.deepEqual(finding(mail, 'RDY202').fixes.filter((f) => f.isPreferred).map((f) => f.title), ['Replace with email']);
  });

  it('reports an unknown channel, and an empty severity', () => {
    const teams = withCell(VALID, P2_ROW, 'Slack', 'Teams');
    const [diagnostic] = withCode(check(teams), 'RDY202');
    assert.equal(at(diagnostic.range), rangeOf(teams, P2_ROW, 'Teams'));
    assert.equal(messageText(diagnostic), 'Notification channel "Teams" is not allowed: write Pagerduty, Slack or email.');
    const fixed = applyFix(teams, finding(teams, 'RDY202'), 'Replace with Slack');
    assert.deepEqual(withCode(check(fixed), 'RDY202'), []);

    const empty = withCell(VALID, P2_ROW, 'P2', ' ');
    const [emptyDiagnostic] = withCode(check(empty), 'RDY202');
    assert.match(messageText(emptyDiagnostic), /^Severity is empty: write P1, P2 or P3\.$/);
    const filled = applyFix(empty, finding(empty, 'RDY202'), 'Replace with P2');
    assert.ok(filled.includes('.md` | P2 | Slack |'));
    assert.deepEqual(withCode(check(filled), 'RDY202'), []);
  });

  it('reads a channel followed by where it goes: a Slack channel, a Pagerduty service, an address', () => {
    for (const channel of ['Slack #cvn-ml-alerts', 'Slack: #cvn-ml-alerts', 'Slack channel cvn-ml-alerts', 'Slack (#cvn-ml-alerts) + email ml-oncall@cvn-trading.com']) {
      assert.deepEqual(withCode(check(withCell(VALID, P2_ROW, 'Slack', channel)), 'RDY202'), [], channel);
    }
    const service = withCell(VALID, P1_ROW, 'Pagerduty', 'Pagerduty service `cvn-trading-live`');
    assert.deepEqual(withCode(check(service), 'RDY202'), []);
    assert.deepEqual(withCode(check(service), 'RDY203'), [], 'a P1 on a Pagerduty service pages');
    const teams = withCell(VALID, P2_ROW, 'Slack', 'Teams #cvn-ml-alerts');
    assert.equal(messageText(withCode(check(teams), 'RDY202')[0]), 'Notification channel "Teams" is not allowed: write Pagerduty, Slack or email.');
  });

  it('stays silent about the template\'s unchosen alternatives (RDY001 reports them)', () => {
    assert.deepEqual(withCode(check(TEMPLATE), 'RDY202'), []);
  });

  it('option channels allows another channel', () => {
    const text = withCell(VALID, P2_ROW, 'Slack', 'Opsgenie');
    assert.equal(withCode(check(text), 'RDY202').length, 1);
    const config = { rules: { RDY202: { channels: ['Pagerduty', 'Slack', 'email', 'Opsgenie'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY202'), []);
  });
});

describe('RDY203 p1-alert-pages (A3)', () => {
  const slackP1 = withCell(VALID, P1_ROW, 'Pagerduty', 'Slack');

  it('passes the valid example and a P1 that pages among other channels', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY203'), []);
    assert.deepEqual(withCode(check(withCell(VALID, P1_ROW, 'Pagerduty', 'Slack + Pagerduty')), 'RDY203'), []);
  });

  it('warns on the channel cell of a P1 that does not page', () => {
    const [diagnostic] = withCode(check(slackP1), 'RDY203');
    assert.equal(diagnostic.severity, 2);
    assert.equal(at(diagnostic.range), rangeOf(slackP1, P1_ROW, 'Slack'));
    assert.match(messageText(diagnostic), /P1 alert "ea_s11_expectancy_negative" notifies by Slack, which does not page on-call: write Pagerduty/);
  });

  it('fixes by writing Pagerduty when the author applies it, never unattended', () => {
    const found = finding(slackP1, 'RDY203');
    assert.equal(found.fixes[0].title, 'Replace with Pagerduty');
    // The channel says how the alert is wired: the author's to change, so preferred but not safe (--fix, fix on save).
    assert.ok(found.fixes[0].isPreferred);
    assert.notEqual(found.fixes[0].safe, true);
    const fixed = applyFix(slackP1, found);
    assert.equal(fixed, VALID);
  });

  it('leaves an unknown channel to RDY202', () => {
    const text = withCell(VALID, P1_ROW, 'Pagerduty', 'Teams');
    assert.deepEqual(withCode(check(text), 'RDY203'), []);
    assert.equal(withCode(check(text), 'RDY202').length, 1);
  });

  it('option pagingChannels changes what pages', () => {
    const config = { rules: { RDY202: { channels: ['Pagerduty', 'Slack', 'email', 'Opsgenie'] }, RDY203: { pagingChannels: ['Opsgenie'] } } };
    const [diagnostic] = withCode(check(VALID, { config }), 'RDY203');
    assert.match(messageText(diagnostic), /notifies by Pagerduty, which does not page on-call: write Opsgenie/);
    const fixed = applyFix(VALID, finding(VALID, 'RDY203', { config }));
    assert.deepEqual(withCode(check(fixed, { config }), 'RDY203'), []);
  });
});

describe('RDY204 alert-trigger (A4)', () => {
  const TRIGGER = '`expectancy_net_realized < 0 over 24h on >2 cryptos`';

  it('passes the valid example', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY204'), []);
  });

  it('warns when the trigger names no §1 metric, pointing at §1\'s table', () => {
    const text = withCell(VALID, P1_ROW, TRIGGER, '`net_loss_total > 0 for 10 min`');
    const found = withCode(check(text), 'RDY204');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 2);
    assert.equal(at(found[0].range), rangeOf(text, P1_ROW, '`net_loss_total > 0 for 10 min`'));
    assert.match(messageText(found[0]), /names no metric defined in §1: write the condition on one of them \(`signals\.buy_proba`, /);
    const related = found[0].relatedInformation![0];
    assert.equal(related.location.range.start.line, Number(rangeOf(text, '| Metric | Type |').split(':')[0]));
  });

  it('warns when the trigger has no duration', () => {
    const text = withCell(VALID, P1_ROW, TRIGGER, '`expectancy_net_realized < 0` on >2 cryptos');
    const found = withCode(check(text), 'RDY204');
    assert.equal(found.length, 1);
    assert.match(messageText(found[0]), /has no duration: say how long the condition must hold, e\.g\. "for 10 min" or "over 24h"/);
  });

  it('gives one diagnostic per problem', () => {
    const text = withCell(VALID, P1_ROW, TRIGGER, 'net loss');
    const found = withCode(check(text), 'RDY204');
    assert.equal(found.length, 2);
    assert.equal(at(found[0].range), at(found[1].range));
  });

  it('tolerates backticks, event prefixes, fields and several ways of writing a duration', () => {
    for (const trigger of [
      '`buy_proba` p50 < 0.2 for 2h',
      '`signals.buy_rate_per_hour.p50` < 0.1 within 15m',
      '`signals`.`buy_rate_per_hour` < 0.1 over 3 consecutive runs',
      'trades.pnl_per_trade < 0 in the last 6 hours',
      'inference_latency_p99 > 500 ms, 10 min window',
      'feature_pipeline_failures > 3 for ≥ 30 min',
      '`feature_pipeline_failures > 3` sustained 15 minutes',
      '`expectancy_net_realized < 0` for an hour',
      '`expectancy_net_realized < 0` over one day on >2 cryptos',
      '`feature_pipeline_failures > 3` for at least thirty minutes',
    ]) {
      const text = withCell(VALID, P1_ROW, TRIGGER, trigger);
      assert.deepEqual(withCode(check(text), 'RDY204').map((d) => messageText(d)), [], trigger);
    }
    // A comparison with a time value is not a duration.
    const threshold = withCell(VALID, P1_ROW, TRIGGER, '`inference_latency_p99 > 30 min`');
    assert.equal(withCode(check(threshold), 'RDY204').length, 1);
  });

  it('accepts a metric §1 names in prose when its table is empty (M7)', () => {
    const emptyMonitoring = VALID.replace(/^\| `[^|]+`[^|]* \| (histogram|counter|gauge) \|.*\n/gm, '').replace(
      'All metrics carry',
      'No new metric: the existing `expectancy_net_realized` covers this change. All metrics carry',
    );
    const found = withCode(check(emptyMonitoring), 'RDY204');
    assert.deepEqual(found.map((d) => d.range.start.line), [
      Number(rangeOf(emptyMonitoring, P2_ROW).split(':')[0]),
      Number(rangeOf(emptyMonitoring, '| `ea_s11_feature_pipeline_failures` |').split(':')[0]),
    ]);
  });

  it('accepts metrics §1\'s prose names as plain snake_case words when its table is empty (M7)', () => {
    const emptyMonitoring = VALID.replace(/^\| `[^|]+`[^|]* \| (histogram|counter|gauge) \|.*\n/gm, '').replace(
      'All metrics carry',
      'Covered by the existing metrics expectancy_net_realized, signals.buy_rate_per_hour and feature_pipeline_failures. All metrics carry',
    );
    assert.deepEqual(withCode(check(emptyMonitoring), 'RDY204'), []);
    const tag = edit(emptyMonitoring, 'and feature_pipeline_failures.', 'and the tag pipeline=feature_pipeline_failures.');
    assert.equal(withCode(check(tag), 'RDY204').length, 1, 'a tag value is not a metric');
  });

  it('stays silent on the template\'s placeholder trigger', () => {
    assert.deepEqual(withCode(check(TEMPLATE), 'RDY204'), []);
  });

  it('option durationWords and countUnits change what reads as a duration', () => {
    const text = withCell(VALID, P1_ROW, TRIGGER, '`expectancy_net_realized < 0` over 3 epochs');
    assert.equal(withCode(check(text), 'RDY204').length, 1);
    assert.deepEqual(withCode(check(text, { config: { rules: { RDY204: { countUnits: ['epochs'] } } } }), 'RDY204'), []);
    const noOver = { rules: { 'alert-trigger': { durationWords: ['for'] } } };
    assert.equal(withCode(check(VALID, { config: noOver }), 'RDY204').length, 1, 'only the P1 says "over"');
  });
});

describe('RDY205 runbook-path (A5)', () => {
  const RUNBOOK = '`documentation/runbooks/ea-s11-expectancy-negative.md`';

  it('passes the valid example and a Markdown link', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY205'), []);
    const link = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](../runbooks/ea-s11-expectancy-negative.md)');
    assert.deepEqual(withCode(check(link), 'RDY205'), []);
  });

  it('reads a link starting `../` from the document\'s folder and one starting `/` from the root, as Markdown renders them', () => {
    // The document is documentation/readiness/CVN-N011-EA-S11.md: `../runbooks/` is documentation/runbooks/.
    const link = withCell(VALID, P1_ROW, RUNBOOK, `[${RUNBOOK}](../runbooks/ea-s11-expectancy-negative.md)`);
    assert.deepEqual(withCode(check(link, withRunbooks()), 'RDY205'), []);
    assert.deepEqual(withCode(check(link, withRunbooks()), 'RDY206'), [], 'the runbook is found');
    const missing = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](../runbooks/ea-s11-not-written.md)');
    assert.match(messageText(withCode(check(missing, withRunbooks()), 'RDY206')[0]), /^Runbook documentation\/runbooks\/ea-s11-not-written\.md does not exist/);
    const rooted = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](/documentation/runbooks/ea-s11-expectancy-negative.md)');
    assert.deepEqual(withCode(check(rooted, withRunbooks()), 'RDY205'), [], 'a link from the repository root');
    assert.deepEqual(withCode(check(rooted, withRunbooks()), 'RDY206'), []);
    const outside = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](../../../runbooks/x.md)');
    assert.match(messageText(withCode(check(outside), 'RDY205')[0]), /must stay inside the workspace/);
  });

  it('reports a path outside the folder or not in Markdown, on the cell, with a fix', () => {
    const text = withCell(VALID, P1_ROW, RUNBOOK, '`ops/ea-s11.txt`');
    const [diagnostic] = withCode(check(text), 'RDY205');
    assert.equal(diagnostic.severity, 1);
    assert.equal(at(diagnostic.range), rangeOf(text, P1_ROW, '`ops/ea-s11.txt`'));
    assert.equal(
      messageText(diagnostic),
      'Runbook "ops/ea-s11.txt" is not under documentation/runbooks/ and does not end in .md: write `documentation/runbooks/ea-s11.md` (and keep the file there).',
    );
    const fixed = applyFix(text, finding(text, 'RDY205'), 'Change to documentation/runbooks/ea-s11.md');
    assert.deepEqual(withCode(check(fixed), 'RDY205'), []);
    assert.deepEqual(newErrors(text, fixed), []);

    const txt = withCell(VALID, P1_ROW, RUNBOOK, '`documentation/runbooks/ea-s11.txt`');
    assert.match(messageText(withCode(check(txt), 'RDY205')[0]), /^Runbook "documentation\/runbooks\/ea-s11\.txt" does not end in \.md/);
  });

  it('reports paths that leave the workspace, and URLs', () => {
    for (const path of ['`../secrets/runbook.md`', '`/etc/runbooks/x.md`', '`documentation/runbooks/../../../x.md`', '`C:\\runbooks\\x.md`']) {
      const text = withCell(VALID, P1_ROW, RUNBOOK, path);
      const found = withCode(check(text), 'RDY205');
      assert.equal(found.length, 1, path);
      assert.match(messageText(found[0]), /must stay inside the workspace/, path);
    }
    const url = withCell(VALID, P1_ROW, RUNBOOK, 'https://wiki.example.org/runbook');
    assert.match(messageText(withCode(check(url), 'RDY205')[0]), /is a URL: runbooks live in the repository/);
  });

  it('reports an empty cell and proposes a path from the alert name', () => {
    const text = withCell(VALID, P1_ROW, RUNBOOK, ' ');
    const [diagnostic] = withCode(check(text), 'RDY205');
    assert.match(messageText(diagnostic), /Alert "ea_s11_expectancy_negative" has no runbook: write the path of its runbook, e\.g\. `documentation\/runbooks\/ea-s11-expectancy-negative\.md`/);
    const fixed = applyFix(text, finding(text, 'RDY205'));
    assert.deepEqual(withCode(check(fixed), 'RDY205'), []);
  });

  it('stays silent on the template\'s `<slug>` path', () => {
    assert.deepEqual(withCode(check(TEMPLATE), 'RDY205'), []);
  });

  it('option runbookFolder moves the folder', () => {
    const config = { rules: { RDY205: { runbookFolder: './ops/runbooks' } } };
    assert.equal(withCode(check(VALID, { config }), 'RDY205').length, 3);
    const moved = VALID.replace(/documentation\/runbooks\/ea-s11/g, 'ops/runbooks/ea-s11');
    assert.deepEqual(withCode(check(moved, { config }), 'RDY205'), []);
    assert.match(messageText(withCode(check(VALID, { config }), 'RDY205')[0]), /is not under ops\/runbooks\//);
  });
});

describe('RDY206 runbook-exists (A5)', () => {
  it('passes the valid example with its runbooks', () => {
    assert.deepEqual(withCode(check(VALID, withRunbooks()), 'RDY206'), []);
  });

  it('warns on the runbook cell when the file is missing', () => {
    const files = { ...RUNBOOKS };
    delete files['documentation/runbooks/ea-s11-signal-starvation.md'];
    const found = withCode(check(VALID, { files }), 'RDY206');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 2);
    assert.equal(at(found[0].range), rangeOf(VALID, P2_ROW, '`documentation/runbooks/ea-s11-signal-starvation.md`'));
    assert.match(messageText(found[0]), /^Runbook documentation\/runbooks\/ea-s11-signal-starvation\.md does not exist in the workspace: create it/);
  });

  it('reads every runbook of a cell that names several, not the remarks beside them', () => {
    const P1_CELL = '`documentation/runbooks/ea-s11-expectancy-negative.md`';
    const two = withCell(VALID, P1_ROW, P1_CELL, `${P1_CELL} + \`documentation/runbooks/drift-alert.md\``);
    assert.deepEqual(withCode(check(two, withRunbooks()), 'RDY206'), []);
    const files = { ...RUNBOOKS };
    delete files['documentation/runbooks/drift-alert.md'];
    const [missing, ...rest] = withCode(check(two, { files }), 'RDY206');
    assert.deepEqual(rest, []);
    assert.match(messageText(missing), /^Runbook documentation\/runbooks\/drift-alert\.md does not exist in the workspace/);
    const misplaced = withCell(VALID, P1_ROW, P1_CELL, `${P1_CELL}, \`ops/drift-alert.md\``);
    const [outside] = withCode(check(misplaced, withRunbooks()), 'RDY205');
    assert.match(messageText(outside), /Runbook "ops\/drift-alert\.md" is not under documentation\/runbooks\//);
    assert.equal(finding(misplaced, 'RDY205', withRunbooks()).fixes?.length ?? 0, 0, 'a fix rewriting the cell would drop the other runbook');
    const remarks = withCell(VALID, P1_ROW, P1_CELL, `${P1_CELL} ([dashboard](https://grafana.cvn-trading.com/d/ea-s11), alert \`drift_alert\`)`);
    assert.deepEqual(withCode(check(remarks, withRunbooks()), 'RDY205'), []);
  });

  it('reads a reference link as the link its definition makes', () => {
    const P1_CELL = '`documentation/runbooks/ea-s11-expectancy-negative.md`';
    const referenced = withCell(VALID, P1_ROW, P1_CELL, '[runbook][rb-p1]');
    const defined = `${referenced}\n[rb-p1]: /documentation/runbooks/ea-s11-expectancy-negative.md\n`;
    assert.deepEqual(withCode(check(defined, withRunbooks()), 'RDY205'), []);
    assert.deepEqual(withCode(check(defined, withRunbooks()), 'RDY206'), []);
    const missing = `${referenced}\n[rb-p1]: /documentation/runbooks/not-written-yet.md\n`;
    assert.match(messageText(withCode(check(missing, withRunbooks()), 'RDY206')[0]), /^Runbook documentation\/runbooks\/not-written-yet\.md does not exist/);
    const [undefinedLabel, ...others] = withCode(check(referenced, withRunbooks()), 'RDY205');
    assert.deepEqual(others, []);
    assert.equal(messageText(undefinedLabel), 'Runbook link "[runbook][rb-p1]" points at no definition: add a line `[rb-p1]: documentation/runbooks/<alert>.md` to the file, or write the runbook\'s path.');
  });

  it('leaves invalid paths to RDY205 and never asks the workspace about them', () => {
    const text = withCell(VALID, P1_ROW, '`documentation/runbooks/ea-s11-expectancy-negative.md`', '`documentation/runbooks/../../../etc/passwd.md`');
    const asked: string[] = [];
    const inner = memoryWorkspace(RUNBOOKS);
    const spy: WorkspaceView = {
      exists: (path) => (asked.push(path), inner.exists(path)),
      read: (path) => (asked.push(path), inner.read(path)),
      list: inner.list,
      uriOf: inner.uriOf,
    };
    const result = checkDocument({ text, documentPath: 'documentation/readiness/x-readiness.md', workspace: spy, today: TODAY });
    assert.deepEqual(withCode(result.diagnostics, 'RDY206'), []);
    assert.equal(withCode(result.diagnostics, 'RDY205').length, 1);
    assert.ok(!asked.some((path) => path.includes('..')), asked.join(', '));
  });

  it('does not run where cross-file reads are off, nor for a buffer outside a workspace', () => {
    const off = checkDocument({ text: VALID, documentPath: 'documentation/readiness/x-readiness.md', workspace: memoryWorkspace({}), today: TODAY, crossFileReads: false });
    assert.deepEqual(withCode(off.diagnostics, 'RDY206'), []);
    const lone = checkDocument({ text: VALID, workspace: memoryWorkspace({}), today: TODAY });
    assert.deepEqual(withCode(lone.diagnostics, 'RDY206'), []);
  });

  it('looks in the folder RDY205 configures', () => {
    const config = { rules: { RDY205: { runbookFolder: 'ops/runbooks/' } } };
    const moved = VALID.replace(/documentation\/runbooks\/ea-s11/g, 'ops/runbooks/ea-s11');
    assert.equal(withCode(check(moved, withRunbooks()), 'RDY206').length, 0, 'invalid paths are RDY205\'s');
    assert.equal(withCode(check(moved, withRunbooks({ config })), 'RDY206').length, 3);
  });
});

describe('RDY207 runbook-content (A5)', () => {
  const P1_PATH = 'documentation/runbooks/ea-s11-expectancy-negative.md';
  const P1_CELL = `\`${P1_PATH}\``;
  const withP1Runbook = (content: string, extra: CheckOptions = {}) => check(VALID, withRunbooks({ ...extra, files: { [P1_PATH]: content } }));

  it('passes the valid example and complete runbooks in several styles', () => {
    assert.deepEqual(withCode(check(VALID, withRunbooks()), 'RDY207'), []);
    assert.deepEqual(withCode(withP1Runbook(readFixture('alerting/runbook-complete.md')), 'RDY207'), []);
    assert.deepEqual(withCode(withP1Runbook(readFixture('alerting/runbook-labels.md')), 'RDY207'), []);
    assert.deepEqual(withCode(withP1Runbook(readFixture('alerting/runbook-complete.md').replace(/\n/g, '\r\n')), 'RDY207'), []);
  });

  it('warns once per missing part, on the runbook cell, pointing at the file', () => {
    const incomplete = RUNBOOKS['documentation/runbooks/fx-s03-funding-feature-staleness.md'];
    const found = withCode(withP1Runbook(incomplete), 'RDY207');
    assert.deepEqual(
      found.map((d) => messageText(d)),
      [
        `Runbook ${P1_PATH} has no escalation: add an "Escalation" section (whom to page next, and when).`,
        `Runbook ${P1_PATH} has no Loki query: add the relevant log query, e.g. \`{job="<service>"} |= "error"\`.`,
      ],
    );
    for (const diagnostic of found) {
      assert.equal(diagnostic.severity, 2);
      assert.equal(at(diagnostic.range), rangeOf(VALID, P1_ROW, P1_CELL));
      assert.equal(diagnostic.relatedInformation![0].location.uri, `file:///workspace/${P1_PATH}`);
      assert.equal(at(diagnostic.relatedInformation![0].location.range), '0:0-0:0');
    }
  });

  it('warns while the runbook still holds slots to fill, as the "Create runbook" fix writes it; HTML and comparisons are no slots', () => {
    const skeleton = [
      '# Runbook: ea_s11_expectancy_negative',
      '',
      'Dashboard: https://grafana.cvn-trading.com/d/ea-s11/entry-alignment?orgId=1&viewPanel=5',
      'Logs: Loki `{job="<job>"} |= "ea_s11_expectancy_negative"`',
      '',
      '## Symptom',
      '',
      '<what the on-call sees when the alert fires>',
      '',
      '## Diagnosis steps',
      '',
      '1. Open the dashboard above.',
      '',
      '## Remediation',
      '',
      'Flip the factor flag off (< 1 min).<br>Confirm on the dashboard.',
      '',
      '## Escalation',
      '',
      '<whom to page next, and when: the DRI, then the backup DRI>',
      '',
    ].join('\n');
    const found = withCode(withP1Runbook(skeleton), 'RDY207');
    assert.deepEqual(found.map((d) => messageText(d)), [`Runbook ${P1_PATH} still has 3 slots to fill, e.g. "<job>": write what the on-call needs there.`]);
    const written = skeleton
      .replace('<job>', 'cvntrade-executor')
      .replace('<what the on-call sees when the alert fires>', 'Expectancy below zero for a day on three cryptos.')
      .replace('<whom to page next, and when: the DRI, then the backup DRI>', 'Page the DRI, then the backup DRI after 15 min.');
    assert.deepEqual(withCode(withP1Runbook(written), 'RDY207'), []);
  });

  it('does not count headings inside code blocks', () => {
    const found = withCode(withP1Runbook(readFixture('alerting/runbook-empty-shell.md')), 'RDY207');
    assert.deepEqual(
      found.map((d) => /has no ([a-z ]+)/i.exec(messageText(d))![1]),
      ['symptom', 'diagnosis', 'remediation', 'escalation', 'Loki query'],
    );
  });

  it('warns when no Grafana dashboard is linked', () => {
    const noDashboard = readFixture('alerting/runbook-complete.md').replace(/^Dashboard: .*$/m, 'Dashboard: ask the DRI.');
    const found = withCode(withP1Runbook(noDashboard), 'RDY207');
    assert.deepEqual(found.map((d) => messageText(d)), [`Runbook ${P1_PATH} links no Grafana dashboard: add the dashboard URL (https://grafana…/d/…) the on-call should open.`]);
  });

  it('options partWords, dashboardPattern and logQueryPattern change what counts', () => {
    const custom = readFixture('alerting/runbook-custom-links.md');
    const p1Line = Number(rangeOf(VALID, P1_ROW).split(':')[0]);
    const onP1 = (diagnostics: Diagnostic[]) => withCode(diagnostics, 'RDY207').filter((d) => d.range.start.line === p1Line);
    assert.equal(onP1(withP1Runbook(custom)).length, 3);
    const config = {
      rules: {
        RDY207: {
          partWords: { escalation: ['escalat', 'on-call handover'] },
          dashboardPattern: 'https://dash\\.corp\\.example/',
          logQueryPattern: 'logs\\(service=',
        },
      },
    };
    assert.deepEqual(onP1(withP1Runbook(custom, { config })), []);
  });

  it('falls back to the default pattern when a configured one is not a regular expression', () => {
    const config = { rules: { RDY207: { dashboardPattern: '(' } } };
    assert.deepEqual(withCode(check(VALID, withRunbooks({ config })), 'RDY207'), []);
  });

  it('says nothing about a missing runbook (RDY206 does)', () => {
    assert.deepEqual(withCode(check(VALID), 'RDY207'), []);
  });
});

describe('§2 on the examples', () => {
  it('finds the documented defects of CVN-N012-FX-S03 and nothing else in §2', () => {
    const text = readExample('documentation/readiness/CVN-N012-FX-S03.md');
    const found = check(text, withRunbooks({ path: 'documentation/readiness/CVN-N012-FX-S03.md' })).filter((d) => /^RDY2/.test(String(d.code)));
    assert.deepEqual(
      found.map((d) => `${d.code} ${textAt(text, d.range).slice(0, 40)}`),
      [
        'RDY201 | Alert | Trigger | Runbook | Severity |',
        'RDY207 `documentation/runbooks/fx-s03-funding-f',
        'RDY207 `documentation/runbooks/fx-s03-funding-f',
      ],
    );
  });
});

describe('runbook links are read from the document\'s folder, as a click on GitHub opens them', () => {
  const RUNBOOK = '`documentation/runbooks/ea-s11-expectancy-negative.md`';
  const PATH = 'documentation/readiness/CVN-N011-EA-S11.md';
  const service = createReadinessService();
  const P1_LINE = VALID.split('\n').findIndex((line) => line.startsWith(P1_ROW));
  /** The findings of one rule on the P1 row (the other rows link runbooks of their own). */
  const onP1 = (text: string, code: string, options: CheckOptions = {}) => withCode(check(text, options), code).filter((d) => d.range.start.line === P1_LINE);
  const analysed = (text: string, files: Record<string, string>, config?: CheckOptions['config']) => {
    const result = service.check({ text, documentPath: PATH, workspace: memoryWorkspace(files, 'file:///ws/'), editorSettings: config, today: TODAY });
    return { ...result, analysis: result.analysis! };
  };
  const runbookLinks = (text: string, files: Record<string, string>) =>
    service
      .links(analysed(text, files))
      .filter((link) => link.tooltip === 'Open the runbook' && link.range.start.line === P1_LINE)
      .map((link) => ({ at: at(link.range), text: textAt(text, link.range), target: link.target }));
  const createTitles = (text: string, files: Record<string, string>, config?: CheckOptions['config']) => {
    const document = analysed(text, files, config);
    return document.analysis.findings
      .filter((f) => f.rule.code === 'RDY206' && f.range.start.line === P1_LINE)
      .flatMap((f) => service.codeActions(document, f.range, { uri: 'file:///ws/' + PATH, createFileSupport: true }))
      .map((action) => action.title)
      .filter((title) => title.startsWith('Create runbook'));
  };

  it('`runbooks/x.md` names documentation/readiness/runbooks/x.md: RDY205–RDY207, the link and "Create runbook" agree', () => {
    const text = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](runbooks/ea-s11.md)');
    const config = { rules: { RDY205: { runbookFolder: 'documentation/readiness/runbooks/' } } };
    // With the default folder, the path GitHub opens is named, and it is not under documentation/runbooks/.
    assert.equal(
      messageText(only(text, 'RDY205')),
      'Runbook link "runbooks/ea-s11.md" opens documentation/readiness/runbooks/ea-s11.md (read from the file\'s folder), which is not under documentation/runbooks/: write `documentation/runbooks/ea-s11.md` (and keep the file there).',
    );
    // With that folder configured, the file is looked for where the link points.
    assert.deepEqual(onP1(text, 'RDY205', { config }), []);
    const [missing, ...more] = onP1(text, 'RDY206', { config });
    assert.deepEqual(more, []);
    assert.match(messageText(missing), /^Runbook documentation\/readiness\/runbooks\/ea-s11\.md does not exist/);
    assert.deepEqual(createTitles(text, {}, config), ['Create runbook documentation/readiness/runbooks/ea-s11.md']);
    const files = { 'documentation/readiness/runbooks/ea-s11.md': RUNBOOKS['documentation/runbooks/ea-s11-expectancy-negative.md'] };
    assert.deepEqual(onP1(text, 'RDY206', { config, files }), []);
    assert.deepEqual(onP1(text, 'RDY207', { config, files }), []);
    const start = text.split('\n')[P1_LINE].indexOf('runbooks/ea-s11.md');
    assert.deepEqual(runbookLinks(text, files), [
      { at: `${P1_LINE}:${start}-${P1_LINE}:${start + 'runbooks/ea-s11.md'.length}`, text: 'runbooks/ea-s11.md', target: 'file:///ws/documentation/readiness/runbooks/ea-s11.md' },
    ]);
  });

  it('`../runbooks/x.md` names documentation/runbooks/x.md for the three rules, the link and "Create runbook"', () => {
    const text = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](../runbooks/ea-s11-expectancy-negative.md)');
    assert.deepEqual(withCode(check(text, withRunbooks()), 'RDY205'), []);
    assert.deepEqual(withCode(check(text, withRunbooks()), 'RDY206'), []);
    assert.deepEqual(runbookLinks(text, RUNBOOKS).map((link) => [link.text, link.target]), [
      ['../runbooks/ea-s11-expectancy-negative.md', 'file:///ws/documentation/runbooks/ea-s11-expectancy-negative.md'],
    ]);
    const missing = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](../runbooks/ea-s11-not-written.md)');
    assert.deepEqual(createTitles(missing, RUNBOOKS), ['Create runbook documentation/runbooks/ea-s11-not-written.md']);
  });

  it('a link destination in angle brackets is the link\'s path, not a placeholder; the link opens it', () => {
    const text = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](<../runbooks/ea-s11-expectancy-negative.md>)');
    assert.deepEqual(onP1(text, 'RDY001', withRunbooks()), []);
    assert.deepEqual(onP1(text, 'RDY205', withRunbooks()), []);
    assert.deepEqual(onP1(text, 'RDY206', withRunbooks()), []);
    assert.deepEqual(runbookLinks(text, RUNBOOKS).map((link) => link.text), ['../runbooks/ea-s11-expectancy-negative.md']);
  });

  it('`./documentation/runbooks/x.md` in a link is read from the document\'s folder too (a broken link on GitHub)', () => {
    const text = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](./documentation/runbooks/ea-s11-expectancy-negative.md)');
    const finding = only(text, 'RDY205', withRunbooks());
    assert.match(messageText(finding), /^Runbook link "\.\/documentation\/runbooks\/ea-s11-expectancy-negative\.md" opens documentation\/readiness\/documentation\/runbooks\/ea-s11-expectancy-negative\.md \(read from the file's folder\), which is not under documentation\/runbooks\//);
    // The fix writes the path in a code span, read from the root: the runbook is then found.
    const fixed = applyFix(text, onlyFinding(text, 'RDY205', withRunbooks()), 'Change to documentation/runbooks/ea-s11-expectancy-negative.md');
    assert.deepEqual(onP1(fixed, 'RDY205', withRunbooks()), []);
    assert.deepEqual(onP1(fixed, 'RDY206', withRunbooks()), []);
    assert.deepEqual(runbookLinks(text, RUNBOOKS), [], 'no link to a file that is not there');
  });

  it('a bare path in a code span keeps its reading from the root: the link opens it', () => {
    assert.deepEqual(withCode(check(VALID, withRunbooks()), 'RDY206'), []);
    const start = VALID.split('\n')[P1_LINE].indexOf('documentation/runbooks/ea-s11-expectancy-negative.md');
    assert.deepEqual(runbookLinks(VALID, RUNBOOKS), [
      {
        at: `${P1_LINE}:${start}-${P1_LINE}:${start + 'documentation/runbooks/ea-s11-expectancy-negative.md'.length}`,
        text: 'documentation/runbooks/ea-s11-expectancy-negative.md',
        target: 'file:///ws/documentation/runbooks/ea-s11-expectancy-negative.md',
      },
    ]);
  });

  it('a link leaving the workspace root is reported, never read, never opened, never created', () => {
    const text = withCell(VALID, P1_ROW, RUNBOOK, '[runbook](../../../runbooks/ea-s11-expectancy-negative.md)');
    const files = { ...RUNBOOKS, '../runbooks/ea-s11-expectancy-negative.md': 'outside' };
    assert.match(messageText(only(text, 'RDY205', { files })), /must stay inside the workspace/);
    assert.deepEqual(onP1(text, 'RDY206', { files }), []);
    assert.deepEqual(onP1(text, 'RDY207', { files }), []);
    assert.deepEqual(runbookLinks(text, files), []);
    assert.deepEqual(createTitles(text, files), []);
  });
});
