import type { Range } from 'vscode-languageserver-types';
import type { Cell, Table, TableRow } from '../model';
import { isTrimmed, type LineIndex } from '../text/lineIndex';
import { decodeEntities } from '../text/shownText';

/**
 * A header's key for matching, as a reader matches headers: case-, spacing-, punctuation- and
 * plural-insensitive, without a parenthesised part or a `%`, so `Threshold (warn / crit)`,
 * `threshold`, `Thresholds` and `Threshold(warn/crit)` agree, and so do `Traffic %` and `traffic`.
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
    .split(/[^a-z0-9]+/)
    .map(singular)
    .join('');
}

/** `alerts` → `alert`, `thresholds` → `threshold`; `status`, `sla`, `pass` stay. */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

const TAG_START = /<\/?[a-z]/i;
const INLINE_HTML = /<\/?(?:br|b|i|em|strong|code|kbd|sup|sub|span|u|s|del|ins|mark|small)\b[^<>]*>/gi;

const ESCAPE = /\\([!-/:-@[-`{-~])/g;
const HELD = /[\ue000-\ue07f]/g;
const hold = (_: string, char: string) => String.fromCharCode(0xe000 + char.charCodeAt(0));
const release = (char: string) => String.fromCharCode(char.charCodeAt(0) - 0xe000);

/** Removes code and emphasis markers, footnote references, inline HTML and escapes: the value a reader sees. */
export function stripMarkup(text: string): string {
  // Most cells carry little or no markup: run each replacement only where its marker occurs.
  let value = text;
  // An escaped character (`\|`, `pnl\_per\_trade`, `\#alerts`, `\> 3`) is itself, never markup:
  // held as a private-use stand-in until the markup is gone.
  const escaped = value.includes('\\');
  if (escaped) value = value.split(/(`+[^`]*`+)/).map((piece, i) => (i % 2 ? piece.replace(/\\\|/g, '|') : piece.replace(ESCAPE, hold))).join('');
  // Inline HTML a cell may hold: `<br>` separates, `<b>`, `<code>` … only mark up.
  // (`< 0.5` in a threshold is a comparison: only a `<` right before a letter or `/` can open a tag.)
  if (value.includes('<') && TAG_START.test(value)) value = value.replace(INLINE_HTML, (tag) => (/^<br\b/i.test(tag) ? ' ' : ''));
  if (value.includes('`')) value = value.replaceAll('`', '');
  // A footnote reference (`P1[^1]`, `7d[^shadow]`) points at a note below the table: not the cell's value.
  if (value.includes('[^')) value = value.replace(/\[\^[^\]\s]+\]/g, '');
  if (value.includes('**') || value.includes('__')) value = value.replace(/(\*\*|__)(.*?)\1/g, '$2');
  if (value.includes('*') || (value.includes('_') && /(?:^|\W)_/.test(value))) value = value.replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2');
  // `&nbsp;`, `&gt;` (exported from a wiki): the characters they name.
  value = decodeEntities(value);
  if (escaped) value = value.replace(HELD, release);
  return value.trim();
}

/**
 * Splits a table line into cells exactly as markdown-it does (an unescaped `|` always splits,
 * even inside a code span; leading and trailing empty cells are dropped), keeping each cell's
 * UTF-16 columns.
 */
export function splitRow(lines: LineIndex, line: number, columnCount?: number): TableRow {
  const raw = lines.lineText(line);
  // Offsets into the line throughout: no trimmed copies of the row or of its cells but the cell text itself.
  let bodyEnd = raw.length;
  while (bodyEnd > 0 && isTrimmed(raw.charCodeAt(bodyEnd - 1))) bodyEnd--;
  let bodyStart = 0;
  while (bodyStart < bodyEnd && isTrimmed(raw.charCodeAt(bodyStart))) bodyStart++;
  // Cell boundaries: before the body, each unescaped `|`, the body's end (cell k spans
  // bounds[k] + 1 … bounds[k + 1]). A `|` right after a backslash is escaped (markdown-it looks
  // at the previous character only).
  const bounds = [bodyStart - 1];
  for (let i = raw.indexOf('|', bodyStart); i >= 0 && i < bodyEnd; i = raw.indexOf('|', i + 1)) {
    if (i > bodyStart && raw.charCodeAt(i - 1) === 92 /* \ */) continue;
    bounds.push(i);
  }
  bounds.push(bodyEnd);
  // markdown-it drops an empty first and an empty last piece (the outer pipes).
  let first = 0;
  let last = bounds.length - 2;
  if (bounds[1] === bodyStart) first++;
  if (last >= first && bounds[last] + 1 === bounds[last + 1]) last--;
  if (columnCount !== undefined) last = Math.min(last, first + columnCount - 1);
  const cells: Cell[] = [];
  for (let piece = first; piece <= last; piece++) {
    let start = bounds[piece] + 1;
    let end = bounds[piece + 1];
    while (start < end && isTrimmed(raw.charCodeAt(start))) start++;
    while (end > start && isTrimmed(raw.charCodeAt(end - 1))) end--;
    const text = raw.slice(start, end);
    cells.push(new TableCell(text, stripMarkup(text), piece - first, line, start));
  }
  return new TableLine(lines, line, cells);
}

/**
 * A cell whose range is built when asked for: a large table has tens of thousands of cells, most
 * never reported, and three objects per cell kept alive for the whole check cost the collector
 * more than building the few ranges that are needed.
 */
class TableCell implements Cell {
  constructor(
    readonly text: string,
    readonly value: string,
    readonly column: number,
    private readonly line: number,
    private readonly start: number,
  ) {}

  get range(): Range {
    return { start: { line: this.line, character: this.start }, end: { line: this.line, character: this.start + this.text.length } };
  }
}

/** A row; its range too is built when asked for. */
class TableLine implements TableRow {
  constructor(
    private readonly lines: LineIndex,
    readonly line: number,
    readonly cells: Cell[],
  ) {}

  get range(): Range {
    return this.lines.trimmedLineRange(this.line);
  }
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
