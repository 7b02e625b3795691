import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, Section, Table } from '../model';

/** Inserts whole lines before `line`, in the file's line-break style. */
export function insertLinesBefore(document: ReadinessDocument, line: number, lines: string[]): TextEdit {
  const eol = document.lines.eol;
  if (line >= document.lines.lineCount) return appendBlock(document, lines.join(eol));
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: lines.map((text) => text + eol).join('') };
}

/** Appends a block at the end of the file, separated by one blank line, ending with a line break. */
export function appendBlock(document: ReadinessDocument, block: string): TextEdit {
  const eol = document.lines.eol;
  const last = document.lines.lineCount - 1;
  const lastText = document.lines.lineText(last);
  const at = { line: last, character: lastText.length };
  const previousBlank = last === 0 || document.lines.lineText(last - 1).trim() === '';
  const prefix = lastText.trim() === '' ? (previousBlank ? '' : eol) : eol + eol;
  return { range: { start: at, end: at }, newText: prefix + block.replace(/\s+$/, '') + eol };
}

/** Inserts a row after the table's last row (or its delimiter row when it has none). */
export function appendTableRow(document: ReadinessDocument, table: Table, cells: string[]): TextEdit {
  const lastLine = table.rows.length ? table.rows[table.rows.length - 1].line : table.header.line + 1;
  return insertLinesBefore(document, lastLine + 1, [formatRow(cells)]);
}

/** A Markdown table row; `|` inside a value is escaped so the table keeps its shape. */
export function formatRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/**
 * Inserts lines after the section's heading and the template's intro paragraph under it (or right
 * after the heading when the intro is gone), with a blank line on each side.
 */
export function insertAfterIntro(document: ReadinessDocument, section: Section, block: string[]): TextEdit {
  const { lines } = document;
  const blank = (line: number) => lines.lineText(line).trim() === '';
  let at = section.startLine;
  while (at < section.endLine && blank(at)) at++;
  if (at < section.endLine && document.guidanceLines.has(at)) {
    while (at < section.endLine && !blank(at)) at++;
  } else {
    at = section.startLine;
  }
  const before = at > 0 && !blank(at - 1) ? [''] : [];
  const after = at < lines.lineCount && !blank(at) ? [''] : [];
  return insertLinesBefore(document, at, [...before, ...block, ...after]);
}
