import type { DiagnosticRelatedInformation, TextEdit } from 'vscode-languageserver-types';
import type { ReadinessDocument, Section, Table } from '../../model';
import { columnKey } from '../../parser/tables';
import { findHeaderField, hasPlaceholder } from '../../facts/document';
import { tableHeader } from '../../template/skeleton';
import { formatRow, insertAfterIntro, insertLinesBefore } from '../../util/edits';
import { escapeSnippet } from '../../util/snippets';
import { classifyMetric, metricKeywordsFromOptions, type MetricKeywords } from '../../facts/monitoring/metricClasses';
import { metricClassesRule } from '../monitoring/metricClasses';
import type { WorkspaceView } from '../../workspace';
import { defineRule, type Fix } from '../types';
import { ALERT_COLUMNS, alertRows, alertSection, alertTable, kebab, matchChoice, snake } from '../../facts/alerting/alertTable';
import { definedMetrics, type DefinedMetric } from '../../facts/monitoring/metricNames';
import { p1AlertPagesRule } from './p1AlertPages';
import { runbookPathRule } from './runbookPath';
import { normaliseFolder } from '../../facts/alerting/runbookPaths';

export interface P1AlertOptions {
  /** The condition the quick fix's trigger puts after the metric. */
  fixCondition: string;
  /** The metric the quick fix falls back to when §1 defines none. */
  fallbackMetric: string;
}

export const p1AlertRequiredRule = defineRule<P1AlertOptions>({
  code: 'RDY201',
  name: 'p1-alert-required',
  requirements: ['A1'],
  section: 'alerting',
  severity: 'error',
  summary: 'At least one P1 alert pages on-call for the failure that would silently lose revenue.',
  rationale:
    'The template requires at least one P1 alert (page on-call) covering the failure mode that would cause silent revenue loss, ' +
    'e.g. `expectancy_net < 0 over 24h on >2 cryptos`. Without it a model can lose money for days before anyone looks (ADR-25 no silent failure, ADR-70).',
  fixHint: 'Add a row with Severity P1 and channel Pagerduty whose trigger watches the §1 outcome metric (quick fix "Add P1 alert row").',
  defaultOptions: { fixCondition: '< 0 over 24h', fallbackMetric: 'expectancy_net' },
  optionsSchema: {
    fixCondition: {
      type: 'string',
      description: 'Condition written after the metric in the trigger the quick fix inserts (include a duration).',
      default: '< 0 over 24h',
    },
    fallbackMetric: {
      type: 'string',
      description: 'Metric the quick fix names when §1 defines none.',
      default: 'expectancy_net',
    },
  },
  check({ document, options, optionsOf, workspace, documentPath, report }) {
    const section = alertSection(document);
    if (!section) return; // RDY002
    const paging = optionsOf(p1AlertPagesRule);
    const table = alertTable(document);
    if (!table && section.skips.length) return; // an invalid SKIP is RDY005's finding
    if (table && !table.hasColumn(ALERT_COLUMNS.severity)) return; // RDY004
    const rows = alertRows(document);
    // A severity still reading `P1 / P2 / P3` is undecided: RDY001 asks for a choice first.
    if (rows.some(({ severity }) => severity && hasPlaceholder(document, severity))) return;
    if (rows.some(({ severity }) => severity && matchChoice(severity.value, [paging.pagingSeverity]))) return;

    const metric = outcomeMetric(document, metricKeywordsFromOptions(optionsOf(metricClassesRule)));
    const folder = optionsOf(runbookPathRule).runbookFolder;
    const name = metric?.identifier ?? options.fallbackMetric;
    const runbook = matchingRunbook(workspace, folder, name, storySlug(document)) ?? `${normaliseFolder(folder)}${kebab(name)}-${kebab(paging.pagingSeverity)}.md`;
    const proposal = proposeRow(name, options, paging.pagingSeverity, paging.pagingChannels[0] ?? 'Pagerduty', runbook);
    const related: DiagnosticRelatedInformation[] | undefined =
      metric && documentPath
        ? [
            {
              location: { uri: workspace.uriOf(documentPath), range: metric.span.range },
              message: `${metric.isOutcome ? 'Outcome metric' : 'Metric'} \`${metric.identifier}\` of §1, which the quick fix's trigger watches`,
            },
          ]
        : undefined;
    const example = `\`${proposal.metric}\` ${options.fixCondition}`;
    report({
      range: table ? table.header.range : section.heading.range,
      message:
        `No ${paging.pagingSeverity} alert: add one that pages on-call (${paging.pagingChannels[0] ?? 'Pagerduty'}) for the failure that would ` +
        `silently lose revenue, e.g. ${example}.`,
      related,
      fixes: [rowFix(document, section, table, proposal)],
    });
  },
});

