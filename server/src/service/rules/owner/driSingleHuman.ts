import type { ReadinessDocument } from '../../model';
import { findHeaderField, hasPlaceholder } from '../../facts/document';
import { defineRule, type Fix } from '../types';
import { fieldToCheck, insertFieldFix, ownerSection, templateField } from '../../facts/owner/fields';
import { namedPeople } from '../../facts/owner/people';

export const driSingleHumanRule = defineRule({
  code: 'RDY601',
  name: 'dri-single-human',
  requirements: ['O1'],
  section: 'owner',
  severity: 'error',
  summary: 'The DRI is exactly one human, named by GitHub handle — not a team, not several people.',
  rationale:
    'When everyone is responsible nobody is: the DRI answers for the change\'s production behaviour for 90 days, is paged ' +
    'by its P1 alert and decides on the rollback. The template asks for a single human, not a team, and a signed-off file ' +
    'naming that person gates the merge (ADR-70, ADR-25).',
  fixHint: 'Write one person\'s handle, e.g. `@ana-m`; a second person goes in Backup DRI.',
  check({ document, report }) {
    const section = ownerSection(document);
    if (!section) return;
    const field = fieldToCheck(document, section, 'dri', report, {
      message: '§6 has no DRI: add `- **DRI**: @handle` naming the one person accountable for this change in production.',
      fix: () => missingDriFix(document),
    });
    if (!field) return;
    const value = field.value.text;
    if (!value) {
      report({ range: field.range, message: 'The DRI is empty: write the handle of the one person accountable, e.g. `@ana-m`.' });
      return;
    }
    const { handles, teams } = namedPeople(value);
    const range = field.value.range;
    if (teams.length) {
      report({
        range,
        message: `The DRI names a team (${quoteAll(teams)}): name one human by handle instead, e.g. \`@ana-m\` — a team cannot be paged or held accountable as one person.`,
      });
    } else if (handles.length > 1) {
      report({
        range,
        message: `The DRI names ${handles.length} people (${quoteAll(handles)}): keep exactly one human here and name the other as Backup DRI.`,
      });
    } else if (!handles.length) {
      report({ range, message: `The DRI "${value}" is not a GitHub handle: write one person's handle, e.g. \`@ana-m\`.` });
    }
  },
});

function quoteAll(mentions: Array<{ text: string }>): string {
  return mentions.map((mention) => `"${mention.text}"`).join(', ');
}

/** The header's Owner is the DRI by the template's own words; use that handle when there is one. */
function missingDriFix(document: ReadinessDocument): Fix {
  const section = ownerSection(document)!;
  const owner = findHeaderField(document, 'owner');
  const handles = owner && !hasPlaceholder(document, owner.value) ? namedPeople(owner.value.text) : undefined;
  const template = templateField('dri').line;
  if (handles && handles.handles.length === 1 && !handles.teams.length) {
    const handle = handles.handles[0].text.replace(/^@?/, '@');
    return insertFieldFix(document, section, 'dri', template.replace(/<[^<>]*>/, handle));
  }
  return insertFieldFix(document, section, 'dri');
}
