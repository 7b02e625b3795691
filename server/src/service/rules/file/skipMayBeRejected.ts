import { sectionSpec } from '../../parser/sections';
import { isValidSkip, sectionSkips } from '../../facts/file/skips';
import { defineRule } from '../types';
import { skipJustificationRule } from './skipJustification';

export const skipMayBeRejectedRule = defineRule({
  code: 'RDY006',
  name: 'skip-may-be-rejected',
  requirements: ['F5'],
  section: 'file',
  severity: 'warning',
  summary: 'A skipped section is allowed, but the committee may reject it.',
  rationale: 'The template accepts a justified SKIP of §2 "and accept committee may reject" (ADR-70).',
  fixHint: 'Prefer filling the section; keep the SKIP only when the reason will convince the committee.',
  check({ document, optionsOf, report }) {
    const options = optionsOf(skipJustificationRule);
    for (const { section, skip } of sectionSkips(document)) {
      if (!isValidSkip(document, section.id!, skip, options)) continue;
      report({
        range: skip.marker.range,
        message: `Section "${sectionSpec(section.id!).title}" is skipped: the committee may reject the skip; fill the section if you can.`,
      });
    }
  },
});
