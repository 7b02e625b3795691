import type { TableRow } from '../../model';
import { parseReadiness } from '../../parser/parse';
import { findSection, sectionTable } from '../../query';
import { TEMPLATE_TEXT } from '../../template/templateText';
import { LineIndex } from '../../text/lineIndex';

let cached: string[] | undefined;

/** The template's own §5 example rows, as written there (the FTF factor flag row first). */
export function templateRollbackRows(): string[] {
  if (!cached) {
    const template = parseReadiness(TEMPLATE_TEXT);
    const lines = new LineIndex(TEMPLATE_TEXT);
    const rows: TableRow[] = sectionTable(findSection(template, 'rollback'))?.rows ?? [];
    cached = rows.map((row) => lines.lineText(row.line).trim());
  }
  return cached;
}

/** Snippet syntax for a plain text: `$`, `}` and `\` escaped, each `<slot>` a tab stop. */
export function toSnippet(text: string): string {
  let stop = 0;
  return text.replace(/[$}\\]/g, '\\$&').replace(/<([^<>\s`=][^<>`]*)>/g, (_, inner: string) => `\${${++stop}:${inner}}`);
}
