import { defineRule } from '../types';
import { columnCells } from '../../facts/monitoring/monitoringTable';
import { inverted, readThreshold } from '../../facts/monitoring/thresholds';

export interface MetricThresholdOptions {
  warnWords: string[];
  critWords: string[];
  /** Also report a warn value that lies past the crit value (`> 0.5 / > 0.2`). */
  checkOrder: boolean;
}

const EXAMPLE = '"> 0.2 / > 0.5" or "warn 200ms, crit 500ms"';

export const metricThresholdRule = defineRule<MetricThresholdOptions>({
  code: 'RDY114',
  name: 'metric-threshold',
  requirements: ['M4'],
  section: 'monitoring',
  severity: 'error',
  summary: 'Each §1 metric\'s Threshold gives both a warn and a crit value.',
  rationale:
    'The warn value is the early signal, the crit value is what pages (§2 turns §1 thresholds into alerts). A metric with a single ' +
    'or no threshold either pages too late or never: exactly the silent degradation the template exists to prevent (ADR-25, no ' +
    'silent fallback).',
  fixHint: 'Write the warn value, a slash, then the crit value (`> 0.2 / > 0.5`), or label them: `warn 200ms, crit 500ms`.',
  defaultOptions: { warnWords: ['warn', 'warning', 'W'], critWords: ['crit', 'critical', 'C'], checkOrder: true },
  optionsSchema: {
    warnWords: { type: 'array', items: { type: 'string' }, description: 'Words that label the warn value (a one-letter one only as a label: `W: 250 ms`).' },
    critWords: { type: 'array', items: { type: 'string' }, description: 'Words that label the crit value (a one-letter one only as a label: `C > 500 ms`).' },
    checkOrder: {
      type: 'boolean',
      description: 'Also report a warn value past the crit value (`> 0.5 / > 0.2`), when both compare the same way in the same unit.',
    },
  },
  check({ document, options, report }) {
    for (const { row, cell } of columnCells(document, 'Threshold')) {
      if (!cell) {
        report({ range: row.range, message: `This metric row has no Threshold cell: add one with a warn and a crit value, e.g. ${EXAMPLE}.` });
        continue;
      }
      const value = cell.value.trim();
      if (!value) {
        report({ range: cell.range, message: `The metric has no Threshold: write a warn and a crit value, e.g. ${EXAMPLE}.` });
        continue;
      }
      const reading = readThreshold(value, { warn: options.warnWords ?? [], crit: options.critWords ?? [] });
      const { warn, crit } = reading;
      if (warn && crit) {
        if (options.checkOrder && inverted(reading)) {
          const way = warn.bound!.comparator === '>' ? 'above' : 'below';
          report({
            range: cell.range,
            message:
              `Threshold "${value}" has its crit value (${crit.bound!.number}) before the warn value (${warn.bound!.number}): ` +
              `crit must be at or ${way} warn. Swap them, warn first: warn / crit.`,
          });
        }
        continue;
      }
      let message: string;
      if (!warn && !crit) message = `Threshold "${value}" gives no value: write a warn and a crit value, e.g. ${EXAMPLE}.`;
      else if (!reading.labelled) message = `Threshold "${value}" gives a single value: write both warn and crit, e.g. ${EXAMPLE}.`;
      else if (!crit) message = `Threshold "${value}" gives a warn value but no crit value: add the crit value, e.g. ${EXAMPLE}.`;
      else message = `Threshold "${value}" gives a crit value but no warn value: add the warn value, e.g. ${EXAMPLE}.`;
      report({ range: cell.range, message });
    }
  },
});
