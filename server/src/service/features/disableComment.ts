import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument } from '../model';
import { insertLinesBefore } from '../util/edits';

const NEXT_LINE = /^(\s*<!--\s*readiness-disable-next-line\b)(.*?)(\s*-->\s*)$/;

/**
 * The edit that silences `code` where a finding stands, keeping the Markdown well formed. A comment
 * line inside a table would cut the table in two, so a finding on a table's body row gets
 * `readiness-disable` above the table and `readiness-enable` right after it; anywhere else (the
 * header row included) a `readiness-disable-next-line` comment goes above the line, merged into
 * one already there.
 */
export function disableEdit(document: ReadinessDocument, code: string, line: number): { title: string; edits: TextEdit[] } {
  const table = document.sections.flatMap((s) => s.tables).find((t) => line > t.header.line && line <= t.range.end.line);
  if (table) {
    const lastLine = table.range.end.line;
    return {
      title: `Disable ${code} for this table`,
      edits: [
        insertLinesBefore(document, table.header.line, [`<!-- readiness-disable ${code} -->`]),
        insertLinesBefore(document, lastLine + 1, [`<!-- readiness-enable ${code} -->`]),
      ],
    };
  }
  const title = `Disable ${code} for this line`;
  const previous = line > 0 ? NEXT_LINE.exec(document.lines.lineText(line - 1)) : null;
  if (previous && previous[2].trim()) {
    const at = { line: line - 1, character: previous[1].length + previous[2].length };
    return { title, edits: [{ range: { start: at, end: at }, newText: ` ${code}` }] };
  }
  return { title, edits: [insertLinesBefore(document, line, [`<!-- readiness-disable-next-line ${code} -->`])] };
}
