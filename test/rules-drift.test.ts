import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../server/src/service';
import { driftNoSilentRetrainRule } from '../server/src/service/rules/drift/driftNoSilentRetrain';
import { NA_FIX_REASON } from '../server/src/service/facts/drift/driftTable';
import { driftThresholdWindowRule } from '../server/src/service/rules/drift/driftThresholdWindow';
import { templateRow } from '../server/src/service/template/exampleRows';
import { applyFix, at, check, edit, insertedLines, messageText, newErrorsOutside, onlyFinding, readExample, readFixture, textAt, withCode } from './helpers';

const VALID = readFixture('drift/valid.md');
const CODES = ['RDY301', 'RDY302', 'RDY303'];

const DATA_ROW =
  '| Data drift | PSI (population stability index) on the top-20 features by FI, per crypto | rolling 7d vs training window | PSI > 0.2 (warn), PSI > 0.5 (crit) | open a `drift_alert` runbook entry + Slack (warn); page on-call via Pagerduty (crit) |';
const CONCEPT_ACTION = 'open a `drift_alert` runbook entry and page the DRI; hold live, retrain candidate goes to shadow only after DRI review';
const HEADER_LINE = lineOf(VALID, '| Drift type | Method |');
const DATA_LINE = lineOf(VALID, '| Data drift |');
const CONCEPT_LINE = lineOf(VALID, '| Concept drift |');

function lineOf(text: string, start: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(start));
  assert.ok(index >= 0, `no line starting with ${start}`);
  return index;
}

describe('drift rules: the valid files pass', () => {
  it('gives no §3 diagnostic on the valid example and the valid fixture', () => {
    for (const text of [readExample('documentation/readiness/CVN-N011-EA-S11.md'), VALID, VALID.replace(/\n/g, '\r\n')]) {
      for (const code of CODES) assert.deepEqual(withCode(check(text), code), [], code);
    }
  });

  it('accepts the template\'s own drift rows ("shadow re-train / page", "retrain candidate, hold live")', () => {
    const data = templateRow('drift', /data/i)!;
    const concept = templateRow('drift', /concept/i)!;
    const text = edit(
      edit(VALID, DATA_ROW, `| ${[...data.values()].join(' | ')} |`),
      /\| Concept drift \|.*\|/,
      `| ${[...concept.values()].join(' | ')} |`,
    );
    assert.match(text, /retrain candidate, hold live/);
    for (const code of CODES) assert.deepEqual(withCode(check(text), code), [], code);
  });
});

/**
 * The row the fix adds writes the template's method and placeholders for the rest: §3 keeps an error on each
 * placeholder (RDY001) until the author writes the window, both levels and an action, and is clean once they are.
 */
function assertFailsUntilFilled(before: string, fixed: string) {
  const errors = withCode(check(fixed), 'RDY001').map((d) => textAt(fixed, d.range));
  assert.deepEqual(errors, ['<window>', '<threshold (warn, crit)>', '<action on trigger>']);
  assert.equal(newErrorsOutside(before, fixed, insertedLines(before, fixed)).length, 0);
  const filled = fixed.replace('<window>', 'rolling 7d vs training').replace('<threshold (warn, crit)>', 'PSI > 0.2 (warn), PSI > 0.5 (crit)').replace('<action on trigger>', 'open a `drift_alert` runbook entry; page on crit');
  for (const code of [...CODES, 'RDY001']) assert.deepEqual(withCode(check(filled), code), [], code);
  // An action that retrains silently is still RDY303's error once written.
  const silent = fixed.replace('<window>', 'rolling 7d vs training').replace('<threshold (warn, crit)>', 'PSI > 0.2 (warn), PSI > 0.5 (crit)').replace('<action on trigger>', 'auto-retrain');
  assert.equal(withCode(check(silent), 'RDY303').length, 1);
}