/** The metric the P1 should watch: §1's first outcome metric (as RDY116 classifies it), else its first metric. */
function outcomeMetric(document: ReadinessDocument, keywords: MetricKeywords): (DefinedMetric & { isOutcome: boolean }) | undefined {
  const metrics = definedMetrics(document);
  const outcome = metrics.find((metric) => classifyMetric(metric.identifier, keywords).includes('outcome'));
  if (outcome) return { ...outcome, isOutcome: true };
  return metrics[0] && { ...metrics[0], isOutcome: false };
}

interface Proposal {
  metric: string;
  cells: Record<keyof typeof ALERT_COLUMNS, string>;
}

function proposeRow(name: string, options: P1AlertOptions, severity: string, channel: string, runbook: string): Proposal {
  const alert = `${snake(name)}_${severity.toLowerCase()}`;
  return {
    metric: name,
    cells: {
      alert: `\`${alert}\``,
      trigger: `\`${name}\` ${options.fixCondition}`,
      runbook: `\`${runbook}\``,
      severity,
      channel,
    },
  };
}

/** Name parts too common to tell one runbook from another. */
const GENERIC_PARTS = new Set(['net', 'per', 'rate', 'total', 'count', 'p1', 'p2', 'p3', 'alert', 'runbook', 'md', 'realized', 'value']);

/** `CVN-N011-EA-S11` → `ea-s11`: how the workspace's runbooks of one Story are usually prefixed. */
function storySlug(document: ReadinessDocument): string | undefined {
  const story = findHeaderField(document, 'story')?.value.text ?? '';
  const match = /-([A-Z0-9]+-S\d+)\b/i.exec(story);
  return match ? match[1].toLowerCase() : undefined;
}

/**
 * The workspace runbook that best matches the metric (most shared name parts, the Story's own
 * first), so the new row links a procedure that exists; undefined when none shares a part.
 */
function matchingRunbook(workspace: WorkspaceView, folderOption: string, metric: string, slug: string | undefined): string | undefined {
  const folder = normaliseFolder(folderOption);
  const parts = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((part) => part.length >= 3 && !GENERIC_PARTS.has(part));
  const wanted = new Set(parts(metric));
  let best: { path: string; score: number } | undefined;
  for (const name of workspace.list?.(folder.replace(/\/$/, '')) ?? []) {
    if (!/\.md$/i.test(name)) continue;
    const shared = parts(name.replace(/\.md$/i, '')).filter((part) => wanted.has(part)).length;
    if (!shared) continue;
    const score = shared * 2 + (slug && name.toLowerCase().startsWith(slug) ? 1 : 0);
    if (!best || score > best.score || (score === best.score && name < best.path.slice(folder.length))) best = { path: folder + name, score };
  }
  return best?.path;
}

/** The row's cells in the table's own column order; columns the template does not know stay empty. */
function rowCells(table: Table | undefined, cells: Proposal['cells'], snippet: boolean): string[] {
  const keys = Object.keys(ALERT_COLUMNS) as Array<keyof typeof ALERT_COLUMNS>;
  const value = (key: keyof typeof ALERT_COLUMNS) => {
    const text = cells[key];
    if (!snippet) return text;
    if (key === 'alert') return `\${1:${escapeSnippet(text)}}`;
    if (key === 'trigger') return `\${2:${escapeSnippet(text)}}`;
    if (key === 'runbook') return `\${3:${escapeSnippet(text)}}`;
    return escapeSnippet(text);
  };
  if (!table) return keys.map(value);
  return table.columnKeys.map((column) => {
    const key = keys.find((k) => columnKey(ALERT_COLUMNS[k]) === column);
    return key ? value(key) : '';
  });
}

function rowFix(document: ReadinessDocument, section: Section, table: Table | undefined, proposal: Proposal): Fix {
  const edit = (snippet: boolean): TextEdit => {
    const row = formatRow(rowCells(table, proposal.cells, snippet));
    if (table) {
      const lastLine = table.rows.length ? table.rows[table.rows.length - 1].line : table.header.line + 1;
      if (lastLine + 1 < document.lines.lineCount) return insertLinesBefore(document, lastLine + 1, [row]);
      // The table ends the file: continue it on a new line rather than after a blank one.
      const end = { line: lastLine, character: document.lines.lineText(lastLine).length };
      return { range: { start: end, end }, newText: document.lines.eol + row };
    }
    const header = tableHeader('alerting', '\n').trimEnd().split('\n');
    return insertAfterIntro(document, section, [...header, row]);
  };
  return { title: 'Add P1 alert row', isPreferred: true, edits: [edit(false)], snippetEdits: [edit(true)] };
}
