import { findHeaderField } from '../../facts/document';
import { parseCommitteeReview } from '../../facts/header/committee';
import { committeeReviewRule } from '../header/committeeReview';
import { maskPlaceholders } from '../../facts/header/headerFields';
import { defineRule } from '../types';
import { checklistItems, setBoxFix } from '../../facts/checklist/sectionErrors';

export const committeeBoxRule = defineRule({
  code: 'RDY704',
  name: 'committee-box',
  requirements: ['C3'],
  section: 'checklist',
  severity: 'error',
  summary: 'The committee box is ticked only when the header names the committee session.',
  rationale:
    'The committee `pr_review` session is the gate before merge (ADR-70): a ticked committee box without a session id claims a ' +
    'review nobody can find.',
  fixHint: 'Write `**Reviewed by committee**: session <id> (verdict …)` in the header, or untick the box.',
  check({ document, optionsOf, workspace, documentPath, report }) {
    const { sessionIdPattern } = optionsOf(committeeReviewRule);
    const field = findHeaderField(document, 'reviewed by committee');
    const hasSession = field !== undefined && parseCommitteeReview(maskPlaceholders(document, field.value).text, sessionIdPattern).hasSessionId;
    if (hasSession) return;
    for (const item of checklistItems(document)) {
      if (!item.checked || item.topic !== 'committee') continue;
      const where = field ? 'the header\'s "Reviewed by committee" line names no session id' : 'the header has no "Reviewed by committee" line';
      report({
        range: item.box.range,
        message: `The committee box is ticked, but ${where}: write \`**Reviewed by committee**: session <id> (verdict OK)\` with the pr_review session's id, or untick the box.`,
        related:
          field && documentPath
            ? [{ location: { uri: workspace.uriOf(documentPath), range: field.range }, message: 'The committee review line' }]
            : undefined,
        fixes: [setBoxFix(item, false, false)],
      });
    }
  },
});
