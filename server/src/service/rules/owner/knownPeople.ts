import type { Span } from '../../model';
import { findHeaderField, hasPlaceholder, subRange } from '../../facts/document';
import { columnCells } from '../../facts/monitoring/monitoringTable';
import { defineRule } from '../types';
import { ownerField, ownerSection } from '../../facts/owner/fields';
import { namedPeople, withoutTemplateLeadIn } from '../../facts/owner/people';
import { findPerson, peopleDirectory, sayFiles, type PeopleSources } from '../../facts/owner/peopleDirectory';

export const knownPeopleRule = defineRule<PeopleSources>({
  code: 'RDY608',
  name: 'known-people',
  requirements: ['O1', 'O2', 'O3'],
  section: 'file',
  severity: 'warning',
  crossFile: true,
  summary: 'The Owner, DRI, Backup DRI, Decision authority and metric owners are people the repository lists (CODEOWNERS or a people file).',
  rationale:
    'A handle nobody in the repository knows — a typo, someone who left, an outside account — pages nobody when the P1 alert ' +
    'fires and cannot flip the rollback flag. When the repository lists its people (CODEOWNERS, or a people file), each ' +
    'person this file makes accountable must be one of them (ADR-70 sign-off, ADR-26 on-call).',
  fixHint: 'Write the handle of a person listed in CODEOWNERS (or the people file), or add the person there.',
  defaultOptions: { peopleFile: '', codeowners: true },
  optionsSchema: {
    peopleFile: {
      type: 'string',
      description: 'A file listing the people, one handle a line ("#" comments), relative to the workspace root, e.g. "docs/people.txt". Empty: none.',
    },
    codeowners: { type: 'boolean', description: 'Read the owners of CODEOWNERS, .github/CODEOWNERS and docs/CODEOWNERS.' },
  },
  check({ document, options, workspace, report }) {
    const directory = peopleDirectory(workspace, options);
    if (!directory) return;
    const where = sayFiles(directory.files);
    const checkValue = (span: Span, label: string, text = span.text) => {
      if (hasPlaceholder(document, span)) return;
      const offset = span.text.length - text.length;
      // Teams are RDY103 / RDY115 / RDY601 / RDY602 / RDY604's to report: only individuals are looked up.
      for (const handle of namedPeople(text).handles) {
        if (findPerson(directory, handle.text)) continue;
        const name = handle.text.replace(/^@?/, '@');
        report({
          range: subRange(span, offset + handle.start, offset + handle.end),
          message: `The ${label} ${name} is not listed in ${where}: name a person who is, or add ${name} there.`,
        });
      }
    };
    const owner = findHeaderField(document, 'owner');
    if (owner) checkValue(owner.value, 'Owner');
    const section = ownerSection(document);
    if (section) {
      for (const [key, label] of [['dri', 'DRI'], ['backup dri', 'Backup DRI'], ['decision authority', 'Decision authority']] as const) {
        const field = ownerField(section, key);
        if (!field) continue;
        const text = key === 'decision authority' ? withoutTemplateLeadIn(key, field.value.text) : field.value.text;
        checkValue(field.value, label, text);
      }
    }
    for (const { cell } of columnCells(document, 'Owner')) if (cell) checkValue(cell, 'metric Owner');
  },
});
