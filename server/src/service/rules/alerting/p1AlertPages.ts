import { hasPlaceholder } from '../../facts/document';
import { defineRule } from '../types';
import { alertRows, matchChoice, splitChannels } from '../../facts/alerting/alertTable';
import { alertValuesRule } from './alertValues';
import { stringList } from '../../util/optionSchemas';
import { sayEither } from '../../util/say';

export interface PagingOptions {
  /** The severity that must page on-call. */
  pagingSeverity: string;
  /** Channels that page on-call; the first is what the quick fixes write. */
  pagingChannels: string[];
}

export const p1AlertPagesRule = defineRule<PagingOptions>({
  code: 'RDY203',
  name: 'p1-alert-pages',
  requirements: ['A3'],
  section: 'alerting',
  severity: 'warning',
  summary: 'A P1 alert pages on-call: its Notification channel is Pagerduty.',
  rationale:
    'The template defines P1 as "page on-call" for the failure that would cause silent revenue loss. A P1 sent to Slack or e-mail ' +
    'is read hours later, which is the silent failure ADR-25 forbids.',
  fixHint: 'Set the channel of every P1 alert to Pagerduty (quick fix), or lower its severity if it should not wake anyone.',
  defaultOptions: { pagingSeverity: 'P1', pagingChannels: ['Pagerduty'] },
  optionsSchema: {
    pagingSeverity: { type: 'string', description: 'The severity whose alerts must page on-call.', default: 'P1' },
    pagingChannels: stringList('Channels that page on-call; the first one is what the quick fixes write.'),
  },
  check({ document, options, optionsOf, report }) {
    const allowed = optionsOf(alertValuesRule).channels;
    const pager = options.pagingChannels[0] ?? 'Pagerduty';
    for (const { alert, severity, channel } of alertRows(document)) {
      if (!severity || !channel || hasPlaceholder(document, severity) || hasPlaceholder(document, channel)) continue;
      if (!matchChoice(severity.value, [options.pagingSeverity])) continue;
      const parts = splitChannels(channel.value);
      // An empty or unknown channel is RDY202's finding, with its own fixes.
      if (!parts.length || parts.some((part) => !matchChoice(part, allowed))) continue;
      if (parts.some((part) => matchChoice(part, options.pagingChannels))) continue;
      const name = alert?.value ? `${options.pagingSeverity} alert "${alert.value}"` : `This ${options.pagingSeverity} alert`;
      report({
        range: channel.range,
        message: `${name} notifies by ${channel.value}, which does not page on-call: write ${sayEither(options.pagingChannels)}.`,
        // Not safe: the channel says how the alert is wired, which only the author can change and confirm.
        fixes: [{ title: `Replace with ${pager}`, isPreferred: true, safe: false, edits: [{ range: channel.range, newText: pager }] }],
      });
    }
  },
});
