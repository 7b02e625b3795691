import { sectionSpec } from '../../parser/sections';
import { DEFAULT_MIN_REASON_WORDS, emptyReasonProblem, hasReason, isSkippable, minReasonWords, REASON_EXAMPLE, sectionSkips, type SkipOptions } from '../../facts/file/skips';
import { defineRule } from '../types';
import { stringList } from '../../util/optionSchemas';

export const skipJustificationRule = defineRule<SkipOptions>({
  code: 'RDY005',
  name: 'skip-justification',
  requirements: ['F5'],
  section: 'file',
  severity: 'error',
  summary: 'A SKIP needs a real reason, and only a skippable section (§2 by default) may be skipped.',
  rationale:
    'The template lets §2 be replaced by `**SKIP — JUSTIFICATION**: <why>`, accepting that the committee may reject it. ' +
    'A skip without a reason, or of a section the template requires unconditionally, removes a MUST (ADR-70).',
  fixHint: 'Write the reason after the colon, or fill the section instead of skipping it.',
  defaultOptions: { skippableSections: ['alerting'], minReasonWords: DEFAULT_MIN_REASON_WORDS },
  optionsSchema: {
    skippableSections: stringList('Sections that may be skipped: monitoring, alerting, drift, rollout, rollback, owner, checklist, or their numbers.'),
    minReasonWords: {
      description: 'Fewest words a SKIP reason must have (also the reason after "because" of a calibration-only shadow SKIP, RDY402).',
      type: 'integer',
      minimum: 1,
    },
  },
  check({ document, options, report }) {
    for (const { section, skip } of sectionSkips(document)) {
      if (!isSkippable(section.id!, options)) {
        report({
          range: skip.marker.range,
          message: `Section "${sectionSpec(section.id!).title}" may not be skipped: remove the SKIP and fill the section.`,
        });
      } else if (!hasReason(document, skip)) {
        report({
          range: skip.reason?.range ?? skip.marker.range,
          message: `This SKIP has no reason: after the colon, say in a sentence why the section does not apply and what covers the risk, e.g. \`**SKIP — JUSTIFICATION**: ${REASON_EXAMPLE}\`.`,
        });
      } else {
        const problem = emptyReasonProblem(skip.reason!.text, minReasonWords(options));
        if (problem) {
          report({
            range: skip.reason!.range,
            message:
              `This SKIP's reason ${problem}: say in a sentence why the section does not apply and what covers the risk, ` +
              `e.g. \`**SKIP — JUSTIFICATION**: ${REASON_EXAMPLE}\`.`,
          });
        }
      }
    }
  },
});
