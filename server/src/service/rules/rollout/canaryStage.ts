import { cellOrRow, isHeld, subRange } from '../../facts/document';
import { dayOption } from '../../util/phrases';
import { defineRule } from '../types';
import { rolloutStagesRule } from './rolloutStages';
import { rolloutAnalysis, stageDays } from '../../facts/rollout/stages';
import { canarySymbolRule } from './canarySymbol';
import { DEFAULT_MULTI_CRYPTO, readCanaryTraffic } from '../../facts/rollout/canaryTraffic';
import { stringList } from '../../util/optionSchemas';

interface CanaryOptions {
  minCanaryDays: number;
  allAtOnceKeywords: string[];
  multiCryptoPattern: string;
}

export const canaryStageRule = defineRule<CanaryOptions>({
  code: 'RDY403',
  name: 'canary-stage',
  requirements: ['R3'],
  section: 'rollout',
  severity: 'error',
  summary: 'The Canary stage lasts at least 7 days and runs on a single crypto, never all at once.',
  rationale:
    'The template: "Canary stage MUST run on a single crypto first, never all-at-once". One crypto bounds the loss of a bad model to a ' +
    'fifth of the portfolio or less, and a week of live trades (`n_trades ≥ 50`) is what makes the pass criteria meaningful (ADR-67 lesson).',
  fixHint: 'Write one crypto in Traffic % (e.g. `BTCUSDC only (1 crypto out of 5)`) and `≥ 7d` in Duration.',
  defaultOptions: {
    minCanaryDays: 7,
    allAtOnceKeywords: ['all', 'all-at-once', 'all cryptos', 'every crypto', 'each crypto', 'portfolio-wide', 'whole portfolio', 'entire portfolio', '100%'],
    multiCryptoPattern: DEFAULT_MULTI_CRYPTO,
  },
  optionsSchema: {
    minCanaryDays: { description: 'Shortest canary stage, in days.', type: 'integer', minimum: 0 },
    allAtOnceKeywords: stringList('Words in the canary Traffic % cell meaning more than one crypto at once.'),
    multiCryptoPattern: {
      description: 'Regular expression (case-insensitive) for "N cryptos" with N > 1 in the canary Traffic % cell.',
      type: 'string',
    },
  },
  check({ document, options, optionsOf, report }) {
    const analysis = rolloutAnalysis(document, optionsOf(rolloutStagesRule));
    const row = analysis?.stage.canary;
    if (!analysis || !row) return;
    const { table } = analysis;
    const min = dayOption(options.minCanaryDays, 7);

    const duration = table.cell(row, 'Duration');
    if (duration && !isHeld(document, duration)) {
      const days = stageDays(duration.value);
      if (!days) {
        report({
          range: cellOrRow(duration, row),
          message: `Canary duration "${duration.value || 'empty'}" cannot be read as days: write it as e.g. \`${min}d\` or \`≥ ${min}d\`.`,
        });
      } else if (days.days < min || days.upperBound) {
        const what = days.upperBound
          ? `Canary duration "${duration.value}" sets no minimum`
          : `Canary lasts ${days.days} day${days.days === 1 ? '' : 's'} ("${duration.value}"), under the ${min}-day minimum`;
        report({
          range: duration.range,
          message: `${what}: write \`≥ ${min}d\` so the pass criteria see enough live trades.`,
          fixes: [{ title: `Set canary duration to ${min}d`, isPreferred: true, safe: false, edits: [{ range: duration.range, newText: `${min}d` }] }],
        });
      }
    }

    const traffic = table.cell(row, 'Traffic %');
    if (!traffic || isHeld(document, traffic)) return;
    const reading = readCanaryTraffic(traffic.text, options, optionsOf(canarySymbolRule));
    if (!reading.several.length) return;
    // "all 5 cryptos" is one problem: one diagnostic spanning every phrase that shows it.
    const start = Math.min(...reading.several.map((piece) => piece.start));
    const end = Math.max(...reading.several.map((piece) => piece.end));
    const written = traffic.text.slice(start, end);
    const keep = reading.symbols[0] ?? 'BTCUSDC';
    report({
      range: subRange(traffic, start, end),
      message:
        reading.kind === 'list'
          ? `Canary traffic "${written}" is ${reading.symbols.length} cryptos at once: the canary runs on a single crypto first: keep one, e.g. \`${keep} only (all other cryptos stay on the champion)\`.`
          : `Canary traffic "${written}" is more than one crypto: the canary runs on a single crypto first, never all at once: write e.g. \`BTCUSDC only (1 crypto out of 5)\`.`,
    });
  },
});
