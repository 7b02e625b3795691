import { defineRule } from '../types';
import { driftRowsRule } from './driftRows';
import { driftAnalysis, rowName } from '../../facts/drift/driftTable';
import { cellOrRow, isHeld } from '../../facts/document';
import { hasPhrase, isBlankValue } from '../../util/phrases';

interface ThresholdOptions {
  warnKeywords: string[];
  critKeywords: string[];
}

/** A window still to be chosen says no more than an empty one. */
const POSTPONED = /^\s*(?:tbd|tbc|todo|\?+|to\s+be\s+(?:decided|defined|confirmed|chosen))\s*[.!]?\s*$/i;

// `0.2 / 0.5`: two values side by side, read as warn / crit like §1's "Threshold (warn / crit)".
const VALUE_PAIR = /\d(?:[.,]\d+)?\s*%?\s*\/\s*(?:[<>≤≥=]=?)?\s*[-−]?\d/;

export const driftThresholdWindowRule = defineRule<ThresholdOptions>({
  code: 'RDY302',
  name: 'drift-threshold-window',
  requirements: ['D2'],
  section: 'drift',
  severity: 'error',
  summary: 'Every drift row has a Window and a Threshold with both a warn and a crit value.',
  rationale:
    'A drift signal without a window cannot be reproduced, and one without two levels either pages on noise or stays silent until ' +
    'the damage is done: the warn level opens a `drift_alert` entry, the crit level pages (ADR-25 no silent fallback, ADR-30 metrics).',
  fixHint: 'Write the window (e.g. `rolling 7d vs training`) and both levels, e.g. `PSI > 0.2 (warn), PSI > 0.5 (crit)`.',
  defaultOptions: { warnKeywords: ['warn', 'warning'], critKeywords: ['crit', 'critical'] },
  optionsSchema: {
    warnKeywords: { description: 'Words that label the warn level in a Threshold cell.', type: 'array', items: { type: 'string' } },
    critKeywords: { description: 'Words that label the crit level in a Threshold cell.', type: 'array', items: { type: 'string' } },
  },
  check({ document, options, optionsOf, report }) {
    const analysis = driftAnalysis(document, optionsOf(driftRowsRule));
    if (!analysis) return;
    for (const { row, notApplicable } of analysis.rows) {
      if (notApplicable) continue; // an N/A row has no window or threshold (RDY301 judges it)
      const name = rowName(row);
      const window = analysis.table.cell(row, 'Window');
      // A column the table lacks is RDY004's, once for the table, not once per row.
      if (analysis.table.hasColumn('Window') && (isBlankValue(window?.value) || POSTPONED.test(window?.value.replace(/[`*_]/g, '') ?? '')) && !isHeld(document, window)) {
        report({
          range: cellOrRow(window, row),
          message: `${name} has no Window: write the period the drift is measured over, e.g. \`rolling 7d vs training\` or \`14d window, per crypto\`.`,
        });
      }
      const threshold = analysis.table.cell(row, 'Threshold');
      if (!analysis.table.hasColumn('Threshold') || isHeld(document, threshold)) continue;
      const value = threshold?.value ?? '';
      const hasWarn = hasPhrase(value, options.warnKeywords, true);
      const hasCrit = hasPhrase(value, options.critKeywords, true);
      if ((hasWarn && hasCrit) || VALUE_PAIR.test(value)) continue;
      const missing = isBlankValue(value) ? 'is empty' : !hasWarn && !hasCrit ? 'gives neither a warn nor a crit level' : hasWarn ? 'gives no crit level' : 'gives no warn level';
      report({
        range: cellOrRow(threshold, row),
        message: `${name}'s Threshold ${missing}: write both, e.g. \`PSI > 0.2 (warn), PSI > 0.5 (crit)\`.`,
      });
    }
  },
});
