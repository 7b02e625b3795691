import type { Field, Placeholder, ReadinessDocument } from '../model';
import { TEMPLATE_ALTERNATIVES } from '../parser/placeholders';

export interface PlaceholderAdvice {
  /** The field the placeholder is in, e.g. `in the Story line`, `in §1's Dashboard column`; empty when unknown. */
  where: string;
  /** What to write instead, as a sentence ending with a full stop. */
  instruction: string;
  /** Values that may replace it outright (offered as quick fixes). */
  choices: string[];
}

/** What each of the template's `<…>` slots asks for. */
const SLOT_ADVICE: Record<string, string> = {
  'cvn-n...-s0x title': 'write the story id and a short title, e.g. `CVN-N011-EA-S11 Label smoothing for F1_buy`.',
  cvn_id: 'write the story id, e.g. `CVN-N011-EA-S11`.',
  'github handle': 'write the owner\'s GitHub handle, e.g. `@alice`.',
  handle: 'write one person\'s GitHub handle, e.g. `@alice`.',
  id: 'write the committee session id, e.g. `session 2026-11-03-a`.',
  'event_name.field': 'write the metric name, e.g. `signals.buy_proba`.',
  alert_name: 'write the alert\'s name, e.g. `expectancy_net_negative`.',
  slug: 'write the runbook\'s file name, e.g. `expectancy-drop`.',
  why: 'write why the section is skipped.',
  reason: 'write why a shorter shadow stage is safe.',
  name: 'write the factor\'s name, e.g. `CVN_FACTOR_LABEL_SMOOTHING=off`.',
  model: 'write the model name of the MLflow alias.',
  symbol: 'write the symbol of the MLflow alias, e.g. `BTCUSDC`.',
  strategy: 'write the strategy of the MLflow alias.',
  previous: 'write the run id of the previous champion.',
};

const LITERAL_ADVICE: Record<string, string> = {
  'grafana panel url': 'write the Grafana panel\'s https URL.',
  'metric > threshold for n min': 'write the trigger, naming a §1 metric and a duration, e.g. `expectancy_net < 0 over 24h`.',
  'link to gh issue + op wp': 'link the GitHub issue (`#123` or its URL) and the OP work package (`wp#92`).',
};

/**
 * Slots whose meaning depends on the field they are in: `<id>` is the OP work package on the Story
 * line (`wp#<id>`) but the committee session on the Reviewed by committee line.
 */
const FIELD_SLOT_ADVICE: Record<string, Record<string, string>> = {
  story: {
    id: 'write the OP work package number after `wp#`, e.g. `wp#92`.',
    issue: 'write the GitHub issue number after `#`, e.g. `#412`.',
  },
  'reviewed by committee': { id: 'write the committee session id, e.g. `session 2026-11-03-a`.' },
};

/** What to write instead of a placeholder, and which field it stands in. */
export function placeholderAdvice(placeholder: Placeholder, document?: ReadinessDocument): PlaceholderAdvice {
  const field = document && fieldOf(document, placeholder);
  const where = document ? whereIs(document, placeholder, field) : '';
  return { where, ...adviceFor(placeholder, field) };
}

function adviceFor(placeholder: Placeholder, field: Field | undefined): Omit<PlaceholderAdvice, 'where'> {
  switch (placeholder.kind) {
    case 'date':
      return { instruction: 'write a real date as YYYY-MM-DD, e.g. `2026-11-02`.', choices: [] };
    case 'literal':
      return { instruction: LITERAL_ADVICE[placeholder.text.toLowerCase()] ?? 'replace it with the real value.', choices: [] };
    case 'alternatives': {
      const options = TEMPLATE_ALTERNATIVES.find((set) => set.some((option) => placeholder.text.toLowerCase().startsWith(option.toLowerCase())));
      if (!options) return { instruction: 'write the warn and the crit threshold, e.g. `> 0.2 / > 0.5`.', choices: [] };
      return { instruction: `keep exactly one of ${options.join(', ')}.`, choices: [...options] };
    }
    default: {
      const slot = placeholder.text.slice(1, -1).trim().toLowerCase();
      const byField = field && FIELD_SLOT_ADVICE[field.key]?.[slot];
      return { instruction: byField ?? SLOT_ADVICE[slot] ?? 'replace it with the real value.', choices: [] };
    }
  }
}

function fieldOf(document: ReadinessDocument, placeholder: Placeholder): Field | undefined {
  return [...document.headerFields, ...document.sections.flatMap((s) => s.fields)].find((f) => f.line === placeholder.line);
}

/** `in the Story line`, `in §1's Dashboard column`, `in the title`, `in §4`: the field as the author sees it. */
function whereIs(document: ReadinessDocument, placeholder: Placeholder, field: Field | undefined): string {
  // Plain words: the Problems panel shows messages as text, not Markdown.
  if (field) return `in the ${field.keySpan.text.replace(/[*_:]/g, '').trim() || field.key} line`;
  if (document.title && document.title.line === placeholder.line) return 'in the title';
  const section = document.sections.find((s) => placeholder.line >= s.heading.line && placeholder.line < s.endLine);
  if (!section) return '';
  const name = section.number !== undefined ? `§${section.number}` : `"${section.heading.title.text.trim()}"`;
  if (section.heading.line === placeholder.line) return `in the heading of ${name}`;
  for (const table of section.tables) {
    const row = [table.header, ...table.rows].find((r) => r.line === placeholder.line);
    const cell = row?.cells.find((c) => c.range.start.character <= placeholder.range.start.character && placeholder.range.end.character <= c.range.end.character);
    const column = cell && table.header.cells[cell.column]?.value.trim();
    if (column) return `in ${name}'s ${column} column`;
  }
  return `in ${name}`;
}
