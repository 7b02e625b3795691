import { perObject } from '../../facts/fact';
import { blankParentheses } from '../../util/handles';
import { defineRule, type Fix } from '../types';
import { columnCells } from '../../facts/monitoring/monitoringTable';
import { sayEither } from '../../util/say';

export interface MetricSourceOptions {
  /** Canonical source name -> spellings that mean it (the canonical name itself always counts). */
  sources: Record<string, string[]>;
}

const DEFAULT_SOURCES: Record<string, string[]> = {
  'Loki query': ['Loki', 'LogQL'],
  Prometheus: ['Prom', 'PromQL'],
  'OpenTelemetry span': ['OpenTelemetry', 'Open Telemetry', 'OTel', 'OTLP'],
};

export const metricSourceRule = defineRule<MetricSourceOptions>({
  code: 'RDY112',
  name: 'metric-source',
  requirements: ['M2'],
  section: 'monitoring',
  severity: 'error',
  summary: 'Each §1 metric\'s Source is one of Loki query, Prometheus or OpenTelemetry span.',
  rationale:
    'The organisation\'s telemetry lives in Loki (log_event), Prometheus and OpenTelemetry spans (ADR-30, ADR-32): a metric ' +
    'whose source is anything else, or unknown, cannot be found by the on-call, put on a Grafana panel or alerted on.',
  fixHint: 'Write Loki query, Prometheus or OpenTelemetry span (`Loki`, `PromQL`, `OTel` are understood); a quick fix offers each.',
  defaultOptions: { sources: DEFAULT_SOURCES },
  optionsSchema: {
    sources: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string' } },
      description:
        'Accepted sources: each key is a canonical source name, its array the other spellings that mean it (whole words anywhere in the cell; case and punctuation ignored).',
    },
  },
  check({ document, options, report }) {
    const canonical = Object.keys(options.sources ?? {});
    if (!canonical.length) return;
    const choices = sayEither(canonical);
    for (const { row, cell } of columnCells(document, 'Source')) {
      if (!cell) {
        report({ range: row.range, message: `This metric row has no Source cell: add one holding ${choices}.` });
        continue;
      }
      const value = cell.value.trim();
      const named = sourcesIn(value, options.sources);
      if (named.length === 1) continue;
      const guess = named.length ? undefined : closestSource(value, options.sources);
      const message = !value
        ? `The metric's Source is empty: write ${choices}.`
        : named.length > 1
          ? `Source "${value}" names several sources (${named.join(', ')}): keep the one this metric is read from.`
          : `Source "${value}" is not a known source: write ${choices}${guess ? ` (did you mean ${guess}?)` : ''}.`;
      const offered = named.length > 1 ? named : guess ? [guess, ...canonical.filter((name) => name !== guess)] : canonical;
      const fixes: Fix[] = offered.map((name, index) => ({
        title: `Replace with ${name}`,
        isPreferred: guess !== undefined && index === 0,
        edits: [{ range: cell.range, newText: name }],
      }));
      report({ range: cell.range, message, fixes });
    }
  },
});

/** Lower case, words only: `Open-Telemetry` and `open_telemetry` both read ` open telemetry `. */
function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/**
 * The canonical sources a value names, in order: a spelling counts when it stands as whole words
 * anywhere outside parentheses (`Prometheus (via pushgateway)`, `Loki query {job="signals"}`).
 */
function sourcesIn(value: string, sources: Record<string, string[]>): string[] {
  const text = words(blankParentheses(value));
  return spelledSources(sources)
    .filter(({ spelt }) => spelt.some((spelling) => text.includes(spelling)))
    .map(({ name }) => name);
}

/** Each canonical source with its spellings as `words` gives them. */
const spelledSources = perObject((sources: Record<string, string[]>) =>
  Object.entries(sources).map(([name, spellings]) => ({ name, spelt: spellingsOf(name, spellings).map(words) })),
);

/** The canonical name and its configured spellings (a malformed entry counts as none). */
function spellingsOf(name: string, spellings: unknown): string[] {
  const extra = Array.isArray(spellings) ? spellings.filter((s): s is string => typeof s === 'string') : [];
  return [name, ...extra].filter((spelling) => words(spelling).trim() !== '');
}

function wordsOf(text: string): string[] {
  return text.trim().split(' ');
}

/** Words too common to guess a source from (`SQL query` is no misspelt `Loki query`). */
const GENERIC_WORDS = new Set(['query', 'span', 'spans', 'open', 'trace', 'metric', 'grafana']);

/** A misspelt source (`Promethues`, `OpenTelemtry span`): the canonical name within a couple of edits of a word. */
function closestSource(value: string, sources: Record<string, string[]>): string | undefined {
  const valueWords = wordsOf(words(value)).filter((w) => w.length >= 4);
  let best: { name: string; distance: number } | undefined;
  for (const [name, spellings] of Object.entries(sources)) {
    for (const spelling of spellingsOf(name, spellings)) {
      for (const target of wordsOf(words(spelling)).filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w))) {
        for (const word of valueWords) {
          const distance = editDistance(word, target);
          if (distance <= (target.length >= 8 ? 2 : 1) && (!best || distance < best.distance)) best = { name, distance };
        }
      }
    }
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
