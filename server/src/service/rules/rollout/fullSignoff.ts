import { defineRule } from '../types';
import { rolloutStagesRule } from './rolloutStages';
import { rolloutAnalysis, findInSpans, rolloutProse, SIGNOFF_TEXT } from '../../facts/rollout/stages';
import { noAutoPromotionRule } from './noAutoPromotion';

interface SignoffOptions {
  signoffKeywords: string[];
}

export const fullSignoffRule = defineRule<SignoffOptions>({
  code: 'RDY405',
  name: 'full-signoff',
  requirements: ['R5'],
  section: 'rollout',
  severity: 'warning',
  summary: 'The Full stage names the explicit operator sign-off (in the OP Story) that promotes the change.',
  rationale:
    'The template: "Full rollout requires explicit operator sign-off in the OP Story, not auto-promotion". A named human decision leaves a ' +
    'trace the committee and the next DRI can find (ADR-70: ML changes reach production only with a signed-off readiness file).',
  fixHint: `Add "${SIGNOFF_TEXT}" to the Full row's pass criteria (quick fix).`,
  defaultOptions: {
    signoffKeywords: ['sign-off', 'signed off', 'operator approval', 'operator approves', 'manual promotion', 'manually promoted', 'promoted manually', 'in the OP Story'],
  },
  optionsSchema: {
    signoffKeywords: { description: 'Phrases that name the operator\'s explicit sign-off.', type: 'array', items: { type: 'string' } },
  },
  check({ document, options, optionsOf, report }) {
    const analysis = rolloutAnalysis(document, optionsOf(rolloutStagesRule));
    const row = analysis?.stage.full;
    if (!analysis || !row) return;
    // Auto-promotion in the Full row is RDY406's error; one diagnostic for one problem.
    if (findInSpans(row.cells, optionsOf(noAutoPromotionRule).autoPromotionKeywords).length) return;
    const fullProse = rolloutProse(document, analysis).filter((span) => /\bfull\b/i.test(span.text));
    if (findInSpans([...row.cells, ...fullProse], options.signoffKeywords).length) return;
    const criteria = analysis.table.cell(row, 'Pass criteria');
    const hasCriteria = criteria !== undefined && criteria.text.trim() !== '';
    report({
      range: row.range,
      message: `The Full stage names no operator sign-off: add "${SIGNOFF_TEXT}" to its pass criteria; full rollout is never automatic.`,
      fixes: criteria
        ? [
            {
              title: `Add "${SIGNOFF_TEXT}" to the Full pass criteria`,
              isPreferred: true,
              // It records a commitment: the author must mean it.
              safe: false,
              edits: [{ range: { start: criteria.range.end, end: criteria.range.end }, newText: hasCriteria ? ` + ${SIGNOFF_TEXT}` : SIGNOFF_TEXT }],
            },
          ]
        : undefined,
    });
  },
});
