import type { Cell, ReadinessDocument } from '../../model';
import { hasPlaceholder } from '../../facts/document';
import { defineRule, type Finding, type Fix } from '../types';
import { ALERT_COLUMNS, alertRows, alertTable, choiceKey, matchChoice, replaceCell, splitChannels, type AlertRow } from '../../facts/alerting/alertTable';
import { stringList } from '../../util/optionSchemas';
import { sayEither } from '../../util/say';

export interface AlertValueOptions {
  severities: string[];
  channels: string[];
}

const DEFAULT_SEVERITIES = ['P1', 'P2', 'P3'];
const DEFAULT_CHANNELS = ['Pagerduty', 'Slack', 'email'];

export const alertValuesRule = defineRule<AlertValueOptions>({
  code: 'RDY202',
  name: 'alert-values',
  requirements: ['A2'],
  section: 'alerting',
  severity: 'error',
  summary: 'Each alert has a Severity of P1, P2 or P3 and a Notification channel of Pagerduty, Slack or email.',
  rationale:
    'Severity decides who is woken up and how fast; the channel decides whether anyone is told at all. Values outside the ' +
    'organisation\'s scale are not routed by the on-call tooling, so the alert fires into the void (ADR-25 no silent failure, ADR-70).',
  fixHint: 'Write one of the allowed values (the quick fixes offer each of them).',
  defaultOptions: { severities: DEFAULT_SEVERITIES, channels: DEFAULT_CHANNELS },
  optionsSchema: {
    severities: { type: 'array', items: { type: 'string' }, description: 'Allowed Severity values (compared case-insensitively).' },
    channels: stringList('Allowed Notification channel values (case-insensitive; several may be combined with +, comma, & or "and").'),
  },
  check({ document, options, report }) {
    const table = alertTable(document);
    for (const alert of alertRows(document)) {
      // A column the table lacks is RDY004's, once for the table, not once per row.
      if (table?.hasColumn(ALERT_COLUMNS.severity)) checkSeverity(document, alert, options.severities, report);
      if (table?.hasColumn(ALERT_COLUMNS.channel)) checkChannel(document, alert, options.channels, report);
    }
  },
});

function checkSeverity(document: ReadinessDocument, { row, severity }: AlertRow, allowed: string[], report: (f: Finding) => void) {
  if (!severity) {
    if (row.cells.length) report({ range: row.range, message: `This alert has no Severity cell: add one with ${sayEither(allowed)}.` });
    return;
  }
  if (hasPlaceholder(document, severity) || matchChoice(severity.value, allowed)) return;
  report({
    range: severity.range,
    message: severity.value
      ? `Severity "${severity.value}" is not allowed: write ${sayEither(allowed)}.`
      : `Severity is empty: write ${sayEither(allowed)}.`,
    fixes: replacements(document, severity, allowed),
  });
}

function checkChannel(document: ReadinessDocument, { row, channel }: AlertRow, allowed: string[], report: (f: Finding) => void) {
  if (!channel) {
    if (row.cells.length) report({ range: row.range, message: `This alert has no Notification channel cell: add one with ${sayEither(allowed)}.` });
    return;
  }
  if (hasPlaceholder(document, channel)) return;
  const parts = splitChannels(channel.value);
  const unknown = parts.filter((part) => !matchChoice(part, allowed));
  if (parts.length && !unknown.length) return;
  report({
    range: channel.range,
    message: channel.value
      ? `Notification channel "${(unknown.length ? unknown : [channel.value]).join('", "')}" is not allowed: write ${sayEither(allowed)}.`
      : `Notification channel is empty: write ${sayEither(allowed)}.`,
    fixes: replacements(document, channel, allowed),
  });
}

/** One fix per allowed value; the one the written value plainly stands for (`p-1`, `PD pager`) is preferred. */
function replacements(document: ReadinessDocument, cell: Cell, allowed: string[]): Fix[] {
  const guess = guessChoice(cell.value, allowed);
  return allowed.map((value) => ({
    title: `Replace with ${value}`,
    isPreferred: value === guess || undefined,
    edits: [replaceCell(document, cell, value)],
  }));
}

function guessChoice(value: string, allowed: string[]): string | undefined {
  const key = choiceKey(value);
  if (key.length < 2) return undefined;
  const digits = key.replace(/\D/g, '');
  const candidates = allowed.filter((option) => {
    const optionKey = choiceKey(option);
    if (digits) return optionKey.replace(/\D/g, '') === digits;
    return key.includes(optionKey) || optionKey.includes(key) || (key.length >= 4 && optionKey.includes(key.slice(0, 4)));
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}
