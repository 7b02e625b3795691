// The metrics §1 defines (by identifier, or in its prose when the table has none) and which of them a
// trigger names. Read by RDY201, RDY204, the create-runbook action and the diff.
import type { Cell, ReadinessDocument, Span } from '../../model';
import { findSection, hasPlaceholder, proseOf } from '../document';
import { factBy, perObject } from '../fact';
import { monitoringMetrics, plainMetricNames } from './metricClasses';

/** `signals.buy_proba`, `pnl_per_trade`: a metric identifier, dotted fields included. */
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g;

export interface DefinedMetric {
  /** The identifier, e.g. `signals.buy_proba` from "`signals.buy_proba` (p10/p50/p90 per crypto)". */
  identifier: string;
  /** Where §1 defines it: the Metric cell, or the prose line naming an existing metric. */
  span: Span;
  cell: Cell | undefined;
}

export function identifiersIn(text: string): string[] {
  return text.match(IDENTIFIER) ?? [];
}

/** Contents of the code spans of a piece of Markdown. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/(`+)([^`]+?)\1/g)].map((match) => match[2].trim());
}

/**
 * The metric a §1 Metric cell names: the first identifier inside its first code span, or else
 * the first identifier of the cell (the rest is a remark such as "per crypto").
 */
export function metricIdentifier(cell: Cell): string | undefined {
  for (const code of codeSpans(cell.text)) {
    const [first] = identifiersIn(code);
    if (first) return first;
  }
  return identifiersIn(cell.value)[0];
}

/**
 * The metrics §1's table defines. With `orProse`, when the table has none (a Story covered by an
 * existing metric, M7), identifiers §1's prose writes alone in a code span (`pnl_per_trade`) or
 * as a snake_case word stand in, so triggers on them are not flagged.
 */
export function definedMetrics(document: ReadinessDocument, orProse = false): DefinedMetric[] {
  return definedMetricsOf(document, orProse);
}

const definedMetricsOf = factBy((document, orProse: boolean): DefinedMetric[] => {
  const metrics: DefinedMetric[] = [];
  for (const metric of monitoringMetrics(document)) {
    if (hasPlaceholder(document, metric.cell)) continue;
    const identifier = metricIdentifier(metric.cell);
    if (identifier) metrics.push({ identifier, span: metric.cell, cell: metric.cell });
  }
  if (metrics.length || !orProse) return metrics;
  const section = findSection(document, 'monitoring');
  if (!section) return metrics;
  for (const { line, text } of proseOf(document, section)) {
    const span = { text, range: document.lines.trimmedLineRange(line) };
    for (const code of codeSpans(text)) {
      // A whole span that is one dotted or snake_case name; `key=value` tags are not metrics.
      const identifiers = identifiersIn(code);
      if (identifiers.length === 1 && identifiers[0] === code && /[._]/.test(code)) {
        metrics.push({ identifier: code, span, cell: undefined });
      }
    }
    // Outside code spans, a snake_case word (expectancy_net_realized) names a metric too.
    for (const word of plainMetricNames(text)) metrics.push({ identifier: word, span, cell: undefined });
  }
  return metrics;
});

const lastSegment = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/**
 * Whether an identifier written in a trigger names the metric: the same name, a field of it
 * (`signals.buy_proba.p50`), or the same name without its event prefix (`buy_proba` for
 * `signals.buy_proba`, `trades.pnl_per_trade` for `pnl_per_trade`).
 */
export function namesMetric(written: string, metric: string): boolean {
  const a = written.toLowerCase();
  const b = metric.toLowerCase();
  if (a === b || a.startsWith(b + '.')) return true;
  if (!a.includes('.') && !b.includes('.')) return false;
  return lastSegment(a) === lastSegment(b);
}

/** Metrics by each name a trigger may use for them, so matching a trigger costs O(its words). */
interface MetricIndex {
  exact: Map<string, DefinedMetric[]>;
  /** Dotted metrics and dotted words also match on their last segment (`buy_proba`). */
  bySegment: Map<string, DefinedMetric[]>;
}

const indexOf = perObject((metrics: readonly DefinedMetric[]): MetricIndex => {
  const index: MetricIndex = { exact: new Map(), bySegment: new Map() };
  const add = (map: Map<string, DefinedMetric[]>, key: string, metric: DefinedMetric) => {
    const list = map.get(key);
    if (list) list.push(metric);
    else map.set(key, [metric]);
  };
  for (const metric of metrics) {
    const name = metric.identifier.toLowerCase();
    add(index.exact, name, metric);
    add(index.bySegment, lastSegment(name), metric);
  }
  return index;
});

/** The §1 metrics a trigger names (same rules as `namesMetric`). */
export function metricsNamedIn(text: string, metrics: readonly DefinedMetric[]): DefinedMetric[] {
  const index = indexOf(metrics);
  const found = new Set<DefinedMetric>();
  for (const word of identifiersIn(text)) {
    const lower = word.toLowerCase();
    // The name itself, or a field of it: every dotted prefix of the word.
    for (let end = lower.length; end > 0; end = lower.lastIndexOf('.', end - 1)) {
      for (const metric of index.exact.get(lower.slice(0, end)) ?? []) found.add(metric);
      if (lower.lastIndexOf('.', end - 1) < 0) break;
    }
    for (const metric of index.bySegment.get(lastSegment(lower)) ?? []) {
      if (namesMetric(word, metric.identifier)) found.add(metric);
    }
  }
  // In §1's order; filtering all of §1's metrics per trigger would make the rule O(alerts × metrics).
  if (found.size === 0) return [];
  const order = positions(metrics);
  return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
}

const positions = perObject((metrics: readonly DefinedMetric[]) => new Map(metrics.map((metric, index) => [metric, index])));
