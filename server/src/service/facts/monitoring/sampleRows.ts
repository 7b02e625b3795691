// Sample metric rows the §1 quick fixes add (one per class): a name, type and source; the rest left to the author.
// Read by RDY116, RDY117 and RDY118.
import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, Table } from '../../model';
import type { MetricClass } from './metricClasses';
import { columnKey } from '../../parser/tables';
import { findSection, hasPlaceholder, sectionTable } from '../document';
import { formatRow, insertLinesBefore } from '../../util/edits';

/**
 * A metric row to add: the metric of the missing class, with the type and source such a metric usually has. What
 * only the author knows — its dashboard panel, its thresholds, who watches it — is left as the template's
 * placeholders, so the file keeps an error (RDY001) until the author writes them.
 */
export interface SampleMetric {
  metric: string;
  type: 'counter' | 'gauge' | 'histogram';
  source: 'Loki query' | 'Prometheus' | 'OpenTelemetry span';
}

/**
 * The metric name for a sample row: a metric §2 already alerts on that `matches` accepts (the
 * likeliest one the author forgot to list), else the example when `matches` accepts it (the
 * user's keyword lists may not), else one built from the first keyword that gives a matching name.
 */
export function sampleName(
  document: ReadinessDocument,
  example: string,
  keywords: readonly string[],
  matches: (name: string) => boolean,
): string | undefined {
  const candidates = [...alertedMetrics(document), example, ...keywords.flatMap((word) => [word.trim().replace(/\s+/g, '_'), word.trim()])];
  return candidates.find((name) => name !== '' && !/[`|<>]/.test(name) && matches(name));
}

/** The row's cells in the table's own column order; columns the template does not know stay empty. */
function sampleCells(table: Table, sample: SampleMetric): string[] {
  const byKey: Record<string, string> = {
    [columnKey('Metric')]: `\`${sample.metric}\``,
    [columnKey('Type')]: sample.type,
    [columnKey('Source')]: sample.source,
    [columnKey('Dashboard')]: 'Grafana panel URL',
    [columnKey('Threshold (warn / crit)')]: '`<` / `>`',
    [columnKey('Owner')]: '`<handle>`',
  };
  return table.columnKeys.map((key) => byKey[key] ?? '');
}

/** One edit appending the sample rows after the table's last row (or its delimiter row when it has none). */
export function appendSampleRows(document: ReadinessDocument, table: Table, samples: SampleMetric[]): TextEdit {
  const { lines } = document;
  const rows = samples.map((sample) => formatRow(sampleCells(table, sample)));
  const lastLine = table.rows.length ? table.rows[table.rows.length - 1].line : table.header.line + 1;
  if (lastLine + 1 < lines.lineCount) return insertLinesBefore(document, lastLine + 1, rows);
  // The table ends the file without a line break: continue its last line, never open a new paragraph.
  const at = { line: lastLine, character: lines.lineText(lastLine).length };
  return { range: { start: at, end: at }, newText: rows.map((row) => lines.eol + row).join('') };
}

/** The metrics §2's triggers are written on: the first dotted or snake_case name of each trigger's code span. */
export function alertedMetrics(document: ReadinessDocument): string[] {
  const table = sectionTable(findSection(document, 'alerting'));
  const names: string[] = [];
  for (const row of table?.rows ?? []) {
    const cell = table!.cell(row, 'Trigger');
    if (!cell || hasPlaceholder(document, cell)) continue;
    for (const [, code] of cell.text.matchAll(/`([^`]+)`/g)) {
      const name = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(code)?.[0];
      if (name && /[._]/.test(name) && !names.includes(name)) names.push(name);
      break;
    }
  }
  return names;
}

/** How each class reads in a message, and the row a quick fix adds for it (template examples). */
export const CLASS_SAMPLES: Record<MetricClass, { label: string; sample: SampleMetric }> = {
  prediction: {
    label: 'prediction-rate',
    sample: { metric: 'signals.buy_rate_per_hour', type: 'counter', source: 'Prometheus' },
  },
  outcome: {
    label: 'outcome',
    sample: { metric: 'pnl_per_trade', type: 'histogram', source: 'Prometheus' },
  },
  health: {
    label: 'health',
    sample: { metric: 'inference_latency_p99', type: 'histogram', source: 'Prometheus' },
  },
};
