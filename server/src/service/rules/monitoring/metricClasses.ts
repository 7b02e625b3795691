import type { Cell, ReadinessDocument, TableRow } from '../../model';
import { findSection, sectionTable } from '../../query';

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
export function monitoringMetrics(document: ReadinessDocument): MonitoringMetric[] {
  const table = sectionTable(findSection(document, 'monitoring'));
  if (!table) return [];
  const metrics: MonitoringMetric[] = [];
  for (const row of table.rows) {
    const cell = table.cell(row, 'Metric');
    if (cell && cell.value) metrics.push({ name: cell.value, cell, row });
  }
  return metrics;
}
