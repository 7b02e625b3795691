import { defineRule } from '../types';
import { driftRowsRule } from './driftRows';
import { driftAnalysis, rowName } from '../../facts/drift/driftTable';
import { cellOrRow, isHeld } from '../../facts/document';
import { findPhrases, hasPhrase, isBlankValue } from '../../util/phrases';
import { stringList } from '../../util/optionSchemas';

interface ActionOptions {
  alertKeywords: string[];
  humanDecisionKeywords: string[];
  silentRetrainKeywords: string[];
}

export const driftNoSilentRetrainRule = defineRule<ActionOptions>({
  code: 'RDY303',
  name: 'drift-no-silent-retrain',
  requirements: ['D3'],
  section: 'drift',
  severity: 'error',
  summary: 'Triggered drift alerts, pages or opens a `drift_alert` runbook entry; it never retrains silently or automatically.',
  rationale:
    'The template: "Triggered drift produces a `drift_alert` runbook entry, NOT silent retraining (ADR-25 no silent fallback)". A model ' +
    'that retrains and swaps itself hides the very drift the section exists to surface, and ships an unreviewed model to live traffic.',
  fixHint: 'Write an action a human sees, e.g. `open a drift_alert runbook entry; page on crit`; a retrain may only produce a candidate a human promotes.',
  defaultOptions: {
    alertKeywords: ['drift_alert', 'alert', 'page', 'paging', 'pagerduty', 'on-call', 'oncall', 'runbook', 'notify', 'notification', 'slack'],
    humanDecisionKeywords: [
      'hold live',
      'human review',
      'manual review',
      'DRI review',
      'DRI decides',
      'operator decides',
      'human decides',
      'manual approval',
      'operator approval',
    ],
    silentRetrainKeywords: [
      'auto-retrain',
      'retrain automatically',
      'retrained automatically',
      'automatic retrain',
      'automatically retrain',
      'automated retrain',
      'silently',
      'silent retrain',
      'self-heal',
      'hot-swap',
      'auto-deploy',
      'auto-promote',
    ],
  },
  optionsSchema: {
    alertKeywords: stringList('Words showing the action reaches a human: an alert, a page, a runbook entry.'),
    humanDecisionKeywords: stringList('Words showing a human decides before anything changes live (the template\'s "retrain candidate, hold live").'),
    silentRetrainKeywords: stringList('Words of silent or automatic retraining: always an error, unless negated ("no auto-retrain").'),
  },
  check({ document, options, optionsOf, report }) {
    const analysis = driftAnalysis(document, optionsOf(driftRowsRule));
    if (!analysis) return;
    for (const { row, notApplicable } of analysis.rows) {
      if (notApplicable) continue;
      const action = analysis.table.cell(row, 'Action on trigger');
      if (isHeld(document, action)) continue;
      const name = rowName(row);
      // The cell as shown (`auto\-retrain` exported from Google Docs is `auto-retrain`).
      const text = action?.value ?? '';
      const silent = findPhrases(text, options.silentRetrainKeywords);
      if (silent.length) {
        report({
          range: cellOrRow(action, row),
          message:
            `${name} retrains silently or automatically ("${silent.map((m) => m.text).join('", "')}"), which ADR-25 (no silent fallback) forbids: ` +
            'open a `drift_alert` runbook entry and page instead; a retrain may only produce a candidate a human promotes.',
        });
        continue;
      }
      if (isBlankValue(action?.value)) {
        report({
          range: cellOrRow(action, row),
          message: `${name} has no Action on trigger: write what reaches a human, e.g. \`open a drift_alert runbook entry; page on crit\`.`,
        });
        continue;
      }
      // "retrain candidate, hold live" is fine: nothing changes live until a human decides.
      if (hasPhrase(text, options.alertKeywords) || hasPhrase(text, options.humanDecisionKeywords)) continue;
      report({
        range: cellOrRow(action, row),
        message: `${name}'s Action on trigger neither alerts, pages nor opens a runbook entry: write e.g. \`open a drift_alert runbook entry; page on crit\`.`,
      });
    }
  },
});
