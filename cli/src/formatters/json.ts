import { ruleName, severityName, type Report } from '../report';

/** The documented machine format: 1-based lines and columns, version 1. */
export function formatJson(report: Report): string {
  const files = report.files.map((file) => ({
    file: file.file,
    diagnostics: file.diagnostics.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: severityName(d),
      code: String(d.code ?? ''),
      rule: ruleName(d),
      message: d.message,
    })),
  }));
  return JSON.stringify({ version: 1, files, summary: report.summary }) + '\n';
}
