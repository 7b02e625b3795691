import type { SectionId } from '../model';
import { TEMPLATE_ALTERNATIVES } from '../parser/placeholders';
import { columnKey } from '../parser/tables';

/** One allowed value of an enumerated column and what choosing it means. */
export interface ColumnValue {
  value: string;
  meaning: string;
}

export interface ColumnDoc {
  /** What the column holds. */
  meaning: string;
  /** Enumerated columns only: the values the rules accept. */
  values?: ColumnValue[];
}

// The enumerated values come from the template's own alternatives (the placeholder parser's list),
// so hovers, completions and the placeholder rule agree on spelling.
const alternatives = (first: string) => TEMPLATE_ALTERNATIVES.find((set) => set[0] === first) ?? [];
const withMeanings = (values: readonly string[], meanings: Record<string, string>): ColumnValue[] =>
  values.map((value) => ({ value, meaning: meanings[value] ?? '' }));

const DOCS: Record<string, ColumnDoc> = {
  'monitoring:metric': { meaning: 'The metric\'s name as emitted, e.g. `signals.buy_proba`. Its words decide its class (prediction, outcome, health).' },
  'monitoring:type': {
    meaning: 'The metric\'s kind: exactly one of the three.',
    values: withMeanings(alternatives('counter'), {
      counter: 'a count that only goes up (events, failures, calls).',
      gauge: 'a value that goes up and down (a rate, a level, an expectancy).',
      histogram: 'a distribution (latency, probability quantiles p10/p50/p90).',
    }),
  },
  'monitoring:source': {
    meaning: 'Where the metric lives.',
    values: withMeanings(alternatives('Loki query'), {
      'Loki query': 'a LogQL query over structured logs (`{job=...}`).',
      Prometheus: 'a Prometheus series scraped from the service.',
      'OpenTelemetry span': 'an attribute of an OpenTelemetry span or `log_event` (ADR-30).',
    }),
  },
  'monitoring:dashboard': { meaning: 'The Grafana panel\'s http(s) URL, where the metric can be seen.' },
  'monitoring:threshold': { meaning: 'Both a warn and a crit value, e.g. `warn > 250 ms / crit > 500 ms`.' },
  'monitoring:owner': { meaning: 'The GitHub handle of the person who watches the metric, e.g. `@alice`.' },
  'alerting:alert': { meaning: 'The alert\'s name, e.g. `expectancy_net_negative`.' },
  'alerting:trigger': { meaning: 'The condition: a §1 metric, a threshold and a duration, e.g. `expectancy_net < 0 over 24h`.' },
  'alerting:runbook': { meaning: 'The runbook\'s path under the runbook folder, ending in `.md`: symptom, diagnosis, remediation, escalation.' },
  'alerting:severity': {
    meaning: 'How urgent the alert is; at least one alert must be P1.',
    values: withMeanings(alternatives('P1'), {
      P1: 'pages the on-call now (must notify Pagerduty): silent revenue loss.',
      P2: 'urgent, handled within working hours.',
      P3: 'informational, reviewed routinely.',
    }),
  },
  'alerting:notificationchannel': {
    meaning: 'Where the alert is sent; a P1 must page.',
    values: withMeanings(alternatives('Pagerduty'), {
      Pagerduty: 'pages the on-call (required for P1).',
      Slack: 'a message in the team channel.',
      email: 'an e-mail to the owners.',
    }),
  },
  'drift:drifttype': {
    meaning: 'Which drift the row detects; both rows are required.',
    values: [
      { value: 'Data drift', meaning: 'the input distribution shifts (e.g. PSI on top features).' },
      { value: 'Concept drift', meaning: 'the model\'s performance degrades (e.g. rolling perf gap vs training).' },
    ],
  },
  'drift:method': { meaning: 'How drift is measured, e.g. `PSI on top-K features by FI`.' },
  'drift:window': { meaning: 'The period compared, e.g. `rolling 7d vs training`.' },
  'drift:threshold': { meaning: 'Both a warn and a crit value, e.g. `PSI > 0.2 (warn), PSI > 0.5 (crit)`.' },
  'drift:actionontrigger': { meaning: 'What happens: an alert, a page or a `drift_alert` runbook entry, never silent retraining (ADR-25).' },
  'rollout:stage': {
    meaning: 'The rollout stage; Shadow, Canary and Full, in that order.',
    values: [
      { value: 'Shadow', meaning: '0% traffic, predictions logged but not acted on, at least 7 days (ADR-67).' },
      { value: 'Canary', meaning: 'a single named crypto first, never all at once, at least 7 days.' },
      { value: 'Full', meaning: '100% traffic, after explicit operator sign-off in the OP Story (no auto-promotion).' },
    ],
  },
  'rollout:traffic%': { meaning: 'The share of traffic; Shadow is 0%, Canary names its single crypto.' },
  'rollout:duration': { meaning: 'How long the stage runs, e.g. `7d`, `1w`, `≥ 7d`.' },
  'rollout:passcriteria': { meaning: 'What must hold before moving on.' },
  'rollout:rollbacktrigger': { meaning: 'What sends the change back, e.g. `any P1 alert`.' },
  'rollback:mechanism': { meaning: 'How to revert; the primary path is config-only (flag, MLflow alias, artefact pin), ADR-56.' },
  'rollback:description': { meaning: 'The exact config value or alias that flips the change off, e.g. `CVN_FACTOR_X=off`.' },
  'rollback:revertsla': { meaning: 'How fast the revert takes effect, e.g. `< 1 min`; the primary path within 5 minutes.' },
};

// Keyed again through columnKey, so a header matches its doc exactly as a rule matches its column.
const DOCS_BY_KEY = new Map(
  Object.entries(DOCS).map(([name, doc]) => {
    const [section, column] = name.split(':');
    return [`${section}:${columnKey(column)}`, doc];
  }),
);

export function columnDoc(section: SectionId | undefined, header: string): ColumnDoc | undefined {
  return section ? DOCS_BY_KEY.get(`${section}:${columnKey(header)}`) : undefined;
}
