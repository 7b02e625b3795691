import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { perObject } from '../../facts/fact';
import { hasPlaceholder } from '../../facts/document';
import { defineRule } from '../types';
import { alertRows } from '../../facts/alerting/alertTable';
import { definedMetrics, metricsNamedIn } from '../../facts/monitoring/metricNames';
import { monitoringTable } from '../../facts/monitoring/monitoringTable';
import { CaseInsensitive, lowerAscii } from '../../util/regex';
import { stringList } from '../../util/optionSchemas';
import { findDurations } from '../../util/durations';
import { NUMBER_WORD_SOURCE } from '../../util/numbers';

export interface TriggerOptions {
  /** Words that introduce how long the condition must hold: `for 10 min`, `over 24h`. */
  durationWords: string[];
  /** Units that count evaluations rather than time: `over 3 consecutive runs`. */
  countUnits: string[];
}

const DEFAULT_DURATION_WORDS = ['for', 'over', 'within', 'during', 'in', 'in the last', 'in the past', 'across', 'rolling', 'sustained for', 'sustained'];
const DEFAULT_COUNT_UNITS = ['runs', 'checks', 'evaluations', 'cycles', 'bars', 'samples', 'intervals', 'windows', 'scrapes', 'trades', 'batches'];

const escape = (text: string) => lowerAscii(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

interface TriggerPatterns {
  /** The duration words right before a duration: `for `, `over the last `. */
  lead: CaseInsensitive | undefined;
  /** `over 3 consecutive runs`. */
  counts: CaseInsensitive | undefined;
}

/** The patterns of a set of options, built once per options object (rules run per row). */
const patternsFor = perObject((options: TriggerOptions): TriggerPatterns => {
  const words = [...options.durationWords].sort((a, b) => b.length - a.length).map(escape).join('|');
  const counts = options.countUnits.map(escape).join('|');
  const number = String.raw`(?:\d+(?:[.,]\d+)?|${NUMBER_WORD_SOURCE})`;
  const amount = String.raw`(?:the\s+)?(?:(?:last|past)\s+)?(?:(?:>=|≥|>|at\s+least)\s*)?${number}`;
  // `over 3 consecutive runs`, `for three checks`, `in 3 of the last 5 bars`.
  const outOf = String.raw`(?:(?:of|out\s+of)\s+(?:the\s+)?(?:last\s+)?${number}\s+)?`;
  return {
    // Matched without `i` on the lower-cased trigger where that is the same (util/regex.ts).
    lead: words ? new CaseInsensitive(String.raw`(?<![\w-])(?:${words})\s+(?:the\s+)?(?:(?:last|past)\s+)?$`, '') : undefined,
    counts: words && counts ? new CaseInsensitive(String.raw`(?<![\w-])(?:${words})\s+${amount}\s+${outOf}(?:consecutive\s+)?(?:${counts})\b`, '') : undefined,
  };
});

/**
 * Whether a trigger says how long its condition must hold: a duration (any form util/durations
 * reads: `10 min`, `one hour`, `a day`, `10–15 min`, `≥ 30 min`) after a duration word (`for`,
 * `over the last`), a duration before `window`, or a count of evaluations (`over 3 consecutive runs`).
 * A comparison with a time value (`latency > 30 min`) is not one.
 */
export function hasDuration(trigger: string, options: TriggerOptions): boolean {
  const { lead, counts } = patternsFor(options);
  if (counts?.test(trigger)) return true;
  return findDurations(trigger).some((duration) => {
    const after = trigger.slice(duration.start + duration.text.length);
    if (/^[\s-]*(?:rolling\s+)?window\b/i.test(after)) return true;
    return lead !== undefined && (lead.test(trigger.slice(0, duration.start)) || lead.test(trigger.slice(0, duration.valueStart)));
  });
}

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
