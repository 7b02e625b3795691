import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import { angleSlotsIn } from '../../parser/placeholders';
import { defineRule } from '../types';
import { runbookPathRule } from './runbookPath';
import { DEFAULT_PART_WORDS, linkedRunbooks, missingParts, patternOf, type RunbookPart } from '../../facts/alerting/runbookFiles';

export interface RunbookContentOptions {
  /** Word stems that label each part (heading, bold label or line start), matched at the label's start. */
  partWords: Record<RunbookPart, string[]>;
  /** A Grafana dashboard link (regular expression, case-insensitive). */
  dashboardPattern: string;
  /** A Loki log query (regular expression, case-insensitive). */
  logQueryPattern: string;
}

const DEFAULT_DASHBOARD_PATTERN = String.raw`https?://[^\s)\]>]*grafana`;
const DEFAULT_LOG_QUERY_PATTERN = String.raw`\{[^{}\n]*\bjob\s*=~?[^{}\n]*\}`;

const PART_ADVICE: Record<RunbookPart, string> = {
  symptom: 'a "Symptom" section (what the on-call sees when it fires)',
  diagnosis: 'a "Diagnosis" section (the steps to find the cause)',
  remediation: 'a "Remediation" section (how to stop the damage, e.g. the rollback flag)',
  escalation: 'an "Escalation" section (whom to page next, and when)',
};

export const runbookContentRule = defineRule<RunbookContentOptions>({
  code: 'RDY207',
  name: 'runbook-content',
  requirements: ['A5'],
  section: 'alerting',
  severity: 'warning',
  summary: 'Each linked runbook has symptom, diagnosis, remediation and escalation, and links a Grafana dashboard and a Loki query.',
  rationale:
    'The template requires each runbook to go "symptom → diagnosis steps → remediation → escalation" and to link the Grafana ' +
    'dashboard and the relevant log queries (Loki `{job=...}`), so the on-call can act without knowing the Story (ADR-25, ADR-30).',
  fixHint: 'Add the missing part to the runbook file (a heading such as `## Escalation`), or the dashboard URL / the `{job="…"}` query.',
  crossFile: true,
  defaultOptions: { partWords: DEFAULT_PART_WORDS, dashboardPattern: DEFAULT_DASHBOARD_PATTERN, logQueryPattern: DEFAULT_LOG_QUERY_PATTERN },
  optionsSchema: {
    partWords: {
      type: 'object',
      description: 'Word stems labelling each runbook part (heading, bold label or line start), e.g. {"escalation": ["escalat", "on-call"]}.',
      properties: Object.fromEntries(Object.keys(DEFAULT_PART_WORDS).map((part) => [part, { type: 'array', items: { type: 'string' } }])),
      additionalProperties: false,
    },
    dashboardPattern: {
      type: 'string',
      description: 'Regular expression (case-insensitive) a Grafana dashboard link matches.',
      default: DEFAULT_DASHBOARD_PATTERN,
    },
    logQueryPattern: {
      type: 'string',
      description: 'Regular expression (case-insensitive) a Loki log query matches.',
      default: DEFAULT_LOG_QUERY_PATTERN,
    },
  },
  check({ document, options, optionsOf, workspace, documentPath, report }) {
    if (documentPath === undefined) return;
    const dashboard = patternOf(options.dashboardPattern, DEFAULT_DASHBOARD_PATTERN);
    const logQuery = patternOf(options.logQueryPattern, DEFAULT_LOG_QUERY_PATTERN);
    const partWords = { ...DEFAULT_PART_WORDS, ...options.partWords };
    for (const runbook of linkedRunbooks(document, optionsOf(runbookPathRule).runbookFolder, documentPath)) {
      const text = workspace.read(runbook.path);
      if (text === undefined) continue; // RDY206
      const related: DiagnosticRelatedInformation[] = [
        {
          location: { uri: workspace.uriOf(runbook.path), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
          message: `Runbook ${runbook.path}`,
        },
      ];
      const warn = (message: string) => report({ range: runbook.cell.range, message, related });
      for (const part of missingParts(text, partWords)) {
        warn(`Runbook ${runbook.path} has no ${part}: add ${PART_ADVICE[part]}.`);
      }
      if (!dashboard.test(text)) {
        warn(`Runbook ${runbook.path} links no Grafana dashboard: add the dashboard URL (https://grafana…/d/…) the on-call should open.`);
      }
      if (!logQuery.test(text)) {
        warn(`Runbook ${runbook.path} has no Loki query: add the relevant log query, e.g. \`{job="<service>"} |= "error"\`.`);
      }
      // A runbook whose parts are still the slots the "Create runbook" fix wrote is no runbook yet.
      const slots = angleSlotsIn(text);
      if (slots.length) {
        const shown = slots.length > 1 ? `${slots.length} slots to fill, e.g. "${slots[0]}"` : `the slot "${slots[0]}" to fill`;
        warn(`Runbook ${runbook.path} still has ${shown}: write what the on-call needs there.`);
      }
    }
  },
});
