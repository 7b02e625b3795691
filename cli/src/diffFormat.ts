import { sectionLabel, sectionName, type Change, type FileComparison, type FindingFact } from '../../server/src/service';

export interface DiffReport {
  /** The refs as given (`--base`, `--head`); no head: the working tree. */
  base: string;
  head: string | undefined;
  headLabel: string;
  files: Array<FileComparison & { file: string; previousFile: string | undefined }>;
}

/** For a pull-request comment or `$GITHUB_STEP_SUMMARY`: one heading per file, its changes by section. */
export function formatDiffMarkdown(report: DiffReport): string {
  const lines = [`## MLOps readiness changes: ${report.base} → ${report.head ?? report.headLabel}`, ''];
  if (!report.files.length) {
    lines.push('No readiness file was added, changed or removed.', '');
    return lines.join('\n');
  }
  const counts = (['added', 'changed', 'removed'] as const)
    .map((status) => [status, report.files.filter((f) => f.status === status).length] as const)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`);
  lines.push(`${plural(report.files.length, 'readiness file')}: ${counts.join(', ')}.`, '');
  for (const file of report.files) lines.push(...fileSection(file), '');
  return lines.map(withoutMentions).join('\n');
}

function fileSection(file: DiffReport['files'][number]): string[] {
  const { summary } = file;
  const renamed = file.previousFile ? `, renamed from \`${file.previousFile}\`` : '';
  const lines = [`### \`${file.file}\` (${file.status}${renamed})`, ''];
  const name = [summary.story, summary.title].filter(Boolean).join(' — ');
  if (name) lines.push(`**${name}**`, '');
  if (file.status === 'removed') {
    lines.push('The readiness file was removed.');
    return lines;
  }
  if (file.status === 'added') {
    lines.push(
      `- DRI: ${summary.dri ?? 'not named'}`,
      `- Stages: ${summary.stages ?? 'none readable'}`,
      `- Sunset: ${summary.sunset ?? 'not set'}`,
      `- Findings: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`,
    );
    return lines;
  }
  if (!file.changes.length && !file.introduced.length && !file.fixed.length) {
    lines.push('No change in meaning (wording or layout only).');
    return lines;
  }
  let section: Change['section'] | undefined;
  for (const change of file.changes) {
    if (change.section !== section) {
      if (section !== undefined) lines.push('');
      section = change.section;
      lines.push(`**${sectionHeading(section)}**`, '');
    }
    lines.push(`- ${capitalise(change.message)}`);
  }
  for (const [title, findings] of [
    ['Findings introduced', file.introduced],
    ['Findings fixed', file.fixed],
  ] as const) {
    if (!findings.length) continue;
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push(`**${title}** (${tally(findings)})`, '');
    for (const finding of findings) lines.push(`- ${finding.severity} ${finding.code} line ${finding.line}: ${finding.message}`);
  }
  if (file.status === 'changed') {
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push(`Now: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}.`);
  }
  return lines;
}

function sectionHeading(section: Change['section']): string {
  if (section === 'header') return 'Header';
  if (section === 'checklist') return sectionName(section);
  return `${sectionLabel(section)} ${sectionName(section)}`;
}

function tally(findings: FindingFact[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const other = findings.length - errors - warnings;
  return [plural(errors, 'error'), plural(warnings, 'warning'), ...(other ? [`${other} other`] : [])].join(', ');
}

/** The documented machine format, version 1. */
export function formatDiffJson(report: DiffReport): string {
  return (
    JSON.stringify({
      version: 1,
      base: report.base,
      head: report.head ?? null,
      files: report.files.map((file) => ({
        file: file.file,
        previousFile: file.previousFile ?? null,
        status: file.status,
        story: file.summary.story ?? null,
        title: file.summary.title ?? null,
        changes: file.changes,
        introduced: file.introduced,
        fixed: file.fixed,
        summary: file.summary,
      })),
    }) + '\n'
  );
}

/**
 * `@name` outside code spans put in one: posted as a pull-request comment, the report must not
 * notify every person and team a readiness file names.
 */
export function withoutMentions(line: string): string {
  return line
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(^|[^\w`@/])@([A-Za-z0-9][\w-]*(?:\/[\w.-]+)?)/g, '$1`@$2`')))
    .join('');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
