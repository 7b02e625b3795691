import { hasPlaceholder } from '../../facts/document';
import { defineRule } from '../types';
import {
  classifyMetric,
  DEFAULT_METRIC_CLASS_OPTIONS,
  metricKeywordsFromOptions,
  type MetricClass,
  type MetricClassOptions,
} from '../../facts/monitoring/metricClasses';
import { metricRows } from '../../facts/monitoring/monitoringTable';
import { appendSampleRows, CLASS_SAMPLES, sampleName } from '../../facts/monitoring/sampleRows';
import { stringList } from '../../util/optionSchemas';

const CLASSES: MetricClass[] = ['prediction', 'outcome', 'health'];

export const metricClassesRule = defineRule<MetricClassOptions>({
  code: 'RDY116',
  name: 'metric-classes',
  requirements: ['M6'],
  section: 'monitoring',
  severity: 'error',
  summary: '§1 defines at least one prediction-rate, one outcome and one health metric.',
  rationale:
    'The template\'s required minima for any new ML track: a prediction-rate metric shows the model still emits signals, an ' +
    'outcome metric shows they still earn, a health metric shows the pipeline still runs. Missing any one lets a failure stay ' +
    'silent (ADR-25, no silent fallback); the sign-off checklist\'s §1 box asks for all three (ADR-70).',
  fixHint: 'Add a row for the missing class (a quick fix inserts an example row to edit); a metric\'s class comes from keywords in its name.',
  defaultOptions: DEFAULT_METRIC_CLASS_OPTIONS,
  optionsSchema: {
    predictionKeywords: stringList('A metric whose name contains one of these (case-insensitive) is a prediction-rate metric. Empty: the class is not required.'),
    outcomeKeywords: stringList('A metric whose name contains one of these (case-insensitive) is an outcome metric. Empty: the class is not required.'),
    healthKeywords: stringList('A metric whose name contains one of these (case-insensitive) is a health metric. Empty: the class is not required.'),
  },
  check({ document, options, report }) {
    // An empty table is RDY117's case: it either names the covering metric (then nothing is missing) or gets one error there.
    const found = metricRows(document);
    if (!found) return;
    const { table, rows } = found;
    const keywords = metricKeywordsFromOptions(options);
    const present = new Set<MetricClass>();
    for (const row of rows) {
      const cell = table.cell(row, 'Metric');
      if (cell && cell.value && !hasPlaceholder(document, cell)) classifyMetric(cell.value, keywords).forEach((c) => present.add(c));
    }
    for (const cls of CLASSES) {
      if (present.has(cls) || !keywords[cls].length) continue;
      const { label, sample } = CLASS_SAMPLES[cls];
      const name = sampleName(document, sample.metric, keywords[cls], (n) => classifyMetric(n, keywords).includes(cls));
      const shown = keywords[cls].slice(0, 4).join(', ') + (keywords[cls].length > 4 ? ' …' : '');
      report({
        range: table.header.range,
        message:
          `§1 has no ${label} metric: add at least one row whose metric name contains ${withArticle(label)} keyword (${shown})` +
          (name ? `, e.g. \`${name}\`.` : '.'),
        fixes: name
          ? [{ title: `Add ${withArticle(label)} metric row (${name})`, edits: [appendSampleRows(document, table, [{ ...sample, metric: name }])] }]
          : [],
      });
    }
  },
});

function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}
