import type { TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument } from '../model';
import { insertLinesBefore } from '../util/edits';

const NEXT_LINE = /^(\s*<!--\s*readiness-disable-next-line\b)(.*?)(\s*-->\s*)$/;
const SAME_LINE = /(<!--\s*readiness-disable-line\b)(.*?)(\s*-->)\s*$/;

/**
 * The edit that silences `code` on the line of a finding, keeping the Markdown well formed. A
 * comment line between table rows would end the table, so on a table's body row the comment goes
 * at the end of the row itself, `<!-- readiness-disable-line RDYxxx -->` after its last `|`: GFM
 * drops a cell beyond the header's, so the table stays one table and renders as before. Anywhere
 * else (a table's header row included: above it is above the table) a
 * `readiness-disable-next-line` comment goes on the line above. Either merges into a comment
 * already there.
 */
export function disableEdit(document: ReadinessDocument, code: string, line: number): { title: string; edits: TextEdit[] } {
  const title = `Disable ${code} for this line`;
  const table = document.sections.flatMap((s) => s.tables).find((t) => line > t.header.line && line <= t.range.end.line);
  if (table) {
    const text = document.lines.lineText(line);
    const existing = SAME_LINE.exec(text);
    if (existing) {
      const at = { line, character: existing.index + existing[1].length + existing[2].length };
      return { title, edits: [{ range: { start: at, end: at }, newText: ` ${code}` }] };
    }
    const trimmed = text.replace(/\s+$/, '');
    const end = { line, character: trimmed.length };
    // A row without a closing pipe would take the comment into its last cell: close the row first.
    const pipe = /(^|[^\\])\|$/.test(trimmed) ? '' : ' |';
    return { title, edits: [{ range: { start: end, end: { line, character: text.length } }, newText: `${pipe} <!-- readiness-disable-line ${code} -->` }] };
  }
  const previous = line > 0 ? NEXT_LINE.exec(document.lines.lineText(line - 1)) : null;
  if (previous && previous[2].trim()) {
    const at = { line: line - 1, character: previous[1].length + previous[2].length };
    return { title, edits: [{ range: { start: at, end: at }, newText: ` ${code}` }] };
  }
  return { title, edits: [insertLinesBefore(document, line, [`<!-- readiness-disable-next-line ${code} -->`])] };
}
