import { hasPlaceholder } from '../../facts/document';
import { sameHandle } from '../../util/handles';
import { defineRule } from '../types';
import { fieldToCheck, insertFieldFix, ownerField, ownerSection } from '../../facts/owner/fields';
import { namedPeople } from '../../facts/owner/people';

export const backupDriRule = defineRule({
  code: 'RDY602',
  name: 'backup-dri',
  requirements: ['O2'],
  section: 'owner',
  severity: 'error',
  summary: 'The Backup DRI is a GitHub handle, and not the DRI.',
  rationale:
    'The backup covers when the DRI is out of office: a backup who is the DRI, a team or nobody leaves the change without ' +
    'an accountable person exactly when the P1 alert fires. The template requires a named, engaged backup (ADR-70 sign-off).',
  fixHint: 'Write the handle of a second person, different from the DRI, e.g. `@li-wei`.',
  check({ document, workspace, documentPath, report }) {
    const section = ownerSection(document);
    if (!section) return;
    const field = fieldToCheck(document, section, 'backup dri', report, {
      message: '§6 has no Backup DRI: add `- **Backup DRI**: @handle` naming a second person who covers when the DRI is away.',
      fix: () => insertFieldFix(document, section, 'backup dri'),
    });
    if (!field) return;
    const value = field.value.text;
    if (!value) {
      report({ range: field.range, message: 'The Backup DRI is empty: write the handle of a second person, different from the DRI, e.g. `@li-wei`.' });
      return;
    }
    const { handles, teams } = namedPeople(value);
    // Words such as "rotation" are fine here (a shared on-call rotation is how a backup stays engaged): only
    // an `@org/team` mention in place of a person is a team.
    const orgTeams = teams.filter((team) => team.text.includes('/'));
    if (!handles.length) {
      report({
        range: field.value.range,
        message: orgTeams.length
          ? `The Backup DRI names a team (${orgTeams.map((t) => `"${t.text}"`).join(', ')}), not a person: write one person's handle, e.g. \`@li-wei\`.`
          : `The Backup DRI "${value}" names no GitHub handle: write the handle of a second person, e.g. \`@li-wei\`.`,
      });
      return;
    }
    const dri = ownerField(section, 'dri');
    if (!dri || hasPlaceholder(document, dri.value)) return;
    const driHandles = namedPeople(dri.value.text).handles;
    const same = handles.find((handle) => driHandles.some((driHandle) => sameHandle(handle.text, driHandle.text)));
    if (!same) return;
    report({
      range: field.value.range,
      message: `The Backup DRI "${same.text}" is also the DRI: name a different person who covers when the DRI is out of office.`,
      related:
        documentPath === undefined
          ? undefined
          : [{ location: { uri: workspace.uriOf(documentPath), range: dri.range }, message: `The DRI is ${same.text}.` }],
    });
  },
});
