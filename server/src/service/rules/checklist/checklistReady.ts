import type { SectionId } from '../../model';
import { sectionSpec } from '../../parser/sections';
import { findSection } from '../../facts/document';
import { validSkips } from '../../facts/file/skips';
import { skipJustificationRule } from '../file/skipJustification';
import { defineRule } from '../types';
import { checklistItems, SECTION_TOPICS, sectionErrors, setBoxFix } from '../../facts/checklist/sectionErrors';

export const checklistReadyRule = defineRule({
  code: 'RDY702',
  name: 'checklist-ready',
  requirements: ['C1'],
  section: 'checklist',
  severity: 'information',
  summary: 'An unticked §1–§6 box whose section is present and has no error can be ticked.',
  rationale:
    'The checklist is the gate before merge (ADR-70): once a section passes, ticking its box records that the author checked it. ' +
    'This hint tells the author which boxes are ready.',
  fixHint: 'Re-read the section and tick its box (the "Tick the box" quick fix does it).',
  check({ document, priorFindings, optionsOf, report }) {
    // A skipped section has nothing to sign off: RDY006 already says the committee may reject the skip.
    const skipped = validSkips(document, optionsOf(skipJustificationRule));
    for (const item of checklistItems(document)) {
      if (item.checked || !item.topic || !SECTION_TOPICS.has(item.topic)) continue;
      const id = item.topic as SectionId;
      if (!findSection(document, id) || skipped.has(id) || sectionErrors(document, priorFindings, id).length) continue;
      report({
        range: item.box.range,
        message: `§${sectionSpec(id).number} has no error: tick this box once you have checked the section.`,
        // Ticking signs the section off: the author's act, offered but never applied unattended (--fix, fix on save).
        fixes: [setBoxFix(item, true, false)],
      });
    }
  },
});
