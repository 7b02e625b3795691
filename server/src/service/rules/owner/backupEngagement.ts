import { hasPlaceholder, proseOf } from '../../facts/document';
import { defineRule } from '../types';
import { hasKeyword, keywordListSchema } from '../../util/keywords';
import { OWNER_FIELDS, ownerField, ownerSection } from '../../facts/owner/fields';
import { withoutTemplateSentences } from '../../facts/owner/people';

export const backupEngagementRule = defineRule({
  code: 'RDY603',
  name: 'backup-engagement',
  requirements: ['O2'],
  section: 'owner',
  severity: 'information',
  summary: '§6 says how the Backup DRI stays engaged: a handoff drill or a shared on-call rotation.',
  rationale:
    'The template: "A backup who has never read this file is not a backup." The Backup DRI must be actively engaged — a ' +
    'quarterly handoff drill (15 min walkthrough of dashboards + rollback flag flip) or a shared on-call rotation — so ' +
    'the config-only rollback (ADR-56) can be flipped by someone who has done it before.',
  fixHint: 'Say which one applies, e.g. "Quarterly handoff drill, next one in the first week of January" or "We share the ML on-call rotation".',
  defaultOptions: {
    engagementKeywords: [
      'drill*',
      'hand-off*',
      'hand-over*',
      'walkthrough*',
      'rotation*',
      'rota', // British for rotation
      'shared on-call',
      'share on-call',
      'shared oncall',
    ],
  },
  optionsSchema: {
    engagementKeywords: keywordListSchema('Words saying how the Backup DRI stays engaged (drill, rotation …).'),
  },
  check({ document, options, report }) {
    const section = ownerSection(document);
    const field = section && ownerField(section, 'backup dri');
    // RDY602 reports a missing Backup DRI and RDY001 a value still holding `<handle>`.
    if (!section || !field || hasPlaceholder(document, field.value)) return;
    // The template's own sentence ("MUST be actively engaged — quarterly handoff drill … OR shared on-call
    // rotation") is an instruction, not the author saying it happens.
    // A field read from a two-column table is not on a prose line: its value says it there.
    const prose = new Set(section.proseLines);
    const tableValues = section.fields.filter((f) => !prose.has(f.line)).map((f) => f.value.text);
    const text = withoutTemplateSentences(OWNER_FIELDS, [...proseOf(document, section).map((line) => line.text), ...tableValues].join('\n'));
    if (hasKeyword(text, options.engagementKeywords)) return;
    report({
      range: field.value.text ? field.value.range : field.range,
      message:
        'Nothing in §6 says how the Backup DRI stays engaged: write which applies — a quarterly handoff drill (15 min ' +
        'walkthrough of dashboards + rollback flag flip, with its next date) or a shared on-call rotation.',
    });
  },
});
