import { defineRule } from '../types';
import { runbookPathRule } from './runbookPath';
import { linkedRunbooks } from '../../facts/alerting/runbookFiles';

export const runbookExistsRule = defineRule({
  code: 'RDY206',
  name: 'runbook-exists',
  requirements: ['A5'],
  section: 'alerting',
  severity: 'warning',
  summary: 'Each runbook an alert links exists in the workspace.',
  rationale:
    'The template requires each alert to have a runbook in `documentation/runbooks/`; a path to a file that was never written ' +
    'leaves the on-call with nothing when the page fires (ADR-25 no silent failure, ADR-70).',
  fixHint: 'Create the runbook at that path (symptom, diagnosis, remediation, escalation, dashboard, Loki query), or fix the path.',
  crossFile: true,
  check({ document, optionsOf, workspace, documentPath, report }) {
    // A buffer with no place in a workspace has no runbooks to find: saying "missing" would be noise.
    if (documentPath === undefined) return;
    for (const runbook of linkedRunbooks(document, optionsOf(runbookPathRule).runbookFolder, documentPath)) {
      if (workspace.exists(runbook.path)) continue;
      report({
        range: runbook.cell.range,
        message:
          `Runbook ${runbook.path} does not exist in the workspace: create it (symptom, diagnosis, remediation, escalation, ` +
          'Grafana dashboard, Loki query) or correct the path.',
      });
    }
  },
});
