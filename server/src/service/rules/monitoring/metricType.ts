import { defineRule, type Fix } from '../types';
import { columnCells } from '../../facts/monitoring/monitoringTable';
import { cachedRegExp } from '../../util/regex';
import { sayEither } from '../../util/say';
import { blankEmoji } from '../../util/emoji';

export interface MetricTypeOptions {
  types: string[];
}

export const metricTypeRule = defineRule<MetricTypeOptions>({
  code: 'RDY111',
  name: 'metric-type',
  requirements: ['M1'],
  section: 'monitoring',
  severity: 'error',
  summary: 'Each §1 metric\'s Type is exactly one of counter, gauge or histogram.',
  rationale:
    'The type decides how a panel aggregates the metric and how an alert threshold reads it: a rate over a counter, a level ' +
    'of a gauge, a quantile of a histogram. Metrics are emitted per ADR-30 (tagged with the FTF factor / variant id); an ' +
    'unknown or mixed type means nobody knows what the dashboard or the alert actually measures.',
  fixHint: 'Write one of counter, gauge or histogram in the Type cell (a quick fix offers each).',
  defaultOptions: { types: ['counter', 'gauge', 'histogram'] },
  optionsSchema: {
    types: { type: 'array', items: { type: 'string' }, description: 'The accepted metric types (compared case-insensitively).' },
  },
  check({ document, options, report }) {
    const types = options.types.filter((type) => type.trim() !== '');
    if (!types.length) return;
    const choices = sayEither(types);
    for (const { row, cell } of columnCells(document, 'Type')) {
      if (!cell) {
        report({ range: row.range, message: `This metric row has no Type cell: add one holding ${choices}.` });
        continue;
      }
      const value = blankEmoji(cell.value).trim();
      if (types.some((type) => type.toLowerCase() === value.toLowerCase())) continue;
      const named = types.filter((type) => cachedRegExp(`\\b${escape(type)}s?\\b`, 'i').test(value));
      const message = !value
        ? `The metric's Type is empty: write ${choices}.`
        : named.length > 1
          ? `Type "${value}" names several types: keep exactly one of ${choices}.`
          : `Type "${value}" is not a metric type: write exactly ${choices}.`;
      // The type the author evidently meant ("Histogram (ms)") comes first and alone may be applied unattended.
      const ordered = named.length === 1 ? [named[0], ...types.filter((type) => type !== named[0])] : types;
      const fixes: Fix[] = ordered.map((type, index) => ({
        title: `Replace with ${type}`,
        isPreferred: named.length === 1 && index === 0,
        safe: named.length === 1 && index === 0,
        edits: [{ range: cell.range, newText: type }],
      }));
      report({ range: cell.range, message, fixes });
    }
  },
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
