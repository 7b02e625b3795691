// Facts any rule reads about the document as a whole: a section, its table, header fields, placeholders, prose.
// Also the range helpers for spans (subRange, contains, cellOrRow); read by every part's rules and facts.
import { fact } from './fact';
import { sectionSpec } from '../parser/sections';
import type { Cell, Placeholder, ReadinessDocument, Section, SectionId, Span, Table, TableRow } from '../model';
import type { Range } from 'vscode-languageserver-types';

/** The first section recognised as `id`, if the document has one. */
export function findSection(document: ReadinessDocument, id: SectionId): Section | undefined {
  return document.sections.find((section) => section.id === id);
}

/**
 * The section's table, as a reader finds it: the one holding the most of the section's columns
 * (a small legend or notes table may come first), the first on a tie.
 */
export function sectionTable(section: Section | undefined): Table | undefined {
  if (!section || section.tables.length < 2 || !section.id) return section?.tables[0];
  const columns = sectionSpec(section.id).columns;
  let best = section.tables[0];
  let most = -1;
  for (const table of section.tables) {
    const count = columns.filter((column) => table.hasColumn(column)).length;
    if (count > most) {
      best = table;
      most = count;
    }
  }
  return best;
}

export function findHeaderField(document: ReadinessDocument, key: string) {
  return document.headerFields.find((field) => field.key === key);
}

export function contains(outer: Range, inner: Range): boolean {
  const startsAfter =
    inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character);
  const endsBefore = inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character);
  return startsAfter && endsBefore;
}

/** The document's placeholders by line: rules ask about every cell. */
const placeholdersByLine = fact((document) => {
  const byLine = new Map<number, Placeholder[]>();
  for (const placeholder of document.placeholders) {
    const list = byLine.get(placeholder.line);
    if (list) list.push(placeholder);
    else byLine.set(placeholder.line, [placeholder]);
  }
  return byLine;
});

function onLine(document: ReadinessDocument, line: number): readonly Placeholder[] {
  return placeholdersByLine(document).get(line) ?? NONE;
}

const NONE: readonly Placeholder[] = [];

/** Placeholders inside a span (a cell or a field value): such a value is reported by RDY001 alone. */
export function placeholdersIn(document: ReadinessDocument, span: Span): Placeholder[] {
  // Most files have no placeholder left: then no range is built.
  if (!document.placeholders.length) return [];
  // A table cell builds its range on each read: read it once.
  const range = span.range;
  const candidates = range.start.line === range.end.line ? onLine(document, range.start.line) : document.placeholders;
  return candidates.filter((placeholder) => contains(range, placeholder.range));
}

export function hasPlaceholder(document: ReadinessDocument, span: Span): boolean {
  if (!document.placeholders.length) return false;
  const range = span.range;
  const candidates = range.start.line === range.end.line ? onLine(document, range.start.line) : document.placeholders;
  return candidates.some((placeholder) => contains(range, placeholder.range));
}

/** The author's prose in a section (guidance excluded), one string per line. */
export function proseOf(document: ReadinessDocument, section: Section): Array<{ line: number; text: string }> {
  return section.proseLines.map((line) => ({ line, text: document.content.lineText(line) }));
}

/** A range inside a span, from offsets within the span's text (a multi-line span's text holds whole lines after its first). */
export function subRange(span: Span, start: number, end: number): Range {
  const { line, character: base } = span.range.start;
  if (!span.text.includes('\n')) return { start: { line, character: base + start }, end: { line, character: base + end } };
  return { start: positionIn(span, start), end: positionIn(span, end) };
}

function positionIn(span: Span, offset: number) {
  let line = span.range.start.line;
  let lineStart = -1;
  for (let i = span.text.indexOf('\n'); i >= 0 && i < offset; i = span.text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i;
  }
  return lineStart < 0 ? { line, character: span.range.start.character + offset } : { line, character: offset - lineStart - 1 };
}

/** A cell holding a template placeholder is RDY001's to report. */
export function isHeld(document: ReadinessDocument, cell: Cell | undefined): boolean {
  return cell !== undefined && cell.text !== '' && hasPlaceholder(document, cell);
}

/** The cell, or the row when the cell is empty or the row too short to have it. */
export function cellOrRow(cell: Cell | undefined, row: TableRow): Range {
  return cell && cell.text !== '' ? cell.range : row.range;
}

/**
 * The text with its reference links written inline: `[text][label]`, `[label][]` and `[label]` become
 * `[text](target)` where the document defines the label; others stay as they are.
 */
export function inlineReferenceLinks(text: string, definitions: ReadonlyMap<string, string>): string {
  if (!definitions.size || !text.includes('[')) return text;
  return text.replace(/\[([^\[\]]+)\](?:\[([^\[\]]*)\])?(?![(:])/g, (whole, shown: string, label: string | undefined) => {
    const target = definitions.get((label || shown).trim().replace(/\s+/g, ' ').toLowerCase());
    return target === undefined ? whole : `[${shown}](${target})`;
  });
}
