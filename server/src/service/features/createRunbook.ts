import type { ReadinessFinding } from '../analysis';
import type { ResolvedSettings } from '../config/settings';
import type { ReadinessDocument } from '../model';
import { contains } from '../facts/document';
import { alertRows, type AlertRow } from '../facts/alerting/alertTable';
import { definedMetrics, identifiersIn } from '../facts/monitoring/metricNames';
import { runbookExistsRule } from '../rules/alerting/runbookExists';
import { runbookPathRule } from '../rules/alerting/runbookPath';
import { judgeRunbookPath, runbookPathsOf } from '../facts/alerting/runbookPaths';
import { monitoringTable } from '../facts/monitoring/monitoringTable';
import { optionsOf } from './ruleOptions';
import { confinePath } from '../workspace';

/** A new file the "Create runbook" action writes: its workspace-relative path and its text. */
export interface NewRunbook {
  title: string;
  path: string;
  text: string;
}

/**
 * "Create runbook <path>" for a runbook an alert links that does not exist (RDY206): the file with
 * the four parts RDY207 asks for (Symptom, Diagnosis steps, Remediation, Escalation), the §1
 * dashboard URL of the metric the alert's trigger watches, and a Loki `{job="…"}` query to fill in.
 * What only the author knows stays a `<placeholder>`. The path is the one RDY206 found missing: a link's
 * target read from the document's folder (`documentPath`), a code span's path from the root, `.` and `..`
 * resolved, as RDY205–RDY207 read it; a path leading out of the root gets no action (RDY205 reports it).
 */
export function createRunbookFix(
  document: ReadinessDocument,
  finding: ReadinessFinding,
  settings: ResolvedSettings | undefined,
  documentPath?: string,
): NewRunbook | undefined {
  if (finding.rule.code !== runbookExistsRule.code || !settings) return undefined;
  const row = alertRows(document).find(({ runbook }) => runbook && contains(runbook.range, finding.range));
  if (!row?.runbook) return undefined;
  const folder = optionsOf(settings, runbookPathRule).runbookFolder;
  const verdicts = runbookPathsOf(row.runbook, documentPath, document.linkDefinitions).map((path) => judgeRunbookPath(path, folder));
  // A cell may name several runbooks: the one the finding says is missing.
  const verdict = verdicts.find((v) => v.kind === 'ok' && finding.message.startsWith(`Runbook ${v.path} `)) ?? verdicts[0];
  // Never a file outside the workspace root: the path is the one the workspace confines it to, or none.
  if (verdict?.kind !== 'ok' || confinePath(verdict.path) !== verdict.path) return undefined;
  return { title: `Create runbook ${verdict.path}`, path: verdict.path, text: runbookText(document, row, verdict.path) };
}

function runbookText(document: ReadinessDocument, row: AlertRow, path: string): string {
  const alert = row.alert?.value.trim() || path.replace(/^.*\//, '').replace(/\.md$/i, '');
  const metric = watchedMetric(document, row);
  const dashboard = (metric && dashboardOf(document, metric)) || '<Grafana dashboard URL>';
  const fired = [row.severity?.value.trim(), row.channel?.value.trim()].filter(Boolean).join(', ');
  return [
    `# Runbook: ${alert}`,
    '',
    `Alert: \`${alert}\`${fired ? ` (${fired})` : ''}${row.trigger?.value.trim() ? `, fires on \`${row.trigger.value.trim()}\`` : ''}`,
    `Dashboard: ${dashboard}`,
    `Logs: Loki \`{job="<job>"} |= "${alert}"\``,
    '',
    '## Symptom',
    '',
    '<what the on-call sees when the alert fires>',
    '',
    '## Diagnosis steps',
    '',
    `1. Open the dashboard above${metric ? ` and read \`${metric}\`` : ''}.`,
    '2. Run the Loki query above over the alert window.',
    '3. <the next check that tells the causes apart>',
    '',
    '## Remediation',
    '',
    '<how to stop the damage, e.g. the rollback flag of §5>',
    '',
    '## Escalation',
    '',
    '<whom to page next, and when: the DRI, then the backup DRI>',
    '',
  ].join('\n');
}

/** The §1 metric the alert's trigger names (the first one it mentions), else the trigger's first identifier. */
function watchedMetric(document: ReadinessDocument, row: AlertRow): string | undefined {
  const identifiers = identifiersIn(row.trigger?.text ?? '');
  const defined = new Set(definedMetrics(document).map((metric) => metric.identifier));
  return identifiers.find((identifier) => defined.has(identifier)) ?? identifiers[0];
}

/** The Dashboard cell of the §1 row defining `metric`, when it holds a URL. */
function dashboardOf(document: ReadinessDocument, metric: string): string | undefined {
  const found = monitoringTable(document);
  const defined = definedMetrics(document).find((m) => m.identifier === metric);
  if (!found || !defined?.cell) return undefined;
  const row = found.table.rows.find((r) => r.cells.includes(defined.cell!));
  const url = row && /https?:\/\/\S+/.exec(found.table.cell(row, 'Dashboard')?.value ?? '');
  return url ? url[0] : undefined;
}
