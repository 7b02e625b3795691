import { hasPlaceholder } from '../../facts/document';
import { defineRule, type Finding } from '../types';
import { metricRows, nameHasKeyword } from '../../facts/monitoring/monitoringTable';
import { appendSampleRows, sampleName, type SampleMetric } from '../../facts/monitoring/sampleRows';
import { stringList } from '../../util/optionSchemas';

export interface MetricEncouragedOptions {
  pipelineKeywords: string[];
  costKeywords: string[];
}

const PIPELINE_SAMPLE: SampleMetric = {
  metric: 'feature_distribution_shift_per_fold',
  type: 'gauge',
  source: 'OpenTelemetry span',
};
const COST_SAMPLE: SampleMetric = { metric: 'api_calls_per_trade', type: 'gauge', source: 'Prometheus' };

export const metricEncouragedRule = defineRule<MetricEncouragedOptions>({
  code: 'RDY118',
  name: 'metric-encouraged',
  requirements: ['M8'],
  section: 'monitoring',
  severity: 'information',
  summary: '§1 is encouraged to have an internal-pipeline metric and a cost metric.',
  rationale:
    'The template strongly encourages them for components known to fail silently: feature-selection variance would have caught ' +
    '#706, prediction-capture rate per fold #700/#701; cost monitoring (API calls per trade, compute $ per training run, MLflow ' +
    'storage growth) is the recommended health metric. Silent failures are what ADR-25 forbids.',
  fixHint: 'Add an internal-pipeline metric (e.g. `feature_distribution_shift_per_fold`) and a cost metric (e.g. `api_calls_per_trade`).',
  defaultOptions: {
    pipelineKeywords: [
      'feature distribution',
      'filter pass rate',
      'pass rate',
      'selection variance',
      'variance dispersion',
      'capture rate',
      'fold',
      'per stage',
    ],
    costKeywords: ['cost', 'api calls', 'api call', 'compute', 'storage', 'spend', 'billing', 'dollar', '$'],
  },
  optionsSchema: {
    pipelineKeywords: stringList('A metric whose name contains one of these is an internal-pipeline metric (case, spaces, dots, dashes and underscores ignored).'),
    costKeywords: stringList('A metric whose name contains one of these is a cost metric (case, spaces, dots, dashes and underscores ignored).'),
  },
  check({ document, options, report }) {
    // No new metric at all is RDY117's concern, not a missing encouragement.
    const found = metricRows(document);
    if (!found) return;
    const { table, rows } = found;
    const names = rows
      .map((row) => table.cell(row, 'Metric'))
      .filter((cell) => cell && cell.value && !hasPlaceholder(document, cell))
      .map((cell) => cell!.value);
    const kinds = [
      {
        keywords: options.pipelineKeywords ?? [],
        sample: PIPELINE_SAMPLE,
        message: (example: string) =>
          `§1 has no internal-pipeline metric (feature distributions per fold, filter pass rates per stage, feature-selection ` +
          `variance, prediction-capture rate): the template strongly encourages one for components that fail silently, e.g. ${example}.`,
        title: 'Add an internal-pipeline metric row',
      },
      {
        keywords: options.costKeywords ?? [],
        sample: COST_SAMPLE,
        message: (example: string) =>
          `§1 has no cost metric (API calls per trade, compute $ per training run, MLflow storage growth): the template ` +
          `recommends one as a health metric, e.g. ${example}.`,
        title: 'Add a cost metric row',
      },
    ];
    for (const kind of kinds) {
      if (!kind.keywords.length || names.some((name) => nameHasKeyword(name, kind.keywords))) continue;
      const name = sampleName(document, kind.sample.metric, kind.keywords, (n) => nameHasKeyword(n, kind.keywords));
      const finding: Finding = {
        range: table.header.range,
        message: kind.message(name ? `\`${name}\`` : 'a metric named after what it measures'),
        fixes: name ? [{ title: `${kind.title} (${name})`, edits: [appendSampleRows(document, table, [{ ...kind.sample, metric: name }])] }] : [],
      };
      report(finding);
    }
  },
});
