import type { ReadinessDocument } from '../../model';
import { defineRule } from '../types';
import { rolloutStagesRule } from './rolloutStages';
import { rolloutAnalysis, findInSpans, rolloutProse, SIGNOFF_TEXT, type RolloutAnalysis } from '../../facts/rollout/stages';

interface AutoPromotionOptions {
  autoPromotionKeywords: string[];
}

export const noAutoPromotionRule = defineRule<AutoPromotionOptions>({
  code: 'RDY406',
  name: 'no-auto-promotion',
  requirements: ['R5'],
  section: 'rollout',
  severity: 'error',
  summary: 'Nothing in the rollout promotes the change to full traffic automatically.',
  rationale:
    'The template: "Full rollout requires explicit operator sign-off in the OP Story, not auto-promotion". An automatic promotion is a ' +
    'silent decision nobody reviewed (ADR-25 no silent fallback, ADR-70).',
  fixHint: `Replace the auto-promotion with "${SIGNOFF_TEXT}".`,
  defaultOptions: {
    autoPromotionKeywords: [
      'auto-promote',
      'auto-promotion',
      'automatic promotion',
      'automated promotion',
      'promoted automatically',
      'promote automatically',
      'promotes automatically',
      'automatically promoted',
      'automatically promote',
    ],
  },
  optionsSchema: {
    autoPromotionKeywords: { description: 'Phrases of automatic promotion (ignored after "no", "not", "never", "without").', type: 'array', items: { type: 'string' } },
  },
  check({ document, options, optionsOf, report }) {
    const analysis = rolloutAnalysis(document, optionsOf(rolloutStagesRule));
    if (!analysis) return;
    for (const match of findInSpans(spansOf(document, analysis), options.autoPromotionKeywords)) {
      report({
        range: match.range,
        message: `"${match.text}" promotes the change without a human decision: write "${SIGNOFF_TEXT}" instead; full rollout is never automatic.`,
      });
    }
  },
});

/** Every cell of the table and the section's prose: auto-promotion is wrong wherever it is written. */
function spansOf(document: ReadinessDocument, analysis: RolloutAnalysis) {
  return [...analysis.table.rows.flatMap((row) => row.cells), ...rolloutProse(document, analysis)];
}
