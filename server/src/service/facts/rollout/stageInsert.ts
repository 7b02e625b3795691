// A missing stage for §4 written as a list, paragraphs or sub-headings: the stage written as its
// neighbours are (same bullet or number, same keys, same markup), with placeholders for its values.
// It writes structure only: the placeholders keep the file failing (RDY001) until the author fills them.
import type { TextEdit } from 'vscode-languageserver-types';
import type { Cell, ReadinessDocument, TableRow } from '../../model';
import { insertLinesBefore } from '../../util/edits';
import { STAGE_ORDER, STAGE_TITLE, type RolloutAnalysis, type StageKind } from './stages';

/** What stands for each value until the author writes it. */
export const STAGE_PLACEHOLDERS: Readonly<Record<string, string>> = {
  'Traffic %': '<traffic>',
  Duration: '<duration>',
  'Pass criteria': '<pass criteria>',
  'Rollback trigger': '<rollback trigger>',
};

/**
 * The edit that inserts the stage `kind`, modelled on the stage written with the most values;
 * `inserted`: how much of its text is the new stage (the rest renumbers the items after it).
 */
export function insertListStage(document: ReadinessDocument, analysis: RolloutAnalysis, kind: StageKind): { edit: TextEdit; inserted: number } {
  const { table, listItems, listStyle } = analysis;
  const valueCount = (row: TableRow) => row.cells.filter((cell) => cell.column > 0).length;
  const model = table.rows.reduce((best, row) => (valueCount(row) > valueCount(best) ? row : best));
  const item = listItems[table.rows.indexOf(model)];
  const lines = stageLines(document, model, item.line, item.endLine, kind, table.columnKeys);
  const position = insertionPosition(analysis, kind);
  // A numbered stage takes the number after the one it follows (the first, the number before the
  // list's first); in a list numbered `1.` throughout, `1.` too.
  const numbers = listItems.map((listItem) => numberOf(document, listItem.line));
  const lazy = numbers.length > 1 && numbers.every((n) => n === numbers[0]);
  const number = lazy ? numbers[0] : position.index > 0 ? numbers[position.index - 1] + 1 : Math.max(1, numbers[0] - 1);
  const numbered = renumber(lines, number);
  const separated = listStyle === 'items' ? numbered : position.after ? ['', ...numbered] : [...numbered, ''];
  const insert = insertLinesBefore(document, position.line, separated);
  return { edit: lazy ? insert : withFollowingRenumbered(document, insert, listItems.slice(position.index), number), inserted: insert.newText.length };
}

/**
 * The insert, extended over the items after it whose numbers now repeat: `2. Full` after a new
 * `2. Canary` becomes `3. Full`, as a person renumbering the list would (one edit, so that the
 * snippet's tab stops stay the only thing the editor selects).
 */
function withFollowingRenumbered(document: ReadinessDocument, insert: TextEdit, following: ReadonlyArray<{ line: number }>, inserted: number): TextEdit {
  const moved = new Set<number>();
  let expected = inserted;
  for (const item of following) {
    if (!NUMBERED.test(document.lines.lineText(item.line)) || numberOf(document, item.line) !== expected) break;
    moved.add(item.line);
    expected++;
  }
  if (!moved.size || insert.range.start.character !== 0) return insert;
  const first = insert.range.start.line;
  const last = Math.max(...moved);
  const lines: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = document.lines.lineText(line);
    lines.push(moved.has(line) ? text.replace(NUMBERED, (_match, lead: string, digits: string) => `${lead}${Number(digits) + 1}`) : text);
  }
  return {
    range: { start: insert.range.start, end: { line: last, character: document.lines.lineText(last).length } },
    newText: insert.newText + lines.join(document.lines.eol),
  };
}

