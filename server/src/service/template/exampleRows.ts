import type { SectionId, Table, TableRow } from '../model';
import { parseReadiness } from '../parser/parse';
import { columnKey } from '../parser/tables';
import { findSection, sectionTable } from '../facts/document';
import { TEMPLATE_TEXT } from './templateText';

/** A template example row: its cells' source text by column key. */
export type TemplateRow = Map<string, string>;

const rowsBySection = new Map<SectionId, TemplateRow[]>();

/**
 * The example rows of a section's table, read from the template's own text (never retyped here),
 * so a quick fix inserts exactly what the committee's template proposes.
 */
export function templateRows(id: SectionId): TemplateRow[] {
  let rows = rowsBySection.get(id);
  if (!rows) {
    const table = sectionTable(findSection(parseReadiness(TEMPLATE_TEXT), id));
    rows = table ? table.rows.map((row) => toTemplateRow(table, row)) : [];
    rowsBySection.set(id, rows);
  }
  return rows;
}

function toTemplateRow(table: Table, row: TableRow): TemplateRow {
  const cells = new Map<string, string>();
  table.columnKeys.forEach((key, index) => cells.set(key, row.cells[index]?.text ?? ''));
  return cells;
}

/** The template row whose first column (Drift type, Stage …) matches. */
export function templateRow(id: SectionId, firstCell: RegExp): TemplateRow | undefined {
  return templateRows(id).find((row) => firstCell.test([...row.values()][0] ?? ''));
}

/**
 * Cells for a row of the author's table, in the author's column order: the template's value for
 * each column it knows (matched as RDY004 matches columns), `overrides` first, empty otherwise.
 */
export function cellsFor(table: Table, row: TemplateRow, overrides: Record<string, string> = {}): string[] {
  const byKey = new Map(Object.entries(overrides).map(([name, value]) => [columnKey(name), value]));
  return table.columnKeys.map((key) => byKey.get(key) ?? row.get(key) ?? '');
}

const rowLinesBySection = new Map<SectionId, string[]>();

/** The example rows of a section's table exactly as the template writes them (whole lines). */
export function templateRowLines(id: SectionId): string[] {
  let rows = rowLinesBySection.get(id);
  if (!rows) {
    const template = parseReadiness(TEMPLATE_TEXT);
    rows = (sectionTable(findSection(template, id))?.rows ?? []).map((row) => template.lines.lineText(row.line).trim());
    rowLinesBySection.set(id, rows);
  }
  return rows;
}
