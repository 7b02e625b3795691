import { findSection, subRange } from '../../facts/document';
import { isHandle, peopleIn } from '../../util/handles';
import { defineRule } from '../types';
import { findField, insertFieldFix, maskPlaceholders, missingFieldRange, valueRange } from '../../facts/header/headerFields';

export const ownerHandleRule = defineRule({
  code: 'RDY103',
  name: 'owner-handle',
  requirements: ['H3'],
  section: 'header',
  severity: 'error',
  summary: 'The `Owner:` line names exactly one GitHub handle.',
  rationale:
    'The owner is the DRI for the production behaviour of the change: one person the on-call and the committee can reach. ' +
    'A team or a list of names is nobody in particular at 3 a.m. (ADR-70, ADR-25).',
  fixHint: 'Write `**Owner**: @handle`; a parenthesised remark may follow the handle.',
  check({ document, report }) {
    const field = findField(document, 'owner');
    if (!field) {
      const dri = driHandle(document);
      report({
        range: missingFieldRange(document),
        message: 'The header has no "Owner" line: add `**Owner**: @handle` (the DRI for production behaviour of this change).',
        fixes: [
          insertFieldFix(
            document,
            'owner',
            `${dri ?? '<github handle>'} (DRI for production behaviour of this change)`,
            `\${1:${dri ?? 'github handle'}} (DRI for production behaviour of this change)`,
          ),
        ],
      });
      return;
    }
    const { text, placeholders } = maskPlaceholders(document, field.value);
    const { handles, teams } = peopleIn(text);
    if (teams.length) {
      const team = teams[0];
      report({
        range: subRange(field.value, team.start, team.end),
        message: `The owner must be one person, not a team ("${team.text}"): write that person's GitHub handle, e.g. @ana-m.`,
      });
    } else if (handles.length > 1) {
      report({
        range: field.value.range,
        message: `The owner names ${handles.length} handles (${handles.map((h) => h.text).join(', ')}): keep exactly one; the backup goes in §6 "Backup DRI".`,
      });
    } else if (!handles.length && !placeholders) {
      report({
        range: valueRange(field),
        message: text.trim()
          ? `"${text.trim()}" is not a GitHub handle: write the owner's handle, e.g. @ana-m.`
          : 'The "Owner" line is empty: write the owner\'s GitHub handle, e.g. @ana-m.',
      });
    }
  },
});

/** §6's DRI, when it is a handle: the likely owner, offered by the fix. */
function driHandle(document: Parameters<typeof findSection>[0]): string | undefined {
  const dri = findSection(document, 'owner')?.fields.find((field) => field.key === 'dri');
  const handles = dri ? peopleIn(dri.value.text).handles : [];
  if (handles.length !== 1) return undefined;
  const handle = handles[0].text;
  return isHandle(handle) ? (handle.startsWith('@') ? handle : `@${handle}`) : undefined;
}
