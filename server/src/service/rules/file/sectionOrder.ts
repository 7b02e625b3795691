import type { Section } from '../../model';
import { SECTION_SPECS, sectionSpec } from '../../parser/sections';
import { subRange } from '../../facts/document';
import { defineRule } from '../types';

const ORDER = new Map(SECTION_SPECS.map((spec, index) => [spec.id, index]));

export const sectionOrderRule = defineRule({
  code: 'RDY003',
  name: 'section-order',
  requirements: ['F3'],
  section: 'file',
  severity: 'warning',
  summary: 'Each section appears once, in the template\'s order, with the template\'s number.',
  rationale:
    'The committee reads every readiness file in the same order (§1 to §6, then the checklist); a duplicated or moved section ' +
    'hides content or splits it in two places.',
  fixHint: 'Merge duplicated sections and move sections into the template order; fix the heading\'s number.',
  check({ document, report, workspace, documentPath }) {
    const seen = new Map<string, Section>();
    let furthest: Section | undefined;
    for (const section of document.sections) {
      if (!section.id) continue;
      const spec = sectionSpec(section.id);
      const first = seen.get(section.id);
      if (first) {
        report({
          range: section.heading.range,
          message: `Section "${spec.title}" appears twice (first at line ${first.heading.line + 1}): merge the two into one.`,
          related: documentPath
            ? [{ location: { uri: workspace.uriOf(documentPath), range: first.heading.range }, message: 'First occurrence' }]
            : undefined,
        });
        continue;
      }
      seen.set(section.id, section);
      if (furthest && ORDER.get(section.id)! < ORDER.get(furthest.id!)!) {
        report({
          range: section.heading.range,
          message: `Section "${spec.title}" comes after "${sectionSpec(furthest.id!).title}": move it before, in the template's order §1 to §6 then the checklist.`,
        });
      } else {
        furthest = section;
      }
      if (section.number !== undefined && spec.number !== undefined && section.number !== spec.number) {
        const title = section.heading.title;
        const digits = /\d+/.exec(title.text)!;
        report({
          range: subRange(title, digits.index, digits.index + digits[0].length),
          message: `This heading is numbered ${section.number}, but "${spec.title}" is §${spec.number}: renumber it ${spec.number}.`,
          fixes: [
            {
              title: `Renumber as §${spec.number}`,
              isPreferred: true,
              safe: true,
              edits: [{ range: subRange(title, digits.index, digits.index + digits[0].length), newText: String(spec.number) }],
            },
          ],
        });
      }
    }
  },
});
