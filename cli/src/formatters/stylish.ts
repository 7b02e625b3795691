import type { Report } from '../report';
import { notACommand, printable } from './escape';

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;

/** Grouped per file, `line:col severity message code`, like ESLint's stylish; text from the files printed with its control characters escaped. */
export function formatStylish(report: Report, color: boolean): string {
  const paint = (style: keyof typeof ANSI, text: string) => (color ? `\x1b[${ANSI[style]}m${text}\x1b[0m` : text);
  const out: string[] = [];
  for (const file of report.files) {
    if (!file.findings.length) continue;
    out.push(paint('underline', notACommand(printable(file.file))));
    const rows = file.findings.map((d) => ({
      position: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: d.severity,
      message: printable(d.message),
      code: d.code,
    }));
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    for (const row of rows) {
      const style = row.severity === 'error' ? 'red' : row.severity === 'warning' ? 'yellow' : 'blue';
      out.push(
        `  ${paint('gray', row.position.padEnd(positionWidth))}  ${paint(style, row.severity.padEnd(severityWidth))}  ${row.message}  ${paint('gray', row.code)}`,
      );
    }
    out.push('');
  }
  const { errors, files } = report.summary;
  const problems = report.files.reduce((n, f) => n + f.findings.length, 0);
  if (problems === 0) {
    out.push(`✔ ${files} readiness file${files === 1 ? '' : 's'} checked: no problems`);
  } else {
    const line = `✖ ${problemCount(report)} in ${files} file${files === 1 ? '' : 's'}`;
    out.push(paint(errors ? 'red' : 'yellow', line));
  }
  return out.join('\n') + '\n';
}

/**
 * "29 problems (16 errors, 11 warnings, 2 information)": errors and warnings always, information and hints when
 * there are some, so the parts add up to the total.
 */
export function problemCount(report: Report): string {
  const count = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of report.files) for (const d of file.findings) count[d.severity]++;
  const total = count.error + count.warning + count.information + count.hint;
  const parts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (count.information) parts.push(`${count.information} information`);
  if (count.hint) parts.push(plural(count.hint, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
