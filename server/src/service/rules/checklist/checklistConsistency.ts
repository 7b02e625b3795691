import { sectionSpec } from '../../parser/sections';
import { findSection } from '../../facts/document';
import type { SectionId } from '../../model';
import { defineRule } from '../types';
import { checklistItems, problemOf, SECTION_TOPICS, sectionErrors, setBoxFix } from '../../facts/checklist/sectionErrors';

export const checklistConsistencyRule = defineRule({
  code: 'RDY701',
  name: 'checklist-consistency',
  requirements: ['C1'],
  section: 'checklist',
  severity: 'warning',
  summary: 'A ticked §1–§6 box speaks of a section that is present and has no error.',
  rationale:
    'The sign-off checklist is the gate before merge: a ticked box tells the committee and the reviewer that the section is ' +
    'done. A box ticked over a failing section signs off something that is not there (ADR-70, ADR-25).',
  fixHint: 'Fix the section\'s errors, or untick the box until they are fixed.',
  check({ document, priorFindings, workspace, documentPath, report }) {
    for (const item of checklistItems(document)) {
      if (!item.checked || !item.topic || !SECTION_TOPICS.has(item.topic)) continue;
      const id = item.topic as SectionId;
      const label = `§${sectionSpec(id).number}`;
      if (!findSection(document, id)) {
        report({
          range: item.box.range,
          message: `${label} is ticked, but section "${sectionSpec(id).title}" is missing: add the section, or untick the box.`,
          fixes: [setBoxFix(item, false, false)],
        });
        continue;
      }
      const errors = sectionErrors(document, priorFindings, id);
      if (!errors.length) continue;
      const first = errors[0];
      const more = errors.length > 1 ? `, and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''}` : '';
      report({
        range: item.box.range,
        message: `${label} is ticked, but ${lowerFirst(problemOf(first))} (line ${first.range.start.line + 1}, ${first.rule.code})${more}: fix ${label}, or untick the box.`,
        related: documentPath
          ? [{ location: { uri: workspace.uriOf(documentPath), range: first.range }, message: `${first.rule.code}: ${first.message}` }]
          : undefined,
        fixes: [setBoxFix(item, false, false)],
      });
    }
  },
});

/** "No P1 alert" reads "§2 is ticked, but no P1 alert"; code and names keep their case. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

