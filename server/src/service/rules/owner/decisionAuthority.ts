import { defineRule } from '../types';
import { fieldToCheck, insertFieldFix, ownerSection } from '../../facts/owner/fields';
import { namedPeople, withoutTemplateLeadIn } from '../../facts/owner/people';

export const decisionAuthorityRule = defineRule({
  code: 'RDY604',
  name: 'decision-authority',
  requirements: ['O3'],
  section: 'owner',
  severity: 'error',
  summary: 'Decision authority names, by GitHub handle, the one person who can flip the rollback flag without the committee.',
  rationale:
    'The config-only rollback (ADR-56, ADR-59 FTF flags) only takes minutes if someone may flip it without convening the ' +
    'committee: the template asks who that is, by handle, so nobody waits for permission while a P1 alert fires.',
  fixHint: 'Write one handle after the template\'s lead-in, e.g. "who can flip the rollback flag without committee — `@d-okafor`".',
  check({ document, report }) {
    const section = ownerSection(document);
    if (!section) return;
    const field = fieldToCheck(document, section, 'decision authority', report, {
      message: '§6 has no Decision authority: add `- **Decision authority**: @handle`, the person who can flip the rollback flag without the committee.',
      fix: () => insertFieldFix(document, section, 'decision authority'),
    });
    if (!field) return;
    // The template's lead-in "who can flip the rollback flag without committee —" may stay.
    const value = withoutTemplateLeadIn('decision authority', field.value.text).trim();
    if (!value) {
      report({
        range: field.value.text ? field.value.range : field.range,
        message: 'The Decision authority names nobody: write the handle of the person who can flip the rollback flag without the committee, e.g. `@d-okafor`.',
      });
      return;
    }
    const { handles, teams } = namedPeople(value);
    const orgTeams = teams.filter((team) => team.text.includes('/'));
    let problem: string | undefined;
    if (orgTeams.length) problem = `names a team (${orgTeams.map((t) => `"${t.text}"`).join(', ')}), not a person`;
    else if (handles.length > 1) problem = `names ${handles.length} people (${handles.map((h) => `"${h.text}"`).join(', ')})`;
    else if (!handles.length) problem = `"${value}" is not a GitHub handle`;
    if (!problem) return;
    report({
      range: field.value.range,
      message: `The Decision authority ${problem}: write the one handle of the person who can flip the rollback flag without the committee, e.g. \`@d-okafor\`.`,
    });
  },
});
