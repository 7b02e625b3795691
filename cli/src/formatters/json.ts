import type { Report } from '../report';

/** The documented machine format: 1-based lines and columns, version 1. */
export function formatJson(report: Report): string {
  const files = report.files.map((file) => ({
    file: file.file,
    diagnostics: file.findings.map((d) => ({
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
      severity: d.severity,
      code: d.code,
      rule: d.rule,
      message: d.message,
    })),
  }));
  return JSON.stringify({ version: 1, files, summary: report.summary }) + '\n';
}
