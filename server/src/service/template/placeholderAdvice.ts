import type { Placeholder } from '../model';
import { TEMPLATE_ALTERNATIVES } from '../parser/placeholders';

export interface PlaceholderAdvice {
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

export function placeholderAdvice(placeholder: Placeholder): PlaceholderAdvice {
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
      return { instruction: SLOT_ADVICE[slot] ?? 'replace it with the real value.', choices: [] };
    }
  }
}
