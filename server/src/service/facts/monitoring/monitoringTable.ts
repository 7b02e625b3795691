// §1's table: its filled rows, one column's cells without placeholders, and names compared loosely.
// Read by RDY111–RDY118, RDY204, RDY608 and the create-runbook action.
import type { Cell, Section, Table, TableRow } from '../../model';
import { findSection, hasPlaceholder, sectionTable } from '../document';
import { fact, factBy, perObject } from '../fact';

/** §1 and its table, when both exist (a missing table is RDY004's finding). */
export const monitoringTable = fact((document): { section: Section; table: Table } | undefined => {
  const section = findSection(document, 'monitoring');
  const table = sectionTable(section);
  return section && table ? { section, table } : undefined;
});

/** Rows holding anything: an all-blank row is not a metric. */
export const filledRows = perObject((table: Table): TableRow[] => table.rows.filter((row) => row.cells.some((cell) => cell.value.trim() !== '')));

/**
 * §1's table and its filled rows, when it has a Metric column and at least one row: what the
 * metric-class rules judge (an empty table is RDY117's case alone).
 */
export const metricRows = fact((document): { table: Table; rows: TableRow[] } | undefined => {
  const found = monitoringTable(document);
  if (!found || !found.table.hasColumn('Metric')) return undefined;
  const rows = filledRows(found.table);
  return rows.length ? { table: found.table, rows } : undefined;
});

export interface ColumnCell {
  row: TableRow;
  /** Undefined when the row is shorter than the header. */
  cell: Cell | undefined;
}

/**
 * The cells of one column of §1's table, row by row. Nothing when the column is missing (RDY004
 * reports it); cells still holding a placeholder are left out (RDY001 reports them).
 */
export const columnCells = factBy((document, column: string): ColumnCell[] => {
  const found = monitoringTable(document);
  if (!found || !found.table.hasColumn(column)) return [];
  const { table } = found;
  return filledRows(table)
    .map((row) => ({ row, cell: table.cell(row, column) }))
    .filter(({ cell }) => !cell || !hasPlaceholder(document, cell));
});

/** Lower case, with spaces, dots, dashes and underscores all alike, so `feature distribution` matches `feature_distribution`. */
function looseName(text: string): string {
  return text.toLowerCase().replace(/[\s._-]+/g, '_');
}

/** Whether a metric name contains one of the keywords, separators ignored. */
export function nameHasKeyword(name: string, keywords: readonly string[]): boolean {
  const loose = looseName(name);
  return looseKeywords(keywords).some((word) => loose.includes(word));
}

const looseKeywords = perObject((keywords: readonly string[]) => keywords.filter((word) => word.trim() !== '').map((word) => looseName(word.trim())));