describe('RDY301 drift-rows (D1)', () => {
  it('reports a missing Concept drift row on the table header, with the template row as fix', () => {
    const text = readFixture('drift/missing-concept.md');
    const diags = withCode(check(text), 'RDY301');
    assert.equal(diags.length, 1);
    assert.equal(at(diags[0].range), `${HEADER_LINE}:0-${HEADER_LINE}:64`);
    assert.match(messageText(diags[0]), /No Concept drift row/);
    assert.match(messageText(diags[0]), /rolling perf gap/);

    const finding = onlyFinding(text, 'RDY301');
    const fix = finding.fixes[0];
    assert.equal(fix.isPreferred, true);
    assert.notEqual(fix.safe, true);
    assert.equal(fix.edits[0].newText, '| Concept drift | rolling perf gap (live `f1_buy` vs training OOS `f1_buy`) | <window> | <threshold (warn, crit)> | <action on trigger> |\n');
    // Editors that take snippets select each placeholder in turn; one left as it is stays a placeholder.
    assert.equal(fix.snippetEdits?.[0].newText, '| Concept drift | rolling perf gap (live `f1_buy` vs training OOS `f1_buy`) | ${1:<window>} | ${2:<threshold (warn, crit)>} | ${3:<action on trigger>} |\n');
    const fixed = applyFix(text, finding, "Add the template's Concept drift row");
    assert.deepEqual(withCode(check(fixed), 'RDY301'), []);
    assertFailsUntilFilled(text, fixed);
  });

  it('reports a missing Data drift row with two fixes: the template row and "N/A — calibration-only change"', () => {
    const text = readFixture('drift/missing-data.md');
    const diags = withCode(check(text), 'RDY301');
    assert.equal(diags.length, 1);
    assert.equal(at(diags[0].range), `${HEADER_LINE}:0-${HEADER_LINE}:64`);
    assert.match(messageText(diags[0]), /No Data drift row/);
    assert.match(messageText(diags[0]), /N\/A — calibration-only change/);

    const finding = onlyFinding(text, 'RDY301');
    assert.deepEqual(
      finding.fixes.map((f) => f.title),
      ["Add the template's Data drift row", 'Mark data drift N/A — calibration-only change'],
    );
    const row = finding.fixes[0].edits[0].newText;
    assert.equal(row, '| Data drift | PSI (population stability index) on top-K features by FI | <window> | <threshold (warn, crit)> | <action on trigger> |\n');
    const fixed = applyFix(text, finding, "Add the template's Data drift row");
    assert.deepEqual(withCode(check(fixed), 'RDY301'), []);
    assertFailsUntilFilled(text, fixed);
  });

  it('the N/A fix writes no reason: a <reason> placeholder (a snippet tab stop) that stays an error until replaced', () => {
    const text = readFixture('drift/missing-data.md');
    const fix = onlyFinding(text, 'RDY301').fixes.find((f) => f.title.startsWith('Mark data drift N/A'))!;
    assert.match(fix.edits[0].newText, /^\| Data drift \| N\/A — calibration-only change: <reason> \| — \| — \| — \|\n$/);
    assert.equal(fix.snippetEdits?.length, 1);
    assert.match(fix.snippetEdits![0].newText, /N\/A — calibration-only change: \$\{1:<reason>\} \|/);
    assert.equal(fix.snippetEdits![0].newText.replace('${1:<reason>}', '<reason>'), fix.edits[0].newText);
    const fixed = applyFix(text, onlyFinding(text, 'RDY301'), 'Mark data drift N/A');
    assert.ok(withCode(check(fixed), 'RDY001').some((d) => messageText(d).includes('<reason>')), 'the placeholder is an error');
    assert.deepEqual(withCode(check(fixed.replace('<reason>', NA_FIX_REASON)), 'RDY001'), []);
  });

  it('keeps CRLF line ends in the inserted row', () => {
    const text = readFixture('drift/missing-concept.md').replace(/\n/g, '\r\n');
    const fixed = applyFix(text, onlyFinding(text, 'RDY301'));
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/);
    assert.deepEqual(withCode(check(fixed), 'RDY301'), []);
  });

  it('recognises drift types tolerantly', () => {
    for (const name of ['data drift', 'Data-drift', 'DATA_DRIFT', 'Covariate shift', 'Input drift (features)']) {
      const text = edit(VALID, '| Data drift |', `| ${name} |`);
      assert.deepEqual(withCode(check(text), 'RDY301'), [], name);
    }
    const text = edit(VALID, '| Concept drift |', '| Concept-drift (perf) |');
    assert.deepEqual(withCode(check(text), 'RDY301'), []);
  });

  it('accepts data drift marked N/A — calibration-only change with a justification in the row', () => {
    const text = readFixture('drift/na-row.md');
    for (const code of CODES) assert.deepEqual(withCode(check(text), code), [], code);
    for (const dash of ['–', '-', '--']) {
      const variant = edit(text, 'N/A — calibration', `N/A ${dash} calibration`);
      assert.deepEqual(withCode(check(variant), 'RDY301'), [], dash);
    }
    for (const marker of ['n/a (calibration-only change)', 'Not applicable — calibration-only change']) {
      const variant = edit(text, 'N/A — calibration-only change', marker);
      for (const code of CODES) assert.deepEqual(withCode(check(variant), code), [], `${marker} ${code}`);
    }
    // The justification may sit in another cell of the row.
    const elsewhere = edit(
      text,
      /N\/A — calibration-only change: [^|]*\| — \|/,
      'N/A — calibration-only change | only the isotonic map changes, features untouched |',
    );
    assert.deepEqual(withCode(check(elsewhere), 'RDY301'), []);
  });

  it('leaves a missing Window or Threshold column to RDY004, once for the table', () => {
    for (const [column, index] of [['Window', 3], ['Threshold', 4]] as const) {
      const lines = VALID.split('\n');
      const header = lines.findIndex((line) => line.startsWith('| Drift type |'));
      for (let i = header; lines[i]?.startsWith('|'); i++) lines[i] = lines[i].split('|').filter((_, k) => k !== index).join('|');
      const text = lines.join('\n');
      assert.deepEqual(withCode(check(text), 'RDY302'), [], column);
      assert.equal(withCode(check(text), 'RDY004').length, 1, column);
    }
  });

  it('accepts the N/A mark with its justification on one prose line', () => {
    const text = readFixture('drift/na-prose.md');
    for (const code of CODES) assert.deepEqual(withCode(check(text), code), [], code);
  });

  it('reports an N/A data drift without justification on the N/A mark', () => {
    const text = edit(VALID, DATA_ROW, '| Data drift | N/A — calibration-only change | — | — | — |');
    const diags = withCode(check(text), 'RDY301');
    assert.equal(diags.length, 1);
    assert.equal(at(diags[0].range), `${DATA_LINE}:15-${DATA_LINE}:44`);
    assert.equal(textAt(text, diags[0].range), 'N/A — calibration-only change');
    assert.match(messageText(diags[0]), /without a justification/);
    // No RDY302/RDY303 on an N/A row: one diagnostic for one problem.
    assert.deepEqual(withCode(check(text), 'RDY302'), []);
    assert.deepEqual(withCode(check(text), 'RDY303'), []);

    const prose = edit(readFixture('drift/na-prose.md'), /Data drift: N\/A — calibration-only change;.*\n/, 'Data drift is marked N/A — calibration-only change.\n');
    const proseDiags = withCode(check(prose), 'RDY301');
    assert.equal(proseDiags.length, 1);
    assert.equal(textAt(prose, proseDiags[0].range), 'N/A — calibration-only change');
  });

  it('stays silent when the justification is still a template placeholder (RDY001 reports it)', () => {
    const text = edit(VALID, DATA_ROW, '| Data drift | N/A — calibration-only change: <why> | — | — | — |');
    assert.deepEqual(withCode(check(text), 'RDY301'), []);
    assert.equal(withCode(check(text), 'RDY001').length, 1);
  });

  it('reports concept drift marked N/A', () => {
    const text = edit(VALID, /\| Concept drift \|.*\|/, '| Concept drift | N/A — calibration-only change: no label change | — | — | — |');
    const diags = withCode(check(text), 'RDY301');
    assert.equal(diags.length, 1);
    assert.equal(textAt(text, diags[0].range), 'N/A — calibration-only change');
    assert.match(messageText(diags[0]), /Concept drift cannot be marked N\/A/);
  });

  it('option dataDriftKeywords decides which row is data drift', () => {
    const text = edit(VALID, '| Data drift |', '| Input shift |');
    assert.equal(withCode(check(text), 'RDY301').length, 1);
    const config = { rules: { RDY301: { dataDriftKeywords: ['input shift'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY301'), []);
  });

  it('option conceptDriftKeywords decides which row is concept drift', () => {
    const text = edit(VALID, '| Concept drift |', '| Outcome decay |');
    assert.equal(withCode(check(text), 'RDY301').length, 1);
    const config = { rules: { 'drift-rows': { conceptDriftKeywords: ['outcome decay'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY301'), []);
  });
});

describe('RDY302 drift-threshold-window (D2)', () => {
  it('reports a threshold without a crit level on the Threshold cell', () => {
    const text = edit(VALID, 'PSI > 0.2 (warn), PSI > 0.5 (crit)', 'PSI > 0.2 (warn)');
    const diags = withCode(check(text), 'RDY302');
    assert.equal(diags.length, 1);
    assert.equal(textAt(text, diags[0].range), 'PSI > 0.2 (warn)');
    assert.equal(diags[0].range.start.line, DATA_LINE);
    assert.match(messageText(diags[0]), /Data drift row's Threshold gives no crit level/);
    assert.match(messageText(diags[0]), /PSI > 0.2 \(warn\), PSI > 0.5 \(crit\)/);
  });

  it('reports a threshold with neither level, and an empty one', () => {
    const neither = edit(VALID, 'gap > 0.05 (warn), gap > 0.10 (crit)', 'gap > 0.05');
    const diags = withCode(check(neither), 'RDY302');
    assert.equal(diags.length, 1);
    assert.equal(textAt(neither, diags[0].range), 'gap > 0.05');
    assert.match(messageText(diags[0]), /neither a warn nor a crit/);

    const empty = edit(VALID, '| gap > 0.05 (warn), gap > 0.10 (crit) |', '|  |');
    const emptyDiags = withCode(check(empty), 'RDY302');
    assert.equal(emptyDiags.length, 1);
    assert.equal(at(emptyDiags[0].range).split('-')[0], `${CONCEPT_LINE}:0`);
    assert.match(messageText(emptyDiags[0]), /is empty/);
  });

  it('reports an empty Window on the row', () => {
    const text = edit(VALID, '| 14d window, per crypto |', '| — |');
    const diags = withCode(check(text), 'RDY302');
    assert.equal(diags.length, 1);
    assert.equal(diags[0].range.start.line, CONCEPT_LINE);
    assert.equal(textAt(text, diags[0].range), '—');
    assert.match(messageText(diags[0]), /Concept drift row has no Window/);
  });

  it('accepts warn / crit written as a value pair, and other labels', () => {
    for (const threshold of ['PSI 0.2 / 0.5', 'PSI > 0.2 (warning), PSI > 0.5 (critical)', 'warn PSI > 0.2; crit PSI > 0.5']) {
      const text = edit(VALID, 'PSI > 0.2 (warn), PSI > 0.5 (crit)', threshold);
      assert.deepEqual(withCode(check(text), 'RDY302'), [], threshold);
    }
  });

  it('stays silent on a threshold still holding a placeholder', () => {
    const text = edit(VALID, 'PSI > 0.2 (warn), PSI > 0.5 (crit)', '`<threshold>`');
    assert.deepEqual(withCode(check(text), 'RDY302'), []);
  });

  it('options warnKeywords and critKeywords name the levels', () => {
    const text = edit(VALID, 'PSI > 0.2 (warn), PSI > 0.5 (crit)', 'PSI > 0.2 (amber), PSI > 0.5 (red)');
    assert.equal(withCode(check(text), 'RDY302').length, 1);
    const defaults = driftThresholdWindowRule.defaultOptions!;
    const warnOnly = { rules: { RDY302: { warnKeywords: [...defaults.warnKeywords, 'amber'] } } };
    assert.match(messageText(withCode(check(text, { config: warnOnly }), 'RDY302')[0]), /no crit level/);
    const both = { rules: { RDY302: { warnKeywords: [...defaults.warnKeywords, 'amber'], critKeywords: [...defaults.critKeywords, 'red'] } } };
    assert.deepEqual(withCode(check(text, { config: both }), 'RDY302'), []);
  });
});

describe('RDY303 drift-no-silent-retrain (D3)', () => {
  it('reports silent / automatic retraining on the action cell, citing ADR-25', () => {
    const text = readFixture('drift/silent-retrain.md');
    const diags = withCode(check(text), 'RDY303');
    assert.equal(diags.length, 1);
    assert.equal(textAt(text, diags[0].range), 'auto-retrain on the last 30d and hot-swap the model silently');
    assert.match(messageText(diags[0]), /ADR-25/);
    assert.match(messageText(diags[0]), /"auto-retrain", "hot-swap", "silently"/);
    assert.match(messageText(diags[0]), /drift_alert/);
  });

  it('reports the CVN-N015-CAL-S01 example, which auto-retrains', () => {
    const text = readExample('documentation/readiness/CVN-N015-CAL-S01.md');
    assert.equal(withCode(check(text), 'RDY303').length, 1);
    assert.deepEqual(withCode(check(text), 'RDY301'), []);
  });

  it('recognises spelling variants of automatic retraining', () => {
    for (const action of ['retrain automatically, then page', 'page; automatic retraining nightly', 'self-healing pipeline retrains', 'Auto Retrain + alert']) {
      const text = edit(VALID, CONCEPT_ACTION, action);
      assert.equal(withCode(check(text), 'RDY303').length, 1, action);
    }
  });

  it('accepts a human decision and negated automation', () => {
    for (const action of ['retrain candidate, hold live', 'page the DRI; no auto-retrain', 'open a drift_alert runbook entry, never retrain automatically']) {
      const text = edit(VALID, CONCEPT_ACTION, action);
      assert.deepEqual(withCode(check(text), 'RDY303'), [], action);
    }
  });

  it('reports an action that reaches nobody, and an empty one', () => {
    const text = edit(VALID, CONCEPT_ACTION, 'retrain weekly');
    const diags = withCode(check(text), 'RDY303');
    assert.equal(diags.length, 1);
    assert.equal(textAt(text, diags[0].range), 'retrain weekly');
    assert.match(messageText(diags[0]), /neither alerts, pages nor opens a runbook entry/);

    const empty = edit(VALID, `| ${CONCEPT_ACTION} |`, '| |');
    const emptyDiags = withCode(check(empty), 'RDY303');
    assert.equal(emptyDiags.length, 1);
    assert.equal(emptyDiags[0].range.start.line, CONCEPT_LINE);
    assert.match(messageText(emptyDiags[0]), /no Action on trigger/);
  });

  it('option silentRetrainKeywords', () => {
    const text = edit(VALID, CONCEPT_ACTION, 'page on-call; roll forward to the retrained model');
    assert.deepEqual(withCode(check(text), 'RDY303'), []);
    const config = { rules: { RDY303: { silentRetrainKeywords: ['roll forward'] } } };
    assert.equal(withCode(check(text, { config }), 'RDY303').length, 1);
  });

  it('option alertKeywords', () => {
    const text = edit(VALID, CONCEPT_ACTION, 'post in #ml-drift');
    assert.equal(withCode(check(text), 'RDY303').length, 1);
    const config = { rules: { RDY303: { alertKeywords: [...driftNoSilentRetrainRule.defaultOptions!.alertKeywords, 'post in'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY303'), []);
  });

  it('option humanDecisionKeywords', () => {
    const text = edit(VALID, CONCEPT_ACTION, 'retrain candidate, freeze champion');
    assert.equal(withCode(check(text), 'RDY303').length, 1);
    const config = { rules: { RDY303: { humanDecisionKeywords: [...driftNoSilentRetrainRule.defaultOptions!.humanDecisionKeywords, 'freeze champion'] } } };
    assert.deepEqual(withCode(check(text, { config }), 'RDY303'), []);
  });
});

describe('drift fixes apply cleanly', () => {
  it('applyEdits of the template-row fix inserts exactly one line', () => {
    const text = readFixture('drift/missing-concept.md');
    const fix = onlyFinding(text, 'RDY301').fixes[0];
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed.split('\n').length, text.split('\n').length + 1);
    assert.equal(insertedLines(text, fixed)[0], CONCEPT_LINE);
  });
});
