// §1's metrics and their classes (prediction, outcome, health) by the configured keywords.
// Read by RDY116, RDY117, RDY201, the defined-metrics facts and the diff.
import type { Cell, TableRow } from '../../model';
import { fact } from '../fact';
import { findSection, sectionTable } from '../document';

/** The three classes of metric §1 requires at least one of each (M6). */
export type MetricClass = 'prediction' | 'outcome' | 'health';

export interface MetricKeywords {
  prediction: string[];
  outcome: string[];
  health: string[];
}

export const DEFAULT_METRIC_KEYWORDS: MetricKeywords = {
  prediction: ['proba', 'prediction', 'predict', 'signal', 'score', 'capture', 'confidence'],
  outcome: ['pnl', 'expectancy', 'sortino', 'sharpe', 'return', 'revenue', 'f1', 'hit_rate', 'win_rate', 'drawdown'],
  health: ['latency', 'failure', 'error', 'lag', 'p99', 'p95', 'uptime', 'cost', 'api_calls', 'timeout', 'freshness', 'throughput'],
};

/** The classes a metric name falls in, by keyword (case-insensitive substring). */
export function classifyMetric(name: string, keywords: MetricKeywords = DEFAULT_METRIC_KEYWORDS): MetricClass[] {
  const lower = name.toLowerCase();
  return (Object.keys(keywords) as MetricClass[]).filter((cls) => keywords[cls].some((word) => lower.includes(word.toLowerCase())));
}

export interface MonitoringMetric {
  /** The Metric cell's value without markup, e.g. `pnl_per_trade`. */
  name: string;
  cell: Cell;
  row: TableRow;
}

/** The metrics §1's table defines (rows with a non-empty Metric cell). */
export const monitoringMetrics = fact((document): MonitoringMetric[] => {
  const table = sectionTable(findSection(document, 'monitoring'));
  if (!table) return [];
  const metrics: MonitoringMetric[] = [];
  for (const row of table.rows) {
    const cell = table.cell(row, 'Metric');
    if (cell && cell.value) metrics.push({ name: cell.value, cell, row });
  }
  return metrics;
});

/** RDY116's options: one keyword list per class, each overriding the default list when configured. */
export interface MetricClassOptions {
  predictionKeywords: string[];
  outcomeKeywords: string[];
  healthKeywords: string[];
}

export const DEFAULT_METRIC_CLASS_OPTIONS: MetricClassOptions = {
  predictionKeywords: DEFAULT_METRIC_KEYWORDS.prediction,
  outcomeKeywords: DEFAULT_METRIC_KEYWORDS.outcome,
  healthKeywords: DEFAULT_METRIC_KEYWORDS.health,
};

/**
 * The keyword lists RDY116 (metric-classes) classifies with, from its resolved options, so other
 * rules classify §1's metrics exactly as the user configured, e.g. in a rule of another part:
 * `metricKeywordsFromOptions(optionsOf(metricClassesRule))` (metricClassesRule from ./metricClassesRule).
 * A missing or malformed list falls back to its default.
 */
export function metricKeywordsFromOptions(options: Partial<MetricClassOptions> | undefined): MetricKeywords {
  const list = (value: unknown, fallback: string[]) =>
    Array.isArray(value) ? value.filter((word): word is string => typeof word === 'string' && word.trim() !== '') : fallback;
  return {
    prediction: list(options?.predictionKeywords, DEFAULT_METRIC_KEYWORDS.prediction),
    outcome: list(options?.outcomeKeywords, DEFAULT_METRIC_KEYWORDS.outcome),
    health: list(options?.healthKeywords, DEFAULT_METRIC_KEYWORDS.health),
  };
}

/**
 * Metric names prose writes as plain words, outside code spans: snake_case identifiers, dotted
 * fields included (`expectancy_net_realized`, `signals.buy_proba`); a tag (`key=value`), a path or
 * a URL is not one.
 */
export function plainMetricNames(text: string): string[] {
  const words = text.replace(/(`+)[^`]+?\1/g, ' ').matchAll(/(?<![\w.=/-])[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*(?![\w=/-])/g);
  return [...words].map(([word]) => word).filter((word) => word.includes('_'));
}
