import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, Section, Table, TableRow } from '../../model';
import { sectionSpec } from '../../parser/sections';
import { splitRow } from '../../parser/tables';
import { sectionTable } from '../../facts/document';
import { tableHeader } from '../../template/skeleton';
import { insertAfterIntro } from '../../util/edits';
import { defineRule } from '../types';
import { rolloutAnalysis } from '../../facts/rollout/stages';
import { rolloutStagesRule } from '../rollout/rolloutStages';

export const tableColumnsRule = defineRule({
  code: 'RDY004',
  name: 'table-columns',
  requirements: ['F4'],
  section: 'file',
  severity: 'error',
  summary: 'Each section with a table has it, with every column the template requires.',
  rationale:
    'The table is the section\'s content: without it, or without a column such as Severity or Rollback trigger, the committee ' +
    'cannot check the minima the template sets (ADR-70).',
  fixHint: 'Insert the table header from the template, or add the missing columns (the quick fix keeps every row well formed).',
  check({ document, optionsOf, report }) {
    for (const section of document.sections) {
      if (!section.id) continue;
      const columns = sectionSpec(section.id).columns;
      // A skipped section needs no table (RDY005 judges the skip); §4's shadow skip is not a section skip.
      if (!columns.length || (section.skips.length && section.id !== 'rollout')) continue;
      const table = sectionTable(section);
      // §4's stages written as a list are read as its table (facts/rollout/stageList).
      if (!table && section.id === 'rollout' && rolloutAnalysis(document, optionsOf(rolloutStagesRule))?.form === 'list') continue;
      if (!table) {
        const htmlTable = htmlTableLine(document, section);
        report({
          range: htmlTable === undefined ? section.heading.range : document.lines.trimmedLineRange(htmlTable),
          message:
            htmlTable === undefined
              ? `Section "${sectionSpec(section.id).title}" has no table: add one with the columns ${columns.join(' | ')}.`
              : `Section "${sectionSpec(section.id).title}" has its table in HTML (\`<table>\`), which is not read: write it as a Markdown table with the columns ${columns.join(' | ')}.`,
          fixes: [
            {
              title: 'Insert the table header',
              isPreferred: true,
              safe: true,
              edits: [insertHeader(document, section)],
            },
          ],
        });
        continue;
      }
      for (const wrapped of wrappedRows(document, table)) {
        report({
          range: wrapped.range,
          message:
            `This row goes on from line ${wrapped.line} (together they make one row of ${table.header.cells.length} cells): a table row is one line, ` +
            'so Markdown reads two broken rows; join the lines (write `<br>` where the cell should break).',
        });
      }
      const missing = columns.filter((column) => !table.hasColumn(column));
      if (!missing.length) continue;
      report({
        range: table.header.range,
        message: `The table lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}: the header must be | ${columns.join(' | ')} |.`,
        fixes: [
          {
            title: `Add the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
            isPreferred: true,
            safe: true,
            edits: addColumns(document, table, missing),
          },
        ],
      });
    }
  },
});

/**
 * Rows a long line was wrapped into: a row short of cells, its line without the closing pipe, and the next row
 * short too, the two together as many cells as the header (the cell cut in two counted once).
 */
function wrappedRows(document: ReadinessDocument, table: Table): TableRow[] {
  const width = table.header.cells.length;
  const found: TableRow[] = [];
  for (let index = 0; index + 1 < table.rows.length; index++) {
    const [row, next] = [table.rows[index], table.rows[index + 1]];
    if (next.line !== row.line + 1 || row.cells.length >= width || next.cells.length >= width) continue;
    if (row.cells.length + next.cells.length - 1 !== width || document.content.lineText(row.line).trimEnd().endsWith('|')) continue;
    found.push(next);
    index++;
  }
  return found;
}

// A `<table>` block (pasted from a wiki export): its cells are not read, so the author is told so plainly
// rather than that the section has no table at all.
const HTML_TABLE = /^\s{0,3}<table(?:\s[^>]*)?>/i;

function htmlTableLine(document: ReadinessDocument, section: Section): number | undefined {
  for (let line = section.startLine; line < section.endLine; line++) {
    if (!document.codeLines.has(line) && HTML_TABLE.test(document.content.lineText(line))) return line;
  }
  return undefined;
}

/** The template's table header, after the heading and its intro paragraph. */
function insertHeader(document: ReadinessDocument, section: Section): TextEdit {
  const header = tableHeader(section.id!, document.lines.eol).replace(/\r?\n$/, '').split(/\r?\n/);
  return insertAfterIntro(document, section, header);
}

/** Appends the missing columns to the header, the delimiter row and every row. */
function addColumns(document: ReadinessDocument, table: Table, missing: string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const appendTo = (line: number, cells: string[]) => {
    const text = document.lines.lineText(line).trimEnd();
    const closed = text.endsWith('|') && !text.endsWith('\\|');
    const at = { line, character: text.length };
    edits.push({ range: { start: at, end: at }, newText: `${closed ? '' : ' |'} ${cells.join(' | ')} |` });
  };
  appendTo(table.header.line, missing);
  appendTo(table.header.line + 1, missing.map(() => '---'));
  for (const row of table.rows) {
    // A row with more cells than the header: markdown-it ignores the cells past the header's width,
    // so a cell appended at the line's end would never be read, and the row's first extra cell
    // would be read as the new column. Insert the new cells right after the last cell that counts.
    const pipe = pipeAfterWidth(document, table, row);
    if (pipe !== undefined) {
      const at = { line: row.line, character: pipe + 1 };
      edits.push({ range: { start: at, end: at }, newText: ` ${missing.map(() => '').join(' | ')} |` });
      continue;
    }
    // A short row gets empty cells up to the header's width first.
    const padding = Array(Math.max(0, table.columnKeys.length - row.cells.length)).fill('');
    appendTo(row.line, [...padding, ...missing.map(() => '')]);
  }
  return edits;
}

/** The column of the pipe closing the row's last counted cell, when the row has cells past the header's width. */
function pipeAfterWidth(document: ReadinessDocument, table: Table, row: TableRow): number | undefined {
  const width = table.columnKeys.length;
  if (!width || row.cells.length < width || splitRow(document.lines, row.line).cells.length <= width) return undefined;
  const text = document.lines.lineText(row.line);
  const pipe = text.indexOf('|', row.cells[width - 1].range.end.character);
  return pipe < 0 ? undefined : pipe;
}
