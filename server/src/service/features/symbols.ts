import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import type { ReadinessDocument, Section, SectionId, Table } from '../model';

/** What a row of each section's table stands for in the outline. */
const ROW_KIND: Partial<Record<SectionId, { kind: SymbolKind; detail: string }>> = {
  monitoring: { kind: SymbolKind.Variable, detail: 'metric' },
  alerting: { kind: SymbolKind.Event, detail: 'alert' },
  drift: { kind: SymbolKind.Field, detail: 'drift' },
  rollout: { kind: SymbolKind.EnumMember, detail: 'stage' },
  rollback: { kind: SymbolKind.Field, detail: 'mechanism' },
};

/** The outline: each section (heading to its last line), then its tables' rows and its fields. */
export function findDocumentSymbols(document: ReadinessDocument): DocumentSymbol[] {
  return document.sections.map((section) => {
    const children: DocumentSymbol[] = [
      ...section.tables.flatMap((table) => rowSymbols(section, table)),
      ...section.fields.map((field) => ({
        name: field.keySpan.text.replace(/[*_:]/g, '').trim() || field.key,
        detail: field.value.text,
        kind: SymbolKind.Property,
        range: field.range,
        selectionRange: field.keySpan.range,
      })),
    ].sort((a, b) => a.range.start.line - b.range.start.line);
    return {
      name: section.heading.title.text.trim() || section.heading.text,
      kind: SymbolKind.Module,
      range: sectionRange(document, section),
      selectionRange: section.heading.range,
      children,
    };
  });
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
