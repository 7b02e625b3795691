import type { ReadinessDocument, SectionId } from '../../model';
import { SECTION_SPECS } from '../../parser/sections';
import { sectionSkeleton } from '../../template/skeleton';
import { appendBlock, insertLinesBefore } from '../../util/edits';
import { defineRule } from '../types';

export const sectionRequiredRule = defineRule({
  code: 'RDY002',
  name: 'section-required',
  requirements: ['F2'],
  section: 'file',
  severity: 'error',
  summary: 'The six MUST sections and the sign-off checklist are all present.',
  rationale:
    'Each MUST section answers one question the committee asks before merge: what is watched, who is paged, how drift is caught, ' +
    'how the change reaches traffic, how it is reverted, and who owns it (ADR-70, ADR-25).',
  fixHint: 'Insert the missing section from the template (the quick fix does) and fill it.',
  check({ document, report }) {
    const present = new Set(document.sections.map((section) => section.id));
    for (const [index, spec] of SECTION_SPECS.entries()) {
      if (present.has(spec.id)) continue;
      const { line, before } = insertionPoint(document, index);
      const anchor = before ?? document.title;
      const range = anchor ? anchor.range : document.lines.trimmedLineRange(0);
      const skeleton = sectionSkeleton(spec.id, document.lines.eol);
      const edit = before ? insertLinesBefore(document, line, [skeleton.replace(/\r?\n$/, '')]) : appendBlock(document, skeleton);
      report({
        range,
        message: `Section "${spec.title}" is missing: add it${before ? ` before "${before.text.replace(/^#+\s*/, '')}"` : ''}${spec.columns.length ? ' with its table' : ''} and fill it.`,
        fixes: [
          {
            title: `Insert section "${spec.title}"`,
            isPreferred: true,
            safe: true,
            edits: [edit],
          },
        ],
      });
    }
  },
});

/** Where a missing section belongs: before the first present section that follows it in the template. */
function insertionPoint(document: ReadinessDocument, specIndex: number) {
  const later = new Set<SectionId>(SECTION_SPECS.slice(specIndex + 1).map((spec) => spec.id));
  const next = document.sections.find((section) => section.id !== undefined && later.has(section.id));
  if (next) return { line: next.heading.line, before: next.heading };
  return { line: document.lines.lineCount, before: undefined };
}
