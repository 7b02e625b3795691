import type { ReportRow } from '../../server/src/service';

const COLUMNS = ['Needs', 'File', 'Story', 'Title', 'DRI', 'Sections passing', 'Errors', 'Warnings', 'Filled on', 'Sunset', 'Days left'];

function cells(row: ReportRow): string[] {
  return [
    row.attention,
    row.file,
    row.story ?? '—',
    row.title ?? '—',
    row.dri ?? '—',
    `${row.sectionsPassing}/${row.sections}`,
    String(row.errors),
    String(row.warnings),
    row.filledOn ?? '—',
    row.sunset ?? '—',
    row.daysLeft === undefined ? '—' : String(row.daysLeft),
  ];
}

function heading(rows: ReportRow[], today: string): string {
  const passed = rows.filter((r) => r.attention === 'sunset passed').length;
  const failing = rows.filter((r) => r.errors > 0).length;
  return `${rows.length} readiness file${rows.length === 1 ? '' : 's'} as of ${today}: ${failing} with errors, ${passed} past the sunset date.`;
}

/** A Markdown table, for a job summary or a wiki page. Cell text is escaped (`|`, markup, mentions). */
export function formatReportMarkdown(rows: ReportRow[], today: string): string {
  const lines = ['## MLOps readiness report', '', heading(rows, today), ''];
  if (rows.length) {
    lines.push(`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, i) => (i >= 5 && i !== 8 && i !== 9 ? '---:' : '---')).join('|')}|`);
    for (const row of rows) lines.push(`| ${cells(row).map(markdownCell).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Cell text shown as written: no table break, no markup; `@` handles in code spans, so a job summary
 * or a comment notifies nobody.
 */
function markdownCell(text: string): string {
  return text
    .split(/((?<![\w.])@[A-Za-z0-9][\w-]*(?:\/[\w.-]+)?)/)
    .map((part, i) => (i % 2 === 1 ? `\`${part}\`` : part.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`)))
    .join('');
}

/** The documented machine format, version 1. */
export function formatReportJson(rows: ReportRow[], today: string): string {
  return (
    JSON.stringify({
      version: 1,
      today,
      files: rows.map((row) => ({
        file: row.file,
        story: row.story ?? null,
        title: row.title ?? null,
        dri: row.dri ?? null,
        sectionsPassing: row.sectionsPassing,
        sections: row.sections,
        errors: row.errors,
        warnings: row.warnings,
        filledOn: row.filledOn ?? null,
        sunset: row.sunset ?? null,
        daysLeft: row.daysLeft ?? null,
        attention: row.attention,
      })),
    }) + '\n'
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1f2328;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}
p{margin:0 0 1rem;color:#59636e}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d1d9e0;padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.sunset-passed td:first-child{background:#ffebe9;color:#82071e;font-weight:600}
tr.errors td:first-child{background:#fff1e5;color:#953800;font-weight:600}
tr.sunset-soon td:first-child{background:#fff8c5;color:#7d4e00}
tr.warnings td:first-child{background:#fff8c5}
tr.ok td:first-child{background:#dafbe1;color:#116329}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}th{background:#161b22}th,td{border-color:#30363d}p{color:#9198a1}
tr td:first-child{color:inherit!important;background:transparent!important}}
`.trim();

const NUMERIC = new Set([5, 6, 7, 10]);

/** One self-contained page (inline CSS, no script, nothing fetched), every value escaped. */
export function formatReportHtml(rows: ReportRow[], today: string): string {
  const head = COLUMNS.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows
    .map((row) => {
      const tds = cells(row).map((text, i) => `<td${NUMERIC.has(i) ? ' class="n"' : ''}>${escapeHtml(text)}</td>`).join('');
      return `<tr class="${row.attention.replace(/ /g, '-')}">${tds}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />
<title>MLOps readiness report ${escapeHtml(today)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>MLOps readiness report</h1>
<p>${escapeHtml(heading(rows, today))}</p>
<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`;
}
