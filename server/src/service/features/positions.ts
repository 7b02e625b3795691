import type { Position, Range } from 'vscode-languageserver-types';
import type { Cell, ReadinessDocument, Section, Table, TableRow } from '../model';
import { sectionAtLine } from '../sectionStatus';

export function rangeContains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

export interface CellAt {
  section: Section;
  table: Table;
  /** The header row when `isHeader`. */
  row: TableRow;
  isHeader: boolean;
  /** Column index (0-based) of the cell under the position. */
  column: number;
  /** The column's header text (e.g. `Severity`), when the header has that column. */
  columnName: string | undefined;
  cell: Cell | undefined;
  /** The cell's content range, widened to take in the position (an empty cell has an empty range). */
  editRange: Range;
}

/** The table cell under a position: by counting unescaped pipes, so an empty cell is found too. */
export function cellAt(document: ReadinessDocument, position: Position): CellAt | undefined {
  const section = sectionAtLine(document, position.line);
  if (!section) return undefined;
  const table = section.tables.find((t) => position.line >= t.header.line && position.line <= t.range.end.line);
  if (!table) return undefined;
  const isHeader = position.line === table.header.line;
  const row = isHeader ? table.header : table.rows.find((r) => r.line === position.line);
  if (!row) return undefined; // the delimiter row
  const text = document.lines.lineText(position.line);
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '|' && text[i - 1] !== '\\') pipes.push(i);
  const leadingPipe = text.trimStart().startsWith('|');
  const before = pipes.filter((p) => p < position.character).length;
  const column = leadingPipe ? before - 1 : before;
  if (column < 0 || column >= table.columnKeys.length) return undefined;
  // Edges of the cell's slot between its pipes, for empty or partly typed cells.
  const left = leadingPipe ? pipes[column] + 1 : column === 0 ? 0 : pipes[column - 1] + 1;
  const right = pipes.find((p) => p >= position.character) ?? text.length;
  const cell = row.cells[column];
  let editRange: Range;
  if (cell && cell.text.length) editRange = widen(cell.range, position);
  else {
    const slot = text.slice(left, right);
    const start = left + (slot.length - slot.trimStart().length);
    const end = Math.max(start, right - (slot.length - slot.trimEnd().length));
    editRange = widen({ start: { line: position.line, character: start }, end: { line: position.line, character: end } }, position);
  }
  return { section, table, row, isHeader, column, columnName: table.header.cells[column]?.value, cell, editRange };
}

function widen(range: Range, position: Position): Range {
  return {
    start: { line: range.start.line, character: Math.min(range.start.character, position.character) },
    end: { line: range.end.line, character: Math.max(range.end.character, position.character) },
  };
}

/** The run of characters matching `chars` around a position on its line (e.g. a handle or a path). */
export function tokenAt(document: ReadinessDocument, position: Position, chars: RegExp): { text: string; range: Range } {
  const line = document.lines.lineText(position.line);
  let start = Math.min(position.character, line.length);
  let end = start;
  while (start > 0 && chars.test(line[start - 1])) start--;
  while (end < line.length && chars.test(line[end])) end++;
  return { text: line.slice(start, end), range: document.lines.range(position.line, start, end) };
}

/** Every match of a pattern on a line with its range, for finding what lies under the cursor. */
export function matchesOnLine(document: ReadinessDocument, line: number, pattern: RegExp): Array<{ match: RegExpExecArray; range: Range }> {
  const text = document.lines.lineText(line);
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  const out: Array<{ match: RegExpExecArray; range: Range }> = [];
  for (let match = global.exec(text); match; match = global.exec(text)) {
    out.push({ match, range: document.lines.range(line, match.index, match.index + match[0].length) });
    if (match[0] === '') global.lastIndex++;
  }
  return out;
}
