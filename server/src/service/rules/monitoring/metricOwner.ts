import { findHeaderField, hasPlaceholder } from '../../facts/document';
import { peopleIn } from '../../util/handles';
import { defineRule, type Fix } from '../types';
import { columnCells } from '../../facts/monitoring/monitoringTable';
import { stringList } from '../../util/optionSchemas';

export interface MetricOwnerOptions {
  /** Words that are valid handle syntax but name nobody (`TBD`, `none`). */
  notHandles: string[];
}

export const metricOwnerRule = defineRule<MetricOwnerOptions>({
  code: 'RDY115',
  name: 'metric-owner',
  requirements: ['M5'],
  section: 'monitoring',
  severity: 'error',
  summary: 'Each §1 metric\'s Owner is one GitHub handle.',
  rationale:
    'Someone must watch each metric and answer for it: a team, a role or "TBD" watches nothing. The template\'s §1 asks "who ' +
    'watches them", and ADR-70 makes the signed-off file the gate, so each metric names the one person accountable.',
  fixHint: 'Write one GitHub handle, e.g. `@ana-m` (a quick fix offers the file\'s Owner).',
  defaultOptions: { notHandles: ['TBD', 'TBC', 'TODO', 'none', 'nobody', 'unknown', 'unassigned', 'someone', 'N-A', 'NA'] },
  optionsSchema: {
    notHandles: stringList('Words that look like a handle but name nobody (compared case-insensitively, with or without @).'),
  },
  check({ document, options, report }) {
    const nobody = new Set((options.notHandles ?? []).map((word) => word.replace(/^@/, '').toLowerCase()));
    const fileOwner = fileOwnerHandle(document);
    for (const { row, cell } of columnCells(document, 'Owner')) {
      if (!cell) {
        report({ range: row.range, message: 'This metric row has no Owner cell: add one holding the GitHub handle of who watches it, e.g. `@ana-m`.' });
        continue;
      }
      const value = cell.value.trim();
      const { handles, teams } = peopleIn(cell.text);
      const people = handles.filter((handle) => !nobody.has(handle.text.replace(/^@/, '').toLowerCase()));
      if (people.length === 1 && !teams.length) continue;
      let message: string;
      if (!value) message = 'The metric has no Owner: write the GitHub handle of the person who watches it, e.g. `@ana-m`.';
      else if (teams.length) message = `Owner "${value}" names a team: write the one person who watches this metric, as a handle (\`@name\`).`;
      else if (people.length > 1) message = `Owner "${value}" names ${people.length} people: keep the one who watches this metric.`;
      else message = `Owner "${value}" is not a GitHub handle: write the handle of the person who watches this metric, e.g. \`@ana-m\`.`;
      const fixes: Fix[] = [];
      for (const handle of people.length > 1 ? people.map((p) => p.text) : fileOwner ? [fileOwner] : []) {
        fixes.push({ title: `Replace with ${handle}${people.length > 1 ? '' : ' (the file\'s Owner)'}`, edits: [{ range: cell.range, newText: `\`${handle}\`` }] });
      }
      report({ range: cell.range, message, fixes });
    }
  },
});

/** The header's `**Owner**:` handle, when it names exactly one person. */
function fileOwnerHandle(document: Parameters<typeof findHeaderField>[0]): string | undefined {
  const field = findHeaderField(document, 'owner');
  if (!field || hasPlaceholder(document, field.value)) return undefined;
  const { handles } = peopleIn(field.value.text);
  return handles.length === 1 ? handles[0].text : undefined;
}
