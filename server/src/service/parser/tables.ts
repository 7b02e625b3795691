import type { Cell, Table, TableRow } from '../model';
import type { LineIndex } from '../text/lineIndex';

/**
 * A header's key for matching: case-, spacing- and punctuation-insensitive, without a
 * parenthesised part, so `Threshold (warn / crit)`, `threshold` and `Threshold(warn/crit)` agree.
 */
const keys = new Map<string, string>();

export function columnKey(header: string): string {
  // Rules look columns up by name for every row: remember each name's key.
  let key = keys.get(header);
  if (key === undefined) {
    key = computeColumnKey(header);
    if (keys.size < 10_000) keys.set(header, key);
  }
  return key;
}

function computeColumnKey(header: string): string {
  return stripMarkup(header)
    .replace(/\(.*?\)/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9%]/g, '');
}

/** Removes code and emphasis markers: the value a reader sees. */
export function stripMarkup(text: string): string {
  // Most cells carry little or no markup: run each replacement only where its marker occurs.
  let value = text;
  if (value.includes('\\')) value = value.replace(/\\\|/g, '|');
  if (value.includes('`')) value = value.replace(/`+/g, '');
  if (value.includes('**') || value.includes('__')) value = value.replace(/(\*\*|__)(.*?)\1/g, '$2');
  if (value.includes('*') || /(?:^|\W)_/.test(value)) value = value.replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2');
  return value.trim();
}

/**
 * Splits a table line into cells exactly as markdown-it does (an unescaped `|` always splits,
 * even inside a code span; leading and trailing empty cells are dropped), keeping each cell's
 * UTF-16 columns.
 */
export function splitRow(lines: LineIndex, line: number, columnCount?: number): TableRow {
  const raw = lines.lineText(line);
  const lead = raw.length - raw.trimStart().length;
  const body = raw.trim();
  const pieces: Array<{ start: number; end: number }> = [];
  let cellStart = 0;
  // A `|` right after a backslash is escaped (markdown-it looks at the previous character only).
  for (let i = body.indexOf('|'); i >= 0; i = body.indexOf('|', i + 1)) {
    if (i > 0 && body.charCodeAt(i - 1) === 92 /* \ */) continue;
    pieces.push({ start: cellStart, end: i });
    cellStart = i + 1;
  }
  pieces.push({ start: cellStart, end: body.length });
  if (pieces.length && pieces[0].start === pieces[0].end) pieces.shift();
  if (pieces.length && pieces[pieces.length - 1].start === pieces[pieces.length - 1].end) pieces.pop();
  const kept = columnCount === undefined ? pieces : pieces.slice(0, columnCount);
  const cells: Cell[] = kept.map((piece, column) => {
    const slice = body.slice(piece.start, piece.end);
    const start = lead + piece.start + (slice.length - slice.trimStart().length);
    const text = slice.trim();
    return {
      text,
      value: stripMarkup(text),
      column,
      range: lines.range(line, start, start + text.length),
    };
  });
  return { line, range: lines.trimmedLineRange(line), cells };
}

export function buildTable(lines: LineIndex, rowLines: number[], endLine: number): Table {
  const header = splitRow(lines, rowLines[0]);
  const columnKeys = header.cells.map((cell) => columnKey(cell.text));
  const rows = rowLines.slice(1).map((line) => splitRow(lines, line, columnKeys.length));
  const indexOf = (name: string) => columnKeys.indexOf(columnKey(name));
  const lastLine = Math.max(rowLines[0] + 1, endLine - 1);
  return {
    header,
    columnKeys,
    rows,
    range: { start: header.range.start, end: lines.trimmedLineRange(lastLine).end },
    cell: (row, name) => {
      const index = indexOf(name);
      return index < 0 ? undefined : row.cells[index];
    },
    hasColumn: (name) => indexOf(name) >= 0,
  };
}
