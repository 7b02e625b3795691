import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { ReadinessDocument, Section, SectionId, Table } from '../model';

/** What a row of each section's table stands for in the outline. */
const ROW_KIND: Partial<Record<SectionId, { kind: SymbolKind; detail: string; group: string }>> = {
  monitoring: { kind: SymbolKind.Variable, detail: 'metric', group: 'metrics' },
  alerting: { kind: SymbolKind.Event, detail: 'alert', group: 'alerts' },
  drift: { kind: SymbolKind.Field, detail: 'drift', group: 'drift checks' },
  rollout: { kind: SymbolKind.EnumMember, detail: 'stage', group: 'stages' },
  rollback: { kind: SymbolKind.Field, detail: 'mechanism', group: 'rollback mechanisms' },
};

export interface SymbolOptions {
  /**
   * Whether to give the headings. A client that already outlines Markdown headings (VS Code's
   * Markdown extension) says no: two providers' symbols are shown side by side, never merged, so
   * the headings would be listed twice. Then only what this engine adds is given — per section, one
   * symbol for its rows (metrics, alerts, stages…) or fields, named after them, not after the heading.
   */
  headings?: boolean;
}

/** The outline: each section (heading to its last line), then its tables' rows and its fields. */
export function findDocumentSymbols(document: ReadinessDocument, options: SymbolOptions = {}): DocumentSymbol[] {
  if (options.headings === false) return document.sections.flatMap((section) => addedSymbols(document, section));
  return document.sections.map((section) => {
    const children = childSymbols(section);
    return {
      name: section.heading.title.text.trim() || section.heading.text,
      kind: SymbolKind.Module,
      range: sectionRange(document, section),
      selectionRange: section.heading.range,
      children,
    };
  });
}

function childSymbols(section: Section): DocumentSymbol[] {
  return [
    ...section.tables.flatMap((table) => rowSymbols(section, table)),
    ...section.fields.map((field) => ({
      name: field.keySpan.text.replace(/[*_:]/g, '').trim() || field.key,
      detail: field.value.text,
      kind: SymbolKind.Property,
      range: field.range,
      selectionRange: field.keySpan.range,
    })),
  ].sort((a, b) => a.range.start.line - b.range.start.line);
}

/** `§1 metrics` over the rows of §1's table (`§6 fields` over §6's fields): no heading repeated. */
function addedSymbols(document: ReadinessDocument, section: Section): DocumentSymbol[] {
  const children = childSymbols(section);
  if (!children.length) return [];
  const what = (section.id && ROW_KIND[section.id]?.group) ?? (section.tables.some((t) => t.rows.length) ? 'rows' : 'fields');
  const place = section.number !== undefined ? `§${section.number}` : section.heading.title.text.trim() || section.heading.text;
  const start = children[0].range.start;
  const end = children.reduce((last, child) => (child.range.end.line > last.line ? child.range.end : last), children[0].range.end);
  const firstLine = document.lines.lineRange(start.line);
  return [{ name: `${place} ${what}`, kind: SymbolKind.Namespace, range: { start, end }, selectionRange: { start, end: firstLine.end }, children }];
}

function rowSymbols(section: Section, table: Table): DocumentSymbol[] {
  const what = (section.id && ROW_KIND[section.id]) ?? { kind: SymbolKind.Field, detail: 'row' };
  return table.rows.flatMap((row) => {
    const first = row.cells[0];
    if (!first || !first.value.trim()) return [];
    return [{ name: first.value.trim(), detail: what.detail, kind: what.kind, range: row.range, selectionRange: first.range }];
  });
}

/** From the heading to the end of the section's last non-blank line, so every child lies inside. */
function sectionRange(document: ReadinessDocument, section: Section): Range {
  let last = section.endLine - 1;
  while (last > section.heading.line && document.lines.lineText(last).trim() === '') last--;
  const end = document.lines.lineRange(last).end;
  return { start: section.heading.range.start, end };
}
