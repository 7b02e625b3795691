import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { hasPlaceholder } from '../../facts/document';
import { defineRule } from '../types';
import { alertRows } from '../../facts/alerting/alertTable';
import { definedMetrics, metricsNamedIn } from '../../facts/monitoring/metricNames';
import { monitoringTable } from '../../facts/monitoring/monitoringTable';
import { stringList } from '../../util/optionSchemas';
import { hasDuration, type TriggerOptions } from '../../facts/alerting/triggerDuration';

const DEFAULT_DURATION_WORDS = ['for', 'over', 'within', 'during', 'in', 'in the last', 'in the past', 'across', 'rolling', 'sustained for', 'sustained'];
const DEFAULT_COUNT_UNITS = ['runs', 'checks', 'evaluations', 'cycles', 'bars', 'samples', 'intervals', 'windows', 'scrapes', 'trades', 'batches'];

export const alertTriggerRule = defineRule<TriggerOptions>({
  code: 'RDY204',
  name: 'alert-trigger',
  requirements: ['A4'],
  section: 'alerting',
  severity: 'warning',
  summary: 'Each trigger names a metric defined in §1 and says for how long the condition must hold.',
  rationale:
    'An alert watches the threshold metrics of §1 ("Threshold metrics from §1 that trigger pages"): a trigger on a metric nobody ' +
    'emits never fires, and one without a duration pages on every blip until the on-call mutes it — both end in silent failure (ADR-25, ADR-30).',
  fixHint: 'Write the trigger as `<§1 metric> <comparison> <value> for <duration>`, e.g. `expectancy_net_realized < 0 over 24h`.',
  defaultOptions: { durationWords: DEFAULT_DURATION_WORDS, countUnits: DEFAULT_COUNT_UNITS },
  optionsSchema: {
    durationWords: stringList('Words that introduce a duration in a trigger (`for 10 min`, `over 24h`).'),
    countUnits: stringList('Units that count evaluations instead of time (`over 3 consecutive runs`).'),
  },
  check({ document, options, workspace, documentPath, report }) {
    const metrics = definedMetrics(document, true);
    const table = monitoringTable(document)?.table;
    // Built when first reported (a file URI is not free), then shared by the findings.
    let relatedLinks: DiagnosticRelatedInformation[] | undefined;
    const related = () =>
      documentPath && table
        ? (relatedLinks ??= [{ location: { uri: workspace.uriOf(documentPath), range: table.range }, message: 'Metrics defined in §1' }])
        : undefined;
    const example = `\`${metrics[0]?.identifier ?? 'expectancy_net'} < 0 over 24h\``;
    for (const { alert, trigger } of alertRows(document)) {
      if (!trigger || hasPlaceholder(document, trigger)) continue;
      const name = alert?.value ? ` of "${alert.value}"` : '';
      if (!trigger.value) {
        report({
          range: trigger.range,
          message: `The trigger${name} is empty: write the condition on a §1 metric and how long it must hold, e.g. ${example}.`,
          related: related(),
        });
        continue;
      }
      // With no metric in §1 there is nothing to compare with (§1's own rules report that).
      if (metrics.length && !metricsNamedIn(trigger.value, metrics).length) {
        const known = metrics.slice(0, 4).map((metric) => `\`${metric.identifier}\``).join(', ');
        report({
          range: trigger.range,
          message:
            `The trigger${name} names no metric defined in §1: write the condition on one of them (${known}${metrics.length > 4 ? ', …' : ''}) ` +
            'or add the metric to §1.',
          related: related(),
        });
      }
      if (!hasDuration(trigger.value, options)) {
        report({
          range: trigger.range,
          message: `The trigger${name} has no duration: say how long the condition must hold, e.g. "for 10 min" or "over 24h".`,
        });
      }
    }
  },
});