/** A numbered item or sub-heading's number: `2.`, `2)`, `### 2.`. */
const NUMBERED = /^(\s*(?:#{1,6}\s+)?)(\d{1,9})(?=[.)])/;

/** The model's lines with its name replaced by the stage's, its values by placeholders, other words dropped. */
function stageLines(document: ReadinessDocument, model: TableRow, from: number, to: number, kind: StageKind, columnKeys: readonly string[]): string[] {
  const byLine = new Map<number, Cell[]>();
  for (const cell of model.cells) byLine.set(cell.range.start.line, [...(byLine.get(cell.range.start.line) ?? []), cell]);
  const result: string[] = [];
  for (let line = from; line <= to; line++) {
    let text = document.content.lineText(line);
    const cells = (byLine.get(line) ?? []).sort((a, b) => b.range.start.character - a.range.start.character);
    for (const cell of cells) {
      const replacement = cell.column === 0 ? STAGE_TITLE[kind] : cell.column > 0 ? STAGE_PLACEHOLDERS[columnName(columnKeys, cell.column)] ?? '' : '';
      text = text.slice(0, cell.range.start.character) + replacement + text.slice(cell.range.end.character);
    }
    if (cells.some((cell) => cell.column < 0)) text = tidy(text);
    // A line whose words were all the model's own (a note) goes; blank lines between paragraphs stay, once.
    if (text.trim() !== '' && !/[\p{L}\p{N}<]/u.test(text.replace(/^\s*(?:[-*+]|\d{1,9}[.)]|#{1,6})\s*/, ''))) continue;
    if (text.trim() === '' && (result.length === 0 || result[result.length - 1].trim() === '')) continue;
    result.push(text);
  }
  while (result.length && result[result.length - 1].trim() === '') result.pop();
  return result;
}

const COLUMN_NAMES = Object.keys(STAGE_PLACEHOLDERS);

function columnName(columnKeys: readonly string[], column: number): string {
  const key = columnKeys[column];
  return COLUMN_NAMES.find((name) => name.toLowerCase().replace(/[^a-z]/g, '') === key) ?? '';
}

/** Separators left where a dropped clause stood (`, ,`, `; .`) collapse to one. */
function tidy(text: string): string {
  return text.replace(/([,;:.—–])(?:\s*[,;:.—–](?=\s|$))+/g, '$1').replace(/\s+([,;.])/g, '$1').replace(/\s{2,}/g, ' ').replace(/[\s,;:—–]+$/, (end) => (end.includes('.') ? '.' : ''));
}

/** After the last earlier stage, else before the first later one, else after the last item. */
function insertionPosition(analysis: RolloutAnalysis, kind: StageKind): { line: number; after: boolean; index: number } {
  const { table, listItems } = analysis;
  const order = STAGE_ORDER.indexOf(kind);
  const indexOf = (k: StageKind) => (analysis.stage[k] ? table.rows.indexOf(analysis.stage[k]!) : -1);
  const earlier = STAGE_ORDER.slice(0, order).map(indexOf).filter((i) => i >= 0);
  if (earlier.length) {
    const index = Math.max(...earlier);
    return { line: listItems[index].endLine + 1, after: true, index: index + 1 };
  }
  const later = STAGE_ORDER.slice(order + 1).map(indexOf).filter((i) => i >= 0);
  if (later.length) {
    const index = Math.min(...later);
    return { line: listItems[index].line, after: false, index };
  }
  return { line: listItems[listItems.length - 1].endLine + 1, after: true, index: listItems.length };
}

function numberOf(document: ReadinessDocument, line: number): number {
  const number = /^\s*(?:#{1,6}\s+)?(\d{1,9})[.)]/.exec(document.content.lineText(line));
  return number ? Number(number[1]) : 1;
}

/** A numbered item or sub-heading (`2.`, `### 2)`) takes the number of its place. */
function renumber(lines: string[], number: number): string[] {
  if (!lines.length) return lines;
  const [first, ...rest] = lines;
  return [first.replace(/^(\s*(?:#{1,6}\s+)?)\d{1,9}(?=[.)])/, `$1${number}`), ...rest];
}
