import type { Report } from '../report';
import { printable } from './escape';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * Escapes a workflow command's message, as the Actions runner unescapes it (`%`, CR, LF), so a
 * message stays one command and cannot start another (`::set-env` and friends only count at the
 * start of a line); other control characters (ESC, BEL, VT) are shown as `\xNN`, never sent raw.
 */
export function escapeData(text: string): string {
  return printable(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a workflow command's property value: the message escapes plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per finding, which the runner turns into annotations on
 * the pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RDY201 p1-alert-required::message`.
 * Information and hints become notices. Paths are relative to the current folder, as Actions
 * runs in the repository root.
 */
export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const d of file.findings) {
      const properties: Array<[string, string | number]> = [
        ['file', file.file],
        ['line', d.range.start.line + 1],
        ['col', d.range.start.character + 1],
        ['endLine', d.range.end.line + 1],
        ['endColumn', d.range.end.character + 1],
        ['title', [d.code, d.rule].filter(Boolean).join(' ')],
      ];
      const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
      lines.push(`::${COMMAND[d.severity] ?? 'warning'} ${props}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
