import { hasPlaceholder } from '../../facts/document';
import { parseDuration, type Duration } from '../../util/durations';
import { defineRule } from '../types';
import { rollbackTable } from '../../facts/rollback/mechanisms';

export const revertSlaRule = defineRule({
  code: 'RDY502',
  name: 'revert-sla',
  requirements: ['B2'],
  section: 'rollback',
  severity: 'warning',
  summary: 'Each Revert SLA is a duration, and the primary (first) path reverts within 5 minutes.',
  rationale:
    'The template targets a 5-minute revert window: the config-only primary path (ADR-59 FTF flag, MLflow alias) exists so that ' +
    'a bad change is off in minutes, and the on-call needs to know how long each path takes before choosing one (ADR-56).',
  fixHint: 'Write each SLA as a duration such as `< 1 min` or `< 5 min`, and put a path that reverts within 5 minutes first.',
  defaultOptions: { maxPrimaryMinutes: 5 },
  optionsSchema: {
    maxPrimaryMinutes: { type: 'number', exclusiveMinimum: 0, description: 'Longest Revert SLA, in minutes, allowed for the primary (first) path.' },
  },
  check({ document, options, report }) {
    const found = rollbackTable(document);
    if (!found || !found.table.hasColumn('Revert SLA')) return;
    const { table } = found;
    table.rows.forEach((row, index) => {
      const cell = table.cell(row, 'Revert SLA');
      if (cell && hasPlaceholder(document, cell)) return;
      const mechanism = table.cell(row, 'Mechanism')?.value || `row ${index + 1}`;
      const text = cell?.value ?? '';
      const range = cell?.text ? cell.range : row.range;
      const duration = parseDuration(text) ?? instant(text);
      if (!duration) {
        report({
          range,
          message: `${text ? `Revert SLA "${text}"` : 'The Revert SLA'} of "${mechanism}" is not a duration: write how long the revert takes at most, e.g. \`< 1 min\` or \`< 5 min\`.`,
        });
        return;
      }
      if (duration.comparator === '>' || duration.comparator === '≥') {
        report({
          range,
          message: `Revert SLA "${text}" of "${mechanism}" gives no upper bound: write the longest the revert takes, e.g. \`< 5 min\`.`,
        });
        return;
      }
      // A range (`1–5 min`) takes at most its upper end.
      const longest = duration.maxMinutes ?? duration.minutes;
      if (index === 0 && longest > options.maxPrimaryMinutes) {
        report({
          range,
          message:
            `The primary (first) rollback path "${mechanism}" reverts in ${formatMinutes(longest)} (Revert SLA "${text}"), ` +
            `over the ${formatMinutes(options.maxPrimaryMinutes)} revert window: put a config-only path that reverts within ` +
            `${formatMinutes(options.maxPrimaryMinutes)} first (an FTF factor flag takes \`< 1 min\`).`,
        });
      }
    });
  },
});

function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`;
  if (minutes >= 120 && minutes % 60 === 0) return `${minutes / 60} h`;
  return `${Math.round(minutes * 10) / 10} min`;
}

/** `instant`, `immediate (flag flip)`: no time at all, an upper bound of zero. */
function instant(text: string): Duration | undefined {
  const match = /^\s*(?:instant(?:ly|aneous)?|immediate(?:ly)?)(?![\p{L}\d])/iu.exec(text);
  return match ? { minutes: 0, text: match[0].trim(), start: match[0].length - match[0].trimStart().length, valueStart: 0, comparator: '≤' } : undefined;
}
